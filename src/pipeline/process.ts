import type { Document, RawDocument } from '../document/index.js'
import { extractDocument } from '../stages/clean/index.js'
import type { Stage, StageConfig } from './stage.js'
import { runStages } from './run.js'
import { STAGES, selectStages } from './stages.js'
import { runTaskWith, type Task } from './task.js'

export { LANGUAGE_NOT_READ, READER_STAGE_NAMES, STAGE_FAILED, STAGE_NAMES, allStageNames, failedStageOf, stageOfMessage } from './names.js'
export { producedLayers, runStagesIsolated, runTaskWith, stagesToComplete, type Task } from './task.js'

/**
 * Reads one raw document all the way: extraction, then the given stages in order (all by default).
 *
 * @example
 * const doc = processDocument(raw, selectStages(READER_STAGE_NAMES))
 * doc.layers.metadata?.published?.value.date
 */
export function processDocument(raw: RawDocument, stages: readonly Stage[] = STAGES, config: StageConfig = {}): Document {
  return runStages(extractDocument(raw), stages, config)
}

/**
 * Runs a task in this thread. Stages travel by name, so a worker thread resolves them from its
 * own copy of the pipeline. `annotate` runs what each document lacks (every named stage with
 * `all`). Extraction failing fails the task (the input); a stage failing marks its document only.
 * `onDocument` hears of each document done (a worker's time budget restarts with it).
 */
export function runTask(task: Task, onDocument: (done: number) => void = () => {}): Document[] {
  return runTaskWith(task, selectStages(task.stages), onDocument)
}
