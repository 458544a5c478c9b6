import type { Lexicon } from '../../language/index.js'
import type { FoundTime, TimeMeaning } from './meaning.js'

/*
 * Dates, weekdays and day words in any language with a lexicon, read from the lexicon's words:
 * "15. Oktober 2025", "le 15 octobre", "15 de octubre de 2025", "15 октября 2025 года",
 * "2025年10月15日", "am Mittwoch", "в прошлую среду", "mercredi dernier", "上周三", "gestern".
 * The meanings go through the same resolution as English ones (publication date as anchor).
 * Written by hand: chrono-node has no Polish, and its locales differ in what they read; one
 * reader over the lexicons keeps every language's coverage the same and every span exact.
 */

interface Patterns {
  readonly date: RegExp
  readonly monthYear: RegExp
  readonly weekday: RegExp
  readonly relative: RegExp
  readonly month: ReadonlyMap<string, number>
  readonly weekdayOf: ReadonlyMap<string, number>
  readonly shiftBefore: ReadonlyMap<string, -1 | 0 | 1>
  readonly shiftAfter: ReadonlyMap<string, -1 | 0 | 1>
}

const cache = new WeakMap<Lexicon, Patterns>()

/** Letters and digits on neither side: `\b` in JavaScript knows only ASCII letters. */
const L = '(?<![\\p{L}\\p{N}])'
const R = '(?![\\p{L}\\p{N}])'

function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|')
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
}

function patternsOf(lex: Lexicon): Patterns {
  const cached = cache.get(lex)
  if (cached) return cached
  const month = new Map(lex.months.flatMap((forms, i) => forms.map((f) => [f, i + 1] as const)))
  const weekdayOf = new Map(lex.weekdays.flatMap((forms, i) => forms.map((f) => [f, i] as const)))
  const shiftBefore = new Map(lex.shifts.filter((s) => s.position === 'before').map((s) => [s.word, s.shift] as const))
  const shiftAfter = new Map(lex.shifts.filter((s) => s.position === 'after').map((s) => [s.word, s.shift] as const))
  const months = alternation(month.keys())
  const weekdays = alternation(weekdayOf.keys())
  const before = alternation(shiftBefore.keys())
  const after = alternation(shiftAfter.keys())
  const b = lex.unspaced ? '' : L
  const e = lex.unspaced ? '' : R
  const gap = lex.unspaced ? '' : '\\s+'
  let date: RegExp
  let monthYear: RegExp
  if (lex.dateOrder === 'year-month-day') {
    // 2025年10月15日, 10月15日, 2025年10月
    date = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/gu
    monthYear = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/gu
  } else {
    // 15. Oktober 2025 · 1er octobre · 15 de octubre de 2025 · 15 октября 2025 года · 15 października 2025 r.
    date = new RegExp(`${L}(\\d{1,2})(?:\\.|er|º|\\.º)?\\s*(?:de\\s+)?(${months})\\.?${R}(?:,?\\s*(?:de\\s+|del\\s+)?(\\d{4})${R}(?:\\s*(?:года|г\\.|roku|r\\.))?)?`, 'giu')
    // im Oktober 2025 · en octubre de 2025 · в октябре 2025 года
    monthYear = new RegExp(`${L}(${months})\\.?\\s+(?:de\\s+|del\\s+)?(\\d{4})${R}(?:\\s*(?:года|г\\.|roku|r\\.))?`, 'giu')
  }
  const weekday = new RegExp(
    `${b}(?:(${before || '(?!)'})${gap})?(${weekdays})${e}(?:${gap}(${after || '(?!)'})${e})?`,
    'giu',
  )
  const relative = new RegExp(`${b}(${alternation(Object.keys(lex.relativeDays))})${e}`, 'giu')
  const p = { date, monthYear, weekday, relative, month, weekdayOf, shiftBefore, shiftAfter }
  cache.set(lex, p)
  return p
}

/**
 * Time expressions in one sentence of a text in the lexicon's language; offsets are relative to `text`.
 *
 * @example
 * findLexiconTimes('Lawrow sagte am Mittwoch, am 15. Oktober 2025 …', de)
 * // [{ start: 15, end: 23, meaning: { kind: 'weekday', weekday: 3 } }, { start: 29, end: 45, meaning: { kind: 'date', year: 2025, month: 10, day: 15 } }]
 */
export function findLexiconTimes(text: string, lex: Lexicon): FoundTime[] {
  const p = patternsOf(lex)
  const out: FoundTime[] = []
  const push = (start: number, end: number, meaning: TimeMeaning | undefined): void => {
    if (meaning) out.push({ start, end, meaning })
  }
  for (const m of text.matchAll(p.date)) {
    const [, a, b, c] = m
    if (lex.dateOrder === 'year-month-day') {
      push(m.index, m.index + m[0].length, dateMeaning(Number(b), Number(c), a === undefined ? undefined : Number(a)))
    } else {
      const month = p.month.get(b!.toLowerCase())
      if (month !== undefined) push(m.index, m.index + spanLength(m[0], b!), dateMeaning(month, Number(a), c === undefined ? undefined : Number(c)))
    }
  }
  for (const m of text.matchAll(p.monthYear)) {
    const month = lex.dateOrder === 'year-month-day' ? Number(m[2]) : p.month.get(m[1]!.toLowerCase())
    const year = Number(lex.dateOrder === 'year-month-day' ? m[1] : m[2])
    if (month !== undefined && month >= 1 && month <= 12) push(m.index, m.index + spanLength(m[0], m[1]!), { kind: 'month', month, year })
  }
  for (const m of text.matchAll(p.weekday)) {
    const word = m[2]!
    const weekday = p.weekdayOf.get(word.toLowerCase())
    if (weekday === undefined) continue
    const shift = m[1] !== undefined ? p.shiftBefore.get(m[1].toLowerCase()) : m[3] !== undefined ? p.shiftAfter.get(m[3].toLowerCase()) : undefined
    // "this" before a weekday names the publication's own week in these languages, past or coming.
    const meaning: TimeMeaning = shift === 0 ? { kind: 'weekday', weekday, sameWeek: true } : { kind: 'weekday', weekday, ...(shift !== undefined ? { shift } : {}) }
    push(m.index, m.index + m[0].length, meaning)
  }
  for (const m of text.matchAll(p.relative)) {
    const word = m[1]!
    if (!isDayWord(text, m.index, word, lex)) continue
    const amount = lex.relativeDays[word.toLowerCase()] ?? lex.relativeDays[word]
    if (amount !== undefined) push(m.index, m.index + word.length, { kind: 'relative', unit: 'day', amount })
  }
  return out
}

/** Longest month abbreviation that takes a period ("Okt.", "сент."); a full name's period ends the sentence. */
const MAX_ABBREVIATION_CHARS = 4

/** The match's length without a sentence's final period after a full month name ("5 novembre."). */
function spanLength(match: string, month: string): number {
  return match.endsWith(`${month}.`) && month.length > MAX_ABBREVIATION_CHARS ? match.length - 1 : match.length
}

function dateMeaning(month: number, day: number, year: number | undefined): TimeMeaning | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined
  return { kind: 'date', month, day, ...(year !== undefined ? { year } : {}) }
}

/** Words that before "morgen"/"mañana" make it the morning, not tomorrow ("am Morgen", "por la mañana"). */
const MORNING_BEFORE = /(?:^|\s)(?:am|den|der|jeden|heute|gestern|la|esta|cada)\s+$/iu

/**
 * A day word that is a day: German capitalises nouns, so "Morgen" after the sentence start is the
 * morning; "am Morgen", "por la mañana" are mornings in any case.
 */
function isDayWord(text: string, at: number, word: string, lex: Lexicon): boolean {
  if (MORNING_BEFORE.test(text.slice(Math.max(0, at - 12), at))) return false
  if (lex.code === 'de' && at > 0 && word[0] !== word[0]!.toLowerCase() && text.slice(0, at).trim() !== '') return false
  return true
}
