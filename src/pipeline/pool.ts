import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Document, DocumentMessage, LayerName, Layers, RawDocument } from '../document/index.js'
import { allStageNames, runTask, type Task } from './process.js'

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

/**
 * What a worker sends back for a task. Copying a message costs both threads, and the calling
 * thread is the one that also reads inputs and writes the store: an annotated document goes
 * back as its new layers only.
 */
export function replyTo(request: ProcessRequest): ProcessReply {
  const { id, task } = request
  try {
    const docs = runTask(task)
    if (task.kind === 'extract') return { id, ok: true, docs }
    return { id, ok: true, changes: docs.map((doc, i) => changeOf(task.docs[i]!, doc)) }
  } catch (error) {
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

function changeOf(before: Document, after: Document): DocumentChange {
  const changed: Partial<Record<LayerName, unknown>> = {}
  for (const [name, layer] of Object.entries(after.layers) as Array<[LayerName, unknown]>) {
    if (layer !== before.layers[name]) changed[name] = layer
  }
  return { layers: changed as Partial<Layers>, messages: after.messages }
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
 * Runs pipeline tasks on worker threads, one task per input's documents. Falls back to the
 * calling thread when `size` is 0. Stages are named, so any subset of the pipeline can run.
 *
 * @example
 * const pool = new ProcessPool()
 * const docs = await pool.process(raws, READER_STAGE_NAMES)
 * await pool.close()
 */
export class ProcessPool {
  private readonly workers: Worker[] = []
  private readonly idle: Worker[] = []
  private readonly queue: Array<{ request: ProcessRequest; resolve: (d: Document[]) => void; reject: (e: Error) => void }> = []
  private readonly pending = new Map<number, { task: Task; resolve: (d: Document[]) => void; reject: (e: Error) => void }>()
  private nextId = 0
  private closing = false
  private broken?: Error

  constructor(readonly size: number = defaultPoolSize()) {
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
    if (this.size === 0) {
      try {
        return Promise.resolve(runTask(task))
      } catch (error) {
        return Promise.reject(error as Error)
      }
    }
    if (this.broken) return Promise.reject(this.broken)
    return new Promise((resolve, reject) => {
      const request = { id: this.nextId++, task }
      const worker = this.idle.pop()
      if (worker) this.dispatch(worker, request, resolve, reject)
      else this.queue.push({ request, resolve, reject })
    })
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.workers.map((w) => w.terminate()))
  }

  private fail(error: Error): void {
    this.broken = error
    for (const [, waiting] of this.pending) waiting.reject(error)
    this.pending.clear()
    for (const queued of this.queue.splice(0)) queued.reject(error)
  }

  private startWorker(): void {
    const worker = startWorkerThread()
    worker.on('message', (reply: ProcessReply) => {
      const waiting = this.pending.get(reply.id)
      this.pending.delete(reply.id)
      if (waiting) {
        if (reply.ok) waiting.resolve(documentsOf(waiting.task, reply))
        else waiting.reject(new Error(reply.message))
      }
      const next = this.queue.shift()
      if (next) {
        this.dispatch(worker, next.request, next.resolve, next.reject)
      } else {
        // An idle worker must not keep the process alive.
        worker.unref()
        this.idle.push(worker)
      }
    })
    // A worker that dies fails what it holds and everything after: no request may wait forever.
    worker.on('error', (error) => this.fail(error))
    worker.on('exit', (code) => {
      if (code !== 0 && !this.closing) this.fail(new Error(`extraction worker exited with code ${code}`))
    })
    worker.unref()
    this.workers.push(worker)
    this.idle.push(worker)
  }

  private dispatch(worker: Worker, request: ProcessRequest, resolve: (d: Document[]) => void, reject: (e: Error) => void): void {
    this.pending.set(request.id, { task: request.task, resolve, reject })
    worker.ref()
    worker.postMessage(request)
  }
}

/**
 * Runs in the calling thread until the batch proves large enough to be worth worker threads
 * (`auto`), or on a fixed number of workers.
 *
 * @example
 * const pool = new LazyPool('auto')
 * await pool.run({ kind: 'extract', stages: ['metadata'], docs: raws })
 */
export class LazyPool {
  private pool?: ProcessPool
  private readonly inline = new ProcessPool(0)
  private seen = 0

  constructor(private readonly workers: number | 'auto') {}

  run(task: Task): Promise<Document[]> {
    this.seen += task.docs.length
    return this.choose().run(task)
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

/** One worker per core, leaving one for reading inputs and writing the store. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1)
}

// The worker is the sibling module with this file's own extension: `.js` when compiled, `.ts` when
// run from source. Node 20 workers do not inherit tsx's loader hooks, so from source the worker
// registers them itself before importing the module.
function startWorkerThread(): Worker {
  const here = fileURLToPath(import.meta.url)
  if (here.endsWith('.js')) return new Worker(here.replace(/pool\.js$/, 'worker.js'))
  const module = pathToFileURL(here.replace(/pool\.ts$/, 'worker.ts')).href
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(module)}) })`
  return new Worker(bootstrap, { eval: true })
}
