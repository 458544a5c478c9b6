import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { StoreError } from '../../errors.js'
import type { Store } from '../../store/index.js'
import { createWatch, removeWatch, updateWatch, watchStoreOf, type WatchInput } from '../../watches/index.js'
import { FEED_ALERTS, watchFeed } from '../../watches/atom.js'
import { HttpError, notFound } from '../errors.js'
import { sendJson } from '../json.js'
import type { ServerLimits } from '../limits.js'
import { intParam, textParam } from '../params.js'

/** Alerts one request returns at most. */
const MAX_ALERTS = 500
/** The fields a watch body may carry, with the JSON type of each. */
const INPUT_FIELDS: Readonly<Record<keyof WatchInput, readonly string[]>> = {
  name: ['string'], query: ['string'], advanced: ['boolean'], entity: ['string'], actor: ['string'], counterpart: ['string'],
  topic: ['string'], outlets: ['number'], webhook: ['string', 'null'], secret: ['string', 'null'],
}

/**
 * `/api/watches`: saved watches (list, create, read, change, delete) and each one's alerts and
 * webhook deliveries. `after` pages alerts by their seq, so the web app asks only for new ones.
 */
export function watchRoutes(store: Store, limits: ServerLimits): Hono {
  const routes = new Hono()
  const jsonLimit = bodyLimit({ maxSize: limits.maxJsonBytes, onError: () => { throw new HttpError(413, 'TOO_LARGE', `The JSON body is larger than the server accepts (${limits.maxJsonBytes} bytes).`) } })
  routes.get('/', async (c) => sendJson(c, { watches: await watchStoreOf(store).listWatches() }))
  routes.post('/', jsonLimit, async (c) => {
    const input = await readWatchBody(c, 'a watch')
    return sendJson(c, await writing(() => createWatch(store, input)), 201)
  })
  routes.get('/:id', async (c) => sendJson(c, await watchNamed(store, c.req.param('id'))))
  routes.put('/:id', jsonLimit, async (c) => {
    const id = c.req.param('id')
    await watchNamed(store, id)
    const input = await readWatchBody(c, 'the watch\'s changes')
    return sendJson(c, await writing(() => updateWatch(store, id, input)))
  })
  routes.delete('/:id', async (c) => {
    const id = c.req.param('id')
    if (!(await writing(() => removeWatch(store, id)))) throw notFound('watch', id)
    return c.body(null, 204)
  })
  routes.get('/:id/alerts', async (c) => {
    const id = c.req.param('id')
    await watchNamed(store, id)
    return sendAlerts(c, store, id)
  })
  routes.get('/:id/deliveries', async (c) => {
    const id = c.req.param('id')
    await watchNamed(store, id)
    return sendJson(c, { deliveries: await watchStoreOf(store).listDeliveries({ watch: id }) })
  })
  return routes
}

/** `/api/alerts?after=<seq>`: every watch's alerts after a seq, for one poll across watches. */
export function alertRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/', (c) => sendAlerts(c, store, undefined))
  return routes
}

/**
 * `/feeds/watches/<id>.atom`: a watch's newest alerts as an Atom 1.0 feed. When the server has a
 * token, a feed reader gives it as `?token=` (it cannot send a header), checked by the caller.
 */
export function feedRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/watches/:file', async (c) => {
    const file = c.req.param('file')
    if (!file.endsWith('.atom')) throw notFound('feed', file)
    const watch = await watchNamed(store, file.slice(0, -'.atom'.length))
    const alerts = await watchStoreOf(store).listAlerts({ watch: watch.id, order: 'desc', limit: FEED_ALERTS })
    return c.body(watchFeed(watch, alerts, new URL(c.req.url).origin), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' })
  })
  return routes
}

async function sendAlerts(c: Context, store: Store, watch: string | undefined): Promise<Response> {
  const after = intParam(c, 'after', 0, 0, Number.MAX_SAFE_INTEGER)
  const limit = intParam(c, 'limit', 100, 1, MAX_ALERTS)
  const order = textParam(c, 'order') === 'desc' ? 'desc' : 'asc'
  const watches = watchStoreOf(store)
  const alerts = await watches.listAlerts({ after, limit, order, ...(watch === undefined ? {} : { watch }) })
  return sendJson(c, { alerts, last: await watches.lastAlertSeq() })
}

async function watchNamed(store: Store, id: string) {
  const watch = await watchStoreOf(store).getWatch(id)
  if (watch === undefined) throw notFound('watch', id)
  return watch
}

// A store served read-only keeps its watches as they are: say so, not "the server failed".
async function writing<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof StoreError && error.code === 'STORE_READ_ONLY') throw new HttpError(409, 'STORE_READ_ONLY', 'The store is served read-only; watches cannot be saved or removed on it.')
    throw error
  }
}

/** A JSON object of {@link INPUT_FIELDS}: another content type is a 415, an unknown field or a wrong type a 400 naming it. */
async function readWatchBody(c: Context, what: string): Promise<WatchInput> {
  if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send ${what} as application/json.`)
  }
  let value: unknown
  try {
    value = JSON.parse(await c.req.text())
  } catch {
    throw new HttpError(400, 'BAD_JSON', `The body is not valid JSON; send ${what} as a JSON object.`)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'BAD_PARAMETER', 'The body must be a JSON object: {"query": "…"}, {"entity": "…"}, or {"actor": "…", "counterpart": "…", "topic": "…"}.')
  for (const [key, field] of Object.entries(value)) {
    const types = INPUT_FIELDS[key as keyof WatchInput]
    if (types === undefined) throw new HttpError(400, 'BAD_PARAMETER', `Unknown field "${key.slice(0, 50)}"; a watch has ${Object.keys(INPUT_FIELDS).join(', ')}.`)
    const type = field === null ? 'null' : typeof field
    if (!types.includes(type)) throw new HttpError(400, 'BAD_PARAMETER', `Field "${key}" must be ${types.join(' or ')}, got ${type}.`)
  }
  return value as WatchInput
}
