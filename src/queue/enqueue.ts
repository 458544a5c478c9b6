import { createHash } from 'node:crypto'
import type pg from 'pg'
import { UnreadableInputError } from '../errors.js'
import { DEFAULT_MAX_INPUT_BYTES, expandInputs, loadSource, type IngestOptions } from '../stages/ingest/index.js'
import { sleep } from './db.js'
import { addItems, createRun, runStatus, sealRun, type NewItem, type RunStatus } from './items.js'
import type { JobQueue } from './queue.js'

/** Items written and published per transaction while enqueuing. */
const ENQUEUE_BATCH = 100

export interface EnqueueReport {
  readonly run: number
  readonly items: number
  /** Inputs that could not even be loaded (missing file, fetch refused): failed at once. */
  readonly failed: ReadonlyArray<{ readonly input: string; readonly message: string }>
}

/** What an item carries besides its bytes: what was known of them when loaded, and the size cap. */
export interface ItemMeta {
  readonly meta: { readonly url?: string; readonly capturedAt?: string; readonly contentType?: string }
  readonly maxInputBytes: number
}

/**
 * Enqueues inputs as one run: expands them in the order `analyze` reads them (directories
 * recursively, sorted), loads each one's bytes into the queue database, and publishes one message
 * per input. Workers read, clean and annotate them; the run's order is the order stories are
 * placed in. An input that cannot be loaded is recorded failed with its reason; the rest go on.
 *
 * @example
 * const { run } = await enqueueInputs(['articles/'], { db, queue })
 * await waitForRun(db, run, { onProgress: (s) => console.log(s.counts) })
 */
export async function enqueueInputs(inputs: readonly string[], options: IngestOptions & { readonly db: pg.Pool; readonly queue: JobQueue }): Promise<EnqueueReport> {
  const { db, queue } = options
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES
  const run = await createRun(db)
  const failed: Array<{ input: string; message: string }> = []
  let seq = 1
  let batch: NewItem[] = []
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return
    const first = seq
    await addItems(db, run, first, batch)
    // Items are written before they are published: a message always finds its item.
    await queue.send(batch.flatMap((item, i) => ('failed' in item ? [] : [{ run, seq: first + i }])))
    seq += batch.length
    batch = []
  }
  for await (const source of expandInputs(inputs)) {
    if (source.kind === 'error') {
      failed.push({ input: source.input, message: source.error.message })
      batch.push({ input: source.input, failed: source.error.message })
    } else {
      try {
        const loaded = await loadSource(source, options, maxInputBytes)
        const sha256 = createHash('sha256').update(loaded.bytes).digest('hex')
        const meta: ItemMeta = { meta: loaded.meta, maxInputBytes }
        batch.push({ input: source.input, sha256, bytes: loaded.bytes, meta })
      } catch (error) {
        if (!(error instanceof UnreadableInputError)) throw error
        failed.push({ input: source.input, message: error.message })
        batch.push({ input: source.input, failed: error.message })
      }
    }
    if (batch.length >= ENQUEUE_BATCH) await flush()
  }
  await flush()
  await sealRun(db, run)
  return { run, items: seq - 1, failed }
}

/** True when every input of the run is done or failed and its stories are placed. */
export function runFinished(status: RunStatus): boolean {
  return status.sealed && status.counts.queued === 0 && status.counts.running === 0 && status.placementDone
}

/**
 * Polls a run until it is finished, calling `onProgress` with each status read; returns the last.
 * A database that cannot be reached for a moment (a restart) is waited out.
 */
export async function waitForRun(
  db: pg.Pool, run: number, options: { readonly intervalMs?: number; readonly onProgress?: (status: RunStatus) => void; readonly onError?: (error: Error) => void } = {},
): Promise<RunStatus> {
  for (;;) {
    let status: RunStatus | undefined
    try {
      status = await runStatus(db, run)
    } catch (error) {
      options.onError?.(error instanceof Error ? error : new Error(String(error)))
    }
    if (status !== undefined) {
      options.onProgress?.(status)
      if (runFinished(status)) return status
    }
    await sleep(options.intervalMs ?? 500)
  }
}
