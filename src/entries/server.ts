/**
 * `dossier/server`: the web app and the JSON API on a store.
 *
 * @example
 * import { openStore } from 'dossier/store'
 * import { startServer } from 'dossier/server'
 * const server = await startServer({ store: await openStore({ path: 'news.db' }), port: 8080 })
 */
export { createApp, startServer, HostAllowList, DEFAULT_LIMITS, OPENAPI, type AppOptions, type ServerOptions, type RunningServer, type ServerLimits } from '../http/index.js'
