import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { SearchCounts } from './search-counts.js'

const dir = mkdtempSync(join(tmpdir(), 'dossier-counts-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0

/** A file with a full-text table of `n` rows holding "ferry", and counts over it that record each walk. */
function countsOver(n: number): { db: Database.Database; path: string; counts: SearchCounts; walks: Array<[string, number]> } {
  const path = join(dir, `counts-${files++}.db`)
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.exec("CREATE VIRTUAL TABLE t USING fts5 (body, content = '')")
  const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)')
  for (let i = 1; i <= n; i++) insert.run(i, `the ferry number ${i}`)
  const count = db.prepare<[string, number], number>('SELECT count(*) FROM (SELECT rowid FROM t WHERE t MATCH ? LIMIT ?)').pluck()
  const walks: Array<[string, number]> = []
  const counts = new SearchCounts(db, (match, cap) => {
    walks.push([match, cap])
    return count.get(match, cap)!
  })
  return { db, path, counts, walks }
}

describe('SearchCounts', () => {
  it('walks a query once and answers again from memory', () => {
    const { db, counts, walks } = countsOver(30)
    expect(counts.count('ferry', 501)).toBe(30)
    expect(counts.count('ferry', 501)).toBe(30)
    expect(counts.count('ferry', 10)).toBe(10)
    expect(walks).toEqual([['ferry', 501]])
    db.close()
  })

  it('answers a lower cap from a capped count, and walks again for a higher one', () => {
    const { db, counts, walks } = countsOver(30)
    expect(counts.count('ferry', 20)).toBe(20)
    expect(counts.count('ferry', 5)).toBe(5)
    expect(counts.count('ferry', 100)).toBe(30)
    expect(walks).toEqual([['ferry', 20], ['ferry', 100]])
    db.close()
  })

  it('counts again after another connection commits', () => {
    const { db, path, counts } = countsOver(3)
    expect(counts.count('ferry', 100)).toBe(3)
    const other = new Database(path)
    other.prepare('INSERT INTO t (rowid, body) VALUES (99, ?)').run('one more ferry')
    other.close()
    expect(counts.count('ferry', 100)).toBe(4)
    db.close()
  })

  it('counts again after forget(), which its own connection calls when it writes', () => {
    const { db, counts } = countsOver(3)
    expect(counts.count('ferry', 100)).toBe(3)
    db.prepare('INSERT INTO t (rowid, body) VALUES (99, ?)').run('one more ferry')
    counts.forget()
    expect(counts.count('ferry', 100)).toBe(4)
    db.close()
  })
})
