import { Hono } from 'hono'
import type { Store } from '../../store/index.js'
import { JSON_TYPE, sendJson } from '../json.js'

/** `/api/health`: the server answers and the store reads. */
export function healthRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/', async (c) => {
    const [documents, stories] = await Promise.all([store.countDocuments(), store.countStories()])
    return sendJson(c, { ok: true, documents, stories })
  })
  return routes
}

const PING_BODY = JSON.stringify({ ok: true })

/**
 * `/api/ping`: the server answers, without touching the store. The floor of the stack (routing,
 * middleware, auth, one constant body), for load balancers and as the peer of latency benches.
 */
export function pingRoutes(): Hono {
  const routes = new Hono()
  routes.get('/', (c) => c.body(PING_BODY, 200, { 'Content-Type': JSON_TYPE }))
  return routes
}
