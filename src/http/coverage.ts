/*
 * Coverage over time, after Media Cloud's attention chart: how many articles each day (or month)
 * carried a search, in all and by outlet. Pure: the route reads the summaries, this counts them.
 */
import type { DocumentSummary } from '../store/index.js'
import { summaryOutlet } from './article-order.js'
import { outletFold } from './outlets.js'

export const COVERAGE_BUCKETS = ['day', 'month'] as const
export type CoverageBucket = (typeof COVERAGE_BUCKETS)[number]

/** Articles in one day (`YYYY-MM-DD`) or month (`YYYY-MM`), in all and by outlet. */
export interface CoveragePoint {
  readonly date: string
  readonly articles: number
  readonly outlets: Readonly<Record<string, number>>
}

export interface Coverage {
  readonly by: CoverageBucket
  /** Every bucket from the first to the last dated article, empty ones included (a gap is news too). */
  readonly points: readonly CoveragePoint[]
  /** Outlets with their article counts, most first. */
  readonly outlets: ReadonlyArray<{ readonly name: string; readonly articles: number }>
  /** Articles counted in all, dated or not. */
  readonly articles: number
  /** Articles whose publication date is missing or coarser than the bucket: in no point. */
  readonly undated: number
}

export interface CoverageFilter {
  readonly from?: string
  readonly to?: string
  /** Counted only for this outlet (any case). */
  readonly outlet?: string
}

/** Days a coverage holds at most: a longer range is counted by month instead. */
export const MAX_COVERAGE_POINTS = 3660

const DAY_MS = 86_400_000

function bucketOf(published: string | undefined, by: CoverageBucket): string | undefined {
  if (published === undefined) return undefined
  const length = by === 'day' ? 10 : 7
  return published.length >= length ? published.slice(0, length) : undefined
}

/** A date prefix is inside [from, to] when its own prefix of their length is (`to` 2025-10 takes all of October). */
function inRange(published: string | undefined, filter: CoverageFilter): boolean {
  if (filter.from === undefined && filter.to === undefined) return true
  if (published === undefined) return false
  if (filter.from !== undefined && published.slice(0, filter.from.length) < filter.from) return false
  return filter.to === undefined || published.slice(0, filter.to.length) <= filter.to
}

/** Every bucket from `first` to `last`, inclusive. */
function bucketsBetween(first: string, last: string, by: CoverageBucket): string[] {
  const out: string[] = []
  if (by === 'day') {
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`) && out.length < MAX_COVERAGE_POINTS; t += DAY_MS) {
      out.push(new Date(t).toISOString().slice(0, 10))
    }
    return out
  }
  let [year, month] = first.split('-').map(Number) as [number, number]
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`
    if (label > last || out.length >= MAX_COVERAGE_POINTS) return out
    out.push(label)
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
}

/**
 * Counts articles per bucket and outlet.
 *
 * @example
 * coverageOf(hits, 'day') // { points: [{ date: '2025-10-14', articles: 3, outlets: { 'Harbour Daily': 2, … } }, …], … }
 */
export function coverageOf(summaries: readonly DocumentSummary[], by: CoverageBucket, filter: CoverageFilter = {}): Coverage {
  const wanted = filter.outlet === undefined ? undefined : outletFold(filter.outlet)
  const counts = new Map<string, Map<string, number>>()
  const totals = new Map<string, number>()
  // One outlet in any case: counted under the spelling met first.
  const spelling = new Map<string, string>()
  let articles = 0
  let undated = 0
  for (const summary of summaries) {
    const name = summaryOutlet(summary)
    const key = outletFold(name)
    if (wanted !== undefined && key !== wanted) continue
    if (!spelling.has(key)) spelling.set(key, name)
    const outlet = spelling.get(key)!
    if (!inRange(summary.published, filter)) continue
    articles++
    totals.set(outlet, (totals.get(outlet) ?? 0) + 1)
    const bucket = bucketOf(summary.published, by)
    if (bucket === undefined) {
      undated++
      continue
    }
    const row = counts.get(bucket) ?? new Map<string, number>()
    row.set(outlet, (row.get(outlet) ?? 0) + 1)
    counts.set(bucket, row)
  }
  const dates = [...counts.keys()].sort()
  if (by === 'day' && dates.length > 0 && (Date.parse(dates.at(-1)!) - Date.parse(dates[0]!)) / DAY_MS >= MAX_COVERAGE_POINTS) {
    // Ten years of days is no chart anyone reads: the same counts by month.
    return coverageOf(summaries, 'month', filter)
  }
  const points = dates.length === 0 ? [] : bucketsBetween(dates[0]!, dates.at(-1)!, by).map((date): CoveragePoint => {
    const row = counts.get(date)
    const outlets = Object.fromEntries([...(row ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    return { date, articles: [...(row?.values() ?? [])].reduce((n, k) => n + k, 0), outlets }
  })
  const outlets = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, n]) => ({ name, articles: n }))
  return { by, points, outlets, articles, undated }
}
