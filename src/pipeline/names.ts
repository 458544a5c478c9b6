import type { DocumentMessage } from '../document/index.js'

// What callers need to know of the stages without loading them: their names, and how a stage's
// failure is written on a document. `dossier/reader` imports this, and no stage beyond metadata.

/** Every stage's name, in pipeline order (the order of STAGES, which a test holds it to). */
export const STAGE_NAMES: readonly string[] = ['metadata', 'sentences', 'times', 'entities', 'quotes', 'claims', 'events']

/**
 * The stages `ingest` and `extract` run after extraction: what a reader needs (title, date,
 * outlet). `analyze` runs every stage in STAGES.
 */
export const READER_STAGE_NAMES: readonly string[] = ['metadata']

/** Every stage's name, in pipeline order: what `analyze` runs. */
export function allStageNames(): string[] {
  return [...STAGE_NAMES]
}

/** Code of the message a document carries when one of its stages threw. */
export const STAGE_FAILED = 'STAGE_FAILED'

/** Code of the message a document carries for each stage its language keeps from running (see `Stage.languages`). */
export const LANGUAGE_NOT_READ = 'LANGUAGE_NOT_READ'

/** How messages stored before they named their stage said it: read back only for those. */
const FAILED_STAGE = /^stage "([^"]+)" failed/

/** The stage a `STAGE_FAILED` message names; undefined for any other message. */
export function failedStageOf(message: DocumentMessage): string | undefined {
  if (message.code !== STAGE_FAILED) return undefined
  return message.stage ?? FAILED_STAGE.exec(message.message)?.[1]
}

/** The stage that wrote a message, when a stage did: a run of that stage decides the message anew. */
export function stageOfMessage(message: DocumentMessage): string | undefined {
  return message.stage ?? failedStageOf(message)
}
