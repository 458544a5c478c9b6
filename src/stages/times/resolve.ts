import type { TimeAnchor, TimePrecision } from '../../document/index.js'
import { pickOccurrence } from './calendar.js'
import type { Modifier, TimeMeaning, Unit } from './meaning.js'
import { addMonths, calendarDay, dayNumber, formatValue, parseValue, periodOf, weekdayOf, type CalendarDay } from './period.js'
import { SEASON_START_MONTH } from './vocabulary.js'

/** The date relative expressions are resolved against: the publication date, as precise as it is known. */
export interface Reference {
  readonly date: string
  readonly precision: 'day' | 'month' | 'year'
}

export interface Resolved {
  /** Null when the expression cannot be placed unambiguously against the reference. */
  readonly value: string | null
  readonly precision: TimePrecision
  readonly anchor: TimeAnchor
  /** A qualifier resolution adds ("last week" is only about a day). */
  readonly modifier?: Modifier
}

const DAYS_PER_WEEK = 7
const PRECISION_RANK: Readonly<Record<Reference['precision'], number>> = { day: 0, month: 1, year: 2 }

/**
 * Places a meaning on the calendar. `future` says the clause speaks of what is to come, so a
 * month or weekday without a year or date is the next one, not the last one.
 *
 * A relative expression needs a reference at least as fine as its unit: "on Wednesday" needs a
 * day, "last month" a month; otherwise it is found but `unresolved` (value null).
 *
 * @example
 * resolveTime({ kind: 'weekday', weekday: 3 }, { date: '2025-10-16', precision: 'day' }, false)
 * // { value: '2025-10-15', precision: 'day', anchor: 'publication' }
 */
export function resolveTime(meaning: TimeMeaning, ref: Reference | undefined, future: boolean): Resolved {
  switch (meaning.kind) {
    case 'year':
      return { value: formatValue({ year: meaning.year, month: 1, day: 1 }, 'year'), precision: 'year', anchor: 'absolute' }
    case 'decade':
      return { value: formatValue({ year: meaning.decade, month: 1, day: 1 }, 'decade'), precision: 'decade', anchor: 'absolute' }
    case 'date':
      return resolveDate(meaning, ref, future)
    case 'month':
      return resolveMonthLike(meaning.month, 'month', meaning.year, meaning.shift, ref, future)
    case 'season':
      return resolveMonthLike(SEASON_START_MONTH[meaning.season], 'season', meaning.year, meaning.shift, ref, future)
    case 'weekday':
      return meaning.sameWeek ? resolveSameWeek(meaning.weekday, ref) : resolveWeekday(meaning.weekday, meaning.shift, ref, future)
    case 'relative':
      return resolveRelative(meaning.unit, meaning.amount, ref)
    case 'event':
      return resolveEvent(meaning, ref, future)
  }
}

function unresolved(precision: TimePrecision): Resolved {
  return { value: null, precision, anchor: 'unresolved' }
}

function atLeast(ref: Reference | undefined, precision: Reference['precision']): ref is Reference {
  return ref !== undefined && PRECISION_RANK[ref.precision] <= PRECISION_RANK[precision]
}

function resolveDate(m: { year?: number; month: number; day: number }, ref: Reference | undefined, future: boolean): Resolved {
  if (m.year !== undefined) return { value: formatValue({ year: m.year, month: m.month, day: m.day }, 'day'), precision: 'day', anchor: 'absolute' }
  if (!atLeast(ref, 'month')) return unresolved('day')
  const r = parseValue(ref.date)
  // A month-precise reference cannot order two days of its own month: same month counts as this year.
  const cmp = m.month !== r.month ? m.month - r.month : ref.precision === 'day' ? m.day - r.day : 0
  const year = future ? (cmp >= 0 ? r.year : r.year + 1) : cmp <= 0 ? r.year : r.year - 1
  return { value: formatValue({ year, month: m.month, day: m.day }, 'day'), precision: 'day', anchor: 'publication' }
}

/** Months and seasons: "in September", "last September", "this summer", "September 2024". */
function resolveMonthLike(
  month: number,
  precision: 'month' | 'season',
  year: number | undefined,
  shift: -1 | 0 | 1 | undefined,
  ref: Reference | undefined,
  future: boolean,
): Resolved {
  if (year !== undefined) return { value: formatValue({ year, month, day: 1 }, precision), precision, anchor: 'absolute' }
  if (shift === 0 && ref) return { value: formatValue({ year: parseValue(ref.date).year, month, day: 1 }, precision), precision, anchor: 'publication' }
  if (!atLeast(ref, 'month')) return unresolved(precision)
  const r = parseValue(ref.date)
  let y: number
  if (shift === -1) y = month < r.month ? r.year : r.year - 1
  else if (shift === 1) y = month > r.month ? r.year : r.year + 1
  else if (future) y = month >= r.month ? r.year : r.year + 1
  else y = month <= r.month ? r.year : r.year - 1
  return { value: formatValue({ year: y, month, day: 1 }, precision), precision, anchor: 'publication' }
}

function resolveWeekday(weekday: number, shift: -1 | 0 | 1 | undefined, ref: Reference | undefined, future: boolean): Resolved {
  if (!atLeast(ref, 'day')) return unresolved('day')
  const r = parseValue(ref.date)
  const today = dayNumber(r.year, r.month, r.day)
  const back = (weekdayOf(today) - weekday + DAYS_PER_WEEK) % DAYS_PER_WEEK
  const ahead = (weekday - weekdayOf(today) + DAYS_PER_WEEK) % DAYS_PER_WEEK
  let n: number
  // Same day counts: a report published on a Wednesday that says "on Wednesday" means that day.
  if (shift === -1) n = today - (back || DAYS_PER_WEEK)
  else if (shift === 1) n = today + (ahead || DAYS_PER_WEEK)
  else n = future || shift === 0 ? today + ahead : today - back
  return { value: formatValue(calendarDay(n), 'day'), precision: 'day', anchor: 'publication' }
}

/** The weekday in the week (Monday to Sunday) of the reference day. */
function resolveSameWeek(weekday: number, ref: Reference | undefined): Resolved {
  if (!atLeast(ref, 'day')) return unresolved('day')
  const r = parseValue(ref.date)
  const today = dayNumber(r.year, r.month, r.day)
  const mondayBased = (d: number): number => (d + DAYS_PER_WEEK - 1) % DAYS_PER_WEEK
  const n = today - mondayBased(weekdayOf(today)) + mondayBased(weekday)
  return { value: formatValue(calendarDay(n), 'day'), precision: 'day', anchor: 'publication' }
}

function resolveRelative(unit: Unit, amount: number, ref: Reference | undefined): Resolved {
  const precision: TimePrecision = unit === 'week' ? 'day' : unit
  if (!atLeast(ref, unit === 'week' ? 'day' : unit)) return unresolved(precision)
  const r = parseValue(ref.date)
  const value = formatValue(shiftDay(r, unit, amount), precision)
  return { value, precision, anchor: 'publication', ...(unit === 'week' ? { modifier: 'about' as const } : {}) }
}

function shiftDay(d: CalendarDay, unit: Unit, amount: number): CalendarDay {
  if (unit === 'day' || unit === 'week') return calendarDay(dayNumber(d.year, d.month, d.day) + amount * (unit === 'week' ? DAYS_PER_WEEK : 1))
  const m = addMonths(d.year, d.month, unit === 'year' ? amount * 12 : amount)
  return { ...m, day: Math.min(d.day, 28) }
}

/**
 * "several weeks before the U.S. presidential election": the occurrence the phrase means, moved by
 * the offset. A vague count ("several", "weeks") is placed with `VAGUE_COUNT` and kept to the month
 * (or year), never to a day it does not state.
 */
function resolveEvent(m: Extract<TimeMeaning, { kind: 'event' }>, ref: Reference | undefined, future: boolean): Resolved {
  const exactPrecision: Record<Unit, TimePrecision> = { day: 'day', week: 'day', month: 'month', year: 'year' }
  const precision: TimePrecision = !m.offset ? 'day' : m.offset.vague ? (m.offset.unit === 'year' ? 'year' : 'month') : exactPrecision[m.offset.unit]
  const reference = ref ? periodOf(ref.date, ref.precision) : undefined
  const occurrence = pickOccurrence(m.series, { ...(m.year !== undefined ? { year: m.year } : {}), ...(reference ? { reference } : {}), future })
  if (!occurrence) return unresolved(precision)
  const base = parseValue(occurrence.date)
  const sign = m.relation === 'before' ? -1 : m.relation === 'after' ? 1 : 0
  const moved = m.offset && sign !== 0 ? shiftDay(base, m.offset.unit, sign * m.offset.amount) : base
  return { value: formatValue(moved, precision), precision, anchor: 'event' }
}
