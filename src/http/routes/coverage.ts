import { Hono } from 'hono'
import type { DocumentSummary, Store } from '../../store/index.js'
import { COVERAGE_BUCKETS, coverageOf, type Coverage, type CoveragePoint } from '../coverage.js'
import { toCsv } from '../csv.js'
import { LIST_FORMATS } from '../list.js'
import { sendJson } from '../json.js'
import { choiceParam, dateParam, searchParam, textParam } from '../params.js'
import { SEARCH_TOTAL_CAP } from './articles.js'

/** Articles a coverage counts at most: the newest matches of a search, the first stored without one. */
export const MAX_COVERAGE_ARTICLES = SEARCH_TOTAL_CAP

/** One CSV row of a coverage: a bucket and an outlet, with its article count. */
interface CoverageRow {
  readonly date: string
  readonly outlet: string
  readonly articles: number
}

const COVERAGE_COLUMNS = [
  { header: 'date', value: (r: CoverageRow) => r.date },
  { header: 'outlet', value: (r: CoverageRow) => r.outlet },
  { header: 'articles', value: (r: CoverageRow) => r.articles },
]

function rowsOf(points: readonly CoveragePoint[]): CoverageRow[] {
  return points.flatMap((p) => Object.entries(p.outlets).map(([outlet, articles]) => ({ date: p.date, outlet, articles })))
}

/**
 * `/api/coverage`: articles per day (or month, `by=month`) for a search (`q`, `mode`) or for the
 * whole store, in all and by outlet, within `from`/`to` and for one `outlet` if asked; `format=csv`
 * gives one row per date and outlet (days without articles have no row).
 */
export function coverageRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/', async (c) => {
    const q = searchParam(c)
    const by = choiceParam(c, 'by', COVERAGE_BUCKETS, 'day')
    const filter = { from: dateParam(c, 'from'), to: dateParam(c, 'to'), outlet: textParam(c, 'outlet') }
    const csv = choiceParam(c, 'format', LIST_FORMATS, 'json') === 'csv'
    const [summaries, found]: [readonly DocumentSummary[], number] = q === undefined
      ? await Promise.all([store.listDocuments({ limit: MAX_COVERAGE_ARTICLES }), store.countDocuments()])
      : await Promise.all([store.search(q, { limit: MAX_COVERAGE_ARTICLES }), store.countSearch(q, MAX_COVERAGE_ARTICLES + 1)])
    const coverage: Coverage & { capped?: true } = { ...coverageOf(summaries, by, filter), ...(found > summaries.length ? { capped: true as const } : {}) }
    if (csv) {
      return c.body(toCsv(rowsOf(coverage.points), COVERAGE_COLUMNS), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="coverage.csv"',
      })
    }
    return sendJson(c, coverage)
  })
  return routes
}
