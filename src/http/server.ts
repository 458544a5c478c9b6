import { isIP } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { UsageError } from '../errors.js'
import { createApp, type AppOptions } from './app.js'
import { HostAllowList } from './hosts.js'

/**
 * How long an idle keep-alive connection stays open, in milliseconds. Above Node's 5 s: a request
 * that blocks the event loop (a first brief, a broad search) would otherwise let the server close
 * idle sockets at the moment clients reuse them, and those clients see a reset.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000

/**
 * Shortest token a server beyond loopback takes, in characters. Such a server can be asked by
 * anyone on the network as fast as it answers, so a token must be out of reach of guessing: 16
 * characters even of hex digits are 2^64 tries, where a word or a PIN falls in minutes.
 */
export const MIN_PUBLIC_TOKEN_CHARS = 16

export interface ServerOptions extends Omit<AppOptions, 'hosts'> {
  /** Interface to bind: `127.0.0.1` by default in the CLI; anything but loopback needs a token. */
  readonly host: string
  /** 0 picks a free port. */
  readonly port: number
  /**
   * Host names answered besides the bound address (and, on loopback, `localhost`, `127.0.0.1`,
   * `[::1]`): `name` on any port, or `name:port`. Every other Host header gets a 421.
   */
  readonly allowHosts?: readonly string[]
}

export interface RunningServer {
  /** Where it listens: `http://127.0.0.1:8080`. */
  readonly url: string
  /** Stops accepting connections and closes open ones. The store stays open: it is the caller's. */
  close(): Promise<void>
}

/**
 * True when `host` is only reachable from this machine: `localhost`, 127.0.0.0/8, `::1`.
 *
 * @example
 * isLoopbackHost('127.0.0.1') // true
 * isLoopbackHost('0.0.0.0')   // false
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (h === 'localhost') return true
  if (isIP(h) === 4) return h.startsWith('127.')
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h) || /^(0+:){7}0*1$/.test(h)
  return false
}

/**
 * Starts the API and the web app on `host:port`. Refuses (UsageError) to bind beyond loopback
 * without a token.
 *
 * @example
 * const server = await startServer({ store, host: '127.0.0.1', port: 8080 })
 * console.log(`Dossier at ${server.url}`)
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { host, port } = options
  const loopback = isLoopbackHost(host)
  if (!loopback && (options.token === undefined || options.token === '')) {
    throw new UsageError(`Serving on ${host} makes the store readable from other machines: pass --token <secret> (or set DOSSIER_TOKEN), or bind 127.0.0.1.`)
  }
  if (!loopback && options.token !== undefined && options.token.length < MIN_PUBLIC_TOKEN_CHARS) {
    throw new UsageError(`Serving on ${host} needs a token of at least ${MIN_PUBLIC_TOKEN_CHARS} characters (this one has ${options.token.length}): one from \`openssl rand -hex 16\` cannot be guessed.`)
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Port must be a whole number from 0 to 65535, got ${port}.`)
  let hosts: HostAllowList
  try {
    hosts = new HostAllowList(options.allowHosts)
  } catch (error) {
    throw new UsageError(`--allow-host: ${(error as Error).message}`)
  }
  const app = createApp({ ...options, hosts })
  const server = await new Promise<ServerType>((done, fail) => {
    const s = serve({ fetch: app.fetch, hostname: host, port }, () => done(s))
    s.once('error', fail)
  })
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  const address = server.address() as AddressInfo
  // The port is known only now (0 picks one); until this line no Host is answered but the added ones.
  hosts.bind(host, address.port, loopback)
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host === 'localhost' ? 'localhost' : shown}:${address.port}`,
    close: () => new Promise<void>((done, fail) => {
      server.close((error) => (error ? fail(error) : done()))
      if ('closeAllConnections' in server) server.closeAllConnections()
    }),
  }
}
