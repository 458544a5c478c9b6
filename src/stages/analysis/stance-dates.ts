import type { ActorEvent, Document, StanceStatement } from '../../document/index.js'

/** Days since 1970-01-01, first and last, of the period a date allows. */
export interface Period {
  readonly from: number
  readonly to: number
}

/**
 * An inferred publication date (metadata `inferred:latest-past-event`, `inferred:last-year`,
 * `inferred:president-elect`) is a lower bound: the article is no older than the latest past event
 * it reports. We read it as "within this many days after": news seldom reports, as its latest
 * past event, one more than a quarter old.
 */
export const INFERRED_DATE_SLACK_DAYS = 92
const LOWER_BOUND_BASES = ['inferred:latest-past-event', 'inferred:last-year', 'inferred:president-elect']

/**
 * When a statement was made, and on what basis: the event's own date, else the date of the event
 * the article reports, else its publication date (an inferred one widened by
 * {@link INFERRED_DATE_SLACK_DAYS}); the period the date allows, for merging reports.
 *
 * @example
 * dateOf(doc, event) // { date: '2025-10', dateBasis: 'reported-event', period: { from: 20362, to: 20392 } }
 */
export function dateOf(doc: Document, e: ActorEvent): Pick<StanceStatement, 'date' | 'dateBasis'> & { period: Period | null } {
  if (e.date !== null) return { date: e.date.value, dateBasis: 'event', period: periodOf(e.date.value) }
  const reported = doc.layers.times?.eventDate
  if (reported !== undefined) return { date: reported.value, dateBasis: 'reported-event', period: periodOf(reported.value) }
  const published = doc.layers.metadata?.published
  if (published === undefined) return { date: null, dateBasis: 'none', period: null }
  const period = periodOf(published.value.date)
  const lowerBound = LOWER_BOUND_BASES.some((b) => published.basis.startsWith(b))
  return {
    date: published.value.date,
    dateBasis: 'published',
    period: period !== null && lowerBound ? { from: period.from, to: period.to + INFERRED_DATE_SLACK_DAYS } : period,
  }
}

const DAY_MS = 86_400_000

/** `2025` → all of 2025, `2025-10` → all of October, `2025-10-15` → that day; days since the epoch. */
function periodOf(value: string): Period | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value)
  if (m === null) return null
  const year = Number(m[1])
  const day = (y: number, mo: number, d: number): number => Math.floor(Date.UTC(y, mo, d) / DAY_MS)
  if (m[2] === undefined) return { from: day(year, 0, 1), to: day(year, 11, 31) }
  const month = Number(m[2]) - 1
  if (m[3] === undefined) return { from: day(year, month, 1), to: day(year, month + 1, 0) }
  const at = day(year, month, Number(m[3]))
  return { from: at, to: at }
}

/**
 * A statement's date as a reader should take it: the date alone when it is the statement's own,
 * else with what it is the date of (a row dated by its article is not known to be said that day).
 *
 * @example
 * describeStatementDate({ date: '2025-10', dateBasis: 'published' }) // "2025-10 (the article's date)"
 */
export function describeStatementDate(s: Pick<StanceStatement, 'date' | 'dateBasis'>): string {
  if (s.date === null) return 'undated'
  switch (s.dateBasis) {
    case 'event': return s.date
    case 'reported-event': return `${s.date} (the reported event's date)`
    default: return `${s.date} (the article's date)`
  }
}
