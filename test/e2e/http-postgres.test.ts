import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/api/analyze.js'
import { createApp } from '../../src/http/app.js'
import { openStore, type Store } from '../../src/store/index.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '../helpers/postgres.js'

const unavailable = await postgresUnavailable()
const EXAMPLES = join(REPO_ROOT, 'examples')

/** What differs between two stores by when they were written, not by what they hold. */
const TIMES = /"(storedAt|updatedAt|generatedAt)":"[^"]*"/g

// The JSON API is the same on both stores: every page the web app reads answers alike, searches
// included, and no query (malformed or odd) is a 500.
describe.skipIf(unavailable !== undefined)('HTTP API on a PostgreSQL store answers as on SQLite', () => {
  let db: TestDatabase
  let dir: string
  let sqlite: Store
  let postgres: Store
  let apps: { sqlite: ReturnType<typeof createApp>; postgres: ReturnType<typeof createApp> }
  const both = async (path: string): Promise<[{ status: number; body: string }, { status: number; body: string }]> => {
    const read = async (app: ReturnType<typeof createApp>) => {
      const res = await app.request(path)
      return { status: res.status, body: (await res.text()).replace(TIMES, '"$1":"…"') }
    }
    return [await read(apps.sqlite), await read(apps.postgres)]
  }

  beforeAll(async () => {
    db = await createTestDatabase('http')
    dir = mkdtempSync(join(tmpdir(), 'dossier-http-pg-'))
    sqlite = await openStore({ path: join(dir, 'store.db') })
    postgres = await openStore({ path: db.url })
    await analyze([EXAMPLES], { store: sqlite, workers: 0 })
    await analyze([EXAMPLES], { store: postgres, workers: 0 })
    apps = { sqlite: createApp({ store: sqlite, webRoot: join(dir, 'no-web') }), postgres: createApp({ store: postgres, webRoot: join(dir, 'no-web') }) }
  }, 240_000)
  afterAll(async () => {
    await sqlite?.close()
    await postgres?.close()
    await db?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('lists, stories, threads and entities answer alike', async () => {
    for (const path of ['/api/articles', '/api/articles?limit=5&offset=3', '/api/stories', '/api/stories?order=recent', '/api/threads', '/api/entities']) {
      const [a, b] = await both(path)
      expect({ path, status: b.status }).toEqual({ path, status: 200 })
      expect(b.body).toBe(a.body)
    }
  })

  it('every story, its check and brief, and every article answer alike', async () => {
    const stories = JSON.parse((await both('/api/stories?limit=100'))[0].body) as { items: Array<{ id: string }> }
    const articles = JSON.parse((await both('/api/articles?limit=100'))[0].body) as { items: Array<{ id: string }> }
    expect(stories.items.length).toBeGreaterThan(0)
    const paths = [
      ...stories.items.flatMap(({ id }) => [`/api/stories/${id}`, `/api/stories/${id}/check`, `/api/stories/${id}/brief`]),
      ...articles.items.map(({ id }) => `/api/articles/${id}`),
    ]
    for (const path of paths) {
      const [a, b] = await both(path)
      expect({ path, status: b.status }).toEqual({ path, status: a.status })
      expect(b.body).toBe(a.body)
    }
  })

  it.each([
    ['q=Belarus'], ['q=U.S.'], ["q=Putin's"], ['q=2023-02-21'], ['q=%22unpaired'], ['q=%3F%21'],
    ['q=NEAR(Belarus%20talks%2C%2020)&mode=advanced'], ['q=harbour*%20OR%20ferry&mode=advanced'], ['q=NEAR(a%2C%20b)&mode=advanced'],
    ['q=a%20AND&mode=advanced'], ['q=%5C%27%3A*%20%26%20!&mode=advanced'],
  ])('search %s: the same status and results, never a 500', async (query) => {
    for (const path of [`/api/articles?${query}`, `/api/stories?${query}`]) {
      const [a, b] = await both(path)
      expect(b.status).not.toBe(500)
      expect({ path, status: b.status }).toEqual({ path, status: a.status })
      if (b.status === 200) expect(JSON.parse(b.body).items.map((i: { id: string }) => i.id)).toEqual(JSON.parse(a.body).items.map((i: { id: string }) => i.id))
    }
  })
})
