import type { Comparator, Span } from '../../document/index.js'
import { hasLexicalTag } from '../sentences/lexicon.js'
import {
  COMPARATORS_AFTER, COMPARATORS_BEFORE, CURRENCY_SIGNS, CURRENCY_WORDS, IRREGULAR_PLURALS, LABEL_NOUNS, MEASURE_UNITS,
  MONEY_SCALE_LETTERS, MONTH_NAMES, NUMBER_WORDS, PERCENT, PERCENTAGE_POINTS, SCALE_WORDS, STOP_WORDS, YEAR_RANGE, YUAN_HINT,
} from './vocabulary.js'

/** What kind of figure a quantity is: it decides where its measure is looked for. */
export type QuantityKind = 'money' | 'percent' | 'measure' | 'count' | 'bare'

/** A figure as the sentence writes it, before its subject, time and source are known. */
export interface Quantity {
  /** Currency sign, number, scale and unit: "$220 billion", "5,459 nuclear warheads"; not the comparator. */
  readonly span: Span
  readonly value: number
  readonly unit: string | null
  readonly comparator: Comparator
  readonly kind: QuantityKind
  /** The counted noun with its modifiers, when the figure names it ("nuclear warheads"). */
  readonly measure: { readonly text: string; readonly span: Span } | null
}

/** A counted noun is at most this many words after the number: "1,550 deployed strategic nuclear warheads". */
const MAX_COUNTED_NOUN_WORDS = 4
/** A participle used as a modifier ("deployed", "armed"): read past it, since a plural noun must still follow. */
const PARTICIPLE_MODIFIER = /^\p{Ll}{3,}ed$/u
/** How far before a figure a comparator phrase is looked for, in characters. */
const COMPARATOR_WINDOW_CHARS = 32

const DIGITS = /(US\$|C\$|A\$|HK\$|[$€£¥₽₹₩]|\b(?:USD|EUR|GBP|RUB|CNY|RMB|JPY|INR)\s)?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/g
const UNIT_WORD_ALTERNATION = [...NUMBER_WORDS.keys()].join('|')
const WORDS = new RegExp(`\\b(${UNIT_WORD_ALTERNATION})(?:[-\\s](${UNIT_WORD_ALTERNATION}))?\\b`, 'gi')
const SCALE_AFTER = new RegExp(`^(?:\\s+(${[...SCALE_WORDS.keys()].join('|')})|(bn|mn|mln|tn|trn))\\b`)
const MONEY_LETTER_AFTER = /^(k|m|b)\b/
const CURRENCY_AFTER = new RegExp(`^\\s+(${[...CURRENCY_WORDS.keys()].map(currencyWordPattern).join('|')})\\b`)
const HYPHEN_UNIT = /^[-‑]([a-z]+)\b/
const NEXT_WORD = /^\s+([\p{Ll}][\p{L}\p{M}'’-]*)/u
const PREVIOUS_WORD = /([\p{L}.]+)\s*$/u
const CLOCK_OR_ZONE = /^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|MSK\b|BST\b|EST\b|CET\b|hrs\b|h\b)/
const LIST_MARKER_BEFORE = /^[\s•*·\-–—(]*$/
const LIST_MARKER_AFTER = /^[.)](?:\s|$)/
const RANGE_AHEAD = new RegExp(`^\\s+(?:to|and)\\s+(?:\\d|(?:${UNIT_WORD_ALTERNATION})\\b)`, 'i')
const COMPARATOR_BEFORE = buildTrailingPattern(COMPARATORS_BEFORE)
const COMPARATOR_AFTER = new RegExp(`^[\\s-](${COMPARATORS_AFTER.flatMap(([, p]) => p).join('|')})\\b`)
const COMPARATOR_OF: ReadonlyMap<string, Comparator> = new Map(
  [...COMPARATORS_BEFORE, ...COMPARATORS_AFTER].flatMap(([c, phrases]) => phrases.map((p) => [p, c] as const)),
)
const VERB_TAGS = ['PastTense', 'PresentTense', 'Copula', 'Modal', 'Auxiliary', 'Gerund', 'Adverb', 'Conjunction', 'Preposition', 'Determiner']

/**
 * The figures in one sentence, in order, each with its value (scale applied), unit, comparator and,
 * when the figure names it, the counted noun. Numbers inside `skip` (the times layer's spans) are
 * dates, not figures; so are model names (S-400, G20), list numbers, clock times and bare years.
 *
 * @example
 * findQuantities('Exports exceeded $220 billion.', { start: 0, end: 30 }, [])
 * // [{ span: { start: 17, end: 29 }, value: 220000000000, unit: 'USD', comparator: 'gt', kind: 'money', measure: null }]
 */
export function findQuantities(source: string, sentence: Span, skip: readonly Span[]): Quantity[] {
  const text = source.slice(sentence.start, sentence.end)
  const found: Found[] = []
  for (const m of text.matchAll(DIGITS)) {
    const q = readDigits(text, m, skip, sentence.start)
    if (q) found.push(q)
  }
  for (const m of text.matchAll(WORDS)) {
    const q = readWords(text, m, skip, sentence.start)
    if (q) found.push(q)
  }
  found.sort((a, b) => a.span.start - b.span.start)
  return joinRanges(text, found, sentence.start)
}

/**
 * "10 to 15 percent", "ten to fifteen years", "between 5 and 8 billion dollars": the first figure
 * takes the second's unit (and scale) as its lower bound (`gte`); the second is the upper bound
 * (`lte`). After "from" the pair is a change, not a range: both keep `eq` ("rose from 10 to 15 percent").
 */
function joinRanges(text: string, found: readonly Found[], offset: number): Quantity[] {
  const out: Quantity[] = []
  let upper: { of: Found; comparator: Comparator } | null = null
  for (let i = 0; i < found.length; i++) {
    let q: Found = found[i]!
    if (upper && upper.of === q && q.comparator === 'eq') q = { ...q, comparator: upper.comparator }
    const next = found[i + 1]
    const join: 'range' | 'change' | null = q.kind === 'bare' && next && next.kind !== 'bare' ? rangeJoin(text, q.span.start - offset, text.slice(q.span.end - offset, next.span.start - offset)) : null
    if (join && next) {
      const low: Comparator = join === 'change' ? 'eq' : 'gte'
      q = { ...q, value: q.scale === 1 ? q.value * next.scale : q.value, unit: next.unit, kind: next.kind, measure: next.measure, comparator: q.comparator === 'eq' ? low : q.comparator }
      upper = { of: next, comparator: join === 'change' ? 'eq' : 'lte' }
    } else if (q.rangeOnly) {
      continue
    }
    out.push({ span: q.span, value: q.value, unit: q.unit, comparator: q.comparator, kind: q.kind, measure: q.measure })
  }
  return out
}

function rangeJoin(text: string, lowStart: number, between: string): 'range' | 'change' | null {
  const before = text.slice(Math.max(0, lowStart - 10), lowStart)
  if (/^\s+to\s+$/.test(between)) return /\bfrom\s+$/i.test(before) ? 'change' : 'range'
  if (/^\s+and\s+$/.test(between) && /\bbetween\s+$/i.test(before)) return 'range'
  return null
}

/** A quantity while the sentence is read: its scale, and whether it counts only as a range's lower bound. */
interface Found extends Quantity {
  readonly scale: number
  readonly rangeOnly: boolean
}

function readDigits(text: string, m: RegExpMatchArray, skip: readonly Span[], offset: number): Found | null {
  const sign = m[1]
  const numeral = m[2]!
  const phraseStart = m.index! + (sign === undefined ? m[0].length - numeral.length : 0)
  const numberStart = m.index! + m[0].length - numeral.length
  const numberEnd = numberStart + numeral.length
  if (insideAny(skip, offset + numberStart, offset + numberEnd)) return null
  if (!standsAlone(text, phraseStart, numberEnd) || isDatePart(text, phraseStart, numberEnd) || isLabel(text, phraseStart)) return null
  if (isListNumber(text, phraseStart, numberEnd)) return null
  const currency = sign === undefined ? null : currencyOfSign(sign.trim(), text)
  let at = numberEnd
  let scale = 1
  const after = text.slice(at)
  const letter = currency ? MONEY_LETTER_AFTER.exec(after) : null
  const scaleWord = letter ? null : SCALE_AFTER.exec(after)
  if (letter) {
    scale = MONEY_SCALE_LETTERS.get(letter[1]!)!
    at += letter[0].length
  } else if (scaleWord) {
    scale = SCALE_WORDS.get((scaleWord[1] ?? scaleWord[2])!)!
    at += scaleWord[0].length
  } else if (/^\p{L}/u.test(after)) {
    return null // "5G", "20th", "1990s", "10am": a name, an ordinal or a decade
  }
  const raw = Number(numeral.replace(/,/g, ''))
  const value = scale === 1 ? raw : Math.round(raw * scale)
  const tail = readUnit(text, at, currency, value)
  const found = finish(text, phraseStart, tail, value, offset, scale, false)
  // A lone year-like number is a year, unless a comparator counts it ("more than 2000"): the
  // times stage leaves that one to us, so dropping it here would lose it from both layers.
  if (tail.kind === 'bare' && scale === 1 && isYear(numeral) && found.comparator === 'eq') return null
  return found
}

function readWords(text: string, m: RegExpMatchArray, skip: readonly Span[], offset: number): Found | null {
  const start = m.index!
  const end = start + m[0].length
  if (insideAny(skip, offset + start, offset + end)) return null
  if (!standsAlone(text, start, end)) return null
  let value = NUMBER_WORDS.get(m[1]!.toLowerCase())! + (m[2] ? NUMBER_WORDS.get(m[2].toLowerCase())! : 0)
  let at = end
  const scaleWord = SCALE_AFTER.exec(text.slice(at))
  const scale = scaleWord ? SCALE_WORDS.get((scaleWord[1] ?? scaleWord[2])!)! : 1
  if (scaleWord) at += scaleWord[0].length
  value *= scale
  const tail = readUnit(text, at, null, value)
  // A spelled-out number is a figure only with a scale, a currency, a percent or a unit of
  // measure: "two million", "one-year"; "the two countries" and "two officials" are references.
  // Bare, it may still open a range ("ten to fifteen years").
  const figure = scaleWord || tail.kind === 'money' || tail.kind === 'percent' || tail.kind === 'measure'
  if (!figure && !RANGE_AHEAD.test(text.slice(at))) return null
  return finish(text, start, tail, value, offset, scale, !figure)
}

interface Tail {
  readonly end: number
  readonly unit: string | null
  readonly kind: QuantityKind
  readonly measure: { readonly start: number; readonly end: number } | null
}

/** Reads what follows the number and its scale: a currency word, a percent, a unit, a counted noun. */
function readUnit(text: string, at: number, currency: string | null, value: number): Tail {
  const after = text.slice(at)
  const currencyWord = CURRENCY_AFTER.exec(after)
  if (currencyWord) {
    return { end: at + currencyWord[0].length, unit: currency ?? CURRENCY_WORDS.get(currencyWord[1]!.replace(/\s+/g, ' '))!, kind: 'money', measure: null }
  }
  if (currency) return { end: at, unit: currency, kind: 'money', measure: null }
  const points = PERCENTAGE_POINTS.exec(after)
  if (points) return { end: at + points[0].length, unit: 'percentage point', kind: 'percent', measure: null }
  const percent = PERCENT.exec(after)
  if (percent) return { end: at + percent[0].length, unit: 'percent', kind: 'percent', measure: null }
  const hyphen = HYPHEN_UNIT.exec(after)
  if (hyphen) {
    // "one-year extension": the unit is the hyphened word; what it measures is the noun after it.
    const word = hyphen[1]!
    const end = at + hyphen[0].length
    const noun = readCountedNoun(text, end, true)
    return { end, unit: MEASURE_UNITS.get(word) ?? singularNoun(word), kind: MEASURE_UNITS.has(word) ? 'measure' : 'count', measure: noun }
  }
  const noun = readCountedNoun(text, at, value === 1)
  if (!noun) return { end: at, unit: null, kind: 'bare', measure: null }
  const head = text.slice(noun.headStart, noun.end).toLowerCase()
  const unit = MEASURE_UNITS.get(head)
  if (unit) return { end: noun.end, unit, kind: 'measure', measure: noun.headStart > noun.start ? { start: noun.start, end: noun.headStart - 1 } : null }
  return { end: noun.end, unit: singularNoun(head), kind: 'count', measure: { start: noun.start, end: noun.end } }
}

/**
 * The noun a figure counts: up to three content words after it, ending at the first plural (or
 * unit of measure). "5,459 nuclear warheads" → "nuclear warheads"; "600 but is" → none. After a
 * one ("one-year extension", "1 warhead") the noun is singular: the first content word.
 */
function readCountedNoun(text: string, at: number, singular: boolean): { start: number; end: number; headStart: number } | null {
  let start = -1
  let afterParticiple = false
  for (let i = 0; i < MAX_COUNTED_NOUN_WORDS; i++) {
    const m = NEXT_WORD.exec(text.slice(at))
    if (!m) return null
    const word = m[1]!.toLowerCase()
    // Coordinated modifiers: "800 deployed and non-deployed launchers".
    const joinsModifiers = afterParticiple && (word === 'and' || word === 'or')
    if (STOP_WORDS.has(word) && !joinsModifiers) return null
    if (!joinsModifiers && VERB_TAGS.some((t) => hasLexicalTag(word, t)) && !(i < MAX_COUNTED_NOUN_WORDS - 1 && PARTICIPLE_MODIFIER.test(word))) return null
    afterParticiple = PARTICIPLE_MODIFIER.test(word)
    const wordStart = at + m[0].length - m[1]!.length
    if (start < 0) start = wordStart
    at += m[0].length
    if (singular || isPlural(word) || MEASURE_UNITS.has(word)) return { start, end: at, headStart: wordStart }
  }
  return null
}

function finish(text: string, phraseStart: number, tail: Tail, value: number, offset: number, scale: number, rangeOnly: boolean): Found {
  let comparator: Comparator = 'eq'
  const before = COMPARATOR_BEFORE.exec(text.slice(Math.max(0, phraseStart - COMPARATOR_WINDOW_CHARS), phraseStart).toLowerCase())
  if (before) comparator = COMPARATOR_OF.get(before[1]!.replace(/\s+/g, ' '))!
  const after = COMPARATOR_AFTER.exec(text.slice(tail.end))
  if (after && comparator === 'eq') comparator = COMPARATOR_OF.get(after[1]!)!
  const measure = tail.measure
    ? { text: text.slice(tail.measure.start, tail.measure.end).replace(/\s+/g, ' '), span: { start: offset + tail.measure.start, end: offset + tail.measure.end } }
    : null
  return { span: { start: offset + phraseStart, end: offset + tail.end }, value, unit: tail.unit, comparator, kind: tail.kind, measure, scale, rangeOnly }
}

/** A number glued to letters or joined by a hyphen to a word is part of a name: "S-400", "Su-35", "G20", "Russia-24". */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.charAt(start - 1)
  if (/[\p{L}\p{N}_/#@.:]/u.test(before)) return false
  if (/[-‑]/.test(before) && /[\p{L}\p{N}]/u.test(text.charAt(start - 2))) return false
  const after = text.slice(end, end + 2)
  if (/^[/:]\d|^[-‑–]\d/.test(after)) return false // 10/16, 10:30, ranges and scores
  return true
}

function isDatePart(text: string, start: number, end: number): boolean {
  const previous = PREVIOUS_WORD.exec(text.slice(Math.max(0, start - 12), start))
  if (previous && /^\p{Lu}/u.test(previous[1]!) && MONTH_NAMES.test(previous[1]!)) return true
  const next = /^\s+([\p{L}.]+)/u.exec(text.slice(end, end + 12))
  if (next && MONTH_NAMES.test(next[1]!) && next[1] !== 'may' && next[1] !== 'march') return true
  return CLOCK_OR_ZONE.test(text.slice(end, end + 6))
}

function isLabel(text: string, start: number): boolean {
  const previous = /(\p{Lu}[\p{L}.]*)\s+$/u.exec(text.slice(Math.max(0, start - 16), start))
  return previous !== null && LABEL_NOUNS.has(previous[1]!.toLowerCase())
}

function isListNumber(text: string, start: number, end: number): boolean {
  return LIST_MARKER_BEFORE.test(text.slice(0, start)) && LIST_MARKER_AFTER.test(text.slice(end, end + 2))
}

function isYear(numeral: string): boolean {
  if (!/^\d{4}$/.test(numeral)) return false
  const n = Number(numeral)
  return n >= YEAR_RANGE.min && n <= YEAR_RANGE.max
}

function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) if (s.start < end && start < s.end) return true
  return false
}

function currencyOfSign(sign: string, sentence: string): string {
  const code = CURRENCY_SIGNS.get(sign.toLowerCase())!
  return code === 'JPY' && YUAN_HINT.test(sentence) ? 'CNY' : code
}

function isPlural(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true
  return /[^su'’]s$/.test(word) && !/(?:ss|us|is)$/.test(word)
}

/** "warheads" → "warhead", "companies" → "company", "people" → "person". */
export function singularNoun(word: string): string {
  const w = word.toLowerCase()
  const irregular = IRREGULAR_PLURALS.get(w)
  if (irregular) return irregular
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`
  if (/(?:ch|sh|ss|x|z)es$/.test(w)) return w.slice(0, -2)
  if (/[^s]s$/.test(w)) return w.slice(0, -1)
  return w
}

function currencyWordPattern(key: string): string {
  return key.replace(/\./g, '\\.').replace(/\s+/g, '\\s+')
}

function buildTrailingPattern(table: readonly (readonly [Comparator, readonly string[]])[]): RegExp {
  const phrases = table.flatMap(([, p]) => p).sort((a, b) => b.length - a.length)
  const alternation = phrases.map((p) => p.replace(/\s+/g, '\\s+')).join('|')
  return new RegExp(`(?:^|[^\\p{L}])(${alternation})\\s*$`, 'u')
}
