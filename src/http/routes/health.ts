import { Hono } from 'hono'
import type { Store } from '../../store/index.js'
import { sendJson } from '../json.js'

/** `/api/health`: the server answers and the store reads. */
export function healthRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/', async (c) => {
    const [documents, stories] = await Promise.all([store.countDocuments(), store.countStories()])
    return sendJson(c, { ok: true, documents, stories })
  })
  return routes
}
