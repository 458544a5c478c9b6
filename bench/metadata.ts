/**
 * npm run bench:metadata — title, author, site name, publication date and language on the 130 real
 * pages of `../shared/benchmarks/metadata/` (Mozilla Readability's test pages with their expected
 * metadata), beside Readability.js 0.6 on jsdom run in the same script. Each figure is printed for
 * the development split and the held-back split (bench/lib/split.ts), then the ten worst pages of
 * the development split with what went wrong.
 *
 * Metric (the benchmark's README): per field, the share of pages with a label where the value is
 * right. Title: normalised equality or word overlap ≥ 0.9; author: a labelled name found; site
 * name: normalised equality; date: the same calendar day as written in the page's own offset;
 * language: the primary subtag.
 *
 * A second data set for the title rule: on the 800 pages of `../shared/benchmarks/pubdate/` (no
 * title labels), the share of titles with a segment naming the site's host at either end, Dossier's
 * beside the page's `<title>` as it stands. `--dossier-only` skips the peer (a quick loop). Env: BENCH_METADATA_SPLIT=dev|held-back|all (error log; default dev).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { decodeText } from '../src/stages/ingest/charset.js'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Document } from '../src/document/index.js'
import { extractHtml } from '../src/stages/clean/html/index.js'
import { readDate } from '../src/stages/metadata/dates.js'
import { isPersonName, splitAuthors } from '../src/stages/metadata/authors.js'
import { readMetadata } from '../src/stages/metadata/index.js'
import { collectPageCandidatesFromDom } from '../src/stages/metadata/page.js'
import { splitOf, type Split } from './lib/split.js'
import { printTable, ratio } from './lib/table.js'

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..')
const dir = resolve(repoRoot, '../shared/benchmarks/metadata/pages')
const pubdateDir = resolve(repoRoot, '../shared/benchmarks/pubdate')
const LOG_SPLIT = process.env.BENCH_METADATA_SPLIT ?? 'dev'
const WORST_SHOWN = 10

const FIELDS = ['title', 'author', 'site', 'date', 'language'] as const
type Field = (typeof FIELDS)[number]
/**
 * Two readings beside the benchmark's own metric, because its labels are Readability's outputs:
 * `title, site segment cut` also counts a title that is the label without a site segment the
 * label keeps after a separator ("Fees rise - Gazette" → "Fees rise"); `author, persons` counts only
 * labels that name a person (not "BBC News", a date, or an organisation).
 */
const READINGS = ['title, site segment cut', 'author, persons'] as const
type Reading = Field | (typeof READINGS)[number]

interface Gold { readonly title?: string; readonly byline?: string; readonly siteName?: string; readonly publishedTime?: string; readonly lang?: string }
interface Page { readonly name: string; readonly split: Split; readonly html: string; readonly gold: Gold }
interface Answer { readonly title?: string; readonly authors: readonly string[]; readonly site?: string; readonly date?: string; readonly language?: string }

function loadPages(): Page[] {
  return readdirSync(dir).sort().map((name) => ({
    name,
    split: splitOf(name),
    html: readFileSync(resolve(dir, name, 'source.html'), 'utf8'),
    gold: JSON.parse(readFileSync(resolve(dir, name, 'expected-metadata.json'), 'utf8')) as Gold,
  }))
}

function dossier(page: Page, url?: string): Answer {
  const { source, clean, dom } = extractHtml(page.html, url ? { url } : {})
  const doc: Document = {
    id: page.name,
    origin: { input: page.name, blob: '', container: 'html', ...(url ? { url } : {}) },
    charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {},
    markup: page.html,
    source,
    layers: { clean, page: { candidates: collectPageCandidatesFromDom(dom, url ? { url } : {}) } },
    messages: [],
  }
  const m = readMetadata(doc)
  return {
    ...(m.title ? { title: m.title.value } : {}),
    authors: m.authors.map((a) => a.value),
    ...(m.publisher ? { site: m.publisher.value } : {}),
    ...(m.published?.value.precision === 'day' ? { date: m.published.value.date } : {}),
    ...(m.language ? { language: m.language.value } : {}),
  }
}

async function readabilityRunner(): Promise<(page: Page) => Answer> {
  const { JSDOM, VirtualConsole } = await import('jsdom')
  const { Readability } = await import('@mozilla/readability')
  return (page) => {
    const dom = new JSDOM(page.html, { url: 'http://fakehost/test/page.html', virtualConsole: new VirtualConsole() })
    const r = new Readability(dom.window.document).parse()
    dom.window.close()
    const date = r?.publishedTime ? readDate(r.publishedTime) : undefined
    return {
      ...(r?.title ? { title: r.title } : {}),
      authors: r?.byline ? [r.byline] : [],
      ...(r?.siteName ? { site: r.siteName } : {}),
      ...(date?.precision === 'day' ? { date: date.date } : {}),
      ...(r?.lang ? { language: r.lang } : {}),
    }
  }
}

function norm(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim()
}

/** Share of the longer title's words the two titles have in common (multiset). */
function wordOverlap(a: string, b: string): number {
  const wa = norm(a).split(' ').filter(Boolean)
  const wb = norm(b).split(' ').filter(Boolean)
  const left = [...wb]
  let common = 0
  for (const w of wa) {
    const at = left.indexOf(w)
    if (at >= 0) {
      common++
      left.splice(at, 1)
    }
  }
  return common / Math.max(1, wa.length, wb.length)
}

/** The gold value of a field, or undefined when the page has no label for it. */
function gold(page: Page, field: Reading): string | undefined {
  const g = page.gold
  const v = { title: g.title, author: g.byline, site: g.siteName, date: g.publishedTime, language: g.lang, 'title, site segment cut': g.title, 'author, persons': g.byline }[field]
  if (field === 'author, persons' && v && splitAuthors(v).filter(isPersonName).length === 0) return undefined
  return v?.trim() ? v.trim() : undefined
}

/** Whether `want` is `got` plus segments after (or before) a title separator. */
function keepsSiteSegment(want: string, got: string): boolean {
  const g = got.trim()
  if (g.length === 0) return false
  if (want.startsWith(g) && /^\s*(?:[|–—·:_/»]|-{1,2})/.test(want.slice(g.length))) return true
  return want.endsWith(g) && /(?:[|–—·:_/»]|-{1,2})\s*$/.test(want.slice(0, want.length - g.length))
}

/** The day a labelled date-time names as written, in its own offset ("2016-08-10T23:30-04:00" is the 10th). */
function goldDay(value: string): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1] ?? readDate(value)?.date
}

function right(field: Reading, want: string, got: Answer): boolean {
  switch (field) {
    case 'title, site segment cut':
      return right('title', want, got) || (got.title !== undefined && keepsSiteSegment(want, got.title))
    case 'author, persons':
      return right('author', want, got)
    case 'title':
      return got.title !== undefined && (norm(got.title) === norm(want) || wordOverlap(got.title, want) >= 0.9)
    case 'author': {
      const w = norm(want)
      return got.authors.some((a) => norm(a).length > 0 && (w.includes(norm(a)) || norm(a).includes(w)))
    }
    case 'site':
      return got.site !== undefined && norm(got.site) === norm(want)
    case 'date':
      return got.date !== undefined && got.date === goldDay(want)
    case 'language':
      return got.language !== undefined && got.language.toLowerCase().split(/[-_]/)[0] === want.toLowerCase().split(/[-_]/)[0]
  }
}

function shown(field: Field, a: Answer): string {
  const v = { title: a.title, author: a.authors.join('; '), site: a.site, date: a.date, language: a.language }[field]
  return v ? JSON.stringify(v) : '-'
}

interface Tally { readonly right: number; readonly labelled: number }

function tally(pages: readonly Page[], answers: ReadonlyMap<string, Answer>, field: Reading): Tally {
  let hits = 0
  let labelled = 0
  for (const p of pages) {
    const want = gold(p, field)
    if (want === undefined) continue
    labelled++
    if (right(field, want, answers.get(p.name)!)) hits++
  }
  return { right: hits, labelled }
}

async function main(): Promise<void> {
  if (!existsSync(dir)) {
    console.log(`bench:metadata skipped: ${dir} is absent (the shared benchmarks sit beside the repository).`)
    return
  }
  const pages = loadPages()
  const time = (f: (p: Page) => Answer): [Map<string, Answer>, number] => {
    const started = performance.now()
    const out = new Map(pages.map((p) => [p.name, f(p)]))
    return [out, (performance.now() - started) / 1000]
  }
  const [ours, ourSeconds] = time((p) => dossier(p))
  // --dossier-only: a quick development loop; the peer's columns then read 0.
  const [peer, peerSeconds] = time(process.argv.includes('--dossier-only') ? () => ({ authors: [] }) : await readabilityRunner())
  for (const split of ['dev', 'held-back'] as const) {
    const part = pages.filter((p) => p.split === split)
    const rows = [...FIELDS, ...READINGS].map((field) => {
      const a = tally(part, ours, field)
      const b = tally(part, peer, field)
      const [x, y] = [a.right / Math.max(1, a.labelled), b.right / Math.max(1, b.labelled)]
      return [field, a.labelled, x, y, ratio(x, y)]
    })
    printTable(`bench:metadata — ${split} split, ${part.length} pages (share right of the pages labelled)`, ['field', 'labelled', 'Dossier', 'Readability.js 0.6 on jsdom', 'ratio'], rows)
  }
  console.log(`\nAll ${pages.length} pages: Dossier ${(pages.length / ourSeconds).toFixed(0)} pages/s, Readability.js ${(pages.length / peerSeconds).toFixed(0)} pages/s (${ratio(peerSeconds, ourSeconds)}).`)
  console.log('Goals: title ≥ 0.95, author ≥ 0.85, date ≥ 0.90.')

  const logged = pages.filter((p) => LOG_SPLIT === 'all' || p.split === LOG_SPLIT)
  const worst = logged
    .map((p) => {
      const misses = FIELDS.filter((f) => gold(p, f) !== undefined && !right(f, gold(p, f)!, ours.get(p.name)!))
      return { p, misses }
    })
    .filter((w) => w.misses.length > 0)
    .sort((a, b) => b.misses.length - a.misses.length || a.p.name.localeCompare(b.p.name))
  console.log(`\nError log, ${LOG_SPLIT} split: ${worst.length} pages with a wrong field; the ${Math.min(WORST_SHOWN, worst.length)} worst (most fields wrong):`)
  for (const { p, misses } of worst.slice(0, WORST_SHOWN)) {
    console.log(`  ${p.name}`)
    for (const f of misses) console.log(`    ${f}: want ${JSON.stringify(gold(p, f))} got ${shown(f, ours.get(p.name)!)} (Readability.js ${shown(f, peer.get(p.name)!)})`)
  }
  siteSegmentsOnPubdate()
  if (process.env.BENCH_METADATA_ALL_MISSES) {
    for (const f of FIELDS) {
      console.log(`\nAll ${f} misses (${LOG_SPLIT}):`)
      for (const p of logged) {
        const want = gold(p, f)
        if (want !== undefined && !right(f, want, ours.get(p.name)!)) console.log(`  ${p.name}: want ${JSON.stringify(want)} got ${shown(f, ours.get(p.name)!)} (Readability.js ${shown(f, peer.get(p.name)!)})`)
      }
    }
  }
}

/** A title segment separator, as sites write them. */
const SEGMENT_SEPARATOR = /\s(?:[|–—·»:/_-]|--)\s/

/** Whether a title's first or last segment names the host ("… - Gazette.com", "GAZETTE | …"). */
function hasHostSegment(title: string, url: string): boolean {
  const host = new URL(url).hostname.replace(/^www\d?\./, '').split('.')[0]!.toLowerCase()
  const parts = title.split(SEGMENT_SEPARATOR)
  return parts.length > 1 && [parts[0]!, parts[parts.length - 1]!].some((p) => p.toLowerCase().replace(/[^a-z0-9]/g, '').includes(host))
}

function siteSegmentsOnPubdate(): void {
  if (!existsSync(resolve(pubdateDir, 'labels.json'))) return
  const labels = JSON.parse(readFileSync(resolve(pubdateDir, 'labels.json'), 'utf8')) as Record<string, { url: string }>
  const counts = { dev: [0, 0, 0], 'held-back': [0, 0, 0] } as Record<Split, [number, number, number]>
  for (const [name, { url }] of Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))) {
    const html = decodeText(name, gunzipSync(readFileSync(resolve(pubdateDir, 'pages', name)))).text
    const tag = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim() ?? ''
    const ours = dossier({ name, split: splitOf(name), html, gold: {} }, url).title ?? ''
    const c = counts[splitOf(name)]
    c[0]++
    if (hasHostSegment(tag, url)) c[1]++
    if (hasHostSegment(ours, url)) c[2]++
  }
  printTable('Second data set: titles with a segment naming the host at either end, pubdate pages (no title labels)', ['split', 'pages', 'Dossier title', '<title> as it stands'], (['dev', 'held-back'] as const).map((k) => [k, counts[k][0], counts[k][2] / counts[k][0], counts[k][1] / counts[k][0]]))
}

await main()
