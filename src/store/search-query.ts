/*
 * Search queries, parsed once into a small tree that each store renders in its own engine's syntax
 * (SQLite FTS5: sqlite/fts5-query.ts). Two modes:
 *
 * - `words` (the default): what a person types. Words are looked up as words, every one of them
 *   (AND); "double-quoted" text is a phrase; all other punctuation only separates words, so
 *   `U.S.`, `Putin's`, `5,459` and `2023-02-21` find the text they were copied from. Nothing in
 *   this mode is an operator, so no input is a syntax error.
 * - `advanced`, asked for explicitly: AND, OR, NOT (upper case), parentheses, "phrases", prefix*
 *   and NEAR(a b, N). A malformed query is a SearchSyntaxError saying what is wrong and where.
 *
 * Hand-written: the query has to be read the way the store's tokenizer reads text, and no parser
 * library knows FTS5's word rules; the grammar is small enough for recursive descent.
 */
import { SearchSyntaxError } from '../errors.js'

export const SEARCH_MODES = ['words', 'advanced'] as const
export type SearchMode = (typeof SEARCH_MODES)[number]

/**
 * A search as a caller gives it: a string is a person's words; `{ text, mode: 'advanced' }` reads
 * operators.
 *
 * @example
 * store.search('Putin\'s visit')
 * store.search({ text: 'ferry NOT (strike OR protest)', mode: 'advanced' })
 */
export type SearchQuery = string | { readonly text: string; readonly mode: SearchMode }

/**
 * Words that appear one after another; `prefix`: the last one may be the start of a longer word.
 * `text` is the phrase as typed (its punctuation kept), for an engine that tokenizes it itself.
 */
export interface SearchPhrase {
  readonly kind: 'phrase'
  readonly text: string
  readonly words: readonly string[]
  readonly prefix: boolean
}

/** Phrases within `distance` words of each other (the engine's default when undefined). */
export interface SearchNear {
  readonly kind: 'near'
  readonly phrases: readonly SearchPhrase[]
  readonly distance: number | undefined
}

/** Every item (`and`) or any item (`or`) matches; always two items or more. */
export interface SearchGroup {
  readonly kind: 'and' | 'or'
  readonly items: readonly SearchExpr[]
}

/** `include` matches and `exclude` does not. */
export interface SearchExcept {
  readonly kind: 'not'
  readonly include: SearchExpr
  readonly exclude: SearchExpr
}

export type SearchExpr = SearchPhrase | SearchNear | SearchGroup | SearchExcept

/** Words and phrases one query may hold: each is an index lookup, and no person types more. */
export const MAX_SEARCH_TERMS = 256
/** Parentheses one query may nest: engines bound their expression depth (FTS5: 256 nodes). */
export const MAX_SEARCH_DEPTH = 20
/** Largest NEAR distance, in words. */
export const MAX_NEAR_DISTANCE = 1000

// As the store's FTS5 tokenizer (unicode61) reads text: letters, digits and private-use characters
// make words, marks continue them, everything else separates. A run counts as a word only with a
// character FTS5 also takes as part of a word, so no phrase this module renders is empty to FTS5
// (an empty phrase matches nothing and would silently empty an AND). The excluded code points are
// letters since Unicode 8 that SQLite's Unicode 6.1 tables still class as marks.
const WORD_RUN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu
const WORD_CORE = /(?![\u19B0-\u19C0\u19C8\u19C9\u1CF2\u1CF3])[\p{L}\p{N}\p{Co}]/u
const SPACE = /\s/u
const OPERATORS = new Set(['AND', 'OR', 'NOT'])

/**
 * The words of a text as the store's tokenizer finds them (case and accents kept: the engine folds them).
 *
 * @example
 * searchWords("Putin's U.S. visit") // ['Putin', 's', 'U', 'S', 'visit']
 */
export function searchWords(text: string): string[] {
  return (text.match(WORD_RUN) ?? []).filter((run) => WORD_CORE.test(run))
}

/**
 * Parses a query into its tree; undefined when it holds no word at all (blank or punctuation
 * only), which finds nothing. Throws SearchSyntaxError for a malformed advanced query.
 *
 * @example
 * parseSearchQuery('U.S. sanctions') // and: phrase [U, S], phrase [sanctions]
 * parseSearchQuery({ text: 'NEAR(ferry strike, 5)', mode: 'advanced' })
 */
export function parseSearchQuery(query: SearchQuery): SearchExpr | undefined {
  const { text, mode } = typeof query === 'string' ? { text: query, mode: 'words' as const } : query
  if (!(SEARCH_MODES as readonly string[]).includes(mode)) {
    throw new SearchSyntaxError(`Unknown search mode ${JSON.stringify(mode)}; use one of ${SEARCH_MODES.join(', ')}.`)
  }
  return mode === 'words' ? parseWords(text) : new AdvancedParser(text).parse()
}

/** The phrase a piece of text makes, or undefined when it holds no word. */
function phraseOf(text: string, prefix = false): SearchPhrase | undefined {
  const words = searchWords(text)
  return words.length === 0 ? undefined : { kind: 'phrase', text, words, prefix }
}

/** Items joined by one operator, a lone item as itself, nested groups of the same kind flattened. */
function group(kind: 'and' | 'or', items: readonly SearchExpr[]): SearchExpr {
  const flat = items.flatMap((item) => (item.kind === kind ? item.items : [item]))
  return flat.length === 1 ? flat[0]! : { kind, items: flat }
}

function parseWords(text: string): SearchExpr | undefined {
  const phrases: SearchPhrase[] = []
  // Between quotes (an unclosed quote runs to the end): a phrase; outside: one phrase per word.
  text.split('"').forEach((part, i) => {
    const pieces = i % 2 === 1 ? [part] : part.split(/\s+/u)
    for (const piece of pieces) {
      const phrase = phraseOf(piece)
      if (phrase !== undefined) phrases.push(phrase)
    }
  })
  if (phrases.length > MAX_SEARCH_TERMS) throw tooManyTerms(text, phrases.length)
  return phrases.length === 0 ? undefined : group('and', phrases)
}

type Token =
  | { readonly type: 'phrase'; readonly at: number; readonly phrase: SearchPhrase }
  | { readonly type: 'AND' | 'OR' | 'NOT' | 'NEAR(' | '(' | ')' | ','; readonly at: number }
  | { readonly type: 'end'; readonly at: number }

/** Recursive descent over FTS5's precedence: OR binds loosest, then AND (written or implied), then NOT. */
class AdvancedParser {
  private readonly tokens: Token[]
  private next = 0
  private depth = 0

  constructor(private readonly text: string) {
    this.tokens = tokenize(text, (at, reason) => this.fail(at, reason))
    // A number after a NEAR comma is its distance, not a term.
    const terms = this.tokens.filter((t) => t.type === 'phrase').length - this.tokens.filter((t) => t.type === ',').length
    if (terms > MAX_SEARCH_TERMS) throw tooManyTerms(text, terms)
  }

  parse(): SearchExpr | undefined {
    if (this.peek().type === 'end') return undefined
    const expr = this.parseOr()
    const extra = this.peek()
    if (extra.type === ')') this.fail(extra.at, 'this ")" closes no "("')
    return expr
  }

  private parseOr(): SearchExpr {
    const items = [this.parseAnd()]
    while (this.peek().type === 'OR') items.push(this.parseAnd(this.take()))
    return group('or', items)
  }

  private parseAnd(after?: Token): SearchExpr {
    const items = [this.parseNot(after)]
    for (let t = this.peek(); ; t = this.peek()) {
      if (t.type === 'AND') items.push(this.parseNot(this.take()))
      else if (t.type === 'phrase' || t.type === '(' || t.type === 'NEAR(') items.push(this.parseNot())
      else break
    }
    return group('and', items)
  }

  private parseNot(after?: Token): SearchExpr {
    const include = this.parseUnit(after)
    const excluded: SearchExpr[] = []
    while (this.peek().type === 'NOT') excluded.push(this.parseUnit(this.take()))
    // a NOT b NOT c excludes b or c: one NOT, so the tree stays shallow however many there are.
    return excluded.length === 0 ? include : { kind: 'not', include, exclude: group('or', excluded) }
  }

  private parseUnit(after?: Token): SearchExpr {
    const t = this.peek()
    if (t.type === 'phrase') {
      this.take()
      return t.phrase
    }
    if (t.type === 'NEAR(') return this.parseNear(this.take())
    if (t.type === '(') {
      this.take()
      if (++this.depth > MAX_SEARCH_DEPTH) this.fail(t.at, `parentheses nest deeper than ${MAX_SEARCH_DEPTH} levels`)
      if (this.peek().type === ')') this.fail(t.at, 'these parentheses hold no words')
      const inner = this.parseOr()
      if (this.peek().type !== ')') this.fail(t.at, 'this "(" is not closed; add a ")"')
      this.take()
      this.depth--
      return inner
    }
    if (after !== undefined) this.fail(after.at, `${after.type} needs words after it`)
    if (t.type === 'AND' || t.type === 'OR') this.fail(t.at, `${t.type} needs words before it, as in "ferry ${t.type} port"`)
    if (t.type === 'NOT') this.fail(t.at, 'NOT needs words before it: it leaves out what follows from what precedes, as in "ferry NOT strike"')
    if (t.type === ')') this.fail(t.at, this.depth > 0 ? 'these parentheses hold no words' : 'this ")" closes no "("')
    this.fail(t.at, 'a word or "phrase" was expected here')
  }

  private parseNear(open: Token): SearchNear {
    const phrases: SearchPhrase[] = []
    while (this.peek().type === 'phrase') phrases.push((this.take() as Extract<Token, { type: 'phrase' }>).phrase)
    let distance: number | undefined
    if (this.peek().type === ',') {
      const comma = this.take()
      const t = this.peek()
      const value = t.type === 'phrase' && t.phrase.words.length === 1 && !t.phrase.prefix && /^\d{1,4}$/.test(t.phrase.words[0]!) ? Number(t.phrase.words[0]) : -1
      if (value < 0 || value > MAX_NEAR_DISTANCE) this.fail(comma.at, `NEAR takes a distance after its comma (a whole number of words from 0 to ${MAX_NEAR_DISTANCE}); its words and "phrases" are separated by spaces, as in NEAR(ferry strike, 5)`)
      this.take()
      distance = value
    }
    const close = this.peek()
    if (close.type === 'end') this.fail(open.at, 'this NEAR( is not closed; add a ")"')
    if (close.type !== ')') this.fail(close.at, 'NEAR( takes only words and "phrases" separated by spaces, then optionally a comma and a distance, as in NEAR(ferry strike, 5)')
    this.take()
    if (phrases.length < 2) this.fail(open.at, 'NEAR( needs two words or "phrases" or more, as in NEAR(ferry strike)')
    return { kind: 'near', phrases, distance }
  }

  private peek(): Token {
    return this.tokens[this.next]!
  }

  private take(): Token {
    return this.tokens[this.next++]!
  }

  private fail(at: number, reason: string): never {
    throw new SearchSyntaxError(`Cannot search for ${quoteQuery(this.text)}: at character ${at + 1}, ${reason}.`)
  }
}

/** The advanced query's tokens, ending with one `end`; `,` is a token only inside NEAR( ). */
function tokenize(text: string, fail: (at: number, reason: string) => never): Token[] {
  const tokens: Token[] = []
  let inNear = false
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (SPACE.test(c)) {
      i++
    } else if (c === '(' || c === ')' || (c === ',' && inNear)) {
      if (c === ')') inNear = false
      tokens.push({ type: c, at: i++ })
    } else if (c === '"') {
      const close = text.indexOf('"', i + 1)
      if (close < 0) fail(i, 'this quote is not closed; add a closing "')
      const prefix = text[close + 1] === '*'
      const phrase = phraseOf(text.slice(i + 1, close), prefix)
      if (phrase !== undefined) tokens.push({ type: 'phrase', at: i, phrase })
      else if (prefix) fail(close + 1, 'this "*" follows a phrase with no words in it')
      i = close + (prefix ? 2 : 1)
    } else {
      const start = i
      while (i < text.length && !isBareEnd(text[i]!, inNear)) i++
      const bare = text.slice(start, i)
      if (OPERATORS.has(bare)) tokens.push({ type: bare as 'AND' | 'OR' | 'NOT', at: start })
      else if (bare === 'NEAR' && /^\s*\(/u.test(text.slice(i, i + 64))) {
        i = text.indexOf('(', i) + 1
        inNear = true
        tokens.push({ type: 'NEAR(', at: start })
      } else {
        const stem = bare.replace(/\*+$/u, '')
        const phrase = phraseOf(stem, stem !== bare)
        if (phrase !== undefined) tokens.push({ type: 'phrase', at: start, phrase })
        else if (stem !== bare) fail(start + stem.length, 'this "*" must end a word, as in "econom*"')
      }
    }
  }
  tokens.push({ type: 'end', at: text.length })
  return tokens
}

function isBareEnd(c: string, inNear: boolean): boolean {
  return c === '"' || c === '(' || c === ')' || (c === ',' && inNear) || SPACE.test(c)
}

/** The query as a message quotes it: a long one cut, control characters escaped by JSON. */
function quoteQuery(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)
}

function tooManyTerms(text: string, count: number): SearchSyntaxError {
  return new SearchSyntaxError(`Cannot search for ${quoteQuery(text)}: it has ${count} words and phrases, more than the ${MAX_SEARCH_TERMS} a search takes.`)
}
