/*
 * Figures in the languages with a lexicon of figure words (German, French, Spanish, Italian,
 * Russian, Polish, Chinese): numbers in the locale's format ("12,5", "1.845", "1 100", "8.6"),
 * scales in words and abbreviations ("Millionen", "млрд", "mln", "亿"), currencies, percent, time
 * spans, counted nouns, the comparator before the number ("mehr als", "около", "约"), and the
 * source a phrase such as "laut", "selon" or "据" names. English keeps its own richer reader
 * (`quantities.ts`). Written by hand: the spans must be exact offsets into the source, and the
 * words come from each language's lexicon.
 */
import type { Comparator, EntityId, Mention, Span } from '../../document/index.js'
import type { FigureWords, Lexicon } from '../../language/index.js'
import { stopwordsFor } from '../../language/stopwords.js'
import type { Quantity, QuantityKind } from './quantities.js'
import { bestEntity, type FigureSource } from './source.js'

/** A bare year is a date, not a figure, when it lies in this range and carries no unit. */
const YEAR_LIKE = { min: 1900, max: 2100 }
/** How far before a number its comparator may start, in characters. */
const COMPARATOR_WINDOW = 24
/** A source named after "laut", "selon", "据" runs at most this many words (characters in Chinese). */
const MAX_SOURCE_WORDS = 4
const MAX_SOURCE_CHARS_UNSPACED = 14
const CURRENCY_SIGNS: Readonly<Record<string, string>> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'CNY', '₽': 'RUB' }

interface Reader {
  readonly words: FigureWords
  readonly number: RegExp
  readonly decimal: string
  readonly groups: readonly string[]
  /** Scale words (value ≥ 1000: "Millionen", "млрд", "万") and counts in words (below 1000: "drei"), lower case. */
  readonly scales: ReadonlyMap<string, number>
  readonly counts: ReadonlyMap<string, number>
  readonly unspaced: boolean
  readonly capitalisedNouns: boolean
  readonly stop: ReadonlySet<string>
  /** For a language written without spaces, its currency words, time words and units, longest first: the first that starts the text is the one. */
  readonly longestFirst: { readonly currencies: readonly string[]; readonly timeUnits: readonly string[]; readonly units: readonly string[] }
  /** Each comparator phrase, longest first, with the test that it ends the text before a number. */
  readonly comparators: ReadonlyArray<readonly [ends: (before: string) => boolean, comparator: Comparator]>
}

const readers = new WeakMap<Lexicon, Reader>()

function readerOf(lexicon: Lexicon): Reader | undefined {
  const words = lexicon.figures
  if (words === undefined) return undefined
  let reader = readers.get(lexicon)
  if (reader === undefined) {
    const { decimal, group } = lexicon.numberFormat
    const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const groups = group.filter((g) => g !== decimal)
    const groupClass = groups.map(escape).join('')
    // Chinese writes numbers right after letters ("投资8.6亿元"); spaced languages do not ("A4" is no figure).
    const before = lexicon.unspaced === true ? '\\p{N}.,' : '\\p{L}\\p{N}.,'
    const number = new RegExp(`(?<![${before}])(\\d{1,3}(?:[${groupClass}]\\d{3})+(?:${escape(decimal)}\\d+)?|\\d+(?:${escape(decimal)}\\d+)?)(?![\\p{N}])`, 'gu')
    const entries = Object.entries(lexicon.numberWords).map(([w, v]) => [w.toLowerCase(), v] as const)
    reader = {
      words, number, decimal, groups,
      scales: new Map(entries.filter(([, v]) => v >= 1000)),
      counts: new Map(entries.filter(([, v]) => v < 1000)),
      unspaced: lexicon.unspaced === true,
      capitalisedNouns: lexicon.capitalisedNouns === true,
      longestFirst: {
        currencies: byLength(Object.keys(words.currencies)),
        timeUnits: byLength(Object.keys(words.timeUnits)),
        units: byLength(words.units ?? []),
      },
      stop: stopwordsFor(lexicon.code),
      comparators: Object.entries(words.comparators)
        .flatMap(([c, phrases]) => phrases.map((p) => [p.toLowerCase(), c as Comparator] as const))
        .sort((a, b) => b[0].length - a[0].length)
        .map(([phrase, comparator]) => {
          if (lexicon.unspaced === true) return [(before: string) => before.endsWith(phrase), comparator] as const
          const ends = new RegExp(`(?:^|[^\\p{L}])${escape(phrase)}\\s*$`, 'u')
          return [(before: string) => ends.test(before), comparator] as const
        }),
    }
    readers.set(lexicon, reader)
  }
  return reader
}

function byLength(list: readonly string[]): string[] {
  return [...list].sort((a, b) => b.length - a.length)
}

/** True when the lexicon has the words to read figures in its language. */
export function readsFigures(lexicon: Lexicon | undefined): lexicon is Lexicon {
  return lexicon?.figures !== undefined
}

interface Token {
  readonly text: string
  readonly start: number
  readonly end: number
}

/**
 * The word at `at` in `text` (after spaces), without a sentence's closing period; an elided
 * article is a word of its own ("d'euros" → "d'", then "euros").
 */
function wordAt(text: string, at: number): Token | undefined {
  const m = /^[\s\u00a0\u202f]*([\p{L}\p{M}](?:[\p{L}\p{M}'’-]|\.(?=\p{L}))*)/u.exec(text.slice(at))
  if (m === null) return undefined
  const start = at + m[0].length - m[1]!.length
  const word = m[1]!.replace(/’/g, "'")
  const elided = /^(\p{L}')\p{L}/u.exec(word)
  if (elided !== null) return { text: elided[1]!, start, end: start + elided[1]!.length }
  return { text: word, start, end: start + word.length }
}

function lower(token: Token | undefined): string {
  return token === undefined ? '' : token.text.toLowerCase()
}

/**
 * The figures of one sentence in a language with figure words, in order, each with its value
 * (scale applied), unit, comparator and, for a count, its noun.
 *
 * @example
 * findLexiconQuantities('Die Stadt gibt 12,5 Millionen Euro aus.', { start: 0, end: 39 }, [], de)
 * // [{ span: <"12,5 Millionen Euro">, value: 12500000, unit: 'EUR', comparator: 'eq', kind: 'money', measure: null }]
 */
export function findLexiconQuantities(source: string, sentence: Span, skip: readonly Span[], lexicon: Lexicon): Quantity[] {
  const reader = readerOf(lexicon)
  if (reader === undefined) return []
  const text = source.slice(sentence.start, sentence.end)
  const found: Quantity[] = []
  const inSkip = (start: number, end: number): boolean => skip.some((s) => s.start < sentence.start + end && sentence.start + start < s.end)
  for (const m of text.matchAll(reader.number)) {
    const start = m.index!
    const end = start + m[0].length
    if (inSkip(start, end)) continue
    const value = parseLocaleNumber(m[0], reader)
    const q = readAfter(text, start, end, value, reader)
    if (q === undefined) continue
    found.push(offset(q, sentence.start))
  }
  if (!reader.unspaced) {
    // Number words count only before a scale, a currency or a time span: "drei Millionen Euro", "due anni".
    for (const m of text.matchAll(/[\p{L}]+/gu)) {
      const value = reader.counts.get(m[0].toLowerCase())
      if (value === undefined || !isWordStart(text, m.index!)) continue
      const start = m.index!
      const end = start + m[0].length
      if (inSkip(start, end)) continue
      const q = readAfter(text, start, end, value, reader)
      if (q === undefined || q.kind === 'bare' || q.kind === 'count') continue
      found.push(offset(q, sentence.start))
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start)
}

function isWordStart(text: string, at: number): boolean {
  return at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]!)
}

function offset(q: Quantity, by: number): Quantity {
  return {
    ...q,
    span: { start: q.span.start + by, end: q.span.end + by },
    measure: q.measure === null ? null : { text: q.measure.text, span: { start: q.measure.span.start + by, end: q.measure.span.end + by } },
  }
}

/** "12,5" → 12.5 and "1.845" → 1845 in German; "1 100" → 1100 in Russian; "8.6" → 8.6 in Chinese. */
function parseLocaleNumber(digits: string, reader: Pick<Reader, 'decimal' | 'groups'>): number {
  let plain = digits
  for (const g of reader.groups) plain = plain.split(g).join('')
  return Number(plain.replace(reader.decimal, '.'))
}

/** What follows a number: a scale, then a currency, percent, time span or counted noun; with the comparator before it. */
function readAfter(text: string, start: number, end: number, base: number, reader: Reader): Quantity | undefined {
  const currencyBefore = signBefore(text, start)
  const from = currencyBefore?.start ?? start
  const make: Make = (kind, unit, to, value, measure = null) => ({ span: { start: from, end: to }, value, unit, comparator: comparatorBefore(text, from, reader), kind, measure })
  if (reader.unspaced) return readUnspacedAfter(text, end, base, reader, make)

  let value = base
  let at = end
  let scaled = false
  const { words } = reader
  const result = (kind: QuantityKind, unit: string | null, to: number, measure: Quantity['measure'] = null): Quantity => make(kind, unit, to, value, measure)

  // "%", "12 %"
  const percentSign = /^[\s\u00a0\u202f]?[%％]/.exec(text.slice(at))
  if (percentSign !== null) return result('percent', 'percent', at + percentSign[0].length)
  // A scale: "Millionen", "млрд", "mil millones"
  const two = twoWords(text, at)
  const scaleTwo = two === undefined ? undefined : reader.scales.get(two.text.toLowerCase())
  const one = wordAt(text, at)
  const scaleOne = one === undefined ? undefined : reader.scales.get(lower(one))
  if (scaleTwo !== undefined && two !== undefined) {
    value *= scaleTwo
    at = two.end
    scaled = true
  } else if (scaleOne !== undefined && one !== undefined) {
    value *= scaleOne
    at = one.end
    scaled = true
    // An abbreviated scale keeps its period: "90 Mio. Euro".
    if (/^\.\s+\p{L}/u.test(text.slice(at))) at++
  }
  if (currencyBefore) return result('money', currencyBefore.code, at)
  const sign = /^\s?([€$£¥₽])/.exec(text.slice(at))
  if (sign !== null) return result('money', CURRENCY_SIGNS[sign[1]!]!, at + sign[0].length)
  // After a scale, a linker may stand before what it counts: "millions d'euros", "milioni di euro".
  let next = wordAt(text, at)
  if (scaled && next !== undefined && words.linkers.includes(lower(next))) next = wordAt(text, next.end) ?? next
  if (next !== undefined) {
    const word = lower(next)
    const currency = words.currencies[word]
    if (currency !== undefined) return result('money', currency, next.end)
    const percentWord = matchPhrase(text, next.start, words.percent)
    if (percentWord !== undefined) return result('percent', 'percent', percentWord)
    const time = words.timeUnits[word]
    if (time !== undefined) return result('measure', time, next.end)
    const noun = countedNoun(text, next.start, reader)
    if (noun !== undefined) return result('count', noun.text.toLowerCase(), noun.end, { text: noun.text, span: { start: noun.start, end: noun.end } })
  }
  // A bare number: a label after a capitalised word ("Linie 3") or a year is no figure.
  if (scaled) return result('bare', null, at)
  if (Number.isInteger(value) && value >= YEAR_LIKE.min && value <= YEAR_LIKE.max && /^\d{4}$/.test(text.slice(start, end))) return undefined
  if (isLabel(text, start)) return undefined
  return result('bare', null, at)
}

/**
 * The counted noun after a number: in German, the first capitalised word within two words ("40
 * neue Busse"); elsewhere the next word, read past adjectives where the language puts them first
 * ("60 nowych łóżek"). None when a small word follows ("48.000 al día").
 */
function countedNoun(text: string, at: number, reader: Reader): Token | undefined {
  const { capitalisedNouns } = reader
  const { adjectiveEndings = [] } = reader.words
  let word = wordAt(text, at)
  for (let k = 0; k < 3 && word !== undefined; k++) {
    const key = lower(word)
    if (capitalisedNouns) {
      // Capitals tell the noun; the stop-word list holds nouns too ("Menschen", "Jahr").
      if (/^\p{Lu}/u.test(word.text)) return trimPeriod(word)
      if (k >= 1) return undefined
      word = wordAt(text, word.end)
      continue
    }
    if (reader.stop.has(key) || key.length < 2 || key.endsWith("'")) return undefined
    if (k >= 2 || !adjectiveEndings.some((e) => key.endsWith(e) && key.length > e.length + 2)) {
      return trimPeriod(word)
    }
    word = wordAt(text, word.end)
  }
  return undefined
}

function trimPeriod(token: Token): Token {
  const text = token.text.replace(/[.'-]+$/, '')
  return { text, start: token.start, end: token.start + text.length }
}

/** Two words from `at`, for two-word scales ("mil millones"). */
function twoWords(text: string, at: number): Token | undefined {
  const first = wordAt(text, at)
  const second = first === undefined ? undefined : wordAt(text, first.end)
  return first === undefined || second === undefined ? undefined : { text: `${first.text} ${second.text}`, start: first.start, end: second.end }
}

/** The end of the longest phrase of `phrases` starting at `at` (case folded), if any. */
function matchPhrase(text: string, at: number, phrases: readonly string[]): number | undefined {
  const rest = text.slice(at).toLowerCase()
  let best: number | undefined
  for (const p of phrases) {
    if (rest.startsWith(p) && !/[\p{L}]/u.test(rest[p.length] ?? '') && (best === undefined || p.length > best - at)) best = at + p.length
  }
  return best
}

/** A currency sign right before the number: "€ 12", "$5". */
function signBefore(text: string, start: number): { start: number; code: string } | undefined {
  const m = /([€$£¥₽])\s?$/.exec(text.slice(Math.max(0, start - 2), start))
  return m === null ? undefined : { start: start - m[0].length, code: CURRENCY_SIGNS[m[1]!]! }
}

/** The comparator phrase ending right before the number ("mehr als 1.200", "около 18", "约2.8"). */
function comparatorBefore(text: string, start: number, reader: Reader): Comparator {
  const before = text.slice(Math.max(0, start - COMPARATOR_WINDOW), start).toLowerCase().replace(/’/g, "'")
  for (const [ends, comparator] of reader.comparators) if (ends(before)) return comparator
  return 'eq'
}

/** "Linie 3", "Artikel 5": a number right after a capitalised word that does not open the sentence is a name's part. */
function isLabel(text: string, start: number): boolean {
  const m = /(\p{Lu}[\p{L}]*)\s+$/u.exec(text.slice(Math.max(0, start - 30), start))
  if (m === null) return false
  const wordStart = start - m[0].length
  return text.slice(0, wordStart).trim() !== ''
}

/** A quantity from what was read: its kind, unit, where it ends, its value and counted noun; the start and comparator are the number's. */
type Make = (kind: QuantityKind, unit: string | null, to: number, value: number, measure?: Quantity['measure']) => Quantity

/** Chinese: scale characters (万, 亿), currency (元, 美元), a classifier and its noun (4200艘船舶), or a unit (吨, 人). */
function readUnspacedAfter(text: string, end: number, base: number, reader: Reader, make: Make): Quantity | undefined {
  const { words } = reader
  let at = end
  let scale = 1
  for (let ch = text[at]; ch !== undefined && reader.scales.has(ch); ch = text[at]) {
    scale *= reader.scales.get(ch)!
    at++
  }
  const value = base * scale
  const q = (kind: QuantityKind, unit: string | null, to: number, measure?: Quantity['measure']): Quantity => make(kind, unit, to, value, measure)
  const rest = text.slice(at)
  if (/^[%％]/.test(rest)) return q('percent', 'percent', at + 1)
  const first = (list: readonly string[]): string | undefined => list.find((w) => rest.startsWith(w))
  const currency = first(reader.longestFirst.currencies)
  if (currency !== undefined) return q('money', words.currencies[currency]!, at + currency.length)
  const time = first(reader.longestFirst.timeUnits)
  if (time !== undefined) return q('measure', words.timeUnits[time]!, at + time.length)
  if (rest[0] !== undefined && (words.classifiers ?? []).includes(rest[0])) {
    const noun = /^\p{Script=Han}{1,2}/u.exec(rest.slice(1))
    if (noun !== null) {
      const nounStart = at + 1
      return q('count', noun[0], nounStart + noun[0].length, { text: noun[0], span: { start: nounStart, end: nounStart + noun[0].length } })
    }
  }
  const unit = first(reader.longestFirst.units)
  if (unit !== undefined) return q('count', unit, at + unit.length, { text: unit, span: { start: at, end: at + unit.length } })
  if (scale === 1 && Number.isInteger(value) && value >= YEAR_LIKE.min && value <= YEAR_LIKE.max) return undefined
  return q('bare', null, at)
}

/**
 * The sources a sentence in a language with a lexicon attributes its figures to: the words after
 * one of its according-to phrases ("laut dem Verkehrsverbund", "D'après l'interprofession",
 * "по данным министерства", "据港口管理局统计"), up to the clause's end, with the best entity
 * mention inside them.
 *
 * @example
 * findLexiconSources(src, sentence, mentions, typeOf, ru) // [{ entity: null, span: <"министерства сельского хозяйства">, cue: <"По данным"> }]
 */
export function findLexiconSources(source: string, sentence: Span, mentions: readonly Mention[], typeOf: (id: EntityId) => string | undefined, lexicon: Lexicon): FigureSource[] {
  const text = source.slice(sentence.start, sentence.end)
  const folded = text.toLowerCase().replace(/’/g, "'")
  const unspaced = lexicon.unspaced === true
  const found: FigureSource[] = []
  for (const phrase of [...lexicon.accordingTo].sort((a, b) => b.length - a.length)) {
    const cue = phrase.toLowerCase().replace(/’/g, "'")
    for (let at = folded.indexOf(cue); at >= 0; at = folded.indexOf(cue, at + cue.length)) {
      if (!unspaced && (!isWordStart(folded, at) || /\p{L}/u.test(folded[at + cue.length] ?? ''))) continue
      if (found.some((f) => f.cue !== null && f.cue.start <= sentence.start + at && sentence.start + at < f.cue.end)) continue
      const name = unspaced ? unspacedName(text, at + cue.length) : spacedName(text, at + cue.length, lexicon)
      if (name === undefined) continue
      const span = { start: sentence.start + name.start, end: sentence.start + name.end }
      found.push({ entity: bestEntity(mentions, span, typeOf), span, cue: { start: sentence.start + at, end: sentence.start + at + cue.length } })
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start)
}

/**
 * The words after a cue that name the source: up to punctuation or a number, at most a few words;
 * where nouns are capitalised (German), up to the first lower-case word that is no small word
 * ("laut dem Verkehrsverbund stieg …" → "dem Verkehrsverbund").
 */
function spacedName(text: string, from: number, lexicon: Lexicon): Span | undefined {
  const m = /^\s+([^\s\d,.;:!?()«»„“”"]+(?:\s+[^\s\d,.;:!?()«»„“”"]+)*)/u.exec(text.slice(from))
  if (m === null) return undefined
  let words = m[1]!.split(/\s+/).slice(0, MAX_SOURCE_WORDS)
  if (lexicon.capitalisedNouns === true) {
    const stop = stopwordsFor(lexicon.code)
    const end = words.findIndex((w) => /^\p{Ll}/u.test(w) && !stop.has(w.toLowerCase()))
    if (end >= 0) words = words.slice(0, end)
    while (words.length > 0 && /^\p{Ll}/u.test(words[words.length - 1]!)) words = words.slice(0, -1)
  }
  if (words.length === 0) return undefined
  const start = from + m[0].length - m[1]!.length
  return { start, end: start + words.join(' ').length }
}

/** The characters after 据 up to the clause's end, without the reporting verb that closes them ("据市统计局统计，" → 市统计局). */
function unspacedName(text: string, from: number): Span | undefined {
  const clause = /^[^，。、；：,;:]+/u.exec(text.slice(from))
  if (clause === null) return undefined
  const name = clause[0].replace(/(?:介绍|统计|称|表示|显示|报道|数据显示|数据|消息|透露)$/u, '')
  if (name === '' || name.length > MAX_SOURCE_CHARS_UNSPACED) return undefined
  return { start: from, end: from + name.length }
}
