import type { TimePrecision } from '../../document/index.js'

/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), and the period a normalised
 * value covers: "2025-09" at month precision is 1..30 September 2025.
 */

const MS_PER_DAY = 86_400_000
const MONTHS_PER_SEASON = 3
const YEARS_PER_DECADE = 10

export interface CalendarDay {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** A period as its first and last day numbers, both included. */
export interface Period {
  readonly first: number
  readonly last: number
}

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY
}

export function calendarDay(n: number): CalendarDay {
  const d = new Date(n * MS_PER_DAY)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(n: number): number {
  return new Date(n * MS_PER_DAY).getUTCDay()
}

/** Month arithmetic that carries into years: (2025, 1) + -1 → (2024, 12). */
export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/**
 * Writes a value at a precision: `YYYY-MM-DD`, `YYYY-MM` (month, season) or `YYYY` (year, decade).
 *
 * @example
 * formatValue({ year: 2025, month: 9, day: 1 }, 'month') // '2025-09'
 */
export function formatValue(d: CalendarDay, precision: TimePrecision): string {
  const y = String(d.year).padStart(4, '0')
  const m = String(d.month).padStart(2, '0')
  if (precision === 'day') return `${y}-${m}-${String(d.day).padStart(2, '0')}`
  if (precision === 'month' || precision === 'season') return `${y}-${m}`
  return y
}

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; missing parts are the period's first. */
export function parseValue(value: string): CalendarDay {
  const [y, m, d] = value.split('-').map(Number)
  return { year: y!, month: m ?? 1, day: d ?? 1 }
}

/**
 * The days a value covers at its precision.
 *
 * @example
 * periodOf('2020-11', 'month') // 1..30 November 2020 as day numbers
 */
export function periodOf(value: string, precision: TimePrecision): Period {
  const d = parseValue(value)
  const first = dayNumber(d.year, d.month, d.day)
  switch (precision) {
    case 'day':
      return { first, last: first }
    case 'month':
      return { first, last: monthStart(addMonths(d.year, d.month, 1)) - 1 }
    case 'season':
      return { first, last: monthStart(addMonths(d.year, d.month, MONTHS_PER_SEASON)) - 1 }
    case 'year':
      return { first, last: dayNumber(d.year + 1, 1, 1) - 1 }
    case 'decade':
      return { first, last: dayNumber(d.year + YEARS_PER_DECADE, 1, 1) - 1 }
  }
}

function monthStart(m: { year: number; month: number }): number {
  return dayNumber(m.year, m.month, 1)
}
