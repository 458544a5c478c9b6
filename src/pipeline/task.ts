import type { Document, DocumentMessage, LayerName, Layers, RawDocument } from '../document/index.js'
import { extractDocument } from '../stages/clean/index.js'
import { STAGE_FAILED, stageOfMessage } from './names.js'
import { runStages } from './run.js'
import type { Stage, StageConfig } from './stage.js'

// Running stages over a task's documents, given the stages: no stage is imported here, so the
// reader (which runs metadata only) does not load the annotation stages.

/**
 * The stages a stored document still needs: from the first stage whose layers it lacks to the
 * end, since every later stage may read what that one produces. Empty when nothing is missing.
 *
 * @example
 * stagesToComplete(ingested, STAGES) // [sentences, times, …]: the reader stages already ran
 */
export function stagesToComplete(doc: Document, stages: readonly Stage[]): Stage[] {
  const first = stages.findIndex((s) => s.produces.some((layer) => doc.layers[layer] === undefined))
  return first === -1 ? [] : stages.slice(first)
}

/** The layers a list of stages produces, picked from a document: what a store update writes. */
export function producedLayers(doc: Document, stages: readonly Stage[]): Partial<Layers> {
  const out: Partial<Record<LayerName, unknown>> = {}
  for (const stage of stages) for (const layer of stage.produces) out[layer] = doc.layers[layer]
  return out as Partial<Layers>
}

function stageFailure(doc: Document, stage: Stage, error: unknown): DocumentMessage {
  return {
    severity: 'error',
    code: STAGE_FAILED,
    input: doc.origin.input,
    stage: stage.name,
    message: `stage "${stage.name}" failed on document ${doc.id}: ${error instanceof Error ? error.message : String(error)}; its layers and those of later stages are missing`,
  }
}

/**
 * Runs stages like `runStages`, but a stage that throws on this document stops only this
 * document: it keeps the layers made so far and gets a `STAGE_FAILED` message naming the stage,
 * so one odd article never costs the thousand others read with it. The next `analyze` sees the
 * missing layers and runs those stages again. A `STAGE_FAILED` message from an earlier run of
 * one of these stages is dropped first, as is any other message one of them wrote
 * (`LANGUAGE_NOT_READ`): this run decides whether it still holds.
 *
 * @example
 * const doc = runStagesIsolated(extracted, STAGES)
 * doc.messages.filter((m) => m.code === STAGE_FAILED)
 */
export function runStagesIsolated(doc: Document, stages: readonly Stage[], config: StageConfig = {}): Document {
  const running = new Set(stages.map((s) => s.name))
  const kept = doc.messages.filter((m) => {
    const stage = stageOfMessage(m)
    return stage === undefined || !running.has(stage)
  })
  let current = kept.length === doc.messages.length ? doc : { ...doc, messages: kept }
  for (const stage of stages) {
    try {
      current = runStages(current, [stage], config)
    } catch (error) {
      return { ...current, messages: [...current.messages, stageFailure(doc, stage, error)] }
    }
  }
  return current
}

/** A unit of work for a worker: raw documents to extract and run through stages, or stored ones to complete. */
export type Task =
  | { readonly kind: 'extract'; readonly stages: readonly string[]; readonly docs: readonly RawDocument[] }
  | { readonly kind: 'annotate'; readonly stages: readonly string[]; readonly docs: readonly Document[]; readonly all?: boolean }

/**
 * Runs a task in this thread with its stages resolved (`runTask` resolves them by name). `annotate` runs what each document lacks (every named stage with
 * `all`). Extraction failing fails the task (the input); a stage failing marks its document only.
 * `onDocument` hears of each document done (a worker's time budget restarts with it).
 */
export function runTaskWith(task: Task, stages: readonly Stage[], onDocument: (done: number) => void = () => {}): Document[] {
  const out: Document[] = []
  for (const d of task.docs) {
    if (task.kind === 'extract') out.push(runStagesIsolated(extractDocument(d as RawDocument), stages))
    else out.push(runStagesIsolated(d as Document, task.all ? stages : stagesToComplete(d as Document, stages)))
    onDocument(out.length)
  }
  return out
}
