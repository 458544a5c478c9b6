import pg from 'pg'
import { QueueError } from '../errors.js'
import { ensureQueueSchema } from './schema.js'

/** True for a `postgres://` or `postgresql://` connection string. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value)
}

/**
 * A pool on the queue's database, its schema made. An idle client whose server went away (a
 * restart) emits an error: it is logged once by `onError` and the pool opens a new connection for
 * the next query, so a restart of PostgreSQL costs the queries in flight, never the process.
 */
export async function openQueueDb(url: string, options: { max?: number; onError?: (error: Error) => void } = {}): Promise<pg.Pool> {
  if (!isPostgresUrl(url)) throw new QueueError(`The queue needs a PostgreSQL database (postgres://…), not "${url}".`, 'QUEUE_UNAVAILABLE')
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, application_name: 'dossier-queue' })
  pool.on('error', (error) => options.onError?.(error))
  try {
    await ensureQueueSchema(pool)
  } catch (error) {
    await pool.end().catch(() => {})
    throw new QueueError(`Cannot open the queue database ${redact(url)}: ${error instanceof Error ? error.message : String(error)}`, 'QUEUE_UNAVAILABLE', { cause: error })
  }
  return pool
}

/** A connection string without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@')
  }
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
