import Database from 'better-sqlite3'
import { StoreError } from '../../errors.js'

/** How long a write waits for another process's write lock (the web app reading while ingest writes) before failing. */
export const BUSY_TIMEOUT_MS = 5_000

export const MEMORY_PATH = ':memory:'

/**
 * Opens the SQLite file and sets how it is used:
 * - WAL, so readers (the web app) never block the ingest writer and a killed writer leaves a
 *   consistent file: a transaction is in the WAL whole or not at all.
 * - `synchronous=NORMAL`: in WAL mode a commit survives a killed process; only a power cut can
 *   lose the last few commits (never corrupt the file). Ingest is re-runnable and skips stored
 *   blobs, so those are read again next run; FULL would fsync every input for little gain.
 * - foreign keys on: a document cannot point at a blob that is not there.
 *
 * @example
 * const db = openConnection('dossier.db')
 */
export function openConnection(path: string): Database.Database {
  let db: Database.Database
  try {
    db = new Database(path)
  } catch (error) {
    throw new StoreError(`Cannot open the store ${path}: ${messageOf(error)}.`, 'STORE_OPEN_FAILED', { cause: error })
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    if (path !== MEMORY_PATH) db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
  } catch (error) {
    db.close()
    throw new StoreError(`Cannot open the store ${path}: ${messageOf(error)}.`, 'STORE_OPEN_FAILED', { cause: error })
  }
  return db
}


export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
