import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { blockedAddressReason } from './address.js'
import { UnreadableInputError } from '../../errors.js'
import { rejectInput } from './errors.js'

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_REDIRECTS = 5

export interface FetchOptions {
  readonly allowPrivate: boolean
  readonly maxBytes: number
  readonly timeoutMs: number
  readonly maxRedirects: number
}

export interface Fetched {
  readonly bytes: Uint8Array
  /** The URL the bytes came from, after redirects. */
  readonly url: string
  readonly contentType?: string
  /** The response's Date header, else the time it arrived (ISO 8601). */
  readonly capturedAt: string
}

/**
 * Fetches an http(s) URL with a timeout over the whole exchange, a byte cap on the (decompressed)
 * body, redirects followed by hand up to a limit, and every hop's host resolved and refused when
 * any of its addresses is loopback, private or link-local, unless `allowPrivate`.
 *
 * @example
 * const page = await fetchUrl('https://example.org/story', { allowPrivate: false, maxBytes: 5e7, timeoutMs: 20_000, maxRedirects: 5 })
 */
export async function fetchUrl(input: string, options: FetchOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(options.timeoutMs)
  let url = parseHttpUrl(input, input)
  for (let hop = 0; ; hop++) {
    await checkHost(input, url, options.allowPrivate)
    const response = await send(input, url, signal, options.timeoutMs)
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel()
      if (hop >= options.maxRedirects) rejectInput(input, 'FETCH_FAILED', `more than ${options.maxRedirects} redirects (last to ${location})`)
      url = parseHttpUrl(input, location, url)
      continue
    }
    if (!response.ok) {
      await response.body?.cancel()
      rejectInput(input, 'FETCH_FAILED', `HTTP ${response.status} ${response.statusText} from ${url.href}`)
    }
    const bytes = await readCapped(input, response, options.maxBytes, signal, options.timeoutMs)
    const date = Date.parse(response.headers.get('date') ?? '')
    return {
      bytes,
      url: url.href,
      ...(response.headers.get('content-type') ? { contentType: response.headers.get('content-type')! } : {}),
      capturedAt: new Date(Number.isNaN(date) ? Date.now() : date).toISOString(),
    }
  }
}

function parseHttpUrl(input: string, text: string, base?: URL): URL {
  let url: URL
  try {
    url = new URL(text, base)
  } catch {
    rejectInput(input, 'FETCH_FAILED', `not a valid URL: ${text}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') rejectInput(input, 'FETCH_REFUSED', `only http and https URLs are fetched, not ${url.protocol}`)
  return url
}

// Checked on every hop: a public page may redirect to an internal address.
async function checkHost(input: string, url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  if (isIP(host)) {
    addresses = [host]
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address)
    } catch (error) {
      rejectInput(input, 'FETCH_FAILED', `cannot resolve host ${host} (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
    }
  }
  for (const address of addresses) {
    const why = blockedAddressReason(address)
    if (why) rejectInput(input, 'FETCH_REFUSED', `refused to fetch ${url.href}: ${host} resolves to ${why} address ${address} (allow with allowPrivate / --allow-private)`)
  }
}

async function send(input: string, url: URL, signal: AbortSignal, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': 'Dossier/0.1', accept: 'text/html,application/xhtml+xml,application/xml,text/plain;q=0.9,*/*;q=0.8' } })
  } catch (error) {
    if (signal.aborted) rejectInput(input, 'FETCH_TIMEOUT', `no complete response within ${timeoutMs} ms`)
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    rejectInput(input, 'FETCH_FAILED', `cannot connect to ${url.host} (${cause?.code ?? cause?.message ?? String(error)})`)
  }
}

/** Reads the body, cancelling the download as soon as it passes the cap rather than after. */
async function readCapped(input: string, response: Response, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'))
  if (response.headers.get('content-encoding') === null && declared > maxBytes) {
    await response.body?.cancel()
    rejectInput(input, 'INPUT_TOO_LARGE', `response of ${declared} bytes is over the ${maxBytes}-byte limit`)
  }
  const chunks: Uint8Array[] = []
  let total = 0
  if (!response.body) return new Uint8Array(0)
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        await reader.cancel()
        rejectInput(input, 'INPUT_TOO_LARGE', `response passed the ${maxBytes}-byte limit; download stopped`)
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof UnreadableInputError) throw error
    if (signal.aborted) rejectInput(input, 'FETCH_TIMEOUT', `no complete response within ${timeoutMs} ms`)
    rejectInput(input, 'FETCH_FAILED', `download broke off (${error instanceof Error ? error.message : String(error)})`)
  }
  return Buffer.concat(chunks, total)
}
