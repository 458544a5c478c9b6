import type { Document, LayerName } from '../document/index.js'
import { MissingLayerError, UnknownStageError } from '../errors.js'
import type { Stage, StageConfig } from './stage.js'
import { STAGES } from './stages.js'

/**
 * Checks a stage list once: every requirement is produced by the extractor or an earlier stage.
 * Throws before the first document, not in the middle of a batch.
 */
export function checkStageOrder(stages: readonly Stage[], initial: readonly LayerName[]): void {
  const have = new Set<LayerName>(initial)
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (!have.has(layer)) throw new MissingLayerError(stage.name, layer)
    }
    for (const layer of stage.produces) have.add(layer)
  }
}

/** Picks stages by name, in pipeline order. */
export function selectStages(names: readonly string[]): Stage[] {
  const known = STAGES.map((s) => s.name)
  for (const n of names) if (!known.includes(n)) throw new UnknownStageError(n, known)
  return STAGES.filter((s) => names.includes(s.name))
}

/** Runs stages over one document, returning a new document with their layers added. */
export function runStages(doc: Document, stages: readonly Stage[], config: StageConfig = {}): Document {
  let current = doc
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (current.layers[layer] === undefined) throw new MissingLayerError(stage.name, layer)
    }
    const produced = stage.run(current, config)
    current = { ...current, layers: { ...current.layers, ...produced } }
  }
  return current
}
