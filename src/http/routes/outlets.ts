import { Hono } from 'hono'
import { fieldColumns } from '../csv.js'
import { streamCsv, wantsFullExport } from '../export.js'
import { sendList } from '../list.js'
import { outletFold, type Outlet, type OutletIndex } from '../outlets.js'
import { pageParams, textParam } from '../params.js'

const OUTLET_COLUMNS = fieldColumns<Outlet>(['name', 'articles', 'spellings'])

/** `/api/outlets`: the outlets of the stored articles with their article counts, most first; `q` filters by name, in any case. */
export function outletRoutes(outlets: OutletIndex): Hono {
  const routes = new Hono()
  routes.get('/', async (c) => {
    const page = pageParams(c)
    const q = textParam(c, 'q')
    const { outlets: all, capped } = await outlets.list()
    const wanted = q === undefined ? undefined : outletFold(q)
    const matching = wanted === undefined ? all : all.filter((o) => o.spellings.some((s) => outletFold(s).includes(wanted)))
    if (wantsFullExport(c)) return streamCsv(c, 'outlets', OUTLET_COLUMNS, async (p) => matching.slice(p.offset, p.offset + p.limit), page.offset)
    return sendList(c, 'outlets', page, matching.slice(page.offset, page.offset + page.limit), { count: matching.length, capped }, OUTLET_COLUMNS)
  })
  return routes
}
