import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Document, DocumentMessage, Layers, RawDocument } from '../document/index.js'
import { BudgetExceededError } from '../errors.js'
import { escapeControlChars } from '../stages/ingest/names.js'
import { loadStages } from './load.js'
import { allStageNames } from './names.js'
import { runTaskWith, type Task } from './task.js'

/** Below this many documents a batch is processed in the calling thread: starting workers costs more. */
export const MIN_DOCUMENTS_FOR_WORKERS = 64

export interface ProcessRequest { readonly id: number; readonly task: Task }
/** Extract tasks answer with documents; annotate tasks with only the layers they changed (the caller holds the rest). */
export type ProcessReply =
  | { readonly id: number; readonly ok: true; readonly docs: Document[] }
  | { readonly id: number; readonly ok: true; readonly changes: DocumentChange[] }
  | { readonly id: number; readonly ok: false; readonly message: string }

/**
 * What annotation changed in a document: the layers made, and its messages afterwards (all of
 * them, few and small: a stage run again drops its old failure message, so they are not only
 * appended).
 */
export interface DocumentChange {
  readonly layers: Partial<Layers>
  readonly messages: readonly DocumentMessage[]
}

function documentsOf(task: Task, reply: Extract<ProcessReply, { ok: true }>): Document[] {
  if ('docs' in reply) return reply.docs
  const sent = task.docs as readonly Document[]
  return reply.changes.map((change, i) => {
    const doc = sent[i]!
    return { ...doc, layers: { ...doc.layers, ...change.layers }, messages: change.messages }
  })
}

/**
 * What processing one document may use before its worker is stopped and its input fails alone.
 * A stage is synchronous code: only stopping the thread that runs it can end a runaway one.
 */
export interface Budget {
  /** Wall time for one document (extraction and stages), in milliseconds. */
  readonly ms: number
  /** Heap of a worker, in megabytes (V8's old generation, `resourceLimits.maxOldGenerationSizeMb`). */
  readonly mb: number
}

/**
 * 30 s is a hundred times what a 1 MB article takes through every stage; 2 GB is what a 50 MB
 * input (the `--max-bytes` default) needs through `analyze`, with the lexicons loaded.
 */
export const DEFAULT_BUDGET: Budget = { ms: 30_000, mb: 2048 }

/** What a worker posts: that it is ready, that it finished a task's next document, or a reply. */
export type WorkerMessage = { readonly ready: true } | { readonly id: number; readonly done: number } | ProcessReply

interface Job {
  readonly request: ProcessRequest
  readonly resolve: (d: Document[]) => void
  readonly reject: (e: Error) => void
}

/** One worker thread and the task it holds; `done` counts the task's documents finished. */
interface Slot {
  readonly worker: Worker
  ready: boolean
  job?: Job
  done: number
  timer?: ReturnType<typeof setTimeout>
}

/**
 * Runs pipeline tasks on worker threads, one task per input's documents, each document within
 * the budget: a worker past its time is terminated, one out of memory dies, and either way only
 * the task it held fails (with a `BudgetExceededError` naming the input and document) and a new
 * worker takes its place. Falls back to the calling thread, without budgets, when `size` is 0.
 * Stages are named, so any subset of the pipeline can run.
 *
 * Not piscina: its abort and resourceLimits end a task the same way (terminating the worker), but
 * the clock here restarts as each document of a task finishes, workers warm up before it starts,
 * and a pool whose workers cannot even load fails at once; piscina would add only its queue.
 *
 * @example
 * const pool = new ProcessPool(2, { ms: 10_000, mb: 1024 })
 * const docs = await pool.process(raws, READER_STAGE_NAMES)
 * await pool.close()
 */
export class ProcessPool {
  private readonly slots = new Set<Slot>()
  private readonly idle: Slot[] = []
  private readonly queue: Job[] = []
  private nextId = 0
  private closing = false
  private broken?: Error

  constructor(readonly size: number = defaultPoolSize(), readonly budget: Budget = DEFAULT_BUDGET) {
    for (let i = 0; i < size; i++) this.startWorker()
  }

  /** Extracts the documents of one input and runs the named stages (all by default) on them. */
  process(docs: readonly RawDocument[], stages: readonly string[] = allStageNames()): Promise<Document[]> {
    return this.run({ kind: 'extract', stages, docs })
  }

  /** Runs on stored documents the named stages they lack (every named stage with `all`). */
  annotate(docs: readonly Document[], stages: readonly string[], all = false): Promise<Document[]> {
    return this.run({ kind: 'annotate', stages, docs, all })
  }

  run(task: Task): Promise<Document[]> {
    // In this thread: stages load as the task names them (the reader's never load the others).
    if (this.size === 0) return loadStages(task.stages).then((stages) => runTaskWith(task, stages))
    if (this.broken) return Promise.reject(this.broken)
    return new Promise((resolve, reject) => {
      const job = { request: { id: this.nextId++, task }, resolve, reject }
      const slot = this.idle.pop()
      if (slot) this.dispatch(slot, job)
      else this.queue.push(job)
    })
  }

  async close(): Promise<void> {
    this.closing = true
    for (const slot of this.slots) clearTimeout(slot.timer)
    await Promise.all([...this.slots].map((s) => s.worker.terminate()))
  }

  private fail(error: Error): void {
    this.broken = error
    for (const slot of this.slots) {
      clearTimeout(slot.timer)
      slot.job?.reject(error)
      slot.job = undefined
    }
    for (const queued of this.queue.splice(0)) queued.reject(error)
  }

  private startWorker(): void {
    const worker = startWorkerThread(this.budget)
    const slot: Slot = { worker, ready: false, done: 0 }
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.ready = true
        this.release(slot)
      } else if (!('ok' in message)) {
        slot.done = message.done
        this.arm(slot)
      } else {
        const job = slot.job
        clearTimeout(slot.timer)
        slot.job = undefined
        if (job && message.ok) job.resolve(documentsOf(job.request.task, message))
        else if (job && !message.ok) job.reject(new Error(message.message))
        this.release(slot)
      }
    })
    worker.on('error', (error) => this.lose(slot, error))
    worker.on('exit', (code) => this.lose(slot, new Error(`extraction worker exited with code ${code}`)))
    this.slots.add(slot)
  }

  /** A worker died (out of memory, a crash): the task it held fails, and a new worker takes its place. */
  private lose(slot: Slot, error: Error): void {
    if (!this.slots.delete(slot) || this.closing) return
    clearTimeout(slot.timer)
    const idleAt = this.idle.indexOf(slot)
    if (idleAt >= 0) this.idle.splice(idleAt, 1)
    const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
    if (!slot.ready) {
      // Nothing can run if a worker cannot even load the pipeline: fail at once, not forever.
      const hint = outOfMemory ? ` (the memory budget of ${this.budget.mb} MB is too small to load the pipeline)` : ''
      this.fail(new Error(`extraction worker could not start: ${error.message}${hint}`))
      return
    }
    const job = slot.job
    if (job) {
      const { input, id } = this.current(slot, job)
      job.reject(outOfMemory
        ? new BudgetExceededError(input, 'memory', `gave up on document ${id}: out of memory past ${this.budget.mb} MB (memory budget; raise it with --budget-mb)`)
        : new Error(`${input}: the worker processing document ${id} failed: ${error.message}`))
    }
    this.startWorker()
  }

  /** The time budget ran out: stop the worker, fail only its task, start a fresh worker. */
  private giveUp(slot: Slot): void {
    const job = slot.job
    if (!job || !this.slots.delete(slot)) return
    const { input, id } = this.current(slot, job)
    job.reject(new BudgetExceededError(input, 'time', `gave up after ${formatSeconds(this.budget.ms)} on document ${id} (time budget; raise it with --budget-ms)`))
    void slot.worker.terminate()
    this.startWorker()
  }

  private current(slot: Slot, job: Job): { input: string; id: string } {
    const docs = job.request.task.docs
    const doc = docs[Math.min(slot.done, docs.length - 1)]
    if (!doc) return { input: 'input', id: '?' }
    // Named as every other per-item message is: `input#record` for an item of a feed, JSON Lines or WARC file.
    const { input, record } = doc.origin
    return { input: record !== undefined ? `${input}#${escapeControlChars(record)}` : input, id: doc.id }
  }

  private release(slot: Slot): void {
    const next = this.queue.shift()
    if (next) {
      this.dispatch(slot, next)
    } else {
      // An idle worker must not keep the process alive.
      slot.worker.unref()
      this.idle.push(slot)
    }
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job
    slot.done = 0
    slot.worker.ref()
    slot.worker.postMessage(job.request)
    this.arm(slot)
  }

  /** Each document gets the whole time budget: the clock restarts as the worker finishes one. */
  private arm(slot: Slot): void {
    clearTimeout(slot.timer)
    slot.timer = setTimeout(() => this.giveUp(slot), this.budget.ms)
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`
}

/**
 * Below this many characters of content, a task of a small batch runs in the calling thread,
 * where no budget holds: a worker costs more than the task, and every stage is linear, so such a
 * task ends in well under a second. Anything larger goes to a worker, within its budget.
 */
export const MAX_INLINE_CHARS = 256 * 1024

/**
 * Runs small tasks in the calling thread until the batch proves large enough to be worth worker
 * threads (`auto`), or every task on a fixed number of workers; a task larger than
 * `MAX_INLINE_CHARS` starts the workers at once, so a hostile input runs within its budget.
 *
 * @example
 * const pool = new LazyPool('auto')
 * await pool.run({ kind: 'extract', stages: ['metadata'], docs: raws })
 */
export class LazyPool {
  private pool?: ProcessPool
  private readonly inline = new ProcessPool(0)
  private seen = 0

  constructor(private readonly workers: number | 'auto', private readonly budget: Budget = DEFAULT_BUDGET) {}

  run(task: Task): Promise<Document[]> {
    this.seen += task.docs.length
    return this.choose(task).run(task)
  }

  async close(): Promise<void> {
    await this.pool?.close()
  }

  private choose(task: Task): ProcessPool {
    if (this.pool) return this.pool
    if (this.workers === 0) return this.inline
    if (this.workers === 'auto' && this.seen < MIN_DOCUMENTS_FOR_WORKERS && charsOf(task) <= MAX_INLINE_CHARS) return this.inline
    this.pool = new ProcessPool(this.workers === 'auto' ? defaultPoolSize() : this.workers, this.budget)
    return this.pool
  }
}

function charsOf(task: Task): number {
  let n = 0
  if (task.kind === 'extract') for (const d of task.docs) n += d.content.body.length
  else for (const d of task.docs) n += d.source.length
  return n
}

/** One worker per core, leaving one for reading inputs and writing the store. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1)
}

// The worker is the sibling module with this file's own extension: `.js` when compiled, `.ts` when
// run from source. Node 20 workers do not inherit tsx's loader hooks, so from source the worker
// registers them itself before importing the module.
function startWorkerThread(budget: Budget): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: budget.mb }
  const here = fileURLToPath(import.meta.url)
  if (here.endsWith('.js')) return new Worker(here.replace(/pool\.js$/, 'worker.js'), { resourceLimits })
  const module = pathToFileURL(here.replace(/pool\.ts$/, 'worker.ts')).href
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(module)}) })`
  return new Worker(bootstrap, { eval: true, resourceLimits })
}
