import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the site saw. */
export interface SeenRequest {
  readonly path: string
  readonly at: number
  readonly headers: IncomingMessage['headers']
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void

/**
 * A small news site on loopback for watch tests and the watch bench: routes by path, every request
 * logged. `serveXml` answers conditional GETs by a strong ETag of the body, as a real server does.
 */
export class NewsSite {
  readonly requests: SeenRequest[] = []
  readonly routes = new Map<string, Route>()
  private server: Server | undefined
  base = ''

  async start(host = '127.0.0.1'): Promise<this> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/'
      this.requests.push({ path, at: Date.now(), headers: req.headers })
      const route = this.routes.get(path) ?? this.routes.get(path.replace(/\?.*$/, ''))
      if (route) route(req, res)
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page')
    })
    this.server.keepAliveTimeout = 1000
    await new Promise<void>((resolve) => this.server!.listen(0, host, resolve))
    this.base = `http://${host}:${(this.server.address() as AddressInfo).port}`
    return this
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve()
      this.server.closeAllConnections()
      this.server.close(() => resolve())
    })
  }

  hits(path: string): number {
    return this.requests.filter((r) => r.path === path).length
  }
}

/** Serves a body with an ETag, answering 304 to a request that already has it. */
export function serveXml(body: () => string, type = 'application/rss+xml'): Route {
  return (req, res) => {
    const text = body()
    const etag = `"${createHash('sha1').update(text).digest('hex').slice(0, 16)}"`
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end()
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, etag }).end(text)
  }
}

export function serveHtml(html: string): Route {
  return (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
}

export interface FeedItemSpec {
  readonly title: string
  readonly link: string
  readonly date?: string
  readonly description?: string
}

/** An RSS 2.0 feed of these items. */
export function rssFeed(title: string, items: readonly FeedItemSpec[]): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>https://desk.example/</link><description>Test desk</description>
${items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}${i.description ? `<description>${esc(i.description)}</description>` : ''}</item>`).join('\n')}
</channel></rss>`
}

const TOWNS = ['Lindmoor', 'Castrel', 'Ovenby', 'Parrish Cove', 'Telford Reach', 'Aubrey Mills', 'Kesswick', 'Marlow Fen']
const THINGS = ['the ferry timetable', 'a new water main', 'the library budget', 'school bus routes', 'the harbour wall', 'a solar farm', 'market licences', 'the tram extension']

/**
 * An article page in our own words, different for each `n`: a headline, a byline and a date, and
 * a few paragraphs on a council decision with a quote, so the engine finds entities and a quote.
 */
export function articleHtml(n: number, date = '2026-03-02T09:00:00Z'): string {
  const town = TOWNS[n % TOWNS.length]!
  const thing = THINGS[Math.floor(n / TOWNS.length) % THINGS.length]!
  const title = `${town} council approves plan for ${thing} (${n})`
  return `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="${date}"></head>
<body><article><h1>${title}</h1><p class="byline">By Ada Quill</p>
<p>The council of ${town} voted ${5 + (n % 4)} to ${2 + (n % 3)} on Tuesday to approve a plan for ${thing}, after a debate that ran past midnight.</p>
<p>"We have waited long enough for this," said Mayor Irene Halloway, who proposed the measure in January. The plan sets aside ${100 + n} thousand pounds over two years.</p>
<p>Opponents said the cost had not been checked against other needs of ${town}. A public meeting on the details is set for next month, the council said in a statement.</p>
</article></body></html>`
}
