import type { Context } from 'hono'
import { toCsv, type CsvColumn } from './csv.js'
import { sendJson } from './json.js'
import { choiceParam, type Page } from './params.js'

/** The body of every list route. */
export interface ListBody<T> {
  readonly items: readonly T[]
  /** Items that match in all, across pages. */
  readonly total: number
  readonly limit: number
  readonly offset: number
  /** Set when counting stopped at a cap: `total` is then a lower bound. */
  readonly totalCapped?: true
}

export const LIST_FORMATS = ['json', 'csv'] as const

/**
 * Sends one page of a list: JSON `{ items, total, limit, offset }`, or with `?format=csv&limit=N`
 * the page as a CSV download. A route answers `format=csv` without `limit` with the whole list,
 * streamed (export.ts), before it gets here.
 */
export function sendList<T>(c: Context, name: string, page: Page, items: readonly T[], total: { count: number; capped?: boolean }, columns: readonly CsvColumn<T>[]): Response {
  if (choiceParam(c, 'format', LIST_FORMATS, 'json') === 'csv') {
    return c.body(toCsv(items, columns), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
    })
  }
  const body: ListBody<T> = { items, total: total.count, limit: page.limit, offset: page.offset, ...(total.capped ? { totalCapped: true as const } : {}) }
  return sendJson(c, body)
}
