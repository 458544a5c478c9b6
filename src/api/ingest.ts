import type { Document, RawDocument } from '../document/index.js'
import { BudgetExceededError, DossierError, type InputErrorCode } from '../errors.js'
import { LazyPool, type Budget } from '../pipeline/pool.js'
import { READER_STAGE_NAMES, failedStageOf, producedLayers, stagesToComplete } from '../pipeline/process.js'
import { selectStages } from '../pipeline/stages.js'
import type { Stage } from '../pipeline/stage.js'
import { readInputs, type IngestOptions as ReadOptions, type IngestResult } from '../stages/ingest/index.js'
import { escapeControlChars } from '../stages/ingest/names.js'
import { stopsTheRun, type Blob, type Store, type WriterOptions } from '../store/index.js'
import { checkWorkers, extractEach, type Extracted } from './extract-each.js'

// Here as well, where callers found them before they moved (extract needs them without the store).
export { maxWorkers, checkWorkers, extractEach, type Extracted } from './extract-each.js'

/** Documents read but not yet stored, at most: bounds memory however fast inputs are read. */
const MAX_DOCUMENTS_IN_FLIGHT = 512

export type IngestEvent =
  | { readonly kind: 'stored'; readonly input: string; readonly added: number; readonly existing: number }
  | { readonly kind: 'annotated'; readonly input: string; readonly documents: number }
  | { readonly kind: 'unchanged'; readonly input: string }
  | { readonly kind: 'rejected'; readonly input: string; readonly code: InputErrorCode | string; readonly message: string }
  | { readonly kind: 'warning'; readonly input: string; readonly message: string }

export interface IngestOptions extends ReadOptions {
  readonly store: Store
  /** Worker threads for extraction: a number up to `maxWorkers()`, or `auto` (threads once the batch is large enough). */
  readonly workers?: number | 'auto'
  /** Time and memory one document may use on a worker (DEFAULT_BUDGET); past it, its input fails alone. */
  readonly budget?: Budget
  readonly onEvent?: (event: IngestEvent) => void
  /** How the run waits for another writer of the store (one writes at a time; see `Store.acquireWriter`). */
  readonly writer?: WriterOptions
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
 * Reads inputs (files, directories, `-`, URLs), extracts every document, runs the reader stages
 * (metadata) and stores it with its raw bytes. Each input is committed atomically; a bad input is
 * reported and the rest goes on; a store that cannot be written (busy, full, read-only, damaged)
 * stops the run with its StoreError. It holds the store's writer lease throughout. `analyze` runs
 * every stage instead.
 *
 * @example
 * const store = await openStore({ path: 'dossier.db' })
 * const report = await ingest(['articles/'], { store })
 * console.log(report.documentsAdded, report.rejected)
 */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<IngestReport> {
  const report = await asWriter(options.store, options.writer, () => storeInputs(inputs, options, { stages: READER_STAGE_NAMES, complete: 'never' }))
  return { inputs: report.inputs, documentsAdded: report.documentsAdded, documentsExisting: report.documentsExisting, unchanged: report.unchanged, rejected: report.rejected }
}

/**
 * Runs `work` holding the store's writer lease, so no other writer changes what it reads before it
 * writes; waits for the writer before it as `options` say.
 *
 * @example
 * await asWriter(store, { waitMs: 5_000 }, () => storeInputs(inputs, { store }, plan))
 */
export async function asWriter<T>(store: Store, options: WriterOptions | undefined, work: () => Promise<T>): Promise<T> {
  const lease = await store.acquireWriter(options)
  try {
    return await work()
  } finally {
    await lease.release()
  }
}

/** What `storeInputs` runs, and what it does with documents already stored. */
export interface StorePlan {
  readonly stages: readonly string[]
  /**
   * Stored documents of an input read before: `never` leaves them (ingest); `missing` runs the
   * stages they lack and replaces those layers; `all` runs every stage again (after an upgrade).
   */
  readonly complete: 'never' | 'missing' | 'all'
  /** Sees every document of the inputs once it is stored, updated, or found complete. */
  readonly observe?: (doc: Document) => void
  /** Inputs already read (a queue worker reads bytes it was sent), instead of reading `inputs`. */
  readonly results?: Iterable<IngestResult> | AsyncIterable<IngestResult>
  /** Threads to run stages on, shared across calls (a worker's); closed by its owner, not here. */
  readonly processor?: Pick<LazyPool, 'run'>
}

export interface StoreReport extends IngestReport {
  /** Stored documents whose layers were completed or replaced. */
  readonly documentsAnnotated: number
}

/**
 * The loop under `ingest` and `analyze`: reads inputs, runs the plan's stages on worker threads,
 * and writes in input order, one transaction per input (or per updated document). A store failure
 * no input can get past (`stopsTheRun`: busy, full, read-only, damaged) ends the run with that
 * error, once, instead of rejecting every input after it. The caller holds the writer lease.
 */
export async function storeInputs(inputs: readonly string[], options: IngestOptions, plan: StorePlan): Promise<StoreReport> {
  return storeResults(plan.results ?? readInputs(inputs, options), options, plan)
}

/**
 * `storeInputs` on inputs already read (`readBytes` results): what `dossier watch` gives it, having
 * fetched each page itself (politely, conditionally). The caller holds the writer lease.
 */
export async function storeResults(results: Iterable<IngestResult> | AsyncIterable<IngestResult>, options: IngestOptions, plan: StorePlan): Promise<StoreReport> {
  const { store, onEvent = () => {} } = options
  const observe = plan.observe ?? (() => {})
  const stages = selectStages(plan.stages)
  checkWorkers(options.workers ?? 'auto')
  const owned = plan.processor === undefined ? new LazyPool(options.workers ?? 'auto', options.budget) : undefined
  const processor = plan.processor ?? owned!
  const rejected: Array<{ input: string; code: string; message: string }> = []
  // The store failure that ended the run: reading more inputs would only fail the same way.
  let stopped: { readonly error: unknown } | undefined
  let count = 0
  let added = 0
  let existing = 0
  let annotated = 0
  let unchanged = 0
  const reject = (input: string, code: string, message: string): void => {
    rejected.push({ input, code, message })
    onEvent({ kind: 'rejected', input, code, message })
  }

  // A stage that threw marked its document; the document is stored with what the other stages made.
  const warnFailedStages = (input: string, doc: Document, ran: readonly Stage[]): void => {
    for (const m of doc.messages) {
      const failed = failedStageOf(m)
      if (failed !== undefined && ran.some((s) => s.name === failed)) onEvent({ kind: 'warning', input, message: m.message })
    }
  }

  const saveNew = async (input: string, blob: Blob, processed: Promise<Extracted>): Promise<void> => {
    let docs: Document[]
    try {
      const extracted = await processed
      for (const failed of extracted.failed) {
        const where = failed.record !== undefined ? `${input}#${escapeControlChars(failed.record)}` : input
        const { error } = failed
        if (error instanceof BudgetExceededError) reject(where, error.code, error.message)
        else reject(where, 'EXTRACT_FAILED', `${where}: could not extract: ${messageOf(error)}`)
      }
      docs = extracted.docs
      if (docs.length === 0 && extracted.failed.length > 0) return
    } catch (error) {
      if (error instanceof BudgetExceededError) reject(input, error.code, error.message)
      else reject(input, 'EXTRACT_FAILED', `${input}: could not extract: ${messageOf(error)}`)
      return
    }
    let saved
    try {
      saved = await store.save(blob, docs)
    } catch (error) {
      // The save was one transaction: nothing of this input is in the store.
      if (stopsTheRun(error)) {
        stopped = { error }
        throw error
      }
      reject(input, error instanceof DossierError ? error.code : 'STORE_WRITE_FAILED', `${input}: not stored: ${messageOf(error)}`)
      return
    }
    added += saved.added
    existing += saved.existing
    for (const doc of docs) {
      warnFailedStages(input, doc, stages)
      observe(doc)
    }
    onEvent({ kind: 'stored', input, ...saved })
  }

  // Each stored document is updated in its own transaction: a failure leaves it as it was.
  const updateStored = async (input: string, annotating: Promise<Document[]>, ran: ReadonlyMap<string, readonly Stage[]>): Promise<void> => {
    let docs: Document[]
    try {
      docs = await annotating
    } catch (error) {
      if (error instanceof BudgetExceededError) reject(input, error.code, error.message)
      else reject(input, 'ANNOTATE_FAILED', `${input}: could not annotate: ${messageOf(error)}`)
      return
    }
    let done = 0
    for (const doc of docs) {
      const stagesRun = ran.get(doc.id) ?? stages
      try {
        // The messages too: a stage that now ran took its old failure message with it.
        await store.updateLayers(doc.id, producedLayers(doc, stagesRun), doc.messages)
      } catch (error) {
        if (stopsTheRun(error)) {
          stopped = { error }
          throw error
        }
        reject(input, error instanceof DossierError ? error.code : 'STORE_WRITE_FAILED', `${input}: document ${doc.id} not updated: ${messageOf(error)}`)
        continue
      }
      done++
      warnFailedStages(input, doc, stagesRun)
      observe(doc)
    }
    annotated += done
    onEvent({ kind: 'annotated', input, documents: done })
  }

  // Saves happen in input order on one chain, so the store's order is the order of the inputs.
  let chain: Promise<void> = Promise.resolve()
  const inFlight: Array<{ readonly saved: Promise<void>; readonly documents: number }> = []
  let documentsInFlight = 0
  const enqueue = (documents: number, write: () => Promise<void>): void => {
    chain = chain.then(write)
    // A write that stops the run rejects the chain; it is rethrown where the chain is awaited,
    // and must not count as unhandled while inputs are still being read meanwhile.
    chain.catch(() => {})
    inFlight.push({ saved: chain, documents })
    documentsInFlight += documents
  }
  try {
    for await (const result of results) {
      if (stopped !== undefined) break
      count++
      if (!result.ok) {
        reject(result.input, result.error.code, result.error.message)
        continue
      }
      for (const warning of result.warnings ?? []) onEvent({ kind: 'warning', input: result.input, message: warning })
      if (await store.hasBlob(result.blob.sha256)) {
        const work = plan.complete === 'never' ? undefined : await findWork(store, result, stages, plan.complete === 'all', observe)
        existing += work?.complete ?? 0
        if (!work || (work.missing.length === 0 && work.incomplete.length === 0)) {
          unchanged++
          onEvent({ kind: 'unchanged', input: result.input })
          continue
        }
        if (work.missing.length > 0) {
          const processed = extractEach(processor, plan.stages, work.missing)
          processed.catch(() => {})
          enqueue(work.missing.length, () => saveNew(result.input, result.blob, processed))
        }
        if (work.incomplete.length > 0) {
          const docs = work.incomplete.map((w) => w.doc)
          const annotating = processor.run({ kind: 'annotate', stages: plan.stages, docs, all: plan.complete === 'all' })
          annotating.catch(() => {})
          const ran = new Map(work.incomplete.map((w) => [w.doc.id, w.stages]))
          enqueue(docs.length, () => updateStored(result.input, annotating, ran))
        }
      } else {
        const processed = extractEach(processor, plan.stages, result.documents)
        processed.catch(() => {})
        enqueue(result.documents.length, () => saveNew(result.input, result.blob, processed))
      }
      while (documentsInFlight > MAX_DOCUMENTS_IN_FLIGHT && inFlight.length > 1) {
        const oldest = inFlight.shift()!
        await oldest.saved
        documentsInFlight -= oldest.documents
      }
    }
    await chain
    if (stopped !== undefined) throw stopped.error
  } finally {
    await owned?.close()
  }
  return { inputs: count, documentsAdded: added, documentsExisting: existing, documentsAnnotated: annotated, unchanged, rejected }
}

interface StoredWork {
  /** Documents of the input the store lacks (its bytes were stored, but not this document). */
  readonly missing: RawDocument[]
  /** Stored documents that lack a layer of the plan's stages (or all of them, when redoing). */
  readonly incomplete: Array<{ readonly doc: Document; readonly stages: readonly Stage[] }>
  /** Stored documents with every layer (observed, not kept: an input may hold thousands). */
  complete: number
}

async function findWork(
  store: Store, result: Extract<IngestResult, { ok: true }>, stages: readonly Stage[], redo: boolean, observe: (doc: Document) => void,
): Promise<StoredWork> {
  const work: StoredWork = { missing: [], incomplete: [], complete: 0 }
  for (const raw of result.documents) {
    const stored = await store.getDocument(raw.id)
    if (!stored) {
      work.missing.push(raw)
      continue
    }
    const needed = redo ? stages : stagesToComplete(stored, stages)
    if (needed.length > 0) work.incomplete.push({ doc: stored, stages: needed })
    else {
      work.complete++
      observe(stored)
    }
  }
  return work
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
