/**
 * The bench:watch news site, in its own process so the watcher's CPU is measured alone: FEEDS
 * RSS feeds over HOSTS loopback addresses (127.0.0.1 … 127.0.0.HOSTS, one host each as a site
 * sees it), each answering conditional GETs by ETag, and the article pages they link. Driven
 * over IPC: `{ publish: n }` adds n new items to n random feeds and answers with their links and
 * the time; `{ stats: true }` answers with the requests served since the last ask.
 */
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { articleHtml, rssFeed, type FeedItemSpec } from '../../test/helpers/news-site.js'
import { mulberry32 } from './random.js'

const FEEDS = Number(process.env.WATCH_FEEDS ?? 1000)
const HOSTS = Number(process.env.WATCH_HOSTS ?? 8)
/** Items a feed lists, newest first, as real feeds keep only their latest. */
const FEED_LENGTH = 10

const random = mulberry32(7)
const feeds: Array<{ items: FeedItemSpec[]; body: string; etag: string }> = []
const bases: string[] = []
let requests = 0
let notModified = 0
let article = 0

function render(i: number): void {
  const feed = feeds[i]!
  feed.body = rssFeed(`Desk ${i}`, feed.items)
  feed.etag = `"${createHash('sha1').update(feed.body).digest('hex').slice(0, 16)}"`
}

const server = (): ReturnType<typeof createServer> => createServer((req, res) => {
  requests++
  const path = req.url ?? '/'
  const feed = /^\/f\/(\d+)\.xml$/.exec(path)
  if (feed) {
    const f = feeds[Number(feed[1])]
    if (!f) return void res.writeHead(404).end()
    if (req.headers['if-none-match'] === f.etag) {
      notModified++
      return void res.writeHead(304, { etag: f.etag }).end()
    }
    return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: f.etag }).end(f.body)
  }
  const page = /^\/a\/(\d+)$/.exec(path)
  if (page) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(Number(page[1])))
  if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n')
  res.writeHead(404).end()
})

for (let h = 0; h < HOSTS; h++) {
  const s = server()
  await new Promise<void>((resolve) => s.listen(0, `127.0.0.${h + 1}`, resolve))
  bases.push(`http://127.0.0.${h + 1}:${(s.address() as AddressInfo).port}`)
}
for (let i = 0; i < FEEDS; i++) {
  feeds.push({ items: [], body: '', etag: '' })
  render(i)
}

process.on('message', (message: { publish?: number; stats?: boolean }) => {
  if (message.publish !== undefined) {
    const links: string[] = []
    for (let k = 0; k < message.publish; k++) {
      const i = Math.floor(random() * FEEDS)
      const base = bases[i % HOSTS]!
      const n = article++
      const link = `${base}/a/${n}`
      feeds[i]!.items = [{ title: `Story ${n}`, link, date: new Date().toUTCString(), description: `Summary of story ${n}.` }, ...feeds[i]!.items].slice(0, FEED_LENGTH)
      render(i)
      links.push(link)
    }
    process.send!({ links, at: Date.now() })
  } else if (message.stats) {
    process.send!({ requests, notModified })
    requests = 0
    notModified = 0
  }
})
process.send!({ ready: true, feeds: Array.from({ length: FEEDS }, (_, i) => `${bases[i % HOSTS]}/f/${i}.xml`) })
