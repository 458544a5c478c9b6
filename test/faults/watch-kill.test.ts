import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, sourceStoreOf } from '../../src/store/index.js'
import { NewsSite, articleHtml, rssFeed, serveXml } from '../helpers/news-site.js'
import { startCli } from './store-harness.js'

// "Durable: kill -9 and restart resume without refetching": `dossier watch --once` is killed with
// SIGKILL once some of a feed's articles are stored; the second run finishes the rest without
// polling the feed again or fetching an article it had stored, and stores each article once.

const ITEMS = 24
/** Each article answers this late, so the run is still fetching when it is killed. */
const ARTICLE_DELAY_MS = 150

const dir = mkdtempSync(join(tmpdir(), 'dossier-watch-kill-'))
const db = join(dir, 'watch.db')
const site = new NewsSite()

beforeAll(async () => {
  await site.start()
  const items = Array.from({ length: ITEMS }, (_, i) => ({ title: `Item ${i}`, link: `${site.base}/news/${i}`, date: 'Mon, 02 Mar 2026 09:00:00 GMT' }))
  site.routes.set('/feed.xml', serveXml(() => rssFeed('Desk', items)))
  site.routes.set('/robots.txt', (_req, res) => void res.writeHead(404).end())
  for (let i = 0; i < ITEMS; i++) {
    site.routes.set(`/news/${i}`, (_req, res) => void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(i)), ARTICLE_DELAY_MS))
  }
  const store = await openStore({ path: db })
  await sourceStoreOf(store).addSource({ url: `${site.base}/feed.xml`, kind: 'feed' })
  await store.close()
})
afterAll(async () => {
  await site.close()
  rmSync(dir, { recursive: true, force: true })
})

const ARGS = ['watch', '--once', '--db', db, '--allow-private', '--host-delay', '0', '--workers', '0']

function doneKeys(): Set<string> {
  const conn = new Database(db, { readonly: true, fileMustExist: true })
  try {
    return new Set(conn.prepare("SELECT key FROM source_items WHERE state = 'done'").pluck().all() as string[])
  } finally {
    conn.close()
  }
}

describe('watch: kill -9 mid-cycle', () => {
  it('watch: a killed cycle resumes on restart: no new poll, no stored article fetched again, every article stored once', async () => {
    const first = startCli(ARGS)
    let done = new Set<string>()
    for (let waited = 0; done.size < 3 && waited < 60_000; waited += 50) {
      await sleep(50)
      try {
        done = doneKeys()
      } catch {
        // the store is not made yet
      }
    }
    first.child.kill('SIGKILL')
    await first.exit
    done = doneKeys()
    expect(done.size).toBeGreaterThanOrEqual(3)
    expect(done.size).toBeLessThan(ITEMS)
    const hitsBefore = site.requests.length

    const second = startCli(ARGS)
    expect(await second.exit, second.output().stderr).toBe(0)
    const after = site.requests.slice(hitsBefore).map((r) => r.path)
    expect(after).not.toContain('/feed.xml')
    for (const key of done) expect(after, key).not.toContain(new URL(key).pathname)
    expect(doneKeys().size).toBe(ITEMS)

    const store = await openStore({ path: db })
    try {
      expect(await store.countDocuments()).toBe(ITEMS)
      expect(await store.checkIntegrity()).toEqual([])
      expect(await sourceStoreOf(store).getSource(1)).toMatchObject({ items: ITEMS, documents: ITEMS, failures: 0 })
    } finally {
      await store.close()
    }
    expect(site.hits('/feed.xml')).toBe(1)
  }, 180_000)
})
