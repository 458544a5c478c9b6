import type { Stage } from './stage.js'
import { claims } from '../stages/claims/index.js'
import { entities } from '../stages/entities/index.js'
import { events } from '../stages/events/index.js'
import { metadata } from '../stages/metadata/index.js'
import { quotes } from '../stages/quotes/index.js'
import { sentences } from '../stages/sentences/index.js'
import { times } from '../stages/times/index.js'

/**
 * The engine, in order. Ingest and extraction build the Document (`source`, `clean`, `page`);
 * the stages listed here add layers to it. `dossier ingest` runs the reader stages (metadata);
 * `dossier analyze` runs them all.
 */
export const STAGES: readonly Stage[] = [metadata, sentences, times, entities, quotes, claims, events]
