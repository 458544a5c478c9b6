import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { sourceStoreOf, type SourceStore, type Store } from '../../store/index.js'
import { addSourceUrl, importOpml } from '../../watch/sources.js'
import { HttpError, notFound } from '../errors.js'
import { sendJson } from '../json.js'
import type { ServerLimits } from '../limits.js'

/** Items shown with one source. */
const SOURCE_ITEMS_SHOWN = 50

/**
 * `/api/sources`: the sources `dossier watch` follows, with each one's status (last fetch, next
 * fetch, items, last error). Adding or removing one changes what the next watch cycle polls; the
 * server itself never polls.
 */
export function sourceRoutes(store: Store, limits: ServerLimits): Hono {
  const routes = new Hono()
  const sources = (): SourceStore => sourceStoreOf(store)
  const jsonLimit = bodyLimit({ maxSize: limits.maxJsonBytes, onError: () => { throw new HttpError(413, 'TOO_LARGE', `The JSON body is larger than the server accepts (${limits.maxJsonBytes} bytes).`) } })
  routes.get('/', async (c) => sendJson(c, { sources: await sources().listSources() }))
  routes.get('/:id', async (c) => {
    const id = sourceId(c)
    const source = await sources().getSource(id)
    if (!source) throw notFound('source', String(id))
    return sendJson(c, { source, items: await sources().listItems(id, { limit: SOURCE_ITEMS_SHOWN }) })
  })
  routes.post('/', jsonLimit, async (c) => {
    if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) {
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send a source as application/json: {"url": "https://…", "kind": "feed"} or {"opml": "<opml>…"}.')
    }
    const body = await c.req.json().catch(() => undefined) as Record<string, unknown> | undefined
    if (typeof body !== 'object' || body === null) throw new HttpError(400, 'BAD_PARAMETER', 'The body is not a JSON object.')
    if (typeof body.opml === 'string') return sendJson(c, await importOpml(sources(), 'the OPML', body.opml))
    if (typeof body.url !== 'string') throw new HttpError(400, 'BAD_PARAMETER', 'Give "url" (a feed, sitemap or page URL) or "opml" (an OPML document as text).')
    const kind = body.kind === undefined ? undefined : String(body.kind)
    const title = typeof body.title === 'string' ? body.title : undefined
    const result = await addSourceUrl(sources(), body.url, kind, title)
    return sendJson(c, result, result.added ? 201 : 200)
  })
  routes.delete('/:id', async (c) => {
    const id = sourceId(c)
    if (!(await sources().removeSource(id))) throw notFound('source', String(id))
    return c.body(null, 204)
  })
  return routes
}

function sourceId(c: Context): number {
  const text = c.req.param('id') ?? ''
  if (!/^\d{1,15}$/.test(text)) throw notFound('source', text)
  return Number(text)
}
