import { mkdirSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { mulberry32 } from './random.js'

/**
 * Writes a synthetic news corpus of `documents` documents in mixed formats: text pages with scrape
 * leftovers, HTML pages with navigation and footers, JSON Lines files, RSS feeds and gzip'd text.
 * Sentences are built from our own word lists with a seeded generator, so every document differs.
 */
export function generateCorpus(dir: string, documents: number, options: { seed?: number; textOnly?: boolean } = {}): { files: number; documents: number; bytes: number } {
  const { seed = 1, textOnly = false } = options
  const rng = mulberry32(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T
  const sentence = (): string => {
    const who = pick(ACTORS)
    const s = `${who} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)} ${pick(TIMES)}, ${pick(CLAUSES)} ${Math.floor(rng() * 9000) + 100} ${pick(UNITS)}.`
    return rng() < 0.2 ? `“${s.slice(0, -1)},” ${pick(ACTORS)} said.` : s
  }
  const paragraph = (): string => Array.from({ length: 3 + Math.floor(rng() * 3) }, sentence).join(' ')
  const body = (paragraphs: number): string[] => Array.from({ length: paragraphs }, paragraph)
  const title = (): string => `${pick(ACTORS)} ${pick(VERBS)} ${pick(OBJECTS)}`

  for (const sub of ['text', 'html', 'jsonl', 'rss', 'gz']) mkdirSync(join(dir, sub), { recursive: true })
  let files = 0
  let made = 0
  let bytes = 0
  const write = (path: string, data: string | Buffer): void => {
    writeFileSync(path, data)
    bytes += Buffer.byteLength(data)
  }
  const JSONL_LINES = 100
  const RSS_ITEMS = 25
  while (made < documents) {
    const slot = textOnly ? 0 : files % 20
    if (slot < 12) {
      const text = [`Home » World » ${pick(PLACES)}`, '', title(), '', `By ${pick(NAMES)}`, '', ...body(7), '', 'Most popular', `- ${title()}`, `- ${title()}`, '', 'Leave a Comment'].join('\n')
      write(join(dir, 'text', `${files}.txt`), text)
      made++
    } else if (slot < 16) {
      const paras = body(7).map((p) => `<p>${p}</p>`).join('\n')
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title()}</title><meta property="article:published_time" content="2024-0${1 + (files % 9)}-1${files % 10}T10:00:00Z"></head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav><article><h1>${title()}</h1><p class="byline">By ${pick(NAMES)}</p>${paras}</article><aside><h3>Related</h3><ul><li><a href="/a">${title()}</a></li><li><a href="/b">${title()}</a></li></ul></aside><footer>© Example Wire. All rights reserved.</footer></body></html>`
      write(join(dir, 'html', `${files}.html`), html)
      made++
    } else if (slot < 18) {
      const lines = Array.from({ length: JSONL_LINES }, (_, i) =>
        JSON.stringify({ url: `https://example.org/${files}/${i}`, title: title(), text: body(6).join('\n\n'), published: '2024-05-01' }),
      )
      write(join(dir, 'jsonl', `${files}.jsonl`), `${lines.join('\n')}\n`)
      made += JSONL_LINES
    } else if (slot < 19) {
      const items = Array.from({ length: RSS_ITEMS }, (_, i) =>
        `<item><title>${title()}</title><link>https://example.org/feed/${files}/${i}</link><guid>${files}-${i}</guid><pubDate>Tue, 0${1 + (i % 9)} Apr 2024 08:00:00 GMT</pubDate><description><![CDATA[${body(5).map((p) => `<p>${p}</p>`).join('')}]]></description></item>`,
      ).join('\n')
      write(join(dir, 'rss', `${files}.xml`), `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Wire</title><link>https://example.org</link><description>News</description>${items}</channel></rss>`)
      made += RSS_ITEMS
    } else {
      write(join(dir, 'gz', `${files}.txt.gz`), gzipSync([title(), '', ...body(7)].join('\n\n')))
      made++
    }
    files++
  }
  return { files, documents: made, bytes }
}


const ACTORS = ['The foreign minister', 'The prime minister', 'A government spokesperson', 'The central bank', 'The defence ministry', 'Opposition leaders', 'The trade commissioner', 'Regional governors', 'The energy regulator', 'Union representatives', 'The finance minister', 'Port authorities']
const VERBS = ['announced', 'rejected', 'proposed', 'criticised', 'welcomed', 'postponed', 'approved', 'questioned', 'signed', 'extended', 'suspended', 'defended']
const OBJECTS = ['a new tariff schedule', 'the border agreement', 'an emergency budget', 'the pipeline project', 'a grain export deal', 'the arms control talks', 'a fisheries quota', 'the rail link', 'a carbon levy', 'the water-sharing treaty', 'a vaccine programme', 'the harbour expansion']
const PLACES = ['in the capital', 'at the summit', 'in parliament', 'during a press briefing', 'in a televised interview', 'at the port', 'in the northern provinces', 'at a trade fair']
const TIMES = ['on Monday', 'on Tuesday', 'last week', 'earlier this month', 'late on Friday', 'in March', 'after the vote', 'before the deadline']
const CLAUSES = ['a move that affects about', 'citing figures of roughly', 'in a plan covering', 'a decision worth some', 'with estimates near', 'after reports of nearly']
const UNITS = ['workers', 'tonnes', 'households', 'million euros', 'kilometres', 'companies', 'vessels', 'hectares']
const NAMES = ['Ana Ribeiro', 'Tomas Lindqvist', 'Priya Raman', 'Kofi Mensah', 'Elena Varga', 'Jonah Okafor', 'Mei Tanaka', 'Luis Ortega']
