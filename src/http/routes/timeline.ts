import { Hono } from 'hono'
import { findTimeline } from '../../api/timeline.js'
import type { Store } from '../../store/index.js'
import { sendJson } from '../json.js'
import { requiredParam, textParam } from '../params.js'

/** `/api/timeline`: an actor's stance statements about a counterpart (names or ids), optionally on one topic. */
export function timelineRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/', async (c) => {
    const actor = requiredParam(c, 'actor')
    const counterpart = requiredParam(c, 'counterpart')
    const topic = textParam(c, 'topic')
    return sendJson(c, await findTimeline(store, { actor, counterpart, ...(topic !== undefined ? { topic } : {}) }))
  })
  return routes
}
