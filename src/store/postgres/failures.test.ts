import { describe, expect, it } from 'vitest'
import { StoreError } from '../../errors.js'
import { stopsTheRun } from '../sqlite/failures.js'
import { lostConnection, pgFailure } from './failures.js'

/** An error as node-postgres gives it: the server's message and its SQLSTATE (or a socket's code). */
const pgError = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code })

describe('PostgreSQL failures as the store\'s codes', () => {
  it.each([
    ['55P03', 'STORE_BUSY', 'another writer holds', true],
    ['40P01', 'STORE_BUSY', 'another writer holds', true],
    ['53300', 'STORE_BUSY', 'no free connection', true],
    ['53100', 'STORE_FULL', 'disk is full', true],
    ['25006', 'STORE_READ_ONLY', 'opened for reading', true],
    ['42501', 'STORE_READ_ONLY', 'may not write', true],
    ['3D000', 'STORE_MISSING', 'does not exist', false],
    ['28P01', 'STORE_OPEN_FAILED', 'refused the user or password', false],
    ['XX001', 'STORE_CORRUPT', '`dossier check --db postgres://h/db`', true],
    ['57P01', 'STORE_UNREACHABLE', 'cannot be reached', true],
    ['ECONNREFUSED', 'STORE_UNREACHABLE', 'cannot be reached', true],
    ['23505', 'STORE_WRITE_FAILED', 'duplicate key', false],
  ])('%s is %s, said plainly; stops a run: %s', (sqlstate, code, words, stops) => {
    const error = pgFailure(pgError(sqlstate, sqlstate === '23505' ? 'duplicate key value' : 'x'), 'postgres://h/db', 'could not save a.txt', 'STORE_WRITE_FAILED')
    expect(error).toBeInstanceOf(StoreError)
    expect(error.code).toBe(code)
    expect(error.message).toMatch(/^postgres:\/\/h\/db: could not save a\.txt: /)
    expect(error.message).toContain(words)
    expect(stopsTheRun(error)).toBe(stops)
  })

  it('keeps a StoreError as it is', () => {
    const typed = new StoreError('no document x', 'STORE_NO_DOCUMENT')
    expect(pgFailure(typed, 'postgres://h/db', 'could not update', 'STORE_WRITE_FAILED')).toBe(typed)
  })

  it('tells a lost connection (worth one more try) from a failed statement', () => {
    expect(lostConnection(pgError('57P01'))).toBe(true)
    expect(lostConnection(pgError('08006'))).toBe(true)
    expect(lostConnection(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(lostConnection(pgError('23505'))).toBe(false)
    expect(lostConnection(pgError('ECONNREFUSED'))).toBe(false)
  })
})
