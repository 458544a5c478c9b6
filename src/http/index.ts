export { createApp, DEFAULT_WEB_ROOT, type AppOptions } from './app.js'
export { startServer, isLoopbackHost, type ServerOptions, type RunningServer } from './server.js'
export { DEFAULT_LIMITS, type ServerLimits } from './limits.js'
export { OPENAPI } from './openapi.js'
