import { availableParallelism } from 'node:os'
import type { Document, RawDocument } from '../document/index.js'
import { UsageError } from '../errors.js'
import type { LazyPool } from '../pipeline/pool.js'

// What extraction needs of ingest, apart from the store: `extract` (and `dossier/reader`) import
// this without loading the store.

/**
 * The most extraction threads a batch may use: one per core. Each worker holds its own copy of the
 * pipeline's data (about 70 MB), and more threads than cores only wait for one another.
 *
 * @example
 * maxWorkers()   // 8 on an 8-core machine
 */
export function maxWorkers(): number {
  return availableParallelism()
}

/** Throws a UsageError for a worker count above `maxWorkers()` or not a whole number. */
export function checkWorkers(workers: number | 'auto'): void {
  if (workers === 'auto') return
  if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`workers must be a whole number of 0 or more, or "auto", not ${String(workers)}.`)
  if (workers > maxWorkers()) throw new UsageError(`workers is at most ${maxWorkers()} (one per core), not ${workers}; use "auto" to let Dossier choose.`)
}

/** An input's extracted documents, and the ones that could not be extracted (with their error). */
export interface Extracted {
  readonly docs: Document[]
  readonly failed: ReadonlyArray<{ readonly record?: string; readonly error: unknown }>
}

/**
 * Extracts an input's documents as one task; if the task fails, each document again on its own,
 * so one document that cannot be extracted (an item of a feed or JSON Lines file) fails alone and
 * the others are still stored.
 */
export async function extractEach(processor: Pick<LazyPool, 'run'>, stages: readonly string[], docs: readonly RawDocument[]): Promise<Extracted> {
  try {
    return { docs: await processor.run({ kind: 'extract', stages, docs }), failed: [] }
  } catch (error) {
    if (docs.length <= 1) throw error
  }
  const settled = await Promise.allSettled(docs.map((doc) => processor.run({ kind: 'extract', stages, docs: [doc] })))
  const good: Document[] = []
  const failed: Array<{ record?: string; error: unknown }> = []
  settled.forEach((outcome, i) => {
    const record = docs[i]!.origin.record
    if (outcome.status === 'fulfilled') good.push(...outcome.value)
    else failed.push({ ...(record !== undefined ? { record } : {}), error: outcome.reason })
  })
  return { docs: good, failed }
}
