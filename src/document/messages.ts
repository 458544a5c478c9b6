import type { Span } from './span.js'

/** A note about one input or document: bad input, a doubtful value, a skipped part. */
export interface DocumentMessage {
  readonly severity: 'error' | 'warning' | 'info'
  /** Stable code, e.g. `INPUT_BINARY`, `CHARSET_GUESSED`. */
  readonly code: string
  readonly input: string
  readonly message: string
  readonly span?: Span
  /** The stage that wrote it (`STAGE_FAILED`, `LANGUAGE_NOT_READ`); absent for ingest's and extraction's messages, and on messages stored before stages named themselves. */
  readonly stage?: string
}
