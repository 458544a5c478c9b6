import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { isIP, type LookupFunction } from 'node:net'
import { createRequire } from 'node:module'
import type { Agent, Dispatcher } from 'undici'
import { UnreadableInputError } from '../../errors.js'
import { blockedAddressReason } from './address.js'
import { decodeContentEncoding } from './encoding.js'
import { rejectInput } from './errors.js'
import { escapeControlChars } from './names.js'

/** undici, loaded on the first URL and kept: it costs ~150 ms to load, and most inputs are files. */
let loaded: typeof import('undici') | undefined
function undici(): typeof import('undici') {
  loaded ??= createRequire(import.meta.url)('undici') as typeof import('undici')
  return loaded
}

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_REDIRECTS = 5

export interface FetchOptions {
  readonly allowPrivate: boolean
  readonly maxBytes: number
  readonly timeoutMs: number
  readonly maxRedirects: number
  /**
   * Resolves host names (default `dns.lookup`). Its answer is checked and then connected to, as one
   * step; tests pass a resolver that changes its answer, as a rebinding DNS server does.
   */
  readonly lookup?: LookupFunction
  /** The User-Agent sent (default `Dossier/0.1`); `dossier watch` names its contact URL here. */
  readonly userAgent?: string
  /**
   * Validators from an earlier answer: sent as If-None-Match / If-Modified-Since, and a 304 answer
   * comes back as `{ status: 304 }` with no bytes instead of failing.
   */
  readonly validators?: { readonly etag?: string; readonly lastModified?: string }
  /**
   * A connection pool to reuse across fetches (keep-alive), from `createFetchAgent` with the same
   * `allowPrivate` and `lookup`; the caller closes it. Default: a pool for this fetch alone.
   */
  readonly agent?: Agent
}

/**
 * A connection pool whose every new connection has its address checked (see `fetchUrl`), for many
 * fetches in a row: `dossier watch` polls a thousand feeds over kept-alive connections.
 *
 * @example
 * const agent = createFetchAgent({ allowPrivate: false })
 * try { await fetchUrl(url, { ...limits, agent }) } finally { await agent.close() }
 */
export function createFetchAgent(options: Pick<FetchOptions, 'allowPrivate' | 'lookup'>): Agent {
  return new (undici().Agent)({ connect: { lookup: pinnedLookup(options.allowPrivate, options.lookup ?? dnsLookup) } })
}

export interface Fetched {
  readonly bytes: Uint8Array
  /** The URL the bytes came from, after redirects. */
  readonly url: string
  readonly contentType?: string
  /** The response's Date header, else the time it arrived (ISO 8601). */
  readonly capturedAt: string
  /** 200 (any 2xx), or 304 when `validators` were sent and the resource has not changed. */
  readonly status: number
  /** The validators to send next time, when the server gave them. */
  readonly etag?: string
  readonly lastModified?: string
}

/**
 * A fetch the server answered with an error status (4xx, 5xx). `retryAfterMs` is the wait its
 * Retry-After header asks for (seconds or an HTTP date), when it sent one.
 */
export class FetchStatusError extends UnreadableInputError {
  constructor(input: string, reason: string, readonly status: number, readonly retryAfterMs?: number) {
    super(input, reason, 'FETCH_FAILED')
  }
}

/** The code of the error a pinned lookup fails a connection with. */
const ADDRESS_REFUSED = 'DOSSIER_ADDRESS_REFUSED'

class AddressRefusedError extends Error {
  readonly code = ADDRESS_REFUSED
}

/**
 * Fetches an http(s) URL with a timeout over the whole exchange, a byte cap on the body (before and
 * after decompression), redirects followed by hand up to a limit, and every connection's address
 * checked: the address a host name resolves to is checked inside the connection's own lookup and
 * is the address connected to (a second lookup that answers differently, DNS rebinding, never
 * happens). Loopback, private and other non-public addresses are refused unless `allowPrivate`;
 * link-local (the cloud metadata service) always is.
 *
 * @example
 * const page = await fetchUrl('https://example.org/story', { allowPrivate: false, maxBytes: 5e7, timeoutMs: 20_000, maxRedirects: 5 })
 */
export async function fetchUrl(input: string, options: FetchOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(options.timeoutMs)
  const agent = options.agent ?? createFetchAgent(options)
  try {
    let url = parseHttpUrl(input, input)
    for (let hop = 0; ; hop++) {
      checkLiteralHost(input, url, options.allowPrivate)
      const response = await send(input, url, agent, signal, options)
      const location = header(response, 'location')
      if (response.statusCode >= 300 && response.statusCode < 400 && location) {
        discard(response)
        if (hop >= options.maxRedirects) rejectInput(input, 'FETCH_FAILED', `more than ${options.maxRedirects} redirects (last to ${location})`)
        url = parseHttpUrl(input, location, url)
        continue
      }
      if (response.statusCode === 304 && options.validators) {
        discard(response)
        return { bytes: new Uint8Array(0), url: url.href, capturedAt: new Date().toISOString(), status: 304, ...validatorsOf(response) }
      }
      if (response.statusCode < 200 || response.statusCode >= 300) {
        discard(response)
        throw new FetchStatusError(input, escapeControlChars(`HTTP ${response.statusCode} from ${url.href}`), response.statusCode, retryAfterMs(header(response, 'retry-after')))
      }
      const raw = await readCapped(input, response, options.maxBytes, signal, options.timeoutMs)
      const bytes = decodeBody(input, raw, header(response, 'content-encoding'), options.maxBytes)
      const date = Date.parse(header(response, 'date') ?? '')
      const contentType = header(response, 'content-type')
      return {
        bytes,
        url: url.href,
        ...(contentType ? { contentType } : {}),
        capturedAt: new Date(Number.isNaN(date) ? Date.now() : date).toISOString(),
        status: response.statusCode,
        ...validatorsOf(response),
      }
    }
  } finally {
    if (!options.agent) void agent.destroy().catch(() => {})
  }
}

/**
 * A lookup for the connection itself: resolves, refuses the host if any of its addresses is not
 * allowed, and hands the checked addresses to the socket, which connects only to them.
 */
export function pinnedLookup(allowPrivate: boolean, resolve: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, answer) => {
      if (error) return callback(error, '', 0)
      const addresses = (Array.isArray(answer) ? answer : [{ address: answer, family: isIP(answer) }]) as LookupAddress[]
      for (const { address } of addresses) {
        const why = blockedAddressReason(address, { allowPrivate })
        if (why) return callback(new AddressRefusedError(`${hostname} resolves to ${why} address ${address}`), '', 0)
      }
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0)
      if (options.all) callback(null, addresses)
      else callback(null, addresses[0]!.address, addresses[0]!.family)
    })
  }
}

function parseHttpUrl(input: string, text: string, base?: URL): URL {
  let url: URL
  try {
    url = new URL(text, base)
  } catch {
    rejectInput(input, 'FETCH_FAILED', `not a valid URL: ${JSON.stringify(text.slice(0, 200))}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') rejectInput(input, 'FETCH_REFUSED', `only http and https URLs are fetched, not ${url.protocol}`)
  return url
}

// A socket given an IP address does not look it up: such a host is checked here, on every hop
// (a public page may redirect to an internal address).
function checkLiteralHost(input: string, url: URL, allowPrivate: boolean): void {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (!isIP(host)) return
  const why = blockedAddressReason(host, { allowPrivate })
  if (why) rejectInput(input, 'FETCH_REFUSED', refusal(url, `${host} is a ${why} address`, why))
}

function refusal(url: URL, what: string, why: string): string {
  const hint = why === 'link-local' ? ' (never fetched: it holds cloud metadata)' : ' (allow with allowPrivate / --allow-private)'
  return `refused to fetch ${url.href}: ${what}${hint}`
}

async function send(input: string, url: URL, agent: Dispatcher, signal: AbortSignal, options: FetchOptions): Promise<Dispatcher.ResponseData> {
  const { timeoutMs, validators } = options
  try {
    return await undici().request(url, {
      dispatcher: agent,
      signal,
      headers: {
        'user-agent': options.userAgent ?? 'Dossier/0.1',
        ...(validators?.etag ? { 'if-none-match': validators.etag } : {}),
        ...(validators?.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
        accept: 'text/html,application/xhtml+xml,application/xml,text/plain;q=0.9,*/*;q=0.8',
        // Decoded here, strictly (see decodeContentEncoding), not by the HTTP client.
        'accept-encoding': 'gzip, deflate, br',
      },
    })
  } catch (error) {
    if (signal.aborted) rejectInput(input, 'FETCH_TIMEOUT', `no complete response within ${timeoutMs} ms`)
    const e = error as NodeJS.ErrnoException
    if (e.code === ADDRESS_REFUSED) {
      const why = /resolves to (.+) address /.exec(e.message)?.[1] ?? ''
      rejectInput(input, 'FETCH_REFUSED', refusal(url, e.message, why))
    }
    if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') rejectInput(input, 'FETCH_FAILED', `cannot resolve host ${url.hostname} (${e.code})`)
    rejectInput(input, 'FETCH_FAILED', `cannot connect to ${url.host} (${e.code ?? e.message})`)
  }
}

/** Stops reading a body we do not want. A destroyed body emits 'error', which must have a listener or it ends the process. */
function discard(response: Dispatcher.ResponseData): void {
  response.body.on('error', () => {})
  response.body.destroy()
}

function validatorsOf(response: Dispatcher.ResponseData): { etag?: string; lastModified?: string } {
  const etag = header(response, 'etag')
  const lastModified = header(response, 'last-modified')
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) }
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

function header(response: Dispatcher.ResponseData, name: string): string | undefined {
  const value = response.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** Reads the body, stopping the download as soon as it passes the cap rather than after. */
async function readCapped(input: string, response: Dispatcher.ResponseData, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(header(response, 'content-length'))
  if (declared > maxBytes) {
    discard(response)
    rejectInput(input, 'INPUT_TOO_LARGE', `response of ${declared} bytes is over the ${maxBytes}-byte limit`)
  }
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of response.body) {
      const buffer = chunk as Buffer
      total += buffer.length
      if (total > maxBytes) {
        discard(response)
        rejectInput(input, 'INPUT_TOO_LARGE', `response passed the ${maxBytes}-byte limit; download stopped`)
      }
      chunks.push(buffer)
    }
  } catch (error) {
    if (error instanceof UnreadableInputError) throw error
    if (signal.aborted) rejectInput(input, 'FETCH_TIMEOUT', `no complete response within ${timeoutMs} ms`)
    rejectInput(input, 'FETCH_FAILED', `download broke off (${error instanceof Error ? error.message : String(error)})`)
  }
  return Buffer.concat(chunks, total)
}

function decodeBody(input: string, raw: Uint8Array, encoding: string | undefined, maxBytes: number): Uint8Array {
  try {
    return decodeContentEncoding(input, raw, encoding, maxBytes)
  } catch (error) {
    if (error instanceof UnreadableInputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_BUFFER_TOO_LARGE') rejectInput(input, 'INPUT_GZIP_BOMB', `${encoding} body expands past the ${maxBytes}-byte limit`)
    rejectInput(input, 'FETCH_FAILED', `${encoding} body cannot be decoded: truncated or corrupt (${error instanceof Error ? error.message : String(error)})`)
  }
}
