import { hasLexicalTag } from '../sentences/lexicon.js'
import { languageTermCounts } from './terms.js'

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu
/** Words shorter than this carry little topic ("it", "at"). */
const MIN_TERM_CHARS = 3
const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Modal', 'Copula', 'Auxiliary', 'QuestionWord', 'Negative'] as const
/** Reporting and filler words every news story uses; they say nothing about which story it is. */
const NEWS_STOPWORDS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'also', 'would', 'could', 'according', 'year', 'years', 'new', 'one', 'two',
  'first', 'last', 'like', 'just', 'more', 'most', 'than', 'have', 'has', 'had', 'been', 'were', 'was', 'are',
  'will', 'not', 'but', 'and', 'the', 'for', 'with', 'that', 'this', 'from', 'its', 'their', 'they', 'there',
])

export type TermVector = ReadonlyMap<string, number>

/** A light stem: plural and possessive endings only, so "sanctions" meets "sanction". */
function stem(word: string): string {
  let w = word.replace(/['’]s?$/, '')
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1)
  return w
}

const stopCache = new Map<string, boolean>()
function isStopword(word: string): boolean {
  let stop = stopCache.get(word)
  if (stop === undefined) {
    stop = NEWS_STOPWORDS.has(word) || FUNCTION_TAGS.some((tag) => hasLexicalTag(word, tag))
    if (stopCache.size < 50_000) stopCache.set(word, stop)
  }
  return stop
}

/**
 * Counts of a text's content words (lower-cased, lightly stemmed, function and reporting words
 * dropped), in the text's language: English by default; another language (an ISO 639-1 code) by
 * its stemmer and stop words, Chinese and Japanese cut into words (`languageTermCounts`).
 *
 * @example
 * termCounts('Sanctions on Russia; the sanction list grew') // Map { 'sanction' => 2, 'russia' => 1, 'list' => 1, 'grew' => 1 }
 */
export function termCounts(text: string, language?: string): Map<string, number> {
  if (language !== undefined && language !== 'en') return languageTermCounts(text, language)
  const counts = new Map<string, number>()
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const word = m[0]
    if (word.length < MIN_TERM_CHARS || isStopword(word)) continue
    const term = stem(word)
    counts.set(term, (counts.get(term) ?? 0) + 1)
  }
  return counts
}

/**
 * How many documents each term occurs in, updated as documents arrive, so weights need no second
 * pass over the corpus.
 */
export class DocumentFrequencies {
  private readonly df: Map<string, number>
  private docs: number

  /** Starts from counts gathered before (a store's), or from nothing. */
  constructor(documents = 0, counts: ReadonlyMap<string, number> = new Map()) {
    this.docs = documents
    this.df = new Map(counts)
  }

  get documents(): number {
    return this.docs
  }

  add(counts: ReadonlyMap<string, number>): void {
    this.docs++
    for (const term of counts.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1)
  }

  /** Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1. */
  idf(term: string): number {
    return Math.log((1 + this.docs) / (1 + (this.df.get(term) ?? 0))) + 1
  }
}

/** A unit-length TF-IDF vector (sublinear term frequency: 1 + ln tf). */
export function tfidfVector(counts: ReadonlyMap<string, number>, df: DocumentFrequencies): TermVector {
  const v = new Map<string, number>()
  let norm = 0
  for (const [term, tf] of counts) {
    const w = (1 + Math.log(tf)) * df.idf(term)
    v.set(term, w)
    norm += w * w
  }
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [term, w] of v) v.set(term, w / norm)
  return v
}

/** Cosine of two unit vectors: 1 for the same terms in the same proportions, 0 for none shared. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [term, w] of small) {
    const other = large.get(term)
    if (other !== undefined) dot += w * other
  }
  return dot
}
