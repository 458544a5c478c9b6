import type { Document, RawDocument } from '../document/index.js'
import { extractDocument } from '../stages/clean/index.js'
import type { Stage, StageConfig } from './stage.js'
import { runStages } from './run.js'
import { STAGES } from './stages.js'

/**
 * Reads one raw document all the way: extraction, then every stage in order.
 *
 * @example
 * const doc = processDocument(raw)
 * doc.layers.metadata?.published?.value.date
 */
export function processDocument(raw: RawDocument, stages: readonly Stage[] = STAGES, config: StageConfig = {}): Document {
  return runStages(extractDocument(raw), stages, config)
}
