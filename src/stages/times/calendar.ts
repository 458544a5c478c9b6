import { readFileSync } from 'node:fs'
import { DossierError } from '../../errors.js'
import { dayNumber, parseValue, type Period } from './period.js'

/** The shipped calendar: three levels up from src/stages/times/ and from dist/stages/times/. */
export const DEFAULT_CALENDAR_FILE = new URL('../../../data/calendar/events.json', import.meta.url)

export interface Occurrence {
  /** `YYYY-MM-DD`: the (first) day of the event. */
  readonly date: string
  readonly end?: string
  readonly scheduled?: boolean
  readonly note?: string
}

/** A recurring dated event: "the U.S. presidential election". */
export interface EventSeries {
  readonly id: string
  readonly name: string
  readonly country: string
  readonly qualifiers: readonly string[]
  readonly places: readonly string[]
  readonly nouns: readonly string[]
  /** In date order. */
  readonly occurrences: readonly Occurrence[]
}

export interface Calendar {
  readonly series: readonly EventSeries[]
  /**
   * Regex source matching a phrase that names one event of a series: "the U.S. presidential
   * election", "Russia's 2018 presidential election", "the presidential election in Russia".
   * It has no groups, so it can be embedded in larger patterns.
   */
  readonly phrasePattern: string
  /**
   * The last word of every series noun, without a plural -s ("election", "vote", "midterm"): a
   * sentence holding none of them names no event, so the costly phrase pattern need not run.
   */
  readonly nounHeads: readonly string[]
  /** The series a matched phrase names. */
  seriesOf(phrase: string): EventSeries | undefined
}

/** The calendar file is missing, not JSON, or not shaped as data/calendar/README.md says. */
export class CalendarDataError extends DossierError {
  readonly code = 'CALENDAR_INVALID'
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`)
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

let cached: Calendar | undefined

/**
 * Reads and checks the calendar once, then answers from memory.
 *
 * @example
 * const cal = loadCalendar()
 * const us = cal.seriesOf('the U.S. presidential election') // series 'us-presidential-election'
 */
export function loadCalendar(file: URL = DEFAULT_CALENDAR_FILE): Calendar {
  if (file === DEFAULT_CALENDAR_FILE && cached) return cached
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new CalendarDataError(file.pathname, `cannot read as JSON: ${(e as Error).message}`)
  }
  const calendar = buildCalendar(checkSeries(raw, file.pathname))
  if (file === DEFAULT_CALENDAR_FILE) cached = calendar
  return calendar
}

/** Builds the lookups over series already checked; exported for tests on our own series. */
export function buildCalendar(series: readonly EventSeries[]): Calendar {
  const own = series.map((s) => ({ series: s, re: new RegExp(`^(?:${seriesPattern(s)})$`) }))
  return {
    series,
    phrasePattern: series.map((s) => seriesPattern(s)).join('|'),
    nounHeads: [...new Set(series.flatMap((s) => s.nouns.map((n) => n.split(/\s+/).at(-1)!.replace(/s$/, ''))))],
    seriesOf: (phrase) => own.find((o) => o.re.test(phrase))?.series,
  }
}

/**
 * The occurrence a phrase means: the one in `year` when the phrase names a year; else the latest
 * not after the end of the reference period, or for a future-framed clause the first not before
 * its start. Undefined when none fits or there is nothing to resolve against.
 *
 * @example
 * pickOccurrence(us, { reference: periodOf('2020-11', 'month'), future: false }) // { date: '2020-11-03' }
 */
export function pickOccurrence(
  series: EventSeries,
  at: { readonly year?: number; readonly reference?: Period; readonly future: boolean },
): Occurrence | undefined {
  if (at.year !== undefined) return series.occurrences.find((o) => parseValue(o.date).year === at.year)
  const ref = at.reference
  if (!ref) return undefined
  const days = series.occurrences.map((o) => ({ o, n: dayOf(o.date) }))
  if (at.future) return days.find((d) => d.n >= ref.first)?.o
  return days.filter((d) => d.n <= ref.last).at(-1)?.o
}

function dayOf(iso: string): number {
  const d = parseValue(iso)
  return dayNumber(d.year, d.month, d.day)
}

function seriesPattern(s: EventSeries): string {
  const year = '(?:19|20)\\d{2}'
  const qualifiers = alternation(s.qualifiers.map(escapeRegex))
  const nouns = alternation(s.nouns.map(wordsPattern))
  const places = alternation(s.places.map(wordsPattern))
  const article = '(?:[Tt]he\\s+)?'
  return `${article}(?:${year}\\s+)?(?:${qualifiers})\\s+(?:${year}\\s+)?(?:${nouns})` +
    `|${article}(?:${year}\\s+)?(?:${nouns})\\s+in\\s+(?:${places})`
}

function alternation(parts: readonly string[]): string {
  return [...parts].sort((a, b) => b.length - a.length).join('|')
}

/** "presidential election" → a pattern that takes a capital first letter on each word and any run of spaces. */
function wordsPattern(phrase: string): string {
  return phrase.split(/\s+/).map((w) => {
    const first = w[0]!
    const rest = escapeRegex(w.slice(1))
    return /[a-z]/.test(first) ? `[${first.toUpperCase()}${first}]${rest}` : escapeRegex(first) + rest
  }).join('\\s+')
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
}

function checkSeries(raw: unknown, file: string): EventSeries[] {
  const list = (raw as { series?: unknown })?.series
  if (!Array.isArray(list)) throw new CalendarDataError(file, 'expected an object with a "series" array')
  return list.map((s: Partial<EventSeries>, i) => {
    const where = `series[${i}]`
    for (const key of ['id', 'name', 'country'] as const) {
      if (typeof s[key] !== 'string' || s[key] === '') throw new CalendarDataError(file, `${where}.${key}: expected a non-empty string`)
    }
    for (const key of ['qualifiers', 'places', 'nouns'] as const) {
      const v = s[key]
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) throw new CalendarDataError(file, `${where}.${key}: expected an array of non-empty strings`)
    }
    const occ = s.occurrences
    if (!Array.isArray(occ) || occ.length === 0) throw new CalendarDataError(file, `${where}.occurrences: expected a non-empty array`)
    occ.forEach((o, j) => {
      if (!ISO_DAY.test(o?.date ?? '') || (o.end !== undefined && !ISO_DAY.test(o.end))) {
        throw new CalendarDataError(file, `${where}.occurrences[${j}]: expected { date: "YYYY-MM-DD", end?: "YYYY-MM-DD" }`)
      }
      if (j > 0 && o.date <= occ[j - 1]!.date) throw new CalendarDataError(file, `${where}.occurrences[${j}]: dates must be in increasing order`)
    })
    return s as EventSeries
  })
}
