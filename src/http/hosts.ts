import { networkInterfaces } from 'node:os'
import type { MiddlewareHandler } from 'hono'
import ipaddr from 'ipaddr.js'
import { HttpError } from './errors.js'

/** The names a loopback server answers to besides its bind address. */
export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/** A Host header split into its name (lowercase; an IPv6 address in brackets) and its port. */
export interface HostName {
  readonly name: string
  /** Undefined when the header names no port (the scheme's default). */
  readonly port?: number
}

/**
 * A Host header (or an `--allow-host` entry) as name and port, or undefined when it is not one.
 * IP addresses are written the one way browsers write them (`[::1]`, `127.0.0.1`).
 *
 * @example
 * parseHost('LocalHost:8080') // { name: 'localhost', port: 8080 }
 * parseHost('[0::1]')         // { name: '[::1]' }
 */
export function parseHost(text: string): HostName | undefined {
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d{1,5}))?$/.exec(text.trim().toLowerCase())
  if (!match || match[1] === '') return undefined
  const port = match[2] === undefined ? undefined : Number(match[2])
  if (port !== undefined && port > 65535) return undefined
  const name = canonicalName(match[1]!)
  if (name === undefined) return undefined
  return port === undefined ? { name } : { name, port }
}

function canonicalName(name: string): string | undefined {
  if (name.startsWith('[')) {
    const inner = name.slice(1, -1)
    return ipaddr.IPv6.isValid(inner) ? `[${ipaddr.IPv6.parse(inner).toString()}]` : undefined
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(name)) return ipaddr.IPv4.parse(name).toString()
  return /^[a-z0-9._-]+$/.test(name) ? name : undefined
}

/** A bind address as a Host name: `::1` → `[::1]`. */
function bindName(host: string): string | undefined {
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  return canonicalName(ipaddr.IPv6.isValid(bare) ? `[${bare}]` : bare)
}

/**
 * The Host names a browser may use to reach this server, and nothing else. A page on a name the
 * attacker controls and points at 127.0.0.1 (DNS rebinding) is same-origin with itself in the
 * browser, so only the Host header it sends tells the server the request is not for it.
 *
 * @example
 * const hosts = new HostAllowList(['dossier.example.org'])
 * hosts.bind('127.0.0.1', 8080, true)
 * hosts.allows('localhost:8080') // true
 * hosts.allows('evil.test:8080') // false
 */
export class HostAllowList {
  /** Names with the one port they are allowed on; undefined: any port (or none). */
  private readonly entries: HostName[] = []

  /** `extra`: names the user added (`name` on any port, or `name:port`); a bad one throws. */
  constructor(extra: readonly string[] = []) {
    for (const text of extra) {
      const host = parseHost(text)
      if (host === undefined) throw new TypeError(`Not a host name: ${JSON.stringify(text)}; give a name or address, optionally with :port.`)
      this.entries.push(host)
    }
  }

  /** Any port on the loopback names: for an app that is not bound to a known port. */
  static loopback(): HostAllowList {
    return new HostAllowList(LOOPBACK_NAMES)
  }

  /**
   * Adds the names a server bound to `host:port` answers to: its address; the loopback names when
   * it is loopback or every interface; every interface's address when it binds them all.
   */
  bind(host: string, port: number, loopback: boolean): void {
    const names = new Set<string>()
    const own = bindName(host)
    if (own !== undefined && own !== '0.0.0.0' && own !== '[::]') names.add(own)
    if (loopback || own === '0.0.0.0' || own === '[::]') for (const name of LOOPBACK_NAMES) names.add(name)
    if (own === '0.0.0.0' || own === '[::]') {
      for (const address of Object.values(networkInterfaces()).flat()) {
        if (address === undefined) continue
        const name = bindName(address.address)
        if (name !== undefined) names.add(name)
      }
    }
    for (const name of names) this.entries.push({ name, port })
  }

  /** True when a request with this Host header is for this server. */
  allows(header: string): boolean {
    const host = parseHost(header)
    if (host === undefined) return false
    return this.entries.some((e) => e.name === host.name && (e.port === undefined || e.port === (host.port ?? 80)))
  }
}

/**
 * Refuses (421) every request whose Host header the list does not allow, on every route: API,
 * static files and feeds alike. A request without a Host header (HTTP/1.0, in-process calls) is
 * not a browser's, so not a rebinding attempt, and passes.
 */
export function requireAllowedHost(hosts: HostAllowList): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('Host')
    if (header !== undefined && !hosts.allows(header)) {
      throw new HttpError(421, 'HOST_NOT_ALLOWED', `This server does not answer to the host name ${JSON.stringify(header.slice(0, 200))}. Whoever runs it can allow that name with --allow-host (or DOSSIER_ALLOW_HOSTS).`)
    }
    await next()
  }
}
