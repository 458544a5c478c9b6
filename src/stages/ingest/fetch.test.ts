import { createServer, type Server } from 'node:http'
import type { AddressInfo, LookupFunction } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UnreadableInputError } from '../../errors.js'
import { fetchUrl, type FetchOptions } from './fetch.js'
import { readInputs, type IngestResult } from './index.js'

const PAGE = '<html><body><p>The harbour bridge reopened on Monday.</p></body></html>'
let server: Server
let base: string
let port: number
let requests = 0

// Routes of a small local site: pages, redirects, a slow answer, a large one.
beforeAll(async () => {
  server = createServer((req, res) => {
    requests++
    const path = req.url ?? '/'
    if (path === '/cut-gzip') {
      const zipped = gzipSync(PAGE.repeat(50))
      return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(zipped.subarray(0, zipped.length >> 1))
    }
    if (path === '/to-metadata') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end()
    if (path === '/to-metadata-name') return void res.writeHead(302, { location: `http://metadata.test:${port}/` }).end()
    if (path === '/to-localhost') return void res.writeHead(302, { location: `http://localhost:${port}/page` }).end()
    if (path === '/page') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', date: 'Tue, 21 Mar 2023 10:00:00 GMT' }).end(PAGE)
    if (path === '/gzip') return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE))
    if (path === '/moved') return void res.writeHead(301, { location: '/page' }).end()
    if (path.startsWith('/loop')) return void res.writeHead(302, { location: `/loop${path.length}` }).end()
    if (path === '/missing') return void res.writeHead(404).end('not here')
    if (path === '/slow') return void setTimeout(() => res.writeHead(200).end(PAGE), 2000).unref()
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      const chunk = Buffer.alloc(64 * 1024, 0x61)
      let sent = 0
      const pump = (): void => {
        while (sent < 64 && !res.destroyed) {
          sent++
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      return pump()
    }
    res.writeHead(500).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const LOCAL: FetchOptions = { allowPrivate: true, maxBytes: 1 << 20, timeoutMs: 1000, maxRedirects: 3 }

describe('fetchUrl', () => {
  it('fetch: reads a page with its content type and the Date header as capture time', async () => {
    const page = await fetchUrl(`${base}/page`, LOCAL)
    expect(Buffer.from(page.bytes).toString()).toBe(PAGE)
    expect(page).toMatchObject({ url: `${base}/page`, contentType: 'text/html; charset=utf-8', capturedAt: '2023-03-21T10:00:00.000Z' })
  })

  it('fetch: follows a redirect and reports the final URL', async () => {
    expect((await fetchUrl(`${base}/moved`, LOCAL)).url).toBe(`${base}/page`)
  })

  it('fetch: undoes gzip content encoding', async () => {
    expect(Buffer.from((await fetchUrl(`${base}/gzip`, LOCAL)).bytes).toString()).toBe(PAGE)
  })

  it.each([
    ['loopback by IP', () => `${base}/page`, 'FETCH_REFUSED', /127\.0\.0\.1 is a loopback address/],
    ['loopback by name', () => `http://localhost:1/page`, 'FETCH_REFUSED', /localhost resolves to loopback address/],
    ['link-local metadata address', () => 'http://169.254.169.254/latest/', 'FETCH_REFUSED', /link-local/],
    ['a non-http scheme', () => 'file:///etc/passwd', 'FETCH_REFUSED', /only http and https/],
  ])('fetch: without allowPrivate refuses %s', async (_, url, code, reason) => {
    await expect(fetchUrl(url(), { ...LOCAL, allowPrivate: false })).rejects.toMatchObject({ code, message: expect.stringMatching(reason) })
  })

  it.each([
    ['too many redirects', '/loop', {}, 'FETCH_FAILED', /more than 3 redirects/],
    ['an HTTP error', '/missing', {}, 'FETCH_FAILED', /HTTP 404/],
    ['a slow server', '/slow', { timeoutMs: 200 }, 'FETCH_TIMEOUT', /within 200 ms/],
    ['a body past the byte cap', '/huge', { maxBytes: 100_000 }, 'INPUT_TOO_LARGE', /100000-byte limit; download stopped/],
  ])('fetch: fails on %s', async (_, path, options, code, reason) => {
    await expect(fetchUrl(`${base}${path}`, { ...LOCAL, ...options })).rejects.toMatchObject({ code, message: expect.stringMatching(reason) } as Partial<UnreadableInputError>)
  })

  it('fetch: an unreachable host is FETCH_FAILED naming the input', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const url = `http://127.0.0.1:${port}/`
    await expect(fetchUrl(url, LOCAL)).rejects.toMatchObject({ code: 'FETCH_FAILED', message: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/: cannot connect/) })
  })
})

/** A resolver for made-up names: each call gives the next answer of the list, as a rebinding DNS server does. */
function scriptedLookup(answers: string[]): LookupFunction & { calls: number } {
  const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const address = answers[Math.min(lookup.calls++, answers.length - 1)]!
    const family = address.includes(':') ? 6 : 4
    if (options.all) callback(null, [{ address, family }])
    else callback(null, address, family)
  }) as unknown as LookupFunction & { calls: number }
  lookup.calls = 0
  return lookup
}

describe('fetchUrl: hostile servers and resolvers (issue 10)', () => {
  it('fetch: a truncated gzip body is refused, not read as the part that decoded', async () => {
    await expect(fetchUrl(`${base}/cut-gzip`, LOCAL)).rejects.toMatchObject({ code: 'INPUT_BAD_GZIP', message: expect.stringMatching(/gzip data is truncated/) })
  })

  it.each([
    ['an IP address', '/to-metadata'],
    ['a name resolving to it', '/to-metadata-name'],
  ])('fetch: with allowPrivate, a redirect to the metadata address by %s is still refused', async (_, path) => {
    const lookup = scriptedLookup(['169.254.169.254'])
    await expect(fetchUrl(`${base}${path}`, { ...LOCAL, lookup })).rejects.toMatchObject({ code: 'FETCH_REFUSED', message: expect.stringMatching(/169\.254\.169\.254 is a link-local|resolves to link-local address 169\.254\.169\.254/) })
  })

  it('fetch: with allowPrivate, a redirect to a private name is followed', async () => {
    const page = await fetchUrl(`${base}/to-localhost`, LOCAL)
    expect(page.url).toBe(`http://localhost:${port}/page`)
  })

  it('fetch: DNS rebinding: the address checked is the address connected to (one lookup per connection)', async () => {
    // Public first, then the local server's address: a check and a second lookup to connect would reach the server.
    const lookup = scriptedLookup(['93.184.215.14', '127.0.0.1'])
    const before = requests
    const result = await fetchUrl(`http://rebind.test:${port}/page`, { ...LOCAL, allowPrivate: false, timeoutMs: 1500, lookup }).then(() => 'fetched', (error: UnreadableInputError) => error.code)
    expect(result).toMatch(/^FETCH_(FAILED|TIMEOUT)$/)
    expect(lookup.calls).toBe(1)
    expect(requests).toBe(before)
  })

  it('fetch: DNS rebinding: a name that resolves to a private address is refused before connecting', async () => {
    const lookup = scriptedLookup(['127.0.0.1', '93.184.215.14'])
    const before = requests
    await expect(fetchUrl(`http://rebind.test:${port}/page`, { ...LOCAL, allowPrivate: false, lookup })).rejects.toMatchObject({
      code: 'FETCH_REFUSED', message: expect.stringMatching(/rebind\.test resolves to loopback address 127\.0\.0\.1/),
    })
    expect(requests).toBe(before)
  })
})

describe('readInputs with URLs', () => {
  it('ingest: a fetched page keeps its URL, capture time and HTTP charset', async () => {
    const results: IngestResult[] = []
    for await (const r of readInputs([`${base}/moved`, `${base}/missing`], { allowPrivate: true, fetchTimeoutMs: 1000 })) results.push(r)
    expect(results[0]).toMatchObject({ ok: true, documents: [{ origin: { input: `${base}/moved`, url: `${base}/page`, capturedAt: '2023-03-21T10:00:00.000Z' }, charset: { name: 'utf-8', basis: 'http' } }] })
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'FETCH_FAILED' } })
  })

  it('ingest: URLs are refused by default', async () => {
    const results: IngestResult[] = []
    for await (const r of readInputs([`${base}/page`])) results.push(r)
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'FETCH_REFUSED' } })
  })
})
