import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../store/index.js'
import { createApp } from '../app.js'

let store: Store
let app: ReturnType<typeof createApp>

beforeEach(async () => {
  store = await openStore({ path: ':memory:' })
  app = createApp({ store, webRoot: '/nonexistent-web-root' })
})
afterEach(() => store.close())

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read as the test expects them
const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
  const res = await app.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

describe('/api/sources', () => {
  it('sources api: add, list, show, remove a source', async () => {
    const added = await call('POST', '/api/sources', { url: 'https://desk.example/rss', title: 'Desk' })
    expect(added).toMatchObject({ status: 201, body: { added: true, source: { id: 1, url: 'https://desk.example/rss', kind: 'feed', title: 'Desk', status: 'new' } } })
    expect(await call('POST', '/api/sources', { url: 'https://desk.example/rss' })).toMatchObject({ status: 200, body: { added: false } })
    const list = await call('GET', '/api/sources')
    expect(list.body.sources.map((s: { url: string }) => s.url)).toEqual(['https://desk.example/rss'])
    expect(await call('GET', '/api/sources/1')).toMatchObject({ status: 200, body: { source: { id: 1 }, items: [] } })
    expect(await call('DELETE', '/api/sources/1')).toEqual({ status: 204, body: null })
    expect(await call('DELETE', '/api/sources/1')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
    expect(await call('GET', '/api/sources/abc')).toMatchObject({ status: 404 })
  })

  it('sources api: imports an OPML list, rejecting outlines it cannot follow', async () => {
    const opml = '<opml version="2.0"><body><outline text="Wire" xmlUrl="https://wire.example/rss"/><outline text="Bad" xmlUrl="ftp://x.example/f"/></body></opml>'
    const { status, body } = await call('POST', '/api/sources', { opml })
    expect(status).toBe(200)
    expect(body).toMatchObject({ existing: 0, added: [{ url: 'https://wire.example/rss', title: 'Wire' }], rejected: [{ outline: 'Bad', reason: expect.stringMatching(/not an http\(s\) URL/) }] })
  })

  it.each([
    [{ url: 'javascript:alert(1)' }, /not an http\(s\) URL/],
    [{ url: 'https://desk.example/x', kind: 'podcast' }, /kind is one of feed, sitemap, page/],
    [{ nothing: true }, /Give "url"/],
    [{ opml: '<rss/>' }, /not an OPML file/],
  ])('sources api: %j is refused with 400 and why', async (body, why) => {
    expect(await call('POST', '/api/sources', body)).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(why) } } })
  })
})
