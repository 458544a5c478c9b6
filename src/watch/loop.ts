import { setTimeout as sleep } from 'node:timers/promises'
import { StoreError } from '../errors.js'
import { sourceStoreOf } from '../store/index.js'
import { DEFAULT_EVERY_MS, runWatchCycle, type WatchCycleOptions, type WatchCycleResult } from './cycle.js'

/** The loop never sleeps less than this between cycles, however soon a source is due. */
const MIN_SLEEP_MS = 1_000

export interface WatchOptions extends WatchCycleOptions {
  /** One cycle, then return (for cron). */
  readonly once?: boolean
  /** Stops the loop between cycles (a cycle under way finishes; a kill -9 mid-cycle is safe too). */
  readonly signal?: AbortSignal
  /** A cycle skipped because another writer held the store past `writer.waitMs` (STORE_BUSY); the loop goes on. */
  readonly onSkippedCycle?: (error: StoreError) => void
}

/**
 * Watches the store's sources: a cycle (`runWatchCycle`), then sleeps until the next source is due
 * (at most `everyMs`), until `signal` aborts; with `once`, one cycle. Resolves to the cycles run.
 *
 * @example
 * const stop = new AbortController()
 * process.on('SIGINT', () => stop.abort())
 * await watch({ store, polite, everyMs: 15 * 60_000, signal: stop.signal, onCycle: (r) => console.log(r.documents.length) })
 */
export async function watch(options: WatchOptions): Promise<number> {
  const every = options.everyMs ?? DEFAULT_EVERY_MS
  const now = options.now ?? (() => new Date())
  let cycles = 0
  for (;;) {
    if (options.signal?.aborted) return cycles
    try {
      await runWatchCycle(options)
    } catch (error) {
      // Another writer held the store past the wait: this cycle is skipped, the next one tries again.
      if (!(error instanceof StoreError && error.code === 'STORE_BUSY') || options.once) throw error
      options.onSkippedCycle?.(error)
    }
    cycles++
    if (options.once) return cycles
    const due = (await sourceStoreOf(options.store).listSources()).map((s) => Date.parse(s.nextFetchAt))
    const wait = Math.min(every, Math.max(MIN_SLEEP_MS, Math.min(...due, Infinity) - now().getTime()))
    try {
      await sleep(wait, undefined, options.signal ? { signal: options.signal } : {})
    } catch {
      return cycles
    }
  }
}

export type { WatchCycleResult }
