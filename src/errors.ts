/** Base of every error Dossier throws on purpose; `code` is stable and documented. */
export abstract class DossierError extends Error {
  abstract readonly code: string
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

/** An input that cannot be read as a document. The batch goes on without it. */
export class UnreadableInputError extends DossierError {
  constructor(
    readonly input: string,
    readonly reason: string,
    readonly code: InputErrorCode = 'INPUT_UNREADABLE',
  ) {
    super(`${input}: ${reason}`)
  }
}

/** Stable codes for rejected inputs. */
export type InputErrorCode =
  | 'INPUT_UNREADABLE'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_BAD_ENCODING'
  | 'INPUT_BAD_GZIP'
  | 'INPUT_GZIP_BOMB'
  | 'INPUT_BAD_FEED'
  | 'INPUT_BAD_JSONL'
  | 'INPUT_BAD_WARC'
  | 'INPUT_NO_CONTENT'
  | 'INPUT_UNSUPPORTED'
  | 'FETCH_FAILED'
  | 'FETCH_REFUSED'
  | 'FETCH_TIMEOUT'

/** The API was called in a way it does not support; the message says what to do instead. */
export class UsageError extends DossierError {
  readonly code: string = 'USAGE'
}

export class UnknownStageError extends DossierError {
  readonly code = 'UNKNOWN_STAGE'
  constructor(readonly stage: string, known: readonly string[]) {
    super(`Unknown stage "${stage}". Known stages: ${known.join(', ')}.`)
  }
}

/** A stage ran before the layers it requires were produced. */
export class MissingLayerError extends DossierError {
  readonly code = 'MISSING_LAYER'
  constructor(readonly stage: string, readonly layer: string) {
    super(`Stage "${stage}" requires layer "${layer}"; run the stage that produces it first.`)
  }
}

/** The store could not be opened, migrated or written. */
export class StoreError extends DossierError {
  readonly code: string
  constructor(message: string, code = 'STORE_FAILED', options?: { cause?: unknown }) {
    super(message)
    this.code = code
    if (options?.cause !== undefined) this.cause = options.cause
  }
}

/** A search query that cannot be parsed; the message names the query, what is wrong and where. */
export class SearchSyntaxError extends UsageError {
  override readonly code = 'SEARCH_SYNTAX'
}

/**
 * Processing one input went past its budget: its worker was stopped and the input failed alone.
 * `budget` says which limit, and the message names the input, the document and the option to raise.
 */
export class BudgetExceededError extends DossierError {
  readonly code = 'BUDGET_EXCEEDED'
  constructor(readonly input: string, readonly budget: 'time' | 'memory', detail: string) {
    super(`${input}: ${detail}`)
  }
}

/**
 * The distributed queue could not do what was asked: its database or broker is unreachable, a
 * run or option is unknown. `code` is `QUEUE_UNAVAILABLE`, `QUEUE_NO_RUN` or `QUEUE_FAILED`.
 */
export class QueueError extends DossierError {
  readonly code: string
  constructor(message: string, code = 'QUEUE_FAILED', options?: { cause?: unknown }) {
    super(message)
    this.code = code
    if (options?.cause !== undefined) this.cause = options.cause
  }
}
