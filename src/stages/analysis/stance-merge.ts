import type { Citation, StanceStatement, Timeline } from '../../document/index.js'
import type { FoundStatement, TimelineQuery } from './stance.js'

// Reports of one statement in several articles become one timeline row.

/** Two reports of one statement may date it this many days apart (a dateline the day after an interview). */
export const SAME_STATEMENT_DAYS = 2

/**
 * Merges reports of one statement and orders the rows: by date, undated last, each marked with
 * the position it shifts from.
 */
export function assembleTimeline(query: TimelineQuery, found: readonly FoundStatement[]): Timeline {
  const rows = mergeReports(found)
  rows.sort((a, b) => (a.period?.from ?? Infinity) - (b.period?.from ?? Infinity) || a.first - b.first)
  const statements: StanceStatement[] = []
  for (const row of rows) {
    const previous = statements[statements.length - 1]
    const { statement } = row.members[0]!
    const shift = previous !== undefined && previous.position !== statement.position ? { from: previous.position } : null
    statements.push({ ...statement, citations: citationsOf(row.members), shift })
  }
  return { actor: query.actor, counterpart: query.counterpart, topic: query.topic, statements }
}

interface Row {
  readonly key: string
  readonly period: FoundStatement['period']
  readonly members: FoundStatement[]
  /** Input position of its earliest report, to keep rows of one date in the order given. */
  first: number
}

function keyOf(f: FoundStatement): string {
  const s = f.statement
  return [s.speaker?.id ?? s.actor.id, s.action, s.position, s.counterpartRole].join('|')
}

/**
 * The most precisely dated report of a statement opens its row, so vaguer reports ("October
 * 2025") join the row they fit rather than swallowing several distinct days; among equally
 * precise ones, a direct quote first, so the row shows the speaker's own words.
 */
function mergeReports(found: readonly FoundStatement[]): Row[] {
  const width = (f: FoundStatement): number => (f.period === null ? Infinity : f.period.to - f.period.from)
  const byPrecision = found.map((f, index) => ({ f, index }))
    .sort((a, b) => width(a.f) - width(b.f) || Number(b.f.direct) - Number(a.f.direct) || a.index - b.index)
  const rows: Row[] = []
  for (const { f, index } of byPrecision) {
    const key = keyOf(f)
    const row = rows.find((r) => r.key === key && sameTime(r, f))
    if (row === undefined) rows.push({ key, period: f.period, members: [f], first: index })
    else {
      row.members.push(f)
      row.first = Math.min(row.first, index)
    }
  }
  return rows
}

function sameTime(row: Row, f: FoundStatement): boolean {
  if (row.period === null || f.period === null) {
    return row.period === f.period && row.members.some((m) => m.citation.article === f.citation.article)
  }
  return f.period.from <= row.period.to + SAME_STATEMENT_DAYS && row.period.from <= f.period.to + SAME_STATEMENT_DAYS
}

/** One citation per article: the row's first report in it. */
function citationsOf(members: readonly FoundStatement[]): Citation[] {
  const seen = new Set<string>()
  const out: Citation[] = []
  for (const m of members) {
    if (seen.has(m.citation.article)) continue
    seen.add(m.citation.article)
    out.push(m.citation)
  }
  return out
}
