import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../api/analyze.js'
import { openStore, type Store } from '../store/index.js'
import { createApp } from './app.js'

const TEXT_EXAMPLES = resolve(fileURLToPath(import.meta.url), '../../../examples/text')

/** Issue 10: queries people typed that were refused (words mode) or answered with a 500 (NEAR). */
const TYPED = ['U.S.', "Putin's", '$220 billion', '5,459', '2023-02-21', 'Russia-China', 'Who is Putin?', 'NEAR(a, b)', 'NEAR(a b, x)']

describe('http search: words by default, operators on request, never a 500', () => {
  let store: Store
  let dir: string
  let app: ReturnType<typeof createApp>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are read as the test expects them
  const get = async (path: string, params: Record<string, string>): Promise<{ status: number; body: any }> => {
    const res = await app.request(`${path}?${new URLSearchParams(params).toString()}`)
    return { status: res.status, body: await res.json() }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-http-search-'))
    store = await openStore({ path: join(dir, 'store.db') })
    await analyze([TEXT_EXAMPLES], { store, workers: 0 })
    app = createApp({ store, webRoot: join(dir, 'web-absent') })
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it.each(TYPED.flatMap((q) => [['/api/articles', q], ['/api/stories', q]]))('%s?q=%s is searched as words (200)', async (path, q) => {
    const { status, body } = await get(path, { q })
    expect(status).toBe(200)
    expect(body.items).toEqual(path === '/api/articles' ? await store.search(q, { limit: 50 }) : await store.listStories({ text: q, limit: 50 }))
  })

  it.each([
    ["Putin's", 'finds the possessive as written'],
    ["Russia's participation?", 'finds words around punctuation'],
  ])('/api/articles?q=%s %s', async (q) => {
    const { body } = await get('/api/articles', { q })
    expect(body.total).toBeGreaterThan(0)
  })

  it.each([
    ['NEAR(a, b)', 'at character 7, NEAR takes a distance after its comma'],
    ['NEAR(a b, x)', 'at character 9, NEAR takes a distance after its comma'],
    ['"unpaired', 'at character 1, this quote is not closed'],
    ['Putin AND', 'at character 7, AND needs words after it'],
    ['NOT Putin', 'at character 1, NOT needs words before it'],
  ].flatMap(([q, reason]) => [['/api/articles', q!, reason!], ['/api/stories', q!, reason!]]))('%s?q=%s&mode=advanced is a 400 saying what is wrong and where', async (path, q, reason) => {
    const { status, body } = await get(path, { q, mode: 'advanced' })
    expect(status).toBe(400)
    expect(body.error.code).toBe('SEARCH_SYNTAX')
    expect(body.error.message).toContain(`Cannot search for ${JSON.stringify(q)}: ${reason}`)
    expect(body.error.message).not.toMatch(/fts5|sqlite/i)
  })

  it('mode=advanced reads operators: OR finds what either word finds, NOT leaves out', async () => {
    const count = async (q: string, mode = 'advanced'): Promise<number> => (await get('/api/articles', { q, mode })).body.total
    const [putin, xi, either, neither] = await Promise.all([count('Putin'), count('Xi'), count('Putin OR Xi'), count('Putin NOT Xi')])
    expect(putin).toBeGreaterThan(0)
    expect(xi).toBeGreaterThan(0)
    expect(either).toBeGreaterThanOrEqual(Math.max(putin, xi))
    expect(neither).toBeLessThanOrEqual(putin)
    expect(await count('Putin OR Xi', 'words')).toBe(0)
  })

  it('an unknown mode is a 400 naming the choices', async () => {
    const { status, body } = await get('/api/stories', { q: 'Putin', mode: 'fts5' })
    expect(status).toBe(400)
    expect(body.error).toEqual({ code: 'BAD_PARAMETER', message: 'Parameter "mode" must be one of words, advanced, got "fts5".' })
  })

  it('a query without words finds nothing (200, total 0)', async () => {
    for (const path of ['/api/articles', '/api/stories']) {
      const { status, body } = await get(path, { q: '?!' })
      expect(status).toBe(200)
      expect(body.total).toBe(0)
    }
  })
})
