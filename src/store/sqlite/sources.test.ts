import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, sourceStoreOf, type SourceStore, type Store } from '../index.js'

let store: Store
let sources: SourceStore
const T0 = new Date('2026-01-05T10:00:00Z')
const later = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000)

beforeEach(async () => {
  store = await openStore({ path: ':memory:' })
  sources = sourceStoreOf(store)
})
afterEach(() => store.close())

describe('source store', () => {
  it('sources: adding a URL twice keeps one source, due at once', async () => {
    const first = await sources.addSource({ url: 'https://desk.example/feed.xml', kind: 'feed' }, T0)
    const again = await sources.addSource({ url: 'https://desk.example/feed.xml', kind: 'feed' }, later(5))
    expect(first.added).toBe(true)
    expect(again).toMatchObject({ added: false, source: { id: first.source.id } })
    expect(first.source).toMatchObject({ status: 'new', nextFetchAt: T0.toISOString(), failures: 0 })
    expect((await sources.dueSources(T0)).map((s) => s.url)).toEqual(['https://desk.example/feed.xml'])
  })

  it('sources: an unknown kind is refused with the kinds there are', async () => {
    await expect(sources.addSource({ url: 'https://desk.example/', kind: 'podcast' as 'feed' })).rejects.toThrow(/feed, sitemap, page/)
  })

  it('sources: a poll stores only items no source has seen, and the validators for the next poll', async () => {
    const a = (await sources.addSource({ url: 'https://a.example/feed', kind: 'feed' }, T0)).source
    const b = (await sources.addSource({ url: 'https://b.example/feed', kind: 'feed' }, T0)).source
    const one = { key: 'https://news.example/1', link: 'https://news.example/1', title: 'One', body: { kind: 'text' as const, text: 'Short.' } }
    const two = { key: 'https://news.example/2', link: 'https://news.example/2' }
    expect(await sources.recordPoll(a.id, { kind: 'ok', status: 200, etag: '"v1"', found: [one, two] }, T0, later(15))).toHaveLength(2)
    expect(await sources.recordPoll(b.id, { kind: 'ok', status: 200, found: [two] }, T0, later(15))).toHaveLength(0)
    const polled = await sources.getSource(a.id)
    expect(polled).toMatchObject({ etag: '"v1"', items: 2, lastStatus: 200, status: 'ok', nextFetchAt: later(15).toISOString(), lastNewAt: T0.toISOString() })
    expect(await sources.dueSources(later(1))).toEqual([])
    const pending = await sources.pendingItems(10)
    expect(pending.map((p) => [p.key, p.body])).toEqual([['https://news.example/1', { kind: 'text', text: 'Short.' }], ['https://news.example/2', null]])
  })

  it('sources: failures count up and keep the last error until a success clears them', async () => {
    const s = (await sources.addSource({ url: 'https://a.example/feed', kind: 'feed' }, T0)).source
    await sources.recordPoll(s.id, { kind: 'failed', status: 503, error: 'HTTP 503' }, T0, later(30))
    await sources.recordPoll(s.id, { kind: 'failed', error: 'cannot connect' }, later(30), later(90))
    expect(await sources.getSource(s.id)).toMatchObject({ failures: 2, lastError: 'cannot connect', lastErrorAt: later(30).toISOString(), status: 'failing' })
    await sources.recordPoll(s.id, { kind: 'not-modified' }, later(90), later(105))
    expect(await sources.getSource(s.id)).toMatchObject({ failures: 0, lastError: null, lastStatus: 304, status: 'ok' })
  })

  it('sources: an item is done with its document, or fails for good after its last attempt', async () => {
    const s = (await sources.addSource({ url: 'https://a.example/feed', kind: 'feed' }, T0)).source
    await sources.recordPoll(s.id, { kind: 'ok', status: 200, found: [{ key: 'k1' }, { key: 'k2' }] }, T0, later(15))
    await sources.finishItem('k1', { document: 'doc1', note: 'feed text stored' }, later(1))
    await sources.finishItem('k2', { error: 'HTTP 500', maxAttempts: 2 }, later(1))
    expect((await sources.pendingItems(10)).map((p) => p.key)).toEqual(['k2'])
    await sources.finishItem('k2', { error: 'HTTP 500 again', maxAttempts: 2 }, later(2))
    expect(await sources.pendingItems(10)).toEqual([])
    const items = await sources.listItems(s.id)
    expect(items.map((i) => [i.key, i.state, i.attempts, i.document, i.note])).toEqual(
      expect.arrayContaining([['k1', 'done', 1, 'doc1', 'feed text stored'], ['k2', 'failed', 2, null, 'HTTP 500 again']]),
    )
    expect(await sources.getSource(s.id)).toMatchObject({ documents: 1 })
  })

  it('sources: removing a source takes its items with it', async () => {
    const s = (await sources.addSource({ url: 'https://a.example/feed', kind: 'feed' }, T0)).source
    await sources.recordPoll(s.id, { kind: 'ok', status: 200, found: [{ key: 'k1' }] }, T0, later(15))
    expect(await sources.removeSource(s.id)).toBe(true)
    expect(await sources.removeSource(s.id)).toBe(false)
    expect(await sources.listSources()).toEqual([])
    expect(await sources.pendingItems(10)).toEqual([])
  })

  it('sources: hosts keep robots.txt and a back-off', async () => {
    await sources.setHostRobots('a.example', 'User-agent: *\nDisallow: /private', T0)
    await sources.setHostBlockedUntil('a.example', later(2))
    expect(await sources.getHost('a.example')).toEqual({ robots: 'User-agent: *\nDisallow: /private', robotsAt: T0.toISOString(), blockedUntil: later(2).toISOString() })
    expect(await sources.getHost('b.example')).toBeUndefined()
  })
})
