import type { Stage } from './stage.js'
import { metadata } from '../stages/metadata/index.js'
import { sentences } from '../stages/sentences/index.js'

/**
 * The engine, in order. Ingest and extraction build the Document (`source`, `clean`, `page`);
 * the stages listed here add layers to it.
 */
export const STAGES: readonly Stage[] = [metadata, sentences]
