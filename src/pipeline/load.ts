import { metadata } from '../stages/metadata/index.js'
import { READER_STAGE_NAMES } from './names.js'
import type { Stage } from './stage.js'

/**
 * The named stages, in pipeline order, loading the annotation stages (and their lexicons) only
 * when a name asks for one: the reader's stages are at hand, so `extract` and `dossier/reader`
 * never load the rest. Unknown names reject with `UnknownStageError`.
 *
 * @example
 * await loadStages(READER_STAGE_NAMES) // [metadata], without importing entities, quotes, …
 */
export async function loadStages(names: readonly string[]): Promise<Stage[]> {
  if (names.every((n) => READER_STAGE_NAMES.includes(n))) return [metadata].filter((s) => names.includes(s.name))
  const { selectStages } = await import('./stages.js')
  return selectStages(names)
}
