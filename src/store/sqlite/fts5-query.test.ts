import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { SearchSyntaxError } from '../../errors.js'
import { searchWords } from '../search-query.js'
import { toFts5Match } from './fts5-query.js'
import { INITIAL_SQL } from './migrations/001_initial.js'

// The tokenizer the store's full-text index was created with, read from its migration so the two cannot drift.
const TOKENIZE = /tokenize = ('[^']*')/.exec(INITIAL_SQL)![1]!

const db = new Database(':memory:')
db.exec(`CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = ${TOKENIZE}); CREATE VIRTUAL TABLE t_words USING fts5vocab (t, 'instance');`)
afterAll(() => db.close())
const insert = db.prepare<[number, string]>('INSERT INTO t (rowid, body) VALUES (?, ?)')
const wordsPerRow = db.prepare<[], { doc: number; n: number }>('SELECT doc, count(*) AS n FROM t_words GROUP BY doc')
const match = db.prepare<[string], { rowid: number }>('SELECT rowid FROM t WHERE t MATCH ?')

function* codePoints(): Generator<string> {
  for (let cp = 1; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp)
}

describe('FTS5 rendering against the store tokenizer', () => {
  it('every character the parser counts as a word is a word to FTS5 (no phrase it renders is empty there)', () => {
    // One row per 512 such characters, space-separated: a row holding fewer words names a culprit.
    const rows: string[][] = [[]]
    for (const c of codePoints()) {
      if (searchWords(c).length === 0) continue
      if (rows.at(-1)!.length === 512) rows.push([])
      rows.at(-1)!.push(c)
    }
    db.exec('DELETE FROM t')
    db.transaction(() => rows.forEach((chars, i) => insert.run(i + 1, chars.join(' '))))()
    const counted = new Map(wordsPerRow.all().map((r) => [r.doc, r.n]))
    const short = rows.filter((chars, i) => counted.get(i + 1) !== chars.length)
    const culprits = short.flatMap((chars) => chars.filter((c) => {
      db.exec('DELETE FROM t')
      insert.run(1, c)
      return wordsPerRow.all().length === 0
    }))
    expect(culprits.map((c) => c.codePointAt(0)!.toString(16))).toEqual([])
    expect(rows.flat().length).toBeGreaterThan(250_000)
  })

  it('a person\'s words copied from a text find that text, whatever its punctuation', () => {
    const piece = fc.oneof(
      fc.constantFrom('U.S.', "Putin's", '$220', 'billion', '5,459', '2023-02-21', 'Russia-China', 'Who', 'is', 'Putin?', '"', '(', ')', '*', '^', ':', 'NEAR', 'AND', 'OR', 'NOT', ',', '-', 'café', 'cafe\u0301', 'Ελλάδα', '東京'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    )
    const text = fc.array(piece, { minLength: 1, maxLength: 12 }).chain((pieces) => fc.array(fc.constantFrom(' ', '', '\n', '"', '  '), { minLength: pieces.length, maxLength: pieces.length }).map((gaps) => pieces.map((p, i) => p + gaps[i]).join('')))
    fc.assert(fc.property(text, (body) => {
      db.exec('DELETE FROM t')
      insert.run(1, body)
      const query = toFts5Match(body)
      if (query === undefined) return searchWords(body).length === 0
      return match.all(query).length === 1
    }), { numRuns: 2000, seed: 10 })
  })

  it('any text, lone surrogates and NULs included, is refused by the parser or accepted by FTS5', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.constantFrom('a', 'NEAR(', '(', ')', '"', '*', ',', '2', 'AND', 'NOT', 'OR', '\ud800', '\u0000', ':', '^', ' '), { maxLength: 16 }).map((parts) => parts.join('')))
    fc.assert(fc.property(text, fc.constantFrom('words' as const, 'advanced' as const), (query, mode) => {
      let match: string | undefined
      try {
        match = toFts5Match({ text: query, mode })
      } catch (error) {
        return mode === 'advanced' && error instanceof SearchSyntaxError
      }
      // FTS5 must take it: a syntax error would throw here and fail the property.
      if (match !== undefined) db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').get(match)
      return true
    }), { numRuns: 3000, seed: 10 })
  })
})
