import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NewsSite, articleHtml, rssFeed, serveHtml, serveXml, type FeedItemSpec } from '../../test/helpers/news-site.js'
import { openStore, sourceStoreOf, type SourceStore, type Store } from '../store/index.js'
import { runWatchCycle, type WatchCycleOptions, type WatchCycleResult, type WatchEvent } from './cycle.js'
import { watch } from './loop.js'

let site: NewsSite
let store: Store
let sources: SourceStore
let events: WatchEvent[]

beforeEach(async () => {
  site = await new NewsSite().start()
  store = await openStore({ path: ':memory:' })
  sources = sourceStoreOf(store)
  events = []
  site.routes.set('/robots.txt', (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'))
})
afterEach(async () => {
  await store.close()
  await site.close()
})

// Loopback is where the test site lives: allowed here as the fetch tests allow it; link-local never is.
// Articles are read on this thread (workers: 0) while the next ones download, so the timeout leaves
// room for that; the slow-feed test sets its own.
const LIMITS = { allowPrivate: true, maxBytes: 1 << 20, timeoutMs: 10_000, maxRedirects: 3 }
const cycle = (extra: Partial<WatchCycleOptions> = {}): Promise<WatchCycleResult> =>
  runWatchCycle({
    store, workers: 0, everyMs: 0, concurrency: 4,
    polite: { fetch: LIMITS, hostDelayMs: 0, contact: 'https://ops.example/watch' },
    onEvent: (e) => events.push(e),
    ...extra,
  })

const article = (n: number): FeedItemSpec => ({ title: `Item ${n}`, link: `${site.base}/news/${n}`, date: 'Mon, 02 Mar 2026 09:00:00 GMT', description: `Summary ${n} of the council vote.` })
const publish = (n: number): void => void site.routes.set(`/news/${n}`, serveHtml(articleHtml(n)))

describe('watch cycle on a local news site', () => {
  it('watch: new items are fetched once, an unchanged feed is a 304, an item added later is found next cycle', async () => {
    const items = [article(1), article(2)]
    items.forEach((_, i) => publish(i + 1))
    site.routes.set('/feed.xml', serveXml(() => rssFeed('Desk', items)))
    await sources.addSource({ url: `${site.base}/feed.xml`, kind: 'feed' })

    const first = await cycle()
    expect(first).toMatchObject({ sourcesPolled: 1, newItems: 2, notModified: 0 })
    expect(first.documents).toHaveLength(2)
    expect(first.stories.placed).toBe(2)
    const doc = await store.getDocument(first.documents[0]!)
    expect(doc?.origin.url).toBe(`${site.base}/news/1`)
    expect(doc?.layers.quotes?.quotes.length).toBeGreaterThan(0)

    const second = await cycle()
    expect(second).toMatchObject({ sourcesPolled: 1, newItems: 0, notModified: 1, documents: [] })
    expect(site.requests.at(-1)?.headers['if-none-match']).toBeTruthy()

    items.push(article(3))
    publish(3)
    const third = await cycle()
    expect(third).toMatchObject({ newItems: 1 })
    expect(third.documents).toHaveLength(1)
    expect([1, 2, 3].map((n) => site.hits(`/news/${n}`))).toEqual([1, 1, 1])
    expect(site.hits('/robots.txt')).toBe(1)
    expect(site.requests.find((r) => r.path === '/feed.xml')?.headers['user-agent']).toMatch(/^Dossier\/\S+ \(.*\+https:\/\/ops\.example\/watch\)$/)
    expect(await sources.getSource(1)).toMatchObject({ items: 3, documents: 3, status: 'ok', failures: 0 })
  })

  it('watch: the same article in two feeds (one link with a tracking tag) is one fetch and one document', async () => {
    publish(7)
    site.routes.set('/a.xml', serveXml(() => rssFeed('A', [article(7)])))
    site.routes.set('/b.xml', serveXml(() => rssFeed('B', [{ ...article(7), link: `${site.base}/news/7?utm_source=rss` }])))
    await sources.addSource({ url: `${site.base}/a.xml`, kind: 'feed' })
    await sources.addSource({ url: `${site.base}/b.xml`, kind: 'feed' })
    const result = await cycle()
    expect(result.newItems).toBe(1)
    expect(result.documents).toHaveLength(1)
    expect(site.requests.filter((r) => r.path.startsWith('/news/7'))).toHaveLength(1)
    expect(await store.countDocuments()).toBe(1)
  })

  it('watch: 429 with Retry-After is a failure kept with its error, retried no sooner than asked, never dropped', async () => {
    site.routes.set('/busy.xml', (_req, res) => void res.writeHead(429, { 'retry-after': '3600' }).end('slow down'))
    const { source } = await sources.addSource({ url: `${site.base}/busy.xml`, kind: 'feed' })
    const before = Date.now()
    const result = await cycle()
    expect(result.failedSources).toBe(1)
    const failed = await sources.getSource(source.id)
    expect(failed).toMatchObject({ status: 'failing', failures: 1, lastStatus: 429, lastError: expect.stringMatching(/HTTP 429/) })
    expect(Date.parse(failed!.nextFetchAt)).toBeGreaterThanOrEqual(before + 3600_000)
    expect(await sources.getHost(new URL(site.base).host)).toMatchObject({ blockedUntil: expect.any(String) })
    // Not due, so not asked again: the next cycle makes no request at all.
    const requests = site.requests.length
    await cycle()
    expect(site.requests.length).toBe(requests)
    expect(await sources.listSources()).toHaveLength(1)
  })

  it('watch: a server error backs off exponentially, and a success clears the error', async () => {
    let fail = true
    site.routes.set('/flaky.xml', (req, res) => (fail ? void res.writeHead(503).end() : serveXml(() => rssFeed('F', []))(req, res)))
    const { source } = await sources.addSource({ url: `${site.base}/flaky.xml`, kind: 'feed' })
    const t0 = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000)
    const clock = { at: t0 }
    const now = (): Date => clock.at
    await cycle({ everyMs: 60_000, now })
    const one = await sources.getSource(source.id)
    expect(Date.parse(one!.nextFetchAt) - t0.getTime()).toBe(60_000)
    await sources.setHostBlockedUntil(new URL(site.base).host, null)
    clock.at = new Date(one!.nextFetchAt)
    await cycle({ everyMs: 60_000, now })
    const two = await sources.getSource(source.id)
    expect(two).toMatchObject({ failures: 2, lastStatus: 503 })
    expect(Date.parse(two!.nextFetchAt) - clock.at.getTime()).toBe(120_000)
    fail = false
    await sources.setHostBlockedUntil(new URL(site.base).host, null)
    clock.at = new Date(two!.nextFetchAt)
    await cycle({ everyMs: 60_000, now })
    expect(await sources.getSource(source.id)).toMatchObject({ failures: 0, lastError: null, status: 'ok' })
  })

  it('watch: a slow feed times out, is recorded as failing, and the other sources go on', async () => {
    site.routes.set('/slow.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' })
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>')
      setTimeout(() => res.end('</channel></rss>'), 4000).unref()
    })
    publish(4)
    site.routes.set('/ok.xml', serveXml(() => rssFeed('OK', [article(4)])))
    const slow = (await sources.addSource({ url: `${site.base}/slow.xml`, kind: 'feed' })).source
    await sources.addSource({ url: `${site.base}/ok.xml`, kind: 'feed' })
    const result = await cycle({ polite: { fetch: { ...LIMITS, timeoutMs: 1500 }, hostDelayMs: 0 } })
    expect(result.documents).toHaveLength(1)
    expect(await sources.getSource(slow.id)).toMatchObject({ failures: 1, lastError: expect.stringMatching(/within 1500 ms/) })
  })

  it('watch: a broken feed is read as far as it goes, with a warning', async () => {
    publish(5)
    publish(6)
    const whole = rssFeed('Broken', [article(5), article(6)])
    site.routes.set('/broken.xml', serveXml(() => whole.replace('</channel></rss>', '').replace('<title>Item 6</title>', '<title>Item 6 & the rest</title>')))
    await sources.addSource({ url: `${site.base}/broken.xml`, kind: 'feed' })
    const result = await cycle()
    expect(result.newItems).toBe(2)
    expect(result.documents).toHaveLength(2)
    expect(events.some((e) => e.kind === 'warning' && /ill-formed/.test(e.message))).toBe(true)
  })

  it('watch: an article that redirects to the cloud metadata address is refused; the feed text is stored with a note', async () => {
    site.routes.set('/news/trap', (_req, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end())
    const description = 'The harbour board said on Monday that the ferry will run twice an hour from April, and fares will not change this year.'
    site.routes.set('/trap.xml', serveXml(() => rssFeed('Trap', [{ title: 'Ferry to run twice an hour', link: `${site.base}/news/trap`, description }])))
    await sources.addSource({ url: `${site.base}/trap.xml`, kind: 'feed' })
    const result = await cycle()
    expect(result.documents).toHaveLength(1)
    const stored = events.find((e) => e.kind === 'stored')
    expect(stored).toMatchObject({ note: expect.stringMatching(/169\.254\.169\.254.*link-local.*feed's own text/) })
    const doc = await store.getDocument(result.documents[0]!)
    expect(doc?.source).toContain('twice an hour')
    expect(doc?.origin.url).toBe(`${site.base}/news/trap`)
  })

  it('watch: robots.txt is obeyed: a disallowed article is not fetched', async () => {
    site.routes.set('/private/9', serveHtml(articleHtml(9)))
    site.routes.set('/robots-feed.xml', serveXml(() => rssFeed('R', [{ title: 'Hidden', link: `${site.base}/private/9` }])))
    await sources.addSource({ url: `${site.base}/robots-feed.xml`, kind: 'feed' })
    const result = await cycle()
    expect(site.hits('/private/9')).toBe(0)
    expect(result.documents).toEqual([])
    expect(events.find((e) => e.kind === 'item-failed')).toMatchObject({ message: expect.stringMatching(/robots\.txt .* disallows/) })
  })

  it('watch: one request at a time per host, at least the minimum delay apart', async () => {
    for (const n of [11, 12, 13]) publish(n)
    site.routes.set('/paced.xml', serveXml(() => rssFeed('P', [article(11), article(12), article(13)])))
    await sources.addSource({ url: `${site.base}/paced.xml`, kind: 'feed' })
    await cycle({ polite: { fetch: LIMITS, hostDelayMs: 200 } })
    const times = site.requests.map((r) => r.at)
    expect(times).toHaveLength(5) // robots.txt, the feed, three articles
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(190)
  })

  it('watch: a news sitemap gives its articles with their news titles, newest first', async () => {
    for (const n of [21, 22]) publish(n)
    site.routes.set('/news-sitemap.xml', serveXml(() => `<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:n="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${site.base}/news/21</loc><n:news><n:title>Older one</n:title><n:publication_date>2026-03-01T08:00:00Z</n:publication_date></n:news></url>
<url><loc>${site.base}/news/22</loc><n:news><n:title>Newer one</n:title><n:publication_date>2026-03-02T08:00:00Z</n:publication_date></n:news></url>
</urlset>`, 'application/xml'))
    await sources.addSource({ url: `${site.base}/news-sitemap.xml`, kind: 'sitemap' })
    const result = await cycle()
    expect(result.documents).toHaveLength(2)
    expect((await sources.listItems(1)).map((i) => [i.title, i.published])).toEqual(
      expect.arrayContaining([['Newer one', '2026-03-02T08:00:00.000Z'], ['Older one', '2026-03-01T08:00:00.000Z']]),
    )
  })

  it('watch: a page source follows its new article links', async () => {
    for (const n of [31, 32]) publish(n)
    site.routes.set('/front', serveHtml(`<html><body><nav><a href="/tag/council">Council</a><a href="/about">About</a></nav>
<a href="/news/31">First story</a><a href="${site.base}/news/32#comments">Second story</a><a href="https://elsewhere.example/news/1234">Off site</a></body></html>`))
    await sources.addSource({ url: `${site.base}/front`, kind: 'page' })
    const result = await cycle()
    expect(result.newItems).toBe(2)
    expect(result.documents).toHaveLength(2)
  })

  it('watch: the loop sleeps until a source is due, cycles again, and stops between cycles when told', async () => {
    publish(41)
    site.routes.set('/loop.xml', serveXml(() => rssFeed('L', [article(41)])))
    await sources.addSource({ url: `${site.base}/loop.xml`, kind: 'feed' })
    const stop = new AbortController()
    const seen: WatchCycleResult[] = []
    const cycles = await watch({
      store, workers: 0, everyMs: 1000, signal: stop.signal, polite: { fetch: LIMITS, hostDelayMs: 0 },
      onCycle: (r) => {
        seen.push(r)
        if (seen.length === 2) stop.abort()
      },
    })
    expect(cycles).toBe(2)
    expect(seen.map((r) => [r.sourcesPolled, r.newItems, r.notModified])).toEqual([[1, 1, 0], [1, 0, 1]])
  })

  it('watch: without --allow-private a feed whose name resolves to a private address is refused, kept as failing with why', async () => {
    site.routes.set('/feed.xml', serveXml(() => rssFeed('Desk', [])))
    // A public-looking name that resolves to the test site on loopback, as a hostile DNS name would.
    const lookup = ((_host: string, options: { all?: boolean }, cb: (e: null, a: unknown, f?: number) => void) =>
      options.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)) as never
    await sources.addSource({ url: `http://news.test:${new URL(site.base).port}/feed.xml`, kind: 'feed' })
    const result = await cycle({ polite: { fetch: { ...LIMITS, allowPrivate: false, lookup }, hostDelayMs: 0, robots: false } })
    expect(result.failedSources).toBe(1)
    expect((await sources.listSources())[0]).toMatchObject({ status: 'failing', lastError: expect.stringMatching(/refused to fetch .*loopback/) })
    expect(site.requests).toEqual([])
  })
})
