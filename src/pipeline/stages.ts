import { UnknownStageError } from '../errors.js'
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

/** Picks stages by name, in pipeline order. */
export function selectStages(names: readonly string[]): Stage[] {
  const known = STAGES.map((s) => s.name)
  for (const n of names) if (!known.includes(n)) throw new UnknownStageError(n, known)
  return STAGES.filter((s) => names.includes(s.name))
}
