import { describe, expect, it } from 'vitest'
import { SearchSyntaxError } from '../../errors.js'
import { fromPgText, toPgText } from './text.js'
import { foldWord, toTsquery, toTsvector } from './tsquery.js'

describe('PostgreSQL search: both sides built from the FTS5 word splitter', () => {
  it('splits a document as FTS5 does, title before body, with a gap no phrase crosses', () => {
    expect(toTsvector("Putin's plan", 'U.S. 2023-02-21')).toBe("'putin':1A 's':2A,1006 'plan':3A 'u':1005 '2023':1007 '02':1008 '21':1009")
  })

  it('folds case and Latin diacritics on both sides', () => {
    expect(foldWord('ZÜRICH')).toBe('zurich')
    expect(toTsquery('Zürich')).toBe("'zurich'")
  })

  it.each([
    ["Putin's U.S. visit", "(('putin' <-> 's')) & (('u' <-> 's')) & ('visit')"],
    ['"central bank"', "('central' <-> 'bank')"],
    ['   ', undefined],
    ['?!', undefined],
  ])('reads a person\'s words: %s', (query, expected) => {
    expect(toTsquery(query)).toBe(expected)
  })

  it.each([
    ['ferry NOT strike*', "('ferry') & !('strike':*)"],
    ['summit OR ferry', "('summit') | ('ferry')"],
    ['"ferry strike"*', "('ferry' <-> 'strike':*)"],
  ])('reads operators in advanced mode: %s', (text, expected) => {
    expect(toTsquery({ text, mode: 'advanced' })).toBe(expected)
  })

  it('reads NEAR as every distance up to N + 1, in both orders', () => {
    expect(toTsquery({ text: 'NEAR(a b, 1)', mode: 'advanced' })).toBe("('a' <-> 'b' | 'b' <-> 'a' | 'a' <2> 'b' | 'b' <2> 'a')")
    expect(toTsquery({ text: 'NEAR(a b c, 0)', mode: 'advanced' })).toBe("('a' <-> 'b' | 'b' <-> 'a') & ('a' <-> 'c' | 'c' <-> 'a') & ('b' <-> 'c' | 'c' <-> 'b')")
  })

  it('throws the parser\'s SearchSyntaxError for a malformed advanced query', () => {
    expect(() => toTsquery({ text: 'NEAR(a, b)', mode: 'advanced' })).toThrow(SearchSyntaxError)
  })

  it('cuts a very long word the same on both sides, so it is still found', () => {
    const word = 'x'.repeat(5000)
    expect(toTsvector('', word)).toBe(`'${'x'.repeat(200)}':1002`)
    expect(toTsquery(word)).toBe(`'${'x'.repeat(200)}'`)
  })

  it('keeps at most 256 positions of a word, none past 16383', () => {
    const vector = toTsvector('', 'ferry '.repeat(20_000))
    const positions = vector.split(':')[1]!.split(',')
    expect(positions).toHaveLength(256)
    expect(toTsvector('', `${'a '.repeat(17_000)}b`)).toContain("'b':16383")
  })
})

describe('PostgreSQL text: NUL and lone surrogates survive', () => {
  it.each(['plain', 'a\0b', 'a\ud800b', '\uffffstarts with the marker', '', 'naïve 😀'])('round-trips %j', (text) => {
    const stored = toPgText(text)
    expect(stored).not.toMatch(/[\0\p{Cs}]/u)
    expect(fromPgText(stored)).toBe(text)
  })

  it('leaves ordinary text as it is', () => {
    expect(toPgText('Harbour Daily')).toBe('Harbour Daily')
  })
})
