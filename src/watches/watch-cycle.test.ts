import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NewsSite, rssFeed, serveHtml, serveXml, type FeedItemSpec } from '../../test/helpers/news-site.js'
import { FERRY_FIRST, FERRY_MORE, pageHtml, type Page } from '../../test/helpers/watches.js'
import { openStore, sourceStoreOf, type Store } from '../store/index.js'
import { runWatchCycle, type WatchCycleResult } from '../watch/cycle.js'
import { createWatch, watchStoreOf } from './index.js'

// `dossier watch` fires the alerts of saved watches each cycle, as `analyze` does: a local site
// serves two feeds that carry the same ferry report, then two more outlets' reports.
let site: NewsSite
let store: Store

beforeEach(async () => {
  site = await new NewsSite().start()
  store = await openStore({ path: ':memory:' })
})
afterEach(async () => {
  await store.close()
  await site.close()
})

const LIMITS = { allowPrivate: true, maxBytes: 1 << 20, timeoutMs: 10_000, maxRedirects: 3 }
const cycle = (): Promise<WatchCycleResult> => runWatchCycle({ store, workers: 0, everyMs: 0, concurrency: 2, polite: { fetch: LIMITS, hostDelayMs: 0, robots: false } })

function publish(pages: readonly Page[]): FeedItemSpec[] {
  return pages.map((p) => {
    const path = `/news/${p.file.replace(/\.html$/, '')}`
    site.routes.set(path, serveHtml(pageHtml(p)))
    return { title: p.title, link: `${site.base}${path}`, date: 'Wed, 04 Mar 2026 09:00:00 GMT' }
  })
}

describe('watches in the watch cycle', () => {
  it('watch cycle: a report carried by two feeds is one story and one alert; later reports fire the outlet and conflict alerts, once', async () => {
    const watch = await createWatch(store, { query: 'ferry', outlets: 3 })
    const items = publish(FERRY_FIRST)
    let later: FeedItemSpec[] = []
    site.routes.set('/a.xml', serveXml(() => rssFeed('A', items)))
    site.routes.set('/b.xml', serveXml(() => rssFeed('B', [...items, ...later])))
    await sourceStoreOf(store).addSource({ url: `${site.base}/a.xml`, kind: 'feed' })
    await sourceStoreOf(store).addSource({ url: `${site.base}/b.xml`, kind: 'feed' })

    const first = await cycle()
    expect(first.documents).toHaveLength(1)
    expect(first.alerts.map((a) => [a.watch, a.kind])).toEqual([[watch.id, 'new-story']])
    expect((await cycle()).alerts).toEqual([])

    later = publish(FERRY_MORE)
    const third = await cycle()
    expect(third.documents).toHaveLength(2)
    expect(third.alerts.map((a) => a.kind).sort()).toEqual(['conflict', 'outlets'])
    expect((await watchStoreOf(store).listAlerts()).map((a) => a.kind).sort()).toEqual(['conflict', 'new-story', 'outlets'])
  }, 60_000)
})
