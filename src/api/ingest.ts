import type { Document } from '../document/index.js'
import { DossierError, type InputErrorCode } from '../errors.js'
import { MIN_DOCUMENTS_FOR_WORKERS, ProcessPool, defaultPoolSize } from '../pipeline/pool.js'
import { readInputs, type IngestOptions as ReadOptions } from '../stages/ingest/index.js'
import type { Store } from '../store/index.js'

/** Documents read but not yet stored, at most: bounds memory however fast inputs are read. */
const MAX_DOCUMENTS_IN_FLIGHT = 512

export type IngestEvent =
  | { readonly kind: 'stored'; readonly input: string; readonly added: number; readonly existing: number }
  | { readonly kind: 'unchanged'; readonly input: string }
  | { readonly kind: 'rejected'; readonly input: string; readonly code: InputErrorCode | string; readonly message: string }
  | { readonly kind: 'warning'; readonly input: string; readonly message: string }

export interface IngestOptions extends ReadOptions {
  readonly store: Store
  /** Worker threads for extraction: a number, or `auto` (threads once the batch is large enough). */
  readonly workers?: number | 'auto'
  readonly onEvent?: (event: IngestEvent) => void
}

export interface IngestReport {
  readonly inputs: number
  readonly documentsAdded: number
  readonly documentsExisting: number
  /** Inputs whose exact bytes were stored before: nothing was read again. */
  readonly unchanged: number
  readonly rejected: ReadonlyArray<{ readonly input: string; readonly code: string; readonly message: string }>
}

/**
 * Reads inputs (files, directories, `-`, URLs), extracts every document and stores it with its
 * raw bytes. Each input is committed atomically; a bad input is reported and the rest goes on.
 *
 * @example
 * const store = await openStore({ path: 'dossier.db' })
 * const report = await ingest(['articles/'], { store })
 * console.log(report.documentsAdded, report.rejected)
 */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestReport> {
  const { store, onEvent = () => {} } = options
  const processor = new LazyPool(options.workers ?? 'auto')
  const rejected: Array<{ input: string; code: string; message: string }> = []
  let count = 0
  let added = 0
  let existing = 0
  let unchanged = 0
  const reject = (input: string, code: string, message: string): void => {
    rejected.push({ input, code, message })
    onEvent({ kind: 'rejected', input, code, message })
  }

  // Saves happen in input order on one chain, so the store's order is the order of the inputs.
  let chain: Promise<void> = Promise.resolve()
  const inFlight: Array<{ readonly saved: Promise<void>; readonly documents: number }> = []
  let documentsInFlight = 0
  try {
    for await (const result of readInputs(inputs, options)) {
      count++
      if (!result.ok) {
        reject(result.input, result.error.code, result.error.message)
        continue
      }
      for (const warning of result.warnings ?? []) onEvent({ kind: 'warning', input: result.input, message: warning })
      if (await store.hasBlob(result.blob.sha256)) {
        unchanged++
        onEvent({ kind: 'unchanged', input: result.input })
        continue
      }
      const processed = processor.process(result.documents)
      processed.catch(() => {})
      chain = chain.then(async () => {
        let docs: Document[]
        try {
          docs = await processed
        } catch (error) {
          reject(result.input, 'EXTRACT_FAILED', `${result.input}: could not extract: ${messageOf(error)}`)
          return
        }
        let saved
        try {
          saved = await store.save(result.blob, docs)
        } catch (error) {
          // The save was one transaction: nothing of this input is in the store.
          reject(result.input, error instanceof DossierError ? error.code : 'STORE_WRITE_FAILED', `${result.input}: not stored: ${messageOf(error)}`)
          return
        }
        added += saved.added
        existing += saved.existing
        onEvent({ kind: 'stored', input: result.input, ...saved })
      })
      inFlight.push({ saved: chain, documents: result.documents.length })
      documentsInFlight += result.documents.length
      while (documentsInFlight > MAX_DOCUMENTS_IN_FLIGHT && inFlight.length > 1) {
        const oldest = inFlight.shift()!
        await oldest.saved
        documentsInFlight -= oldest.documents
      }
    }
    await chain
  } finally {
    await processor.close()
  }
  return { inputs: count, documentsAdded: added, documentsExisting: existing, unchanged, rejected }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Processes in the calling thread until the batch proves large enough to be worth worker threads. */
class LazyPool {
  private pool?: ProcessPool
  private readonly inline = new ProcessPool(0)
  private seen = 0

  constructor(private readonly workers: number | 'auto') {}

  process(docs: Parameters<ProcessPool['process']>[0]): Promise<Document[]> {
    this.seen += docs.length
    return this.choose().process(docs)
  }

  async close(): Promise<void> {
    await this.pool?.close()
  }

  private choose(): ProcessPool {
    if (this.pool) return this.pool
    const size = this.workers === 'auto' ? (this.seen >= MIN_DOCUMENTS_FOR_WORKERS ? defaultPoolSize() : 0) : this.workers
    if (size === 0) return this.inline
    this.pool = new ProcessPool(size)
    return this.pool
  }
}
