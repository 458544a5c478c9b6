import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/api/analyze.js'
import type { Brief, Citation, StoryCheck, StorySummary, Timeline } from '../../src/document/index.js'
import { createApp } from '../../src/http/app.js'
import { openStore, type Store } from '../../src/store/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { SEEDS_DIR } from '../helpers/seeds.js'

// Issue 5 §3 on the seeds: every story page the app would show answers, and every citation the
// API hands out is the exact text of the article it names, read back through the API.
const present = sharedAvailable('HTTP API seed tests')

describe.skipIf(!present)('HTTP API on the seed pages', () => {
  let dir = ''
  let store: Store
  let app: ReturnType<typeof createApp>
  const getJson = async <T>(path: string): Promise<T> => {
    const res = await app.request(path)
    expect(res.status, path).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    return (await res.json()) as T
  }
  const sources = new Map<string, string>()
  const sourceOf = async (article: string): Promise<string> => {
    if (!sources.has(article)) sources.set(article, (await getJson<{ source: string }>(`/api/articles/${article}`)).source)
    return sources.get(article)!
  }
  const expectTraceable = async (citations: readonly Citation[]): Promise<void> => {
    for (const c of citations) expect((await sourceOf(c.article)).slice(c.span.start, c.span.end)).toBe(c.text)
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-http-seeds-'))
    store = await openStore({ path: join(dir, 'seeds.db') })
    await analyze([SEEDS_DIR], { store, workers: 0 })
    app = createApp({ store, webRoot: join(dir, 'no-web') })
  }, 180_000)
  afterAll(async () => {
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('http seeds: every seed is listed and placed in a story the list shows', async () => {
    const articles = await getJson<{ items: Array<{ id: string }>; total: number }>('/api/articles')
    const stories = await getJson<{ items: StorySummary[] }>('/api/stories')
    expect(articles.total).toBe(5)
    for (const { id } of articles.items) {
      const { story } = await getJson<{ story: string | null }>(`/api/articles/${id}`)
      expect(stories.items.map((s) => s.id)).toContain(story)
    }
  })

  it('http seeds: each story page answers, and its check and brief cite the exact words of their articles', async () => {
    const { items } = await getJson<{ items: StorySummary[] }>('/api/stories')
    expect(items.length).toBeGreaterThan(0)
    for (const summary of items) {
      const check = await getJson<StoryCheck>(`/api/stories/${summary.id}/check`)
      const brief = await getJson<Brief>(`/api/stories/${summary.id}/brief`)
      expect(brief.story.id).toBe(summary.id)
      await expectTraceable(check.facts.flatMap((f) => f.citations))
      await expectTraceable(brief.summary.flatMap((s) => s.citations))
      const md = await app.request(`/api/stories/${summary.id}/brief?format=md`)
      expect(md.status).toBe(200)
    }
  })

  it('http seeds: the Russia–China alliance timeline is in time order and each statement cites its quote exactly', async () => {
    const timeline = await getJson<Timeline>('/api/timeline?actor=Russia&counterpart=China&topic=alliance')
    const dates = timeline.statements.map((s) => s.date).filter((d): d is string => d !== null)
    expect(timeline.statements.length).toBeGreaterThanOrEqual(3)
    expect(dates).toEqual([...dates].sort())
    await expectTraceable(timeline.statements.flatMap((s) => [s.quote, ...s.citations]))
  })

  it('http seeds: a search for words of the interview finds its story and its articles', async () => {
    const stories = await getJson<{ items: StorySummary[]; total: number }>('/api/stories?q=Lavrov')
    const articles = await getJson<{ items: Array<{ score: number }>; total: number }>('/api/articles?q=Lavrov')
    expect(stories.total).toBeGreaterThan(0)
    expect(articles.total).toBeGreaterThanOrEqual(3)
    expect(articles.items.every((a) => a.score > 0)).toBe(true)
  })
})
