import { StoreError } from '../../errors.js'

/**
 * Store failures that stop a whole run: no later input can succeed while the store is busy, full,
 * read-only, damaged or (PostgreSQL) unreachable, so ingest reports them once (exit 3) instead of rejecting every input.
 */
export const RUN_STOPPING_CODES: ReadonlySet<string> = new Set(['STORE_BUSY', 'STORE_FULL', 'STORE_READ_ONLY', 'STORE_CORRUPT', 'STORE_IO', 'STORE_UNREACHABLE'])

/** True for a StoreError that no later input of the run can get past (see RUN_STOPPING_CODES). */
export function stopsTheRun(error: unknown): boolean {
  return error instanceof StoreError && RUN_STOPPING_CODES.has(error.code)
}

/**
 * SQLite's result codes (better-sqlite3 names them `SQLITE_…`, extended codes included) as the
 * store's stable codes, each with a plain sentence of what it means for the user.
 */
const FAILURES: ReadonlyArray<readonly [prefix: string, code: string, reason: (file: string) => string]> = [
  ['SQLITE_BUSY', 'STORE_BUSY', () => 'another process holds the store\'s write lock; run again when it has finished'],
  ['SQLITE_LOCKED', 'STORE_BUSY', () => 'another process holds the store\'s write lock; run again when it has finished'],
  ['SQLITE_FULL', 'STORE_FULL', () => 'the disk is full; nothing of this write was stored; free some space and run again'],
  ['SQLITE_READONLY', 'STORE_READ_ONLY', () => 'the store cannot be written (a read-only file, folder or filesystem); read commands still work'],
  ['SQLITE_CORRUPT', 'STORE_CORRUPT', (file) => `the store file is damaged; \`dossier check --db ${file}\` lists what is wrong`],
  ['SQLITE_NOTADB', 'STORE_CORRUPT', (file) => `the file is not a readable SQLite database (damaged, or not a store); \`dossier check --db ${file}\` tells more`],
  ['SQLITE_IOERR', 'STORE_IO', () => 'the disk reported an input/output error; nothing of this write was stored'],
  ['SQLITE_CANTOPEN', 'STORE_OPEN_FAILED', () => 'the file or its folder cannot be opened'],
]

/**
 * `error` as a StoreError: one already typed is kept; a SQLite failure gets its stable code and a
 * plain reason; anything else becomes `fallback` with SQLite's own message.
 *
 * @example
 * throw storeFailure(error, 'dossier.db', 'could not save a.html', 'STORE_WRITE_FAILED')
 * // StoreError STORE_FULL: "dossier.db: could not save a.html: the disk is full; …"
 */
export function storeFailure(error: unknown, file: string, doing: string, fallback: string): StoreError {
  if (error instanceof StoreError) return error
  const sqliteCode = (error as { code?: unknown } | null)?.code
  const known = typeof sqliteCode === 'string' ? FAILURES.find(([prefix]) => sqliteCode.startsWith(prefix)) : undefined
  if (known !== undefined) {
    const [, code, reason] = known
    return new StoreError(`${file}: ${doing}: ${reason(file)} (${messageText(error)}).`, code, { cause: error })
  }
  return new StoreError(`${file}: ${doing}: ${messageText(error)}.`, fallback, { cause: error })
}

function messageText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
