import { Hono } from 'hono'
import type { Thread } from '../../document/index.js'
import type { Store } from '../../store/index.js'
import { notFound } from '../errors.js'
import { streamCsv, wantsFullExport } from '../export.js'
import { sendJson } from '../json.js'
import { sendList } from '../list.js'
import { pageParams } from '../params.js'

/** Threads the list counts for `total` at most; past it, `totalCapped` is set. */
export const THREAD_TOTAL_CAP = 10_000

const THREAD_COLUMNS = [
  { header: 'id', value: (t: Thread) => t.id },
  { header: 'title', value: (t: Thread) => t.title },
  { header: 'actors', value: (t: Thread) => t.actors.map((a) => a.name).join('; ') },
  { header: 'terms', value: (t: Thread) => t.terms.join('; ') },
  { header: 'stories', value: (t: Thread) => t.stories.length },
  { header: 'first', value: (t: Thread) => t.stories[0]?.eventDate ?? null },
  { header: 'last', value: (t: Thread) => t.stories.at(-1)?.eventDate ?? null },
]

/** `/api/threads`: stories linked over time. */
export function threadRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/', async (c) => {
    const page = pageParams(c)
    if (wantsFullExport(c)) return streamCsv(c, 'threads', THREAD_COLUMNS, (p) => store.listThreads(p), page.offset)
    const items = await store.listThreads(page)
    // The store has no thread count: a page that is not full ends the list; else count by listing.
    const count = items.length > 0 && items.length < page.limit
      ? page.offset + items.length
      : (await store.listThreads({ limit: THREAD_TOTAL_CAP })).length
    return sendList(c, 'threads', page, items, { count, capped: count >= THREAD_TOTAL_CAP }, THREAD_COLUMNS)
  })
  routes.get('/:id', async (c) => {
    const id = c.req.param('id')
    const thread = await store.getThread(id)
    if (thread === undefined) throw notFound('thread', id)
    return sendJson(c, thread)
  })
  return routes
}
