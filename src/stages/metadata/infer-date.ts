import type { DateValue } from '../../document/index.js'
import { findDates, MIN_PUBLICATION_YEAR } from './dates.js'
import { MONTHS, MONTH_PATTERN } from './months.js'

/** A date the text supports without stating it, with the reason and where the reasoning started. */
export interface InferredDate {
  readonly value: DateValue
  readonly basis: string
  readonly confidence: number
  /** Offsets in the text the inference read from (the cue it rests on). */
  readonly index?: number
  readonly length?: number
}

/** A sentence of the text with its offset; the unit that decides whether a date is past or future. */
interface Sentence {
  readonly text: string
  readonly index: number
}

/**
 * Words that put a sentence's dates in the future (deadlines, plans, forecasts) or in doubt
 * (questions). Those dates bound the publication date from above instead of from below.
 */
const FUTURE_CUES = /\b(?:will|shall|would|could|set to|due to|expire[sd]?|expiring|until|plans?|planned|scheduled|target(?:s|ed)?|forecast|projected|expected|upcoming|next|by the end of|deadline)\b|\?/i
/** "late September", "in early March", "in May" with no year next to it: a cue ("in", "late") is required, a bare "Mars" is a planet. */
const BARE_MONTH = new RegExp(`\\b(?:in\\s+(?:(early|mid|late)[-\\s]+)?|(early|mid|late)[-\\s]+)(${MONTH_PATTERN})\\b(?![\\s,.]*(?:\\d|of\\s+\\d))`, 'giu')
const YEAR_ALONE = /(?<![\d,.$€£-])\b((?:19|20)\d{2})\b(?![\d,%-])/g
const PRESIDENT_ELECT = /\bpresident[- ]elect\b/i
const LAST_YEAR = /\blast\s+year(?:['’]s)?\b/i

/** Confidence of each inference; all below any stated date so that a stated date always wins. */
const CONFIDENCE = { pastEventDay: 0.5, pastEventMonth: 0.45, pastEventYear: 0.3, presidentElect: 0.4, lastYear: 0.3, captureYear: 0.25 } as const

/**
 * Splits a text into sentences at ". ", "! ", "? " and line breaks; good enough to tell which
 * dates share a clause with a future cue.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  const re = /[^.!?\n]+(?:[.!?]+(?=\s|$)|[.!?]+|\n|$)/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++
      continue
    }
    if (m[0].trim()) out.push({ text: m[0], index: m.index })
  }
  return out
}

/** Whether a sentence speaks of the future or asks: its dates are not past events. */
export function isFutureFramed(sentence: string): boolean {
  return FUTURE_CUES.test(sentence)
}

/**
 * Latest past event: the latest date the text reports in a sentence with no future cue
 * ("Recent Developments (October 2025)", "in 2019"); a month without a year ("in late September")
 * takes the latest year that keeps it before every deadline the text mentions as future
 * ("set to expire on February 5, 2026" → September 2025). The article cannot be older.
 *
 * @example
 * inferFromLatestPastEvent('In late September the talks began. The deal is set to expire on February 5, 2026.')
 * // { value: { date: '2025-09', precision: 'month' }, basis: 'inferred:latest-past-event', … }
 */
export function inferFromLatestPastEvent(text: string, captured?: DateValue): InferredDate | undefined {
  const past: InferredDate[] = []
  const future: string[] = []
  const bare: { month: number; index: number; length: number; qualifier?: string }[] = []
  for (const s of splitSentences(text)) {
    const futureFramed = isFutureFramed(s.text)
    const dates = findDates(s.text)
    const covered = dates.map((d) => [d.index, d.index + d.length] as const)
    for (const d of dates) {
      if (futureFramed) future.push(d.value.date)
      else past.push({ value: d.value, basis: 'inferred:latest-past-event', confidence: d.value.precision === 'day' ? CONFIDENCE.pastEventDay : CONFIDENCE.pastEventMonth, index: s.index + d.index, length: d.length })
    }
    for (const m of s.text.matchAll(YEAR_ALONE)) {
      const at = m.index
      if (covered.some(([a, b]) => at >= a && at < b)) continue
      if (futureFramed) future.push(m[1]!)
      else past.push({ value: { date: m[1]!, precision: 'year' }, basis: 'inferred:latest-past-event', confidence: CONFIDENCE.pastEventYear, index: s.index + at, length: 4 })
    }
    if (futureFramed) continue
    for (const m of s.text.matchAll(BARE_MONTH)) {
      const at = m.index
      if (covered.some(([a, b]) => at >= a && at < b)) continue
      // A capitalised name only: "may" and "march" are also verbs.
      const name = m[3]!
      if (name[0] !== name[0]!.toUpperCase()) continue
      bare.push({ month: MONTHS.get(name.toLowerCase())!, index: s.index + at, length: m[0].length, qualifier: m[1] ?? m[2] })
    }
  }
  const latestYear = Math.max(0, ...past.map((p) => Number(p.value.date.slice(0, 4))))
  // A "future" date older than a stated past one was misread (a forecast about an old figure):
  // only deadlines after the latest past year bound the article from above.
  const upper = [...future.filter((d) => Number(d.slice(0, 4)) >= latestYear), ...(captured ? [captured.date] : [])].sort()[0]
  for (const b of bare) {
    const year = resolveMonthYear(b.month, upper, latestYear || undefined)
    if (year) past.push({ value: { date: `${year}-${pad(b.month)}`, precision: 'month' }, basis: 'inferred:latest-past-event (month without year)', confidence: CONFIDENCE.pastEventMonth - 0.05, index: b.index, length: b.length })
  }
  return latest(past.filter((p) => Number(p.value.date.slice(0, 4)) >= MIN_PUBLICATION_YEAR && (!upper || p.value.date <= upper)))
}

/** The year of a past month named without one: the latest that keeps it before `upper`, else the latest year the text names. */
function resolveMonthYear(month: number, upper: string | undefined, latestYear: number | undefined): number | undefined {
  if (upper) {
    const [uy, um] = [Number(upper.slice(0, 4)), upper.length >= 7 ? Number(upper.slice(5, 7)) : 13]
    return month < um ? uy : uy - 1
  }
  return latestYear
}

/**
 * "president-elect": a US president-elect exists from the November election to 20 January, and
 * US presidential elections fall in years divisible by four. The election is the earliest whose
 * window has not closed before the latest past date the text reports (a year, month or day): a
 * page that reports 2017 as past and names a president-elect may be from January 2017, so the
 * clue does not push it to 2020. The article falls in that November–January window.
 *
 * @example
 * inferFromPresidentElect('In 2019 talks stalled. The president-elect called China a competitor.', 2019)
 * // { value: { date: '2020-11', precision: 'month' }, basis: 'inferred:president-elect (window 2020-11-03..2021-01-20)', … }
 */
export function inferFromPresidentElect(text: string, latestPast: number | string | undefined): InferredDate | undefined {
  const m = PRESIDENT_ELECT.exec(text)
  if (!m || latestPast === undefined) return undefined
  const past = String(latestPast)
  const year = Number(past.slice(0, 4))
  let election = Math.floor((year - 1) / 4) * 4
  while (`${election + 1}-01-20` < past.slice(0, 10)) election += 4
  const day = electionDay(election)
  return {
    value: { date: `${election}-11`, precision: 'month' },
    basis: `inferred:president-elect (window ${election}-11-${pad(day)}..${election + 1}-01-20)`,
    confidence: CONFIDENCE.presidentElect,
    index: m.index,
    length: m[0].length,
  }
}

/** US election day: the Tuesday after the first Monday of November. */
function electionDay(year: number): number {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay() // 0 = Sunday
  const firstMonday = 1 + ((8 - firstWeekday) % 7)
  return firstMonday + 1
}

/**
 * "last year": the article is at least one year after the latest year it reports as past.
 *
 * @example
 * inferFromLastYear('Growth was 18 percent in 2019. Last year the patrols began.', 2019)?.value // { date: '2020', precision: 'year' }
 */
export function inferFromLastYear(text: string, latestPastYear: number | undefined): InferredDate | undefined {
  const m = LAST_YEAR.exec(text)
  if (!m || latestPastYear === undefined) return undefined
  return { value: { date: String(latestPastYear + 1), precision: 'year' }, basis: 'inferred:last-year', confidence: CONFIDENCE.lastYear, index: m.index, length: m[0].length }
}

/**
 * The best date the text supports when none is stated: the latest lower bound from the rules
 * above that stays at or before the capture date; failing all, the capture year.
 *
 * @example
 * inferPublishedDate('Recent developments (October 2025): talks resumed.')?.value // { date: '2025-10', precision: 'month' }
 */
export function inferPublishedDate(text: string, captured?: DateValue): InferredDate | undefined {
  const pastEvent = inferFromLatestPastEvent(text, captured)
  const pastYear = pastEvent ? Number(pastEvent.value.date.slice(0, 4)) : undefined
  const bounds = [pastEvent, inferFromLastYear(text, pastYear), inferFromPresidentElect(text, pastEvent?.value.date)]
    .filter((b): b is InferredDate => b !== undefined)
    .filter((b) => !captured || b.value.date <= captured.date)
  const best = latest(bounds)
  if (best) return best
  if (captured) return { value: { date: captured.date.slice(0, 4), precision: 'year' }, basis: 'inferred:capture-year', confidence: CONFIDENCE.captureYear }
  return undefined
}

function latest(options: readonly InferredDate[]): InferredDate | undefined {
  let best: InferredDate | undefined
  for (const o of options) if (!best || o.value.date > best.value.date) best = o
  return best
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
