import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import type pg from 'pg'
import { StoreError, UsageError } from '../../errors.js'
import type { WriterHolder, WriterLease, WriterOptions } from '../store.js'
import { WRITER_WAIT_MS } from '../sqlite/writer.js'
import { lostConnection, pgFailure } from './failures.js'
import { LOCKS, LOCK_SPACE } from './locks.js'

/** How often a waiting writer tries again. */
const POLL_MS = 100

/**
 * The store's one writer at a time, across processes and machines: a session-level advisory lock
 * held on a connection of its own for the writer's whole run. PostgreSQL frees it when that
 * session ends, so a writer killed or cut off never blocks the next one (where the SQLite store
 * has to tell a dead pid from a live one, and so works on one host only). The `writer_lease` row
 * only names the holder, for the message of a writer that waits.
 *
 * @example
 * const lease = await acquirePgWriter(pool, 'postgres://db/dossier', { waitMs: 10_000 })
 * try { … } finally { await lease.release() }
 */
export async function acquirePgWriter(pool: pg.Pool, where: string, options: WriterOptions = {}): Promise<WriterLease> {
  const waitMs = options.waitMs ?? WRITER_WAIT_MS
  if (!Number.isFinite(waitMs) || waitMs < 0) throw new UsageError(`acquireWriter: waitMs must be a number of milliseconds >= 0, got ${waitMs}.`)
  const token = randomBytes(12).toString('hex')
  const deadline = Date.now() + waitMs
  let client: pg.PoolClient
  try {
    client = await pool.connect()
  } catch (error) {
    throw pgFailure(error, where, 'cannot take the write lease', 'STORE_WRITE_FAILED')
  }
  let lost: unknown
  const onError = (error: unknown): void => {
    lost = error
  }
  client.on('error', onError)
  let told = false
  try {
    for (;;) {
      const taken = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_SPACE, LOCKS.writer])
      if (taken.rows[0]?.ok === true) {
        await client.query(
          `INSERT INTO writer_lease (slot, token, pid, host, since) VALUES (1, $1, $2, $3, $4)
           ON CONFLICT (slot) DO UPDATE SET token = excluded.token, pid = excluded.pid, host = excluded.host, since = excluded.since`,
          [token, process.pid, hostname(), new Date().toISOString()],
        )
        return lease(client, token, onError, () => lost)
      }
      const row = await client.query<{ pid: number; host: string; since: string }>('SELECT pid, host, since FROM writer_lease WHERE slot = 1')
      const holder: WriterHolder = row.rows[0] ?? { pid: null, host: '', since: null }
      if (!told) options.onWait?.(holder)
      told = true
      if (Date.now() >= deadline) {
        const who = holder.pid === null ? 'another session holds its writer lock' : `another writer (pid ${holder.pid} on ${holder.host}, since ${holder.since}) still holds it`
        throw new StoreError(`${where}: gave up waiting to write after ${Math.round(waitMs / 1000)} s: ${who}. Run again when it has finished, or wait longer (--wait).`, 'STORE_BUSY')
      }
      await sleep(POLL_MS)
    }
  } catch (error) {
    client.off('error', onError)
    client.release(lost !== undefined || lostConnection(error))
    // A lost connection is thrown as it is, so the caller may try again on a new one.
    if (lostConnection(error)) throw error
    throw pgFailure(lost ?? error, where, 'cannot take the write lease', 'STORE_WRITE_FAILED')
  }
}

function lease(client: pg.PoolClient, token: string, onError: (error: unknown) => void, lost: () => unknown): WriterLease {
  let released = false
  return {
    release: async () => {
      if (released) return
      released = true
      let broken = lost() !== undefined
      try {
        if (!broken) {
          await client.query('DELETE FROM writer_lease WHERE token = $1', [token])
          await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE, LOCKS.writer])
        }
      } catch {
        // Closing the session frees the lock as surely as the unlock would.
        broken = true
      } finally {
        client.off('error', onError)
        client.release(broken)
      }
    },
  }
}
