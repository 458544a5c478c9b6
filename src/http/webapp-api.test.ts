import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../api/analyze.js'
import type { StorySummary } from '../document/index.js'
import { openStore, type DocumentSummary, type Store } from '../store/index.js'
import { createApp } from './app.js'
import { summaryOutlet } from './article-order.js'
import type { Coverage } from './coverage.js'
import { EXPORT_PAGE_ROWS, streamCsv } from './export.js'
import type { Snippet } from './snippets.js'
import type { StoryCoverage } from './story-coverage.js'

const EXAMPLES = resolve(fileURLToPath(import.meta.url), '../../../examples')

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
const csvLines = (text: string): string[] => text.split('\r\n').filter((l) => l !== '')

describe('http: the routes behind the web app (issue 16), on the examples', () => {
  let store: Store
  let dir: string
  let app: ReturnType<typeof createApp>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read as the test expects them
  const get = async (path: string): Promise<{ status: number; body: any; res: Response }> => {
    const res = await app.request(path)
    const body = (res.headers.get('Content-Type') ?? '').startsWith('application/json') ? await res.json() : await res.text()
    return { status: res.status, body, res }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-http-webapp-'))
    store = await openStore({ path: join(dir, 'store.db') })
    await analyze([EXAMPLES], { store, workers: 0 })
    app = createApp({ store, webRoot: join(dir, 'web-absent') })
  }, 120_000)
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('articles: snippets=1 gives each hit the passage with the searched words, highlighted as source spans', async () => {
    const { status, body } = await get('/api/articles?q=Belarus&snippets=1&limit=5')
    expect(status).toBe(200)
    expect(body.items.length).toBeGreaterThan(0)
    for (const hit of body.items as Array<{ id: string; snippet: Snippet }>) {
      const { body: article } = await get(`/api/articles/${encodeURIComponent(hit.id)}`)
      expect(article.source.slice(hit.snippet.span.start, hit.snippet.span.end)).toBe(hit.snippet.text)
      for (const h of hit.snippet.highlights) expect(fold(article.source.slice(h.start, h.end))).toBe('belarus')
    }
    expect((body.items as Array<{ snippet: Snippet }>).some((h) => h.snippet.highlights.length > 0)).toBe(true)
  })

  it('articles: without snippets=1 the hits are as the store gives them', async () => {
    const { body } = await get('/api/articles?q=Belarus&limit=5')
    expect(body.items).toEqual(await store.search('Belarus', { limit: 5 }))
  })

  it('articles: sort=published&dir=desc pages the whole list newest first, undated last', async () => {
    const total = await store.countDocuments()
    const first = await get('/api/articles?sort=published&dir=desc&limit=10')
    const second = await get('/api/articles?sort=published&dir=desc&limit=10&offset=10')
    expect(first.body.total).toBe(total)
    const dates = [...first.body.items, ...second.body.items].map((d: DocumentSummary) => d.published ?? null)
    const dated = dates.filter((d): d is string => d !== null)
    expect(dated).toEqual([...dated].sort().reverse())
    expect(dates.indexOf(null) === -1 || dates.slice(dates.indexOf(null)).every((d) => d === null)).toBe(true)
    const ids = [...first.body.items, ...second.body.items].map((d: DocumentSummary) => d.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('articles: an unknown sort is a 400 naming the choices', async () => {
    const { status, body } = await get('/api/articles?sort=colour')
    expect(status).toBe(400)
    expect(body.error.message).toContain('stored, published, title, outlet, chars')
  })

  it('outlets: every article counted once under its outlet, most first; q matches in any case', async () => {
    const { body } = await get('/api/outlets?limit=200')
    const all = await store.listDocuments()
    expect(body.items.reduce((n: number, o: { articles: number }) => n + o.articles, 0)).toBe(all.length)
    const counts = body.items.map((o: { articles: number }) => o.articles)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    const top = body.items[0] as { name: string; articles: number }
    expect(all.filter((d) => summaryOutlet(d) === top.name)).toHaveLength(top.articles)
    const { body: found } = await get(`/api/outlets?q=${encodeURIComponent(top.name.toUpperCase())}`)
    expect(found.items.map((o: { name: string }) => o.name)).toContain(top.name)
  })

  it('stories: the outlet filter takes the name in any case', async () => {
    const { body: outlets } = await get('/api/outlets?limit=1')
    const name = outlets.items[0].name as string
    const exact = await store.listStories({ outlet: name, limit: 50 })
    expect(exact.length).toBeGreaterThan(0)
    for (const typed of [name.toUpperCase(), name.toLowerCase(), ` ${name} `.replace(' ', '')]) {
      const { body } = await get(`/api/stories?outlet=${encodeURIComponent(typed)}`)
      expect(body.items.map((s: StorySummary) => s.id)).toEqual(exact.map((s) => s.id))
    }
  })

  it('stories: outlets=1 adds each story\'s outlet names and the span of its dates', async () => {
    const { body } = await get('/api/stories?outlets=1&limit=5')
    for (const item of body.items as Array<StorySummary & { outletNames: string[]; first: string | null }>) {
      const story = (await store.getStory(item.id))!
      expect(new Set(item.outletNames)).toEqual(new Set(story.articles.map((a) => a.source)))
      expect(item.first).toBe(story.first)
    }
  })

  it('stories: format=csv without a limit is the whole list in list order, whatever page the app is on', async () => {
    const all = await store.listStories({ order: 'recent' })
    const { res, body } = await get('/api/stories?format=csv&order=recent')
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="stories.csv"')
    const rows = csvLines(body)
    expect(rows[0]).toBe('id,title,eventDate,articles,outlets,thread,updatedAt')
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(all.map((s) => s.id))
  })

  it('articles and threads: format=csv without a limit exports every row', async () => {
    expect(csvLines((await get('/api/articles?format=csv')).body)).toHaveLength(1 + (await store.countDocuments()))
    expect(csvLines((await get('/api/articles?format=csv&q=Russia')).body)).toHaveLength(1 + (await store.countSearch('Russia', 10_000)))
    expect(csvLines((await get('/api/threads?format=csv')).body)).toHaveLength(1 + (await store.listThreads()).length)
  })

  it('coverage: articles per day for a search, by outlet, every match counted once; the CSV says the same', async () => {
    const { status, body } = await get('/api/coverage?q=Russia')
    expect(status).toBe(200)
    const coverage = body as Coverage
    const matches = await store.countSearch('Russia', 10_000)
    expect(coverage.articles).toBe(matches)
    expect(coverage.points.reduce((n, p) => n + p.articles, 0) + coverage.undated).toBe(matches)
    for (const p of coverage.points) expect(Object.values(p.outlets).reduce((n, k) => n + k, 0)).toBe(p.articles)
    const days = coverage.points.map((p) => p.date)
    expect(days).toEqual([...days].sort())
    expect(coverage.outlets.reduce((n, o) => n + o.articles, 0)).toBe(matches)
    const csv = csvLines((await get('/api/coverage?q=Russia&format=csv')).body)
    expect(csv[0]).toBe('date,outlet,articles')
    expect(csv.slice(1).reduce((n, r) => n + Number(r.split(',').at(-1)), 0)).toBe(matches - coverage.undated)
  })

  it('coverage: by=month, from/to and one outlet narrow the count', async () => {
    const { body: all } = await get('/api/coverage?by=month')
    expect(all.points.every((p: { date: string }) => /^\d{4}-\d{2}$/.test(p.date))).toBe(true)
    const outlet = (all as Coverage).outlets[0]!
    const { body: one } = await get(`/api/coverage?by=month&outlet=${encodeURIComponent(outlet.name.toUpperCase())}`)
    expect(one.articles).toBe(outlet.articles)
    const month = (all as Coverage).points.find((p) => p.articles > 0)!.date
    const { body: narrow } = await get(`/api/coverage?by=month&from=${month}&to=${month}`)
    expect(narrow.points).toEqual([(all as Coverage).points.find((p) => p.date === month)])
  })

  it('story coverage: the outlets that carried it, and outlets writing about its actors that did not', async () => {
    const [top] = await store.listStories({ limit: 1 })
    const { status, body } = await get(`/api/stories/${top!.id}/coverage`)
    expect(status).toBe(200)
    const coverage = body as StoryCoverage
    const story = (await store.getStory(top!.id))!
    expect(new Set(coverage.carried.map((c) => c.outlet))).toEqual(new Set(story.articles.map((a) => a.source)))
    expect(coverage.carried.flatMap((c) => c.articles.map((a) => a.id)).sort()).toEqual(story.articles.map((a) => a.id).sort())
    const carried = new Set(coverage.carried.map((c) => c.outlet.toLowerCase()))
    for (const m of coverage.missing) {
      expect(carried.has(m.outlet.toLowerCase())).toBe(false)
      expect(m.articles).toBeGreaterThanOrEqual(2)
      expect(m.actors.length).toBeGreaterThan(0)
    }
    expect((await get('/api/stories/no-such-story/coverage')).status).toBe(404)
  })
})

describe('streamCsv', () => {
  const items = Array.from({ length: EXPORT_PAGE_ROWS * 2 + 17 }, (_, i) => ({ n: i, text: i % 7 === 0 ? `=cell, "${i}"` : `row ${i}` }))
  const columns = [{ header: 'n', value: (r: (typeof items)[number]) => r.n }, { header: 'text', value: (r: (typeof items)[number]) => r.text }]

  it('sends every row, a page of the store at a time, from the offset asked', async () => {
    const reads: number[] = []
    const app = new Hono().get('/', (c) => streamCsv(c, 'rows', columns, async (page) => {
      reads.push(page.offset)
      return items.slice(page.offset, page.offset + page.limit)
    }, 3))
    const lines = csvLines(await (await app.request('/')).text())
    expect(lines).toHaveLength(1 + items.length - 3)
    expect(lines[1]).toBe('3,row 3')
    expect(lines.find((l) => l.startsWith('7,'))).toBe('7,"\'=cell, ""7"""')
    expect(reads).toEqual([3, 3 + EXPORT_PAGE_ROWS, 3 + 2 * EXPORT_PAGE_ROWS])
  })

  it('a read that fails midway fails the download, never a file cut short that looks whole', async () => {
    const app = new Hono().get('/', (c) => streamCsv(c, 'rows', columns, async (page) => {
      if (page.offset > 0) throw new Error('disk gone')
      return items.slice(0, page.limit)
    }))
    const res = await app.request('/')
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow('disk gone')
  })
})
