import { describe, expect, it } from 'vitest'
import { SearchSyntaxError } from '../errors.js'
import { MAX_SEARCH_DEPTH, MAX_SEARCH_TERMS, parseSearchQuery, searchWords, type SearchExpr, type SearchQuery } from './search-query.js'
import { renderFts5 } from './sqlite/fts5-query.js'

/** A tree written short: phrases as their words joined by a space (`*` when a prefix). */
function show(expr: SearchExpr | undefined): string {
  if (expr === undefined) return '∅'
  switch (expr.kind) {
    case 'phrase':
      return `[${expr.words.join(' ')}]${expr.prefix ? '*' : ''}`
    case 'near':
      return `near(${expr.phrases.map(show).join(' ')}${expr.distance === undefined ? '' : `, ${expr.distance}`})`
    case 'and':
    case 'or':
      return `${expr.kind}(${expr.items.map(show).join(' ')})`
    case 'not':
      return `not(${show(expr.include)} ${show(expr.exclude)})`
  }
}

const advanced = (text: string): SearchQuery => ({ text, mode: 'advanced' })

function syntaxErrorOf(query: SearchQuery): SearchSyntaxError {
  try {
    parseSearchQuery(query)
  } catch (error) {
    if (error instanceof SearchSyntaxError) return error
    throw error
  }
  throw new Error(`${JSON.stringify(query)} parsed without an error`)
}

describe('search query: words mode (what people type)', () => {
  it.each([
    ['U.S.', '[U S]'],
    ["Putin's", '[Putin s]'],
    ['$220 billion', 'and([220] [billion])'],
    ['5,459', '[5 459]'],
    ['2023-02-21', '[2023 02 21]'],
    ['Russia-China', '[Russia China]'],
    ['Who is Putin?', 'and([Who] [is] [Putin])'],
    ['"central bank" rates', 'and([central bank] [rates])'],
    ['"unclosed phrase runs to the end', '[unclosed phrase runs to the end]'],
    ['NEAR(a, b)', 'and([NEAR a] [b])'],
    ['NEAR(a b, x)', 'and([NEAR a] [b] [x])'],
    ['ferry AND strike OR NOT port*', 'and([ferry] [AND] [strike] [OR] [NOT] [port])'],
    ['title:ferry ^start col:{a b}', 'and([title ferry] [start] [col a] [b])'],
    ['Zürich café Ελλάδα 東京 ', 'and([Zürich] [café] [Ελλάδα] [東京])'],
    ['a\u0000b\u0007c\td', 'and([a b c] [d])'],
    ['   ', '∅'],
    ['?! -- "" ***', '∅'],
    ['', '∅'],
  ])('%j → %s', (text, tree) => {
    expect(show(parseSearchQuery(text))).toBe(tree)
  })

  it('never throws on what people type, however it is punctuated', () => {
    for (const text of ['"', '(((', ')', 'AND', 'NOT a', 'a OR', 'NEAR(', '*', '^', 'a:', '"a" "b', '\ud800', '\u0301']) {
      expect(() => parseSearchQuery(text)).not.toThrow()
    }
  })

  it('refuses more words than a search takes, saying how many', () => {
    expect(show(parseSearchQuery('w '.repeat(MAX_SEARCH_TERMS)))).toMatch(/^and\(/)
    expect(syntaxErrorOf('w '.repeat(MAX_SEARCH_TERMS + 1)).message).toContain(`${MAX_SEARCH_TERMS + 1} words and phrases, more than the ${MAX_SEARCH_TERMS}`)
  })

  it('reads a very long word or phrase in one pass', () => {
    expect(show(parseSearchQuery('x'.repeat(200_000)))).toBe(`[${'x'.repeat(200_000)}]`)
    expect(parseSearchQuery(`"${'ab '.repeat(50_000)}"`)).toMatchObject({ kind: 'phrase' })
  })
})

describe('search query: advanced mode (operators)', () => {
  it.each([
    ['ferry strike', 'and([ferry] [strike])'],
    ['ferry AND strike', 'and([ferry] [strike])'],
    ['ferry OR port strike', 'or([ferry] and([port] [strike]))'],
    ['ferry strike NOT port', 'and([ferry] not([strike] [port]))'],
    ['a NOT b NOT c', 'not([a] or([b] [c]))'],
    ['(ferry OR port) AND (strike OR protest)', 'and(or([ferry] [port]) or([strike] [protest]))'],
    ['((a b) c)', 'and([a] [b] [c])'],
    ['econom* "central bank"*', 'and([econom]* [central bank]*)'],
    ['U.S. "Putin\'s" 2023-02-21', 'and([U S] [Putin s] [2023 02 21])'],
    ['NEAR(ferry strike)', 'near([ferry] [strike])'],
    ['NEAR(ferry "harbour strike", 5)', 'near([ferry] [harbour strike], 5)'],
    ['NEAR (a b,0) OR c', 'or(near([a] [b], 0) [c])'],
    ['NEAR a', 'and([NEAR] [a])'],
    ['and or not near', 'and([and] [or] [not] [near])'],
    ['a - b ?', 'and([a] [b])'],
    ['title:ferry', '[title ferry]'],
    ['?', '∅'],
    ['', '∅'],
  ])('%j → %s', (text, tree) => {
    expect(show(parseSearchQuery(advanced(text)))).toBe(tree)
  })

  it.each([
    ['NEAR(a, b)', 7, 'NEAR takes a distance after its comma'],
    ['NEAR(a b, x)', 9, 'NEAR takes a distance after its comma'],
    ['NEAR(a b, 1001)', 9, 'from 0 to 1000'],
    ['NEAR(a b, 5', 1, 'NEAR( is not closed'],
    ['NEAR(a)', 1, 'needs two words or "phrases"'],
    ['NEAR(a OR b)', 8, 'takes only words and "phrases"'],
    ['NEAR(a (b))', 8, 'takes only words and "phrases"'],
    ['"unpaired', 1, 'this quote is not closed'],
    ['a "b" "c', 7, 'this quote is not closed'],
    ['(a OR b', 1, 'this "(" is not closed'],
    ['a OR b)', 7, 'this ")" closes no "("'],
    [')', 1, 'this ")" closes no "("'],
    ['()', 1, 'these parentheses hold no words'],
    ['a (?)', 3, 'these parentheses hold no words'],
    ['a AND', 3, 'AND needs words after it'],
    ['a OR ?', 3, 'OR needs words after it'],
    ['a AND OR b', 3, 'AND needs words after it'],
    ['OR a', 1, 'OR needs words before it'],
    ['NOT strike', 1, 'NOT needs words before it'],
    ['a NOT', 3, 'NOT needs words after it'],
    ['a *', 3, 'this "*" must end a word'],
    ['a ""*', 5, 'this "*" follows a phrase with no words'],
    [`${'('.repeat(MAX_SEARCH_DEPTH + 1)}a${')'.repeat(MAX_SEARCH_DEPTH + 1)}`, MAX_SEARCH_DEPTH + 1, `nest deeper than ${MAX_SEARCH_DEPTH} levels`],
  ])('%j is refused at character %i: %s', (text, at, reason) => {
    const error = syntaxErrorOf(advanced(text))
    expect(error.code).toBe('SEARCH_SYNTAX')
    expect(error.message).toContain(`Cannot search for ${JSON.stringify(text)}: at character ${at}, `)
    expect(error.message).toContain(reason)
  })

  it('quotes a long or control-laden query in its message without dumping it whole', () => {
    const error = syntaxErrorOf(advanced(`${'a'.repeat(5000)}\u0000 (`))
    expect(error.message.length).toBeLessThan(400)
    expect(error.message).not.toContain('\u0000')
  })

  it('counts the words and phrases of a query, not a NEAR distance, against the limit', () => {
    const near = (n: number): SearchQuery => advanced(`NEAR(${'a* '.repeat(n)}, 1000)`)
    expect(parseSearchQuery(near(MAX_SEARCH_TERMS))).toMatchObject({ kind: 'near', distance: 1000 })
    expect(syntaxErrorOf(near(MAX_SEARCH_TERMS + 1)).message).toContain(`it has ${MAX_SEARCH_TERMS + 1} words and phrases`)
  })

  it('refuses an unknown mode', () => {
    expect(syntaxErrorOf({ text: 'a', mode: 'fts5' as 'advanced' }).message).toMatch(/Unknown search mode "fts5"/)
  })
})

describe('search words: the store tokenizer\'s word rules', () => {
  it.each([
    ["Putin's U.S. visit", ['Putin', 's', 'U', 'S', 'visit']],
    ['café cafe\u0301 naïve', ['café', 'cafe\u0301', 'naïve']],
    ['\u0301 \u0305', []],
    ['a_b a·b', ['a', 'b', 'a', 'b']],
    ['東京タワー', ['東京タワー']],
    ['\u{F0000}x', ['\u{F0000}x']],
    ['😀 ✓ € ½', ['½']],
    ['\u19B0', []],
  ])('%j → %j', (text, words) => {
    expect(searchWords(text)).toEqual(words)
  })
})

describe('search query: FTS5 rendering', () => {
  it.each([
    ["Putin's U.S. visit", '"Putin\'s" AND "U.S." AND "visit"'],
    ['a\u0000b\ud800c', '"a b c"'],
    [advanced('econom** U.S.*'), '"econom"* AND "U.S."*'],
    [advanced('ferry NOT strike*'), '"ferry" NOT "strike"*'],
    [advanced('(a OR b) c NOT (d e)'), '("a" OR "b") AND ("c" NOT ("d" AND "e"))'],
    [advanced('NEAR(a "b c"*, 3) OR d'), 'NEAR("a" "b c"*, 3) OR "d"'],
    ['AND OR NOT NEAR', '"AND" AND "OR" AND "NOT" AND "NEAR"'],
  ])('%j → %s', (query, fts) => {
    expect(renderFts5(parseSearchQuery(query)!)).toBe(fts)
  })
})
