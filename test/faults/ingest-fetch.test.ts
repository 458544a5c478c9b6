// Issue 10, finding 15 and the README's known limit: a local server on 127.0.0.1 that redirects to
// the cloud metadata address and to private addresses, fetched through the real `dossier extract`
// with and without --allow-private; and DNS rebinding, with a resolver whose answer changes.
import { createServer, type Server } from 'node:http'
import type { AddressInfo, LookupFunction } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UnreadableInputError } from '../../src/errors.js'
import { fetchUrl } from '../../src/stages/ingest/fetch.js'
import { runCli } from '../helpers/cli.js'

const PAGE = '<!doctype html><html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1><p>The harbour bridge reopened on Monday after two years of repairs, the council said.</p></article></body></html>'
let server: Server
let port: number
let base: string
const hits: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/'
    hits.push(path)
    if (path === '/page') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)
    if (path === '/to-metadata') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end()
    if (path === '/to-metadata-v6') return void res.writeHead(302, { location: 'http://[fe80::1]/latest/' }).end()
    if (path === '/to-private') return void res.writeHead(302, { location: `http://localhost:${port}/page` }).end()
    if (path === '/cut-gzip') {
      const zipped = gzipSync(PAGE.repeat(20))
      return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(zipped.subarray(0, zipped.length - 40))
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('ingest faults: URL fetching through `dossier extract` (issue 10)', () => {
  it('faults: without --allow-private the local server is refused before any request', async () => {
    hits.length = 0
    const run = await runCli(['extract', `${base}/page`, `${base}/to-private`])
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toEqual([
      `error ${base}/page: refused to fetch ${base}/page: 127.0.0.1 is a loopback address (allow with allowPrivate / --allow-private)`,
      `error ${base}/to-private: refused to fetch ${base}/to-private: 127.0.0.1 is a loopback address (allow with allowPrivate / --allow-private)`,
    ])
    expect(hits).toEqual([])
  })

  it('faults: with --allow-private, redirects to the metadata address are refused; to a private name are followed', async () => {
    hits.length = 0
    const run = await runCli(['extract', `${base}/to-metadata`, `${base}/to-metadata-v6`, `${base}/to-private`, `${base}/cut-gzip`, '--allow-private', '--timeout', '5000'])
    expect(run.code).toBe(1)
    const errors = run.stderr.trim().split('\n')
    expect(errors).toEqual([
      `error ${base}/to-metadata: refused to fetch http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a link-local address (never fetched: it holds cloud metadata)`,
      `error ${base}/to-metadata-v6: refused to fetch http://[fe80::1]/latest/: fe80::1 is a link-local address (never fetched: it holds cloud metadata)`,
      expect.stringMatching(new RegExp(`^error ${base}/cut-gzip: gzip data is truncated`)),
    ])
    const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; url: string })
    expect(records.map((r) => [r.source, r.url])).toEqual([[`${base}/to-private`, `http://localhost:${port}/page`]])
  })
})

/** A resolver for made-up names whose answer changes from call to call, as a rebinding DNS server's does. */
function rebindingLookup(answers: string[]): LookupFunction & { calls: number } {
  const lookup = ((_: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const address = answers[Math.min(lookup.calls++, answers.length - 1)]!
    if (options.all) callback(null, [{ address, family: 4 }])
    else callback(null, address, 4)
  }) as unknown as LookupFunction & { calls: number }
  lookup.calls = 0
  return lookup
}

describe('ingest faults: DNS rebinding (README known limit, issue 10)', () => {
  const options = { allowPrivate: false, maxBytes: 1 << 20, timeoutMs: 1500, maxRedirects: 3 }

  it('faults: a name that answers public, then the local server, never reaches the server', async () => {
    hits.length = 0
    const lookup = rebindingLookup(['93.184.215.14', '127.0.0.1'])
    const outcome = await fetchUrl(`http://rebind.test:${port}/page`, { ...options, lookup }).then(() => 'fetched', (e: UnreadableInputError) => e.code)
    expect(outcome).not.toBe('fetched')
    expect(lookup.calls).toBe(1)
    expect(hits).toEqual([])
  })

  it('faults: a name that answers the local server first is refused at connection time, before any request', async () => {
    hits.length = 0
    const lookup = rebindingLookup(['127.0.0.1', '93.184.215.14'])
    await expect(fetchUrl(`http://rebind.test:${port}/page`, { ...options, lookup })).rejects.toMatchObject({
      code: 'FETCH_REFUSED', message: expect.stringContaining('rebind.test resolves to loopback address 127.0.0.1'),
    })
    expect(hits).toEqual([])
  })
})
