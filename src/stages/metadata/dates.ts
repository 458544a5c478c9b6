import type { DateValue, PageCandidate, Span } from '../../document/index.js'
import { MONTHS, MONTH_PATTERN } from './months.js'

/** A date written in a text, where it was written (offsets into that text). */
export interface FoundDate {
  readonly value: DateValue
  readonly index: number
  readonly length: number
}

/** One piece of evidence for a document's date, weighed 0..1. */
export interface DateEvidence {
  readonly value: DateValue
  readonly basis: string
  readonly weight: number
  readonly span?: Span
}

export interface DateReadOptions {
  /** Read `05/03/2021` as 5 March (most of the world) rather than May 3 (the US). Default true. */
  readonly dayFirst?: boolean
}

/** Earliest year a web page can be published in; earlier years in a page are history, not its date. */
export const MIN_PUBLICATION_YEAR = 1995
/** Two-digit years up to this value are read as 20xx, above it as 19xx. */
const TWO_DIGIT_YEAR_PIVOT = 50

/** Whole month names of three letters, which are not abbreviations ("May 2024", not "set 2024"). */
const SHORT_MONTH_NAMES: ReadonlySet<string> = new Set(['may', 'mai', 'mei'])
const DAY_SUFFIX = '(?:st|nd|rd|th|er|e|º|°)?'
const YEAR = '((?:19|20)\\d{2})'
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])'
const NOT_LETTER_AFTER = '(?![\\p{L}\\d])'

/** Date shapes, most specific first; each names which group is year, month and day. */
const DATE_SHAPES: readonly { readonly re: RegExp; readonly read: (m: RegExpExecArray, o: DateReadOptions) => DateValue | undefined }[] = [
  // 2021-05-03, 2021/05/03, 2021.05.03, 2021-05-03T08:00
  { re: new RegExp(`${NOT_LETTER_BEFORE}${YEAR}([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)`, 'gu'), read: (m) => ymd(m[1]!, m[3]!, m[4]!) },
  // 20210503 or 20210503083000, only as a whole token (attribute values, ids)
  { re: /(?<![\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\d{4,6})?(?!\d)/gu, read: (m) => ymd(m[1]!, m[2]!, m[3]!) },
  // 03.05.2021, 3/5/21, 03-05-2021
  {
    re: new RegExp(`${NOT_LETTER_BEFORE}(\\d{1,2})([./-])(\\d{1,2})\\2((?:19|20)\\d{2}|\\d{2})(?![\\d.]\\d)(?!\\d)`, 'gu'),
    read: (m, o) => {
      const [a, sep, b, y] = [Number(m[1]), m[2]!, Number(m[3]), fullYear(m[4]!)]
      const dayFirst = sep === '.' || a > 12 || (b <= 12 && (o.dayFirst ?? true))
      return dayFirst ? ymd(y, b, a) : ymd(y, a, b)
    },
  },
  // 3 May 2021, 3. Mai 2021, 3 de mayo de 2021, 3rd of May, 2021
  {
    re: new RegExp(`${NOT_LETTER_BEFORE}(\\d{1,2})${DAY_SUFFIX}\\.?\\s*(?:de\\s+|of\\s+)?(${MONTH_PATTERN})\\.?,?\\s*(?:de\\s+|del\\s+)?${YEAR}${NOT_LETTER_AFTER}`, 'giu'),
    read: (m) => ymd(m[3]!, MONTHS.get(m[2]!.toLowerCase())!, m[1]!),
  },
  // May 3, 2021, May 3rd 2021
  {
    re: new RegExp(`${NOT_LETTER_BEFORE}(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})${DAY_SUFFIX},?\\s+${YEAR}${NOT_LETTER_AFTER}`, 'giu'),
    read: (m) => ymd(m[3]!, MONTHS.get(m[1]!.toLowerCase())!, m[2]!),
  },
  // May 2021, Mai 2021 (names of four letters or more, or abbreviated with a dot: "set 2021" is not a month)
  {
    re: new RegExp(`${NOT_LETTER_BEFORE}(${MONTH_PATTERN})(\\.?),?\\s+(?:de\\s+)?${YEAR}${NOT_LETTER_AFTER}`, 'giu'),
    read: (m) => {
      const name = m[1]!.toLowerCase()
      if (name.length < 4 && m[2] !== '.' && !SHORT_MONTH_NAMES.has(name)) return undefined
      return { date: `${m[3]}-${pad(MONTHS.get(name)!)}`, precision: 'month' }
    },
  },
]

/**
 * Every date written in `text`, in order of position, numeric and with month names in the main
 * European languages. Overlapping matches keep the most specific.
 *
 * @example
 * findDates('Posted 3. Mai 2021, updated 2021-05-04')
 * // [{ value: { date: '2021-05-03', precision: 'day' }, index: 7, length: 11 }, { … '2021-05-04' … }]
 */
export function findDates(text: string, options: DateReadOptions = {}): FoundDate[] {
  const found: FoundDate[] = []
  const taken: [number, number][] = []
  for (const shape of DATE_SHAPES) {
    shape.re.lastIndex = 0
    for (let m = shape.re.exec(text); m; m = shape.re.exec(text)) {
      const start = m.index
      const end = start + m[0].length
      if (taken.some(([s, e]) => start < e && s < end)) continue
      const value = shape.read(m, options)
      if (!value) continue
      taken.push([start, end])
      found.push({ value, index: start, length: end - start })
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

/** The first date in a short text (an attribute value, a date line), or undefined. */
export function readDate(text: string, options: DateReadOptions = {}): DateValue | undefined {
  return findDates(text, options)[0]?.value
}

/**
 * How much a page candidate's basis is worth as evidence of the publication date, 0..1.
 * Explicit article metadata first; a date in the URL is written by the CMS at publication and
 * rarely lies; text of date-classed elements and bare `<time>` come after.
 */
export function weighPageDate(c: PageCandidate): number {
  const b = c.basis
  if (c.field === 'modified') return 0.35
  // A day in the URL path is written once, by the CMS, in the site's own time zone: metadata
  // times in UTC are off by a day around midnight, and sidebars carry other posts' dates.
  if (b === 'url:path-date') return c.value.length === 10 ? 0.96 : 0.85
  if (/^json-ld:.*(Article|Posting|Report)\.datePublished/i.test(b)) return 0.95
  if (/article:published|published_time|og:pubdate|citation_|parsely-pub-date|sailthru\.date|datepublished|dc\.date\.issued|dcterms\.issued|pubdate|publish/i.test(b)) return 0.92
  if (/^json-ld:.*datePublished/.test(b)) return 0.85
  if (/^json-ld:.*dateCreated|datecreated|dc\.date|dcterms\.(date|created)|^meta\[.*=(date|created)/i.test(b)) return 0.8
  if (b === 'time[pubdate]' || b === 'abbr[title]') return 0.85
  if (b === 'time[datetime]') return 0.75
  if (/:text$/.test(b)) return 0.6
  return 0.5
}

/** Extra weight for each further independent basis that names the same date. */
const AGREEMENT_BONUS = 0.05

/**
 * The best-supported date: the heaviest evidence, with a small bonus when several bases agree
 * on the same day (or a day inside the same month). Dates before `MIN_PUBLICATION_YEAR` or after
 * `latest` (the capture date, when known) are ignored: a page cannot be published after it was read.
 *
 * @example
 * chooseDate([{ value: { date: '2021-05-03', precision: 'day' }, basis: 'url:path-date', weight: 0.85 }])
 */
export function chooseDate(evidence: readonly DateEvidence[], latest?: string): (DateEvidence & { readonly confidence: number }) | undefined {
  const usable = evidence.filter((e) => plausible(e.value, latest))
  let best: (DateEvidence & { confidence: number }) | undefined
  for (const e of usable) {
    const agreeing = new Set(usable.filter((o) => o !== e && o.basis !== e.basis && agrees(e.value, o.value)).map((o) => o.basis))
    // A month or year never outranks a day it agrees with: the day is more specific.
    const specificity = e.value.precision === 'day' ? 0 : e.value.precision === 'month' ? 0.02 : 0.04
    const score = Math.min(0.99, e.weight + AGREEMENT_BONUS * agreeing.size - specificity)
    if (!best || score > best.confidence) best = { ...e, confidence: round(score) }
  }
  return best && best.value.precision !== 'day' ? refineToDay(best, usable) : best
}

/**
 * A month or year (a URL's `/2011/12/`) narrowed to the heaviest day that falls inside it: the day
 * is the answer, the coarser evidence is why it is trusted.
 */
function refineToDay(best: DateEvidence & { confidence: number }, usable: readonly DateEvidence[]): DateEvidence & { confidence: number } {
  const day = usable.filter((e) => e.value.precision === 'day' && e.value.date.startsWith(best.value.date)).sort((a, b) => b.weight - a.weight)[0]
  if (!day) return best
  return { ...day, basis: `${day.basis}+${best.basis}`, confidence: round(Math.min(0.99, Math.max(day.weight, best.confidence - 0.1) + AGREEMENT_BONUS)) }
}

function agrees(a: DateValue, b: DateValue): boolean {
  return a.date.startsWith(b.date) || b.date.startsWith(a.date)
}

function plausible(v: DateValue, latest: string | undefined): boolean {
  const year = Number(v.date.slice(0, 4))
  if (year < MIN_PUBLICATION_YEAR) return false
  return latest === undefined || v.date.slice(0, latest.length) <= latest.slice(0, v.date.length)
}

function ymd(y: string | number, m: string | number, d: string | number): DateValue | undefined {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)]
  if (mm < 1 || mm > 12 || dd < 1 || dd > daysIn(yy, mm)) return undefined
  return { date: `${yy}-${pad(mm)}-${pad(dd)}`, precision: 'day' }
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y)
  const n = Number(y)
  return n <= TWO_DIGIT_YEAR_PIVOT ? 2000 + n : 1900 + n
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}
