import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import type Database from 'better-sqlite3'
import { StoreError, UsageError } from '../../errors.js'
import { storeFailure } from './failures.js'

type DatabaseClass = typeof Database
let SqliteDatabase: DatabaseClass | undefined
/**
 * The SQLite addon, loaded on the first open rather than on import: a caller that imports the
 * library to read articles never pays for the native module.
 */
function sqlite(): DatabaseClass {
  return (SqliteDatabase ??= createRequire(import.meta.url)('better-sqlite3') as DatabaseClass)
}

/** How long a write waits for another process's write lock (the web app reading while ingest writes) before failing. */
export const BUSY_TIMEOUT_MS = 5_000

export const MEMORY_PATH = ':memory:'

/**
 * Page size of a new store. A packed document row is about 2.7 KB (text and layers of a 2.5 KB
 * article): a 4 KB page (SQLite's default) holds one and leaves a third empty, an 8 KB page holds
 * three. Larger pages gained nothing more for documents and lost it on the smaller tables
 * (`npm run bench:store-size`). A store created with other pages keeps them.
 */
export const PAGE_BYTES = 8192

export interface ConnectionOptions {
  /**
   * Open for reading only: the file must exist (it is never created), nothing is migrated, and a
   * write fails with StoreError `STORE_READ_ONLY`.
   */
  readonly readOnly?: boolean
}

/** An open connection, and the private copy it reads when the store's folder cannot hold WAL files. */
export interface Connection {
  readonly db: Database.Database
  /** Removes the private copy, if any; call after closing `db`. */
  readonly cleanup: () => void
}

/**
 * Opens the SQLite file and sets how it is used:
 * - WAL, so readers (the web app) never block the ingest writer and a killed writer leaves a
 *   consistent file: a transaction is in the WAL whole or not at all.
 * - `synchronous=NORMAL`: in WAL mode a commit survives a killed process; only a power cut can
 *   lose the last few commits (never corrupt the file). Ingest is re-runnable and skips stored
 *   blobs, so those are read again next run; FULL would fsync every input for little gain.
 * - foreign keys on: a document cannot point at a blob that is not there.
 * - 8 KB pages for a new file (`PAGE_BYTES`).
 *
 * With `readOnly`, see {@link openReadOnly}.
 *
 * @example
 * const { db } = openConnection('dossier.db', { readOnly: true })
 */
export function openConnection(path: string, options: ConnectionOptions = {}): Connection {
  if (options.readOnly) return openReadOnly(path)
  let db: Database.Database
  try {
    db = new (sqlite())(path)
  } catch (error) {
    throw openFailure(error, path)
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // Before WAL: only a file with no pages yet takes a page size (SQLite ignores it on any other).
    db.pragma(`page_size = ${PAGE_BYTES}`)
    if (path !== MEMORY_PATH) db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
  } catch (error) {
    db.close()
    throw openFailure(error, path)
  }
  return { db, cleanup: () => {} }
}

// SQLite says only "unable to open database file"; the file system says whether it is read-only.
function openFailure(error: unknown, path: string): StoreError {
  if (cannotOpenInPlace(error) && !writable(path)) {
    return new StoreError(
      `${path}: cannot write the store: the file or its folder is read-only (SQLite needs to write both); read commands still work.`,
      'STORE_READ_ONLY',
      { cause: error },
    )
  }
  return storeFailure(error, path, 'cannot open the store', 'STORE_OPEN_FAILED')
}

function writable(path: string): boolean {
  try {
    accessSync(existsSync(path) ? path : dirname(path), constants.W_OK)
    accessSync(dirname(path), constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Opens an existing store for reading. A WAL-mode file is read through its `-shm` index, which
 * SQLite must be able to open or create beside the file; on a read-only filesystem or folder
 * without one it cannot (SQLITE_CANTOPEN), and better-sqlite3 is built without URI filenames, so
 * `immutable=1` is not available. Then the file (with its `-wal`, if any) is copied to a private
 * temporary folder and read there: it costs one copy of the file per command, and the store on
 * read-only media is never touched.
 */
function openReadOnly(path: string): Connection {
  if (path === MEMORY_PATH) throw new UsageError('A read-only store must be a file; an in-memory store starts empty.')
  if (!existsSync(path)) {
    throw new StoreError(
      `The store ${path} does not exist; check --db, or create it with \`dossier ingest\` or \`dossier analyze\`.`,
      'STORE_MISSING',
    )
  }
  try {
    return { db: readOnlyDatabase(path), cleanup: () => {} }
  } catch (error) {
    if (!cannotOpenInPlace(error)) throw storeFailure(error, path, 'cannot open the store', 'STORE_OPEN_FAILED')
  }
  const dir = mkdtempSync(join(tmpdir(), 'dossier-readonly-'))
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true })
  try {
    const copy = join(dir, basename(path))
    copyFileSync(path, copy)
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`)
    return { db: readOnlyDatabase(copy), cleanup }
  } catch (error) {
    cleanup()
    throw storeFailure(error, path, `cannot open the store read-only (its folder cannot hold SQLite's WAL files, and a copy in ${tmpdir()} failed)`, 'STORE_OPEN_FAILED')
  }
}

function readOnlyDatabase(path: string): Database.Database {
  const db = new (sqlite())(path, { readonly: true, fileMustExist: true })
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // The first read opens the WAL index: an unopenable one fails here, not on the first query.
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

function cannotOpenInPlace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'))
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
