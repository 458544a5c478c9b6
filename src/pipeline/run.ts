import type { Document, LayerName } from '../document/index.js'
import { MissingLayerError } from '../errors.js'
import type { Stage, StageConfig } from './stage.js'

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
