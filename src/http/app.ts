import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono, type Context } from 'hono'
import { methodNotAllowed } from 'hono/method-not-allowed'
import type { Store } from '../store/index.js'
import { requireFeedToken, requireToken } from './auth.js'
import { refuseCrossSite } from './csrf.js'
import { HttpError, sendError } from './errors.js'
import { HostAllowList, requireAllowedHost } from './hosts.js'
import { ImportJobs } from './jobs.js'
import { JSON_TYPE, toSafeJson } from './json.js'
import { DEFAULT_LIMITS, type ServerLimits } from './limits.js'
import { OPENAPI } from './openapi.js'
import { OutletIndex } from './outlets.js'
import { articleRoutes } from './routes/articles.js'
import { coverageRoutes } from './routes/coverage.js'
import { outletRoutes } from './routes/outlets.js'
import { briefRoutes } from './routes/brief.js'
import { entityRoutes } from './routes/entities.js'
import { healthRoutes, pingRoutes } from './routes/health.js'
import { importRoutes } from './routes/imports.js'
import { sourceRoutes } from './routes/sources.js'
import { storyRoutes } from './routes/stories.js'
import { threadRoutes } from './routes/threads.js'
import { timelineRoutes } from './routes/timeline.js'
import { alertRoutes, feedRoutes, watchRoutes } from './routes/watches.js'
import { securityHeaders } from './security.js'
import { serveWebApp } from './static.js'

/** The built web app: `dist/web` of the package, from src/http or dist/http alike. */
export const DEFAULT_WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/web')

export interface AppOptions {
  readonly store: Store
  /** When set, every `/api` request must carry `Authorization: Bearer <token>`. */
  readonly token?: string
  /** Folder of the built web app; default `dist/web` of the package. */
  readonly webRoot?: string
  readonly limits?: Partial<ServerLimits>
  /** Worker threads of an import's analyze (default `auto`). */
  readonly importWorkers?: number | 'auto'
  /** The Host names answered; default the loopback names on any port (`startServer` binds them to its port). */
  readonly hosts?: HostAllowList
}

/**
 * The HTTP API and the web app as a Hono app, for `startServer` or in-process requests.
 *
 * @example
 * const app = createApp({ store })
 * const res = await app.request('/api/stories?q=alliance')
 */
export function createApp(options: AppOptions): Hono {
  const { store } = options
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const jobs = new ImportJobs(store, options.importWorkers)
  const app = new Hono()
  app.use('*', securityHeaders())
  app.use('*', requireAllowedHost(options.hosts ?? HostAllowList.loopback()))
  app.use('*', methodNotAllowed({ app, onMethodNotAllowed: refuseMethod }))
  if (options.token !== undefined) app.use('/api/*', requireToken(options.token))
  app.use('*', refuseCrossSite(options.token))
  app.route('/api/health', healthRoutes(store))
  app.route('/api/ping', pingRoutes())
  const outlets = new OutletIndex(store)
  app.route('/api/stories', storyRoutes(store, outlets))
  app.route('/api/stories', briefRoutes(store))
  app.route('/api/threads', threadRoutes(store))
  app.route('/api/articles', articleRoutes(store))
  app.route('/api/entities', entityRoutes(store))
  app.route('/api/timeline', timelineRoutes(store))
  app.route('/api/outlets', outletRoutes(outlets))
  app.route('/api/coverage', coverageRoutes(store))
  app.route('/api/import', importRoutes(jobs, limits))
  app.route('/api/sources', sourceRoutes(store, limits))
  app.route('/api/watches', watchRoutes(store, limits))
  app.route('/api/alerts', alertRoutes(store))
  if (options.token !== undefined) app.use('/feeds/*', requireFeedToken(options.token))
  app.route('/feeds', feedRoutes(store))
  const openapi = toSafeJson(OPENAPI)
  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'Content-Type': JSON_TYPE }))
  // Catch-alls answer any method: they are left out of the 405 check, which would otherwise find
  // a GET for every path. The 404 is returned, not thrown, so a known path's 405 still replaces it.
  app.all('/api/*', (c) => sendError(new HttpError(404, 'NOT_FOUND', `No API route ${c.req.method} ${c.req.path}; the routes are listed at /api/openapi.json.`), c))
  app.all('/*', serveWebApp(options.webRoot ?? DEFAULT_WEB_ROOT))
  app.notFound((c) => sendError(new HttpError(404, 'NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), c))
  app.onError(sendError)
  return app
}

/** A known path asked with a method it does not take: 405, its methods in `Allow`. */
function refuseMethod(c: Context, methods: readonly string[]): Response {
  const allow = methods.join(', ')
  c.header('Allow', allow)
  return sendError(new HttpError(405, 'METHOD_NOT_ALLOWED', `${c.req.path} does not take ${c.req.method}; it takes ${allow}.`), c)
}
