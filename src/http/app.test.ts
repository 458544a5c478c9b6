import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../api/analyze.js'
import { openStore, type Store } from '../store/index.js'
import { createApp } from './app.js'
import { CONTENT_SECURITY_POLICY } from './security.js'

const EXAMPLES = resolve(fileURLToPath(import.meta.url), '../../../examples')

describe('http app on the examples', () => {
  let store: Store
  let dir: string
  let app: ReturnType<typeof createApp>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read as the test expects them
  const get = async (path: string, init?: RequestInit): Promise<{ status: number; type: string; body: any; res: Response }> => {
    const res = await app.request(path, init)
    const type = res.headers.get('Content-Type') ?? ''
    const body = type.startsWith('application/json') ? await res.json() : await res.text()
    return { status: res.status, type, body, res }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-http-'))
    store = await openStore({ path: join(dir, 'store.db') })
    await analyze([EXAMPLES], { store, workers: 0 })
    app = createApp({ store, webRoot: join(dir, 'web-absent') })
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('health: counts documents and stories', async () => {
    const { status, type, body } = await get('/api/health')
    expect(status).toBe(200)
    expect(type).toBe('application/json; charset=utf-8')
    expect(body).toEqual({ ok: true, documents: await store.countDocuments(), stories: await store.countStories() })
    expect(body.documents).toBeGreaterThan(10)
  })

  it('ping: a constant body, the store unread', async () => {
    const { status, type, body } = await get('/api/ping')
    expect(status).toBe(200)
    expect(type).toBe('application/json; charset=utf-8')
    expect(body).toEqual({ ok: true })
  })

  it('articles: pages the stored documents with the total', async () => {
    const first = await get('/api/articles?limit=5')
    const second = await get('/api/articles?limit=5&offset=5')
    expect(first.body).toMatchObject({ total: await store.countDocuments(), limit: 5, offset: 0 })
    expect(first.body.items).toHaveLength(5)
    expect(second.body.offset).toBe(5)
    expect(second.body.items.map((d: { id: string }) => d.id)).toEqual((await store.listDocuments({ limit: 5, offset: 5 })).map((d) => d.id))
  })

  it('articles: q searches with FTS5 and gives each hit a score', async () => {
    const { status, body } = await get(`/api/articles?q=${encodeURIComponent('"New START"')}`)
    expect(status).toBe(200)
    expect(body.items.length).toBeGreaterThan(0)
    expect(body.total).toBe(body.items.length)
    for (const hit of body.items) expect(typeof hit.score).toBe('number')
  })

  it('articles: a page of a search is the store search of that page, with the whole count', async () => {
    const { body } = await get('/api/articles?q=Putin&limit=2&offset=2')
    expect(body.items).toEqual(await store.search('Putin', { limit: 2, offset: 2 }))
    expect(body.total).toBe((await store.search('Putin', { limit: 1000 })).length)
  })

  it('articles: a bad advanced search is a 400 with the parser message, not a 500', async () => {
    const { status, body } = await get(`/api/articles?mode=advanced&q=${encodeURIComponent('"unpaired')}`)
    expect(status).toBe(400)
    expect(body.error.code).toBe('SEARCH_SYNTAX')
    expect(body.error.message).toMatch(/this quote is not closed/)
  })

  it('articles: one article with source, kept and removed spans, layers, quality and story', async () => {
    const [summary] = await store.listDocuments({ limit: 1 })
    const doc = (await store.getDocument(summary!.id))!
    const { status, body } = await get(`/api/articles/${summary!.id}`)
    expect(status).toBe(200)
    expect(body.summary).toMatchObject({ id: summary!.id, title: summary!.title, chars: summary!.chars })
    expect(body.source).toBe(doc.source)
    expect(body.clean.kept.length).toBeGreaterThan(0)
    expect(body.layers.quotes).toEqual(doc.layers.quotes)
    expect(Array.isArray(body.quality)).toBe(true)
    expect(body.story).toBe((await store.storyOf(summary!.id)) ?? null)
  })

  it('entities: filters by type and by part of the name', async () => {
    const countries = await get('/api/entities?type=country')
    const putin = await get('/api/entities?q=putin')
    expect(countries.body.items.length).toBeGreaterThan(0)
    expect(countries.body.items.every((e: { type: string }) => e.type === 'country')).toBe(true)
    expect(countries.body.total).toBe((await store.listEntities({ type: 'country' })).length)
    expect(putin.body.items.map((e: { id: string }) => e.id)).toContain('person:vladimir-putin')
  })

  it('entities: a page of the list is the store listing of that page, with the whole count', async () => {
    const { body } = await get('/api/entities?limit=2&offset=1')
    expect(body.items).toEqual(await store.listEntities({ limit: 2, offset: 1 }))
    expect(body.total).toBe((await store.listEntities()).length)
  })

  it('entities: one entity with its mention months, its quotes and its stories', async () => {
    const { status, body } = await get('/api/entities/person:vladimir-putin')
    const [listed] = (await store.listEntities({ type: 'person' })).filter((e) => e.id === 'person:vladimir-putin')
    expect(status).toBe(200)
    expect(body.entity).toEqual(listed)
    const dated = (await store.documentsMentioning('person:vladimir-putin')).filter((d) => (d.published ?? '').length >= 7)
    expect(body.mentionsByMonth.reduce((n: number, m: { mentions: number }) => n + m.mentions, 0)).toBe(dated.reduce((n, d) => n + d.mentions, 0))
    expect(body.mentionsByMonth.map((m: { month: string }) => m.month)).toEqual([...new Set(dated.map((d) => d.published!.slice(0, 7)))].sort())
    expect(body.quotes.length).toBeGreaterThan(0)
    expect(body.quotes.every((q: { speaker: { entity: string } }) => q.speaker.entity === 'person:vladimir-putin')).toBe(true)
    expect(Array.isArray(body.stories)).toBe(true)
  })

  it('threads: a list page even when empty', async () => {
    const { status, body } = await get('/api/threads')
    expect(status).toBe(200)
    expect(body).toMatchObject({ limit: 50, offset: 0 })
    expect(body.total).toBe(body.items.length)
  })

  it('stories: the list pages the stored stories, top first', async () => {
    const { status, body } = await get('/api/stories?limit=2')
    expect(status).toBe(200)
    expect(body.total).toBe(await store.countStories())
    expect(body.total).toBeGreaterThan(1)
    expect(body.items).toEqual(await store.listStories({ limit: 2 }))
  })

  it('stories: q searches the member articles with FTS5', async () => {
    const { status, body } = await get('/api/stories?q=Xi')
    expect(status).toBe(200)
    expect(body.items.length).toBeGreaterThan(0)
    expect(body.items).toEqual(await store.listStories({ text: 'Xi', limit: 50 }))
  })

  it('stories: a page of a text search, with the whole count', async () => {
    const { body } = await get('/api/stories?q=Putin&limit=1&offset=1')
    expect(body.items).toEqual(await store.listStories({ text: 'Putin', limit: 1, offset: 1 }))
    expect(body.total).toBe(await store.countStories({ text: 'Putin' }))
  })

  it('stories: filters pass through to the store (outlet, from, to, order)', async () => {
    const { body } = await get('/api/stories?from=2023&to=2023-12&order=recent')
    expect(body.items).toEqual(await store.listStories({ from: '2023', to: '2023-12', order: 'recent' }))
    expect(body.total).toBe(await store.countStories({ from: '2023', to: '2023-12' }))
  })

  it('stories: one story, its check and its brief in each format', async () => {
    const [top] = await store.listStories({ limit: 1 })
    const id = top!.id
    const story = await get(`/api/stories/${id}`)
    const check = await get(`/api/stories/${id}/check`)
    const brief = await get(`/api/stories/${id}/brief`)
    const md = await get(`/api/stories/${id}/brief?format=md`)
    const html = await get(`/api/stories/${id}/brief?format=html`)
    expect(story.body).toEqual(await store.getStory(id))
    expect(check.body).toEqual(await store.getStoryCheck(id))
    expect(brief.body.story.id).toBe(id)
    expect(brief.body.summary.every((s: { citations: unknown[] }) => s.citations.length > 0)).toBe(true)
    expect(md.type).toBe('text/markdown; charset=utf-8')
    expect(md.body).toContain(top!.title)
    expect(html.type).toBe('text/html; charset=utf-8')
    expect(html.res.headers.get('Content-Disposition')).toBe(`attachment; filename="${id}.html"`)
  })

  it('stories: a served brief reads its story once, not once per story of its thread', async () => {
    const [thread] = await store.listThreads({ limit: 1 })
    expect(thread!.stories.length).toBeGreaterThan(1)
    const calls: string[] = []
    const counting = new Proxy(store, {
      get: (target, key) => {
        const value: unknown = Reflect.get(target, key)
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          calls.push(String(key))
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      },
    })
    const counted = createApp({ store: counting, webRoot: join(dir, 'web-absent') })
    const path = `/api/stories/${thread!.stories[0]!.id}/brief`
    expect((await counted.request(path)).status).toBe(200)
    calls.length = 0
    expect((await counted.request(path)).status).toBe(200)
    expect(calls.filter((c) => c === 'getStory')).toEqual(['getStory'])
  })

  it('stories: the facts table of a check as csv, one row a fact with its cited words', async () => {
    const [top] = await store.listStories({ limit: 1 })
    const check = (await store.getStoryCheck(top!.id))!
    const { status, type, body, res } = await get(`/api/stories/${top!.id}/check?format=csv`)
    expect(status).toBe(200)
    expect(type).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="${top!.id}-facts.csv"`)
    const lines = (body as string).split('\r\n').filter((l) => l !== '')
    expect(lines[0]).toBe('id,kind,status,statement,outlets,who,attributions,unattributed,conflict,citations')
    expect(lines).toHaveLength(1 + check.facts.length)
    expect(lines[1]!.startsWith(`${check.facts[0]!.id},${check.facts[0]!.kind},${check.facts[0]!.status},`)).toBe(true)
  })

  it('stories: csv of the list', async () => {
    const { type, body } = await get('/api/stories?format=csv')
    expect(type).toBe('text/csv; charset=utf-8')
    expect((body as string).split('\r\n')[0]).toBe('id,title,eventDate,articles,outlets,thread,updatedAt')
    expect((body as string).split('\r\n').filter((l) => l !== '')).toHaveLength(1 + (await store.countStories()))
  })

  it('timeline: an actor and a counterpart by name give their statements in time order', async () => {
    const { status, body } = await get('/api/timeline?actor=Russia&counterpart=China')
    expect(status).toBe(200)
    expect(body).toMatchObject({ actor: { id: 'country:RU' }, counterpart: { id: 'country:CN' }, topic: null })
    const dates = body.statements.map((s: { date: string | null }) => s.date).filter((d: string | null) => d !== null)
    expect(dates).toEqual([...dates].sort())
  })

  it.each([
    ['/api/timeline?actor=Russia', 'counterpart'],
    ['/api/timeline?counterpart=China', 'actor'],
    ['/api/timeline?actor=Atlantis&counterpart=China', 'Atlantis'],
  ])('timeline: 400 for %s', async (path, named) => {
    const { status, body } = await get(path)
    expect(status).toBe(400)
    expect(body.error.message).toContain(named)
  })

  it.each([
    ['/api/articles/no-such-id', 'article'],
    ['/api/entities/person:~nobody-here', 'entity'],
    ['/api/stories/st-000000000000', 'story'],
    ['/api/stories/st-000000000000/check', 'story'],
    ['/api/stories/st-000000000000/brief', 'story'],
    ['/api/threads/th-000000000000', 'thread'],
    ['/api/import/job-unknown', 'import job'],
  ])('404 JSON for an unknown id: %s', async (path, what) => {
    const { status, type, body } = await get(path)
    expect(status).toBe(404)
    expect(type).toBe('application/json; charset=utf-8')
    expect(body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(what) })
  })

  it.each([
    ['/api/articles?limit=0', 'limit'],
    ['/api/articles?limit=201', 'limit'],
    ['/api/articles?limit=ten', 'limit'],
    ['/api/articles?offset=-1', 'offset'],
    ['/api/articles?format=xml', 'format'],
    ['/api/entities?type=planet', 'type'],
    ['/api/stories?order=random', 'order'],
    ['/api/stories?from=2025-13', 'from'],
    ['/api/stories?to=yesterday', 'to'],
    ['/api/stories/x/brief?format=pdf', 'format'],
    [`/api/articles?q=${'a'.repeat(1001)}`, 'q'],
  ])('400 for a bad parameter: %s', async (path, name) => {
    const { status, body } = await get(path)
    expect(status).toBe(400)
    expect(body.error.code).toBe('BAD_PARAMETER')
    expect(body.error.message).toContain(`"${name}"`)
  })

  it('unknown API route: JSON 404 naming the OpenAPI document', async () => {
    const { status, type, body } = await get('/api/nothing-here')
    expect(status).toBe(404)
    expect(type).toBe('application/json; charset=utf-8')
    expect(body.error.message).toContain('/api/openapi.json')
  })

  it('csv: a list route gives RFC 4180 CSV with a header row', async () => {
    const { status, type, body, res } = await get('/api/articles?format=csv&limit=3')
    const docs = await store.listDocuments({ limit: 3 })
    expect(status).toBe(200)
    expect(type).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="articles.csv"')
    const lines = (body as string).split('\r\n')
    expect(lines[0]).toBe('id,title,published,publisher,url,input,container,chars,storedAt,score')
    expect(lines.slice(1, 4).map((l) => l.split(',')[0])).toEqual(docs.map((d) => d.id))
  })

  it.each(['/api/health', '/api/articles?mode=advanced&q=%22unpaired', '/api/nothing-here', '/', '/app/../../etc/passwd'])('security headers on every response: %s', async (path) => {
    const { res } = await get(path)
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
  })

  it('json: markup characters in scraped text go out escaped and parse back unchanged', async () => {
    const res = await app.request('/api/articles?mode=advanced&q=%3Cscript%3E%20AND')
    const text = await res.text()
    expect(text).not.toMatch(/[<>]/)
    expect(JSON.parse(text).error.message).toContain('<script>')
  })
})
