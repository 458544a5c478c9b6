import type pg from 'pg'
import { storeInputs } from '../api/ingest.js'
import type { Document, DocumentId } from '../document/index.js'
import { ProcessPool, type Budget } from '../pipeline/pool.js'
import { allStageNames } from '../pipeline/process.js'
import { readBytes } from '../stages/ingest/index.js'
import type { Store } from '../store/index.js'
import { sleep } from './db.js'
import type { ItemMeta } from './enqueue.js'
import { claimItem, finishItem, loadPayload, releaseItem, renewLeases, requeueAbandoned, unclaimItem, type ItemRef, type WorkerIdentity } from './items.js'
import { LivenessLock } from './liveness.js'
import { Placer, type PlacerEvent } from './placer.js'
import type { JobQueue } from './queue.js'

/** A held item's lease, in milliseconds: renewed every third of it while its worker lives. */
export const DEFAULT_LEASE_MS = 15_000
/** Tries an input gets before it is failed (each try ended with its worker gone). */
export const DEFAULT_MAX_ATTEMPTS = 3

export type WorkerEvent =
  | { readonly kind: 'claimed'; readonly job: ItemRef; readonly attempt: number }
  | { readonly kind: 'done'; readonly job: ItemRef; readonly input: string; readonly documents: number; readonly failed: string | null }
  /** A result refused: another worker took the item over while this one held it. */
  | { readonly kind: 'late'; readonly job: ItemRef; readonly input: string }
  | { readonly kind: 'gave-up'; readonly job: ItemRef; readonly reason: string }
  | { readonly kind: 'retry'; readonly job: ItemRef; readonly message: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'placer'; readonly event: PlacerEvent }

export interface WorkerOptions {
  /** The queue database, for the worker's own liveness connection. */
  readonly dbUrl: string
  readonly db: pg.Pool
  readonly queue: JobQueue
  readonly store: Store
  readonly identity: WorkerIdentity
  /** Inputs worked on at once, each on a thread of its own. Default 1. */
  readonly concurrency?: number
  readonly leaseMs?: number
  readonly maxAttempts?: number
  /** Time and memory one document may use on a thread (DEFAULT_BUDGET). */
  readonly budget?: Budget
  /** Documents per placement step; default `STORY_PAGE_SIZE`, as a single-process run pages. */
  readonly pageSize?: number
  readonly onEvent?: (event: WorkerEvent) => void
}

/**
 * A queue worker: takes messages naming items, reads each item's bytes, runs every stage on its
 * documents (on threads: the event loop stays free to renew leases), stores them, and records the
 * outcome under its fencing token; between jobs it places stories when it can take the placement
 * lease. Stops on `stop()`, letting the jobs it holds finish.
 *
 * @example
 * const worker = new QueueWorker({ db, queue, store, identity: newWorkerIdentity(), concurrency: 2 })
 * await worker.start()
 */
export class QueueWorker {
  private readonly held = new Map<string, ItemRef & { fence: number }>()
  private processor?: ProcessPool
  private readonly placer: Placer
  private heartbeat?: ReturnType<typeof setInterval>
  private idlePlacing?: ReturnType<typeof setInterval>
  private stopping = false
  private readonly liveness: LivenessLock

  constructor(private readonly options: WorkerOptions) {
    this.liveness = new LivenessLock(options.dbUrl, options.identity, (error) => this.report(error))
    this.placer = new Placer({
      db: options.db,
      store: options.store,
      identity: options.identity,
      leaseMs: this.leaseMs,
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      onEvent: (event) => options.onEvent?.({ kind: 'placer', event }),
    })
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? DEFAULT_LEASE_MS
  }

  async start(): Promise<void> {
    const { db, queue } = this.options
    // Before any claim: an item held by a worker without its liveness lock looks abandoned.
    await this.liveness.start()
    // Threads start now and warm up (lexicons loaded) before the first job is taken.
    this.processor = new ProcessPool(this.options.concurrency ?? 1, this.options.budget)
    this.heartbeat = setInterval(() => {
      renewLeases(db, [...this.held.values()], this.leaseMs).catch((error: unknown) => this.report(error))
    }, Math.max(100, Math.floor(this.leaseMs / 3)))
    // The last input of a run may finish on another worker, or the placer may die: an idle
    // worker looks for pages to place every second.
    this.idlePlacing = setInterval(() => {
      this.place()
      this.sweep()
    }, 1_000)
    // One input more than threads: the next one is annotated while this thread's last is stored.
    await queue.work((job) => this.handle(job), { concurrency: (this.options.concurrency ?? 1) + 1 })
  }

  async stop(): Promise<void> {
    this.stopping = true
    clearInterval(this.idlePlacing)
    await this.options.queue.stopWorking()
    clearInterval(this.heartbeat)
    await this.placer.placeReady().catch((error: unknown) => this.report(error))
    await this.processor?.close()
    await this.liveness.close()
  }

  private place(): void {
    if (this.stopping) return
    this.placer.placeReady().catch((error: unknown) => this.report(error))
  }

  private sweeping = false
  /** Set while a retried input runs: no other is claimed beside it. */
  private isolating = false

  /** With a broker that redelivers only on expiry: publishes the items of dead workers again. */
  private sweep(): void {
    const { db, queue } = this.options
    if (this.stopping || this.sweeping || queue.redeliversOnDisconnect) return
    this.sweeping = true
    requeueAbandoned(db)
      .then((items) => (items.length > 0 ? queue.send(items) : undefined))
      .catch((error: unknown) => this.report(error))
      .finally(() => {
        this.sweeping = false
      })
  }

  private report(error: unknown): void {
    this.options.onEvent?.({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
  }

  private async handle(job: ItemRef): Promise<void> {
    const { db, identity, onEvent } = this.options
    for (;;) {
      // An input retried after its worker died runs alone: if it kills this worker too, no other
      // input held beside it spends a try.
      while (this.isolating) await sleep(200)
      const result = await claimItem(db, job, identity, this.leaseMs, this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)
      if (result.kind === 'finished') return
      if (result.kind === 'gave-up') {
        onEvent?.({ kind: 'gave-up', job, reason: result.reason })
        this.place()
        return
      }
      if (result.kind === 'claimed') {
        const { attempt, fence } = result.claim
        // Either side of the race gives way: a retried input claimed while another was held (or
        // being claimed), and a first try whose claim came back after a retried input began to
        // run alone, each go back to the queue with their try not counted.
        if (this.isolating || (attempt > 1 && this.held.size > 0)) {
          await unclaimItem(db, job, fence)
          await sleep(200)
          continue
        }
        onEvent?.({ kind: 'claimed', job, attempt })
        if (attempt > 1) this.isolating = true
        try {
          await this.process(job, fence)
        } finally {
          if (attempt > 1) this.isolating = false
        }
        this.place()
        return
      }
      // Held by a live worker (a copy delivered again): wait for it to finish or to die.
      if (this.stopping) throw new Error('stopping')
      await sleep(500)
    }
  }

  private async process(job: ItemRef, fence: number): Promise<void> {
    const { db, store, onEvent } = this.options
    const key = `${job.run}:${job.seq}`
    this.held.set(key, { ...job, fence })
    try {
      const payload = await loadPayload(db, job)
      const { meta, maxInputBytes } = payload.meta as unknown as ItemMeta
      const read = readBytes(payload.input, payload.bytes, meta, { maxInputBytes })
      const documents: DocumentId[] = []
      const seen = new Set<DocumentId>()
      const report = await storeInputs([payload.input], { store }, {
        stages: allStageNames(),
        complete: 'missing',
        results: [read],
        processor: this.processor!,
        observe: (doc: Document) => {
          if (!seen.has(doc.id)) documents.push(doc.id)
          seen.add(doc.id)
        },
      })
      const reasons = report.rejected.map((r) => r.message)
      // A whole input rejected fails; an input some of whose records were stored is done, with
      // the records that were not named in its reason.
      const failed = documents.length === 0 && reasons.length > 0
      const finished = await finishItem(db, job, fence, {
        state: failed ? 'failed' : 'done',
        documents,
        added: report.documentsAdded,
        existing: report.documentsExisting,
        reason: reasons.length > 0 ? reasons.join('\n') : null,
      })
      if (finished) onEvent?.({ kind: 'done', job, input: payload.input, documents: documents.length, failed: failed ? reasons.join('\n') : null })
      else onEvent?.({ kind: 'late', job, input: payload.input })
    } catch (error) {
      // Not the input's fault (the store or the queue database unreachable): give it back.
      const message = error instanceof Error ? error.message : String(error)
      onEvent?.({ kind: 'retry', job, message })
      await releaseItem(db, job, fence, message).catch(() => {})
      throw error
    } finally {
      this.held.delete(key)
    }
  }
}
