import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../api/analyze.js'
import { readFeed } from '../stages/ingest/feeds.js'
import { openStore, type Store } from '../store/index.js'
import type { Alert, Watch } from '../watches/index.js'
import { FERRY_FIRST, FERRY_MORE, writePages } from '../../test/helpers/watches.js'
import { createApp } from './app.js'

describe('http: watches, alerts and their feeds', () => {
  let store: Store
  let dir: string
  let app: ReturnType<typeof createApp>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read as the test expects them
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; text: string; type: string }> => {
    const res = await app.request(path, {
      method,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } }),
      ...(body === undefined ? { headers } : {}),
    })
    const text = await res.text()
    const type = res.headers.get('Content-Type') ?? ''
    return { status: res.status, body: type.startsWith('application/json') ? JSON.parse(text) : undefined, text, type }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-http-watches-'))
    store = await openStore({ path: join(dir, 'store.db') })
    app = createApp({ store, webRoot: join(dir, 'web-absent') })
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('watches: create, read, change and delete; the secret is never returned', async () => {
    const created = await call('POST', '/api/watches', { query: 'ferry strike', name: 'Ferries', webhook: 'https://hooks.example/in', secret: 'harbour' })
    expect(created.status).toBe(201)
    const watch = created.body as Watch
    expect(watch).toMatchObject({ name: 'Ferries', outlets: 3, target: { kind: 'search', query: 'ferry strike' }, webhook: { url: 'https://hooks.example/in', signed: true } })
    expect(created.text).not.toContain('harbour')
    expect((await call('GET', '/api/watches')).body.watches).toEqual([watch])
    const changed = await call('PUT', `/api/watches/${watch.id}`, { outlets: 4, webhook: null })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ id: watch.id, outlets: 4, webhook: null, target: watch.target })
    expect((await call('GET', `/api/watches/${watch.id}`)).body).toEqual(changed.body)
    expect((await call('DELETE', `/api/watches/${watch.id}`)).status).toBe(204)
    expect((await call('GET', `/api/watches/${watch.id}`)).status).toBe(404)
    expect((await call('DELETE', `/api/watches/${watch.id}`)).status).toBe(404)
  })

  it.each([
    ['no target', {}, 400, /A watch follows one thing/],
    ['an unknown field', { query: 'a', colour: 'red' }, 400, /Unknown field "colour"/],
    ['a wrong type', { query: 'a', outlets: '3' }, 400, /Field "outlets" must be number, got string/],
    ['not an object', [1, 2], 400, /must be a JSON object/],
    ['malformed JSON', '{"query": ', 400, /not valid JSON/],
    ['a bad advanced search', { query: 'NEAR(a b', advanced: true }, 400, /Cannot search for/],
    ['an unknown topic', { actor: 'Chile', counterpart: 'Peru', topic: 'weather' }, 400, /Unknown topic "weather"/],
    ['a webhook that is no web address', { query: 'a', webhook: 'file:///etc/passwd' }, 400, /http:\/\/ or https:\/\/ addresses only/],
  ])('watches: %s is a %i naming what is wrong', async (_name, body, status, message) => {
    const res = await call('POST', '/api/watches', body)
    expect(res.status).toBe(status)
    expect(res.body.error.message).toMatch(message)
    expect((await call('GET', '/api/watches')).body.watches).toEqual([])
  })

  it('watches: a body that is not JSON is a 415; a cross-site POST is a 403', async () => {
    const plain = await app.request('/api/watches', { method: 'POST', body: 'query=a', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    expect(plain.status).toBe(415)
    const cross = await call('POST', '/api/watches', { query: 'a' }, { 'Sec-Fetch-Site': 'cross-site' })
    expect(cross.status).toBe(403)
  })

  it('alerts: polled by seq; the watch feed is Atom 1.0 that fast-xml-parser and our own feed reader read, each entry citing its spans', async () => {
    const watch = (await call('POST', '/api/watches', { query: 'Norland', name: 'Norland & ferries' })).body as Watch
    await analyze([writePages(join(dir, 'first'), FERRY_FIRST)], { store, workers: 0 })
    const first = await call('GET', `/api/watches/${watch.id}/alerts`)
    expect(first.body.alerts.map((a: Alert) => a.kind)).toEqual(['new-story'])
    const last = first.body.last as number
    await analyze([writePages(join(dir, 'more'), FERRY_MORE)], { store, workers: 0 })
    const polled = await call('GET', `/api/alerts?after=${last}`)
    expect(polled.body.alerts.map((a: Alert) => a.kind).sort()).toEqual(['conflict', 'outlets'])
    expect(polled.body.alerts.every((a: Alert) => a.seq > last)).toBe(true)

    const feed = await call('GET', `/feeds/watches/${watch.id}.atom`)
    expect(feed.status).toBe(200)
    expect(feed.type).toBe('application/atom+xml; charset=utf-8')
    expect(XMLValidator.validate(feed.text)).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(feed.text) as { feed: Record<string, unknown> }
    expect(parsed.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(parsed.feed.title).toBe('Dossier alerts: Norland & ferries')
    for (const required of ['id', 'updated', 'author', 'link']) expect(parsed.feed).toHaveProperty(required)
    const { items, kind, warnings } = readFeed('watch.atom', feed.text, 'atom', `http://localhost/feeds/watches/${watch.id}.atom`)
    expect([kind, warnings]).toEqual(['atom', []])
    const alerts = (await call('GET', `/api/watches/${watch.id}/alerts?order=desc`)).body.alerts as Alert[]
    expect(items.map((i) => i.entry.id)).toEqual(alerts.map((a) => `urn:dossier:alert:${a.id}`))
    expect(items.map((i) => i.entry.title)).toEqual(alerts.map((a) => a.title))
    const conflict = items.find((i) => i.entry.title?.startsWith('Conflict'))!
    expect(conflict.entry.link).toMatch(/\/#\/stories\/st-[0-9a-f]{12}$/)
    expect(conflict.content.body).toContain('“300 passengers”')
    expect(conflict.content.body).toMatch(/href="http:\/\/localhost\/#\/articles\/[0-9a-f]+\?span=\d+-\d+"/)
  }, 60_000)

  it('feeds: an unknown watch is a 404; with a server token, the feed needs it as ?token=', async () => {
    expect((await call('GET', '/feeds/watches/w-000000000000.atom')).status).toBe(404)
    const watch = (await call('POST', '/api/watches', { query: 'islanders' })).body as Watch
    const guarded = createApp({ store, webRoot: join(dir, 'web-absent'), token: 'tok-123' })
    expect((await guarded.request(`/feeds/watches/${watch.id}.atom`)).status).toBe(401)
    expect((await guarded.request(`/feeds/watches/${watch.id}.atom?token=wrong`)).status).toBe(401)
    expect((await guarded.request(`/feeds/watches/${watch.id}.atom?token=tok-123`)).status).toBe(200)
  })
})
