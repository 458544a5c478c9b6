/*
 * Full-text search in PostgreSQL, read as SQLite's FTS5 reads it. Both sides of a match are built
 * here, from the same word splitter the query parser uses (`searchWords`, FTS5's unicode61 rules):
 * the document's words become a `tsvector` literal and a parsed query a `tsquery` literal. No
 * PostgreSQL text-search parser or dictionary runs, so no server setting (a configuration, a
 * stemmer, a stop word) makes PostgreSQL find other words than SQLite does; `U.S.`, `Putin's`,
 * `5,459` and `2023-02-21` split the same way on both stores. Hand-written for that reason:
 * `to_tsvector`'s parser splits `Russia-China` and `e-mail` its own way and would break phrases.
 */
import { parseSearchQuery, searchWords, type SearchExpr, type SearchPhrase, type SearchQuery } from '../search-query.js'

/** Characters of a word kept in the index; longer words are cut, the same on both sides (PostgreSQL refuses lexemes over 2 KB). */
const MAX_WORD = 200
/** PostgreSQL's last word position; later words all sit there (as `to_tsvector` does). */
const MAX_POSITION = 16_383
/** Positions kept per word (PostgreSQL keeps 256). */
const MAX_POSITIONS = 256
/**
 * Positions between the title and the body: FTS5 matches a phrase or a NEAR group within one
 * column, so nothing may reach across (the largest NEAR distance is 1000).
 */
const COLUMN_GAP = 1002
/** Bytes of lexemes in one tsvector: PostgreSQL's limit is 1 MB; past this a document's rarest new words are left out. */
const MAX_LEXEME_BYTES = 900_000
/** FTS5's NEAR distance when a query gives none. */
const DEFAULT_NEAR = 10

/**
 * A word as both sides index it: lower case, Latin diacritics removed (FTS5 `remove_diacritics 2`).
 *
 * @example
 * foldWord('Zürich') // 'zurich'
 */
export function foldWord(word: string): string {
  const folded = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase()
  return folded.length > MAX_WORD ? folded.slice(0, MAX_WORD) : folded
}

/**
 * The `tsvector` literal of a document's title (weight A) and body (default weight D).
 *
 * @example
 * toTsvector('Flood', 'The river rose') // "'flood':1A 'the':1003 'river':1004 'rose':1005"
 */
export function toTsvector(title: string, body: string): string {
  const positions = new Map<string, string[]>()
  let bytes = 0
  const add = (text: string, first: number, weight: string): number => {
    let position = first
    for (const word of searchWords(text)) {
      const lexeme = foldWord(word)
      let list = positions.get(lexeme)
      if (list === undefined) {
        bytes += Buffer.byteLength(lexeme) + 3
        if (bytes > MAX_LEXEME_BYTES) {
          position++
          continue
        }
        list = []
        positions.set(lexeme, list)
      }
      if (list.length < MAX_POSITIONS) list.push(`${Math.min(position, MAX_POSITION)}${weight}`)
      position++
    }
    return position
  }
  const end = add(title, 1, 'A')
  add(body, end + COLUMN_GAP - 1, '')
  return [...positions].map(([lexeme, list]) => `${quoteLexeme(lexeme)}:${list.join(',')}`).join(' ')
}

/**
 * A search as a `tsquery` literal, or undefined when it holds no word (it finds nothing). A
 * malformed advanced query throws SearchSyntaxError first, so what PostgreSQL receives is always
 * well-formed: every word quoted, every group in parentheses.
 *
 * @example
 * toTsquery("Putin's U.S. visit") // "('putin' <-> 's') & ('u' <-> 's') & 'visit'"
 * toTsquery({ text: 'ferry NOT strike*', mode: 'advanced' }) // "'ferry' & !('strike':*)"
 */
export function toTsquery(query: SearchQuery): string | undefined {
  const expr = parseSearchQuery(query)
  return expr === undefined ? undefined : renderTsquery(expr)
}

/** One parsed search in tsquery syntax. */
export function renderTsquery(expr: SearchExpr): string {
  switch (expr.kind) {
    case 'phrase':
      return renderPhrase(expr)
    case 'near':
      return renderNear(expr.phrases, expr.distance ?? DEFAULT_NEAR)
    case 'and':
    case 'or':
      return expr.items.map((item) => `(${renderTsquery(item)})`).join(expr.kind === 'and' ? ' & ' : ' | ')
    case 'not':
      return `(${renderTsquery(expr.include)}) & !(${renderTsquery(expr.exclude)})`
  }
}

function renderPhrase(phrase: SearchPhrase): string {
  const words = phrase.words.map((w) => quoteLexeme(foldWord(w)))
  if (phrase.prefix) words[words.length - 1] += ':*'
  return words.length === 1 ? words[0]! : `(${words.join(' <-> ')})`
}

/**
 * FTS5's NEAR: the phrases in any order with at most `distance` words between one's end and the
 * next one's start. tsquery's `<d>` is one exact distance in one order, so two phrases become
 * every distance from 1 to distance + 1 in both orders. With three phrases or more, every pair
 * must be near (FTS5 asks for one window holding all of them, so this can match a little more).
 */
function renderNear(phrases: readonly SearchPhrase[], distance: number): string {
  const pairs: string[] = []
  for (let i = 0; i < phrases.length; i++) {
    for (let j = i + 1; j < phrases.length; j++) pairs.push(renderPairNear(renderPhrase(phrases[i]!), renderPhrase(phrases[j]!), distance))
  }
  return pairs.map((p) => `(${p})`).join(' & ')
}

function renderPairNear(a: string, b: string, distance: number): string {
  const options: string[] = []
  for (let d = 1; d <= distance + 1; d++) {
    const op = d === 1 ? '<->' : `<${d}>`
    options.push(`${a} ${op} ${b}`, `${b} ${op} ${a}`)
  }
  return options.join(' | ')
}

// A lexeme quoted for tsvector and tsquery input: quotes doubled, backslashes escaped.
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`
}
