import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import type Database from 'better-sqlite3'
import { StoreError, UsageError } from '../../errors.js'
import type { WriterHolder, WriterLease, WriterOptions } from '../store.js'
import { BUSY_TIMEOUT_MS } from './connection.js'
import { storeFailure } from './failures.js'

/** How long a writer waits for the one before it by default; `dossier ingest|analyze --wait` changes it. */
export const WRITER_WAIT_MS = 60_000

/** How often a waiting writer looks again. */
const POLL_MS = 100

/** Leases this process could not give back (a full disk refused the delete): taken over as if their holder had died. */
const abandoned = new Set<string>()

/**
 * The store's one writer at a time. The lease is a row in the store, taken and given back in
 * IMMEDIATE transactions, so two processes never both hold it. A holder that died (kill -9, a
 * crash) leaves its row behind: its pid no longer runs, so the next writer takes the lease over.
 * WAL needs every process on one host (the `-shm` index is shared memory), so the pid is enough
 * to tell a live holder; a row written on another host is taken as live.
 *
 * Hand-written because the lease must live in the store's own transactions (a lock file beside it
 * can be left behind, or removed by two processes at once); no library does it for SQLite.
 *
 * @example
 * const lease = await acquireWriter(db, 'dossier.db', { onWait: (h) => console.error(`waiting for pid ${h.pid}`) })
 * try { … } finally { await lease.release() }
 */
export async function acquireWriter(db: Database.Database, file: string, options: WriterOptions = {}): Promise<WriterLease> {
  const waitMs = options.waitMs ?? WRITER_WAIT_MS
  if (!Number.isFinite(waitMs) || waitMs < 0) throw new UsageError(`acquireWriter: waitMs must be a number of milliseconds >= 0, got ${waitMs}.`)
  const token = randomBytes(12).toString('hex')
  const deadline = Date.now() + waitMs
  let told = false
  for (;;) {
    const holder = tryTake(db, file, token)
    if (holder === undefined) return lease(db, token)
    if (!told) options.onWait?.(holder)
    told = true
    if (Date.now() >= deadline) {
      const who = holder.pid === null ? 'another process holds its write lock' : `another writer (pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, since ${holder.since}) still holds it`
      throw new StoreError(
        `${file}: gave up waiting to write after ${Math.round(waitMs / 1000)} s: ${who}. Run again when it has finished, or wait longer (--wait).`,
        'STORE_BUSY',
      )
    }
    await sleep(POLL_MS)
  }
}

interface LeaseRow { readonly token: string; readonly pid: number; readonly host: string; readonly since: string }

// One try: the lease when it is free or its holder is gone, else who holds it. A foreign SQLite
// write lock (another tool in a long transaction) is a holder too, one we cannot name.
function tryTake(db: Database.Database, file: string, token: string): WriterHolder | undefined {
  db.pragma('busy_timeout = 0')
  try {
    return db.transaction((): WriterHolder | undefined => {
      const row = db.prepare('SELECT token, pid, host, since FROM writer_lease WHERE slot = 1').get() as LeaseRow | undefined
      if (row !== undefined && holderLives(row)) return { pid: row.pid, host: row.host, since: row.since }
      db.prepare('INSERT OR REPLACE INTO writer_lease (slot, token, pid, host, since) VALUES (1, ?, ?, ?, ?)')
        .run(token, process.pid, hostname(), new Date().toISOString())
      return undefined
    }).immediate()
  } catch (error) {
    if (isBusy(error)) return { pid: null, host: hostname(), since: null }
    throw storeFailure(error, file, 'cannot take the write lease', 'STORE_WRITE_FAILED')
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  }
}

function holderLives(row: LeaseRow): boolean {
  if (abandoned.has(row.token)) return false
  if (row.host !== hostname()) return true
  try {
    process.kill(row.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // alive, another user's
  }
}

function lease(db: Database.Database, token: string): WriterLease {
  let released = false
  return {
    release: async () => {
      if (released) return
      released = true
      try {
        db.prepare('DELETE FROM writer_lease WHERE token = ?').run(token)
      } catch {
        // Not given back (a full disk, a closed store): this process takes it over next time, and
        // once the process ends any writer does.
        abandoned.add(token)
      }
    },
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}
