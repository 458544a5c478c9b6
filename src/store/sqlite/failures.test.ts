import { describe, expect, it } from 'vitest'
import { StoreError } from '../../errors.js'
import { stopsTheRun, storeFailure } from './failures.js'

/** An error as better-sqlite3 throws it: a message and SQLite's (extended) result code. */
function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code })
}

describe('store failures', () => {
  it.each([
    ['SQLITE_BUSY', 'STORE_BUSY', 'another process holds the store\'s write lock', true],
    ['SQLITE_FULL', 'STORE_FULL', 'the disk is full', true],
    ['SQLITE_READONLY_DIRECTORY', 'STORE_READ_ONLY', 'cannot be written', true],
    ['SQLITE_CORRUPT', 'STORE_CORRUPT', '`dossier check --db d.db`', true],
    ['SQLITE_NOTADB', 'STORE_CORRUPT', 'not a readable SQLite database', true],
    ['SQLITE_IOERR_WRITE', 'STORE_IO', 'input/output error', true],
    ['SQLITE_CONSTRAINT_UNIQUE', 'STORE_WRITE_FAILED', 'UNIQUE constraint failed', false],
  ])('%s is %s, said plainly, and %s stops a run', (sqlite, code, words, stops) => {
    const error = storeFailure(sqliteError(sqlite, sqlite === 'SQLITE_CONSTRAINT_UNIQUE' ? 'UNIQUE constraint failed' : 'x'), 'd.db', 'could not save a.txt', 'STORE_WRITE_FAILED')
    expect(error).toBeInstanceOf(StoreError)
    expect(error.code).toBe(code)
    expect(error.message).toMatch(/^d\.db: could not save a\.txt: /)
    expect(error.message).toContain(words)
    expect(stopsTheRun(error)).toBe(stops)
  })

  it('keeps a StoreError as it is', () => {
    const typed = new StoreError('d.db: no document x to update; save it first.', 'STORE_NO_DOCUMENT')
    expect(storeFailure(typed, 'd.db', 'could not update', 'STORE_WRITE_FAILED')).toBe(typed)
    expect(stopsTheRun(typed)).toBe(false)
  })
})
