/**
 * npx tsx bench/feeds.ts — how faithfully feeds are read (issue 12).
 *
 * 1. Real feeds: ../shared/benchmarks/feeds/ (31 feeds, 29 with rss-parser's output as the peer's
 *    answer). Per feed, items found against rss-parser's item count; per field, the share of items
 *    whose value matches rss-parser's (links exactly after resolving, dates to the second, text
 *    after stripping tags and white space). Split: every third feed in name order (i % 3 === 2) is
 *    held back; the rest is development.
 * 2. Own corpus: test/fixtures/feeds/ (feed shapes written from the specs and feedparser's
 *    documented cases), against the expectations written beside each.
 * Crashes (an exception that is not a clean refusal) are counted on both. Speed: readFeed against
 * fast-xml-parser's bare parse of the same text (the parser the old reader used), in the same run.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { UnreadableInputError } from '../src/errors.js'
import { decodeText } from '../src/stages/ingest/charset.js'
import { decodeHtmlEntities } from '../src/stages/ingest/entities.js'
import { type FeedEntry, readFeed } from '../src/stages/ingest/feeds.js'
import { parseRssAuthor, plainText, summariseEntry } from '../src/stages/ingest/feeds/model.js'
import { sniffTextFormat } from '../src/stages/ingest/sniff.js'
import { printTable, ratio } from './lib/table.js'

const SHARED = join(import.meta.dirname, '../../shared/benchmarks/feeds')
const SHARED_ALT = '/work/shared/benchmarks/feeds'
const FIXTURES = join(import.meta.dirname, '../test/fixtures/feeds')
const FIELDS = ['title', 'link', 'date', 'author', 'content', 'id', 'categories', 'enclosure'] as const
type Field = (typeof FIELDS)[number]

interface Tally { verbose?: boolean; compared: number; feeds: number; itemsExpected: number; itemsFound: number; feedsAllItems: number; crashes: number; refused: number; right: Record<string, number>; total: Record<string, number> }
const tally = (): Tally => ({ compared: 0, feeds: 0, itemsExpected: 0, itemsFound: 0, feedsAllItems: 0, crashes: 0, refused: 0, right: {}, total: {} })
const count = (t: Tally, field: string, ok: boolean): void => {
  t.total[field] = (t.total[field] ?? 0) + 1
  if (ok) t.right[field] = (t.right[field] ?? 0) + 1
}

function readEntries(name: string, bytes: Uint8Array): { entries: FeedEntry[] } | { refused: string } {
  const { text } = decodeText(name, bytes)
  const format = sniffTextFormat(text, name)
  if (format !== 'rss' && format !== 'atom' && format !== 'jsonfeed') return { refused: `not a feed (${format})` }
  try {
    return { entries: readFeed(name, text, format, `https://feeds.example/${name}`).items.map((i) => i.entry) }
  } catch (error) {
    if (error instanceof UnreadableInputError) return { refused: error.reason }
    throw error
  }
}

const squash = (s: string): string => decodeHtmlEntities(s.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, '').toLowerCase()
/** A value of rss-parser's output; "EMPTY" is the placeholder one of its fixtures asks xml2js to write for an empty element. */
const str = (v: unknown): string | undefined => {
  const s = typeof v === 'string' ? v : typeof v === 'object' && v !== null && typeof (v as { _?: unknown })._ === 'string' ? (v as { _: string })._ : undefined
  return s === 'EMPTY' ? undefined : s
}
/**
 * Text equal to the peer's after squashing. Where the peer lost characters (it decoded a Latin-1
 * feed as UTF-8: U+FFFD), each lost character matches any one character (or none: a lost no-break
 * space is white space, squashed away). Where it reordered text
 * (its snippets of nested markup put the words of inner elements after the outer text), the same
 * characters in another order match.
 */
function sameText(ours: string, peer: string): boolean {
  const a = squash(ours)
  const b = squash(peer)
  if (a === b) return true
  if (b.includes('\uFFFD')) return new RegExp(`^${b.split('\uFFFD').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.?')}$`, 'u').test(a)
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('')
}
const VERBOSE = process.env.BENCH_FEEDS_VERBOSE === '1'

function compare(t: Tally, ours: FeedEntry | undefined, exp: Record<string, unknown>): void {
  const expected: Partial<Record<Field, unknown>> = {
    title: str(exp.title),
    link: str(exp.link),
    date: str(exp.isoDate),
    author: str(exp.creator) ?? str(exp.author),
    content: str(exp.contentSnippet),
    id: str(exp.guid) ?? str(exp.id),
    categories: Array.isArray(exp.categories) ? exp.categories.map(str).filter(Boolean) : undefined,
    enclosure: str((exp.enclosure as { url?: unknown } | undefined)?.url),
  }
  for (const field of FIELDS) {
    const want = expected[field]
    if (want === undefined || (typeof want === 'string' && !want.trim())) continue
    if (!ours) {
      count(t, field, false)
      continue
    }
    const ok = matches(field, ours, want)
    if (!ok && VERBOSE && t.verbose) console.log(`  ${field}: ours ${JSON.stringify(field === 'categories' ? ours.categories : field === 'title' ? ours.title : field === 'content' ? plainText(ours.summary ?? ours.content)?.slice(0, 200) : '')} peer ${JSON.stringify(want).slice(0, 200)}`)
    count(t, field, ok)
  }
}

function matches(field: Field, ours: FeedEntry, want: unknown): boolean {
  const w = want as string
  switch (field) {
    case 'title': return sameText(ours.title ?? '', w)
    case 'link': {
      if (!ours.link) return false
      try {
        return ours.link === new URL(w.trim(), ours.link).href
      } catch {
        return ours.link === w.trim()
      }
    }
    case 'date': return (ours.publishedIso ?? ours.updatedIso)?.slice(0, 19) === new Date(w).toISOString().slice(0, 19)
    case 'author': {
      const name = parseRssAuthor(w)
      const target = squash(name?.name ?? name?.email ?? w)
      return ours.authors.some((a) => squash(a.name ?? '') === target || squash(a.email ?? '') === target)
    }
    case 'content': {
      return [ours.summary, ours.content].some((t) => sameText(plainText(t) ?? '', w))
    }
    case 'id': return ours.id === w.trim()
    // As sets: the peer repeats a category an item lists twice, the reader lists it once.
    case 'categories': {
      const peer = [...new Set(want as string[])]
      return peer.length === ours.categories.length && peer.every((p) => ours.categories.some((c) => sameText(c, p)))
    }
    case 'enclosure': return ours.enclosures[0]?.url === w.trim()
  }
}

function realFeeds(): { dev: Tally; held: Tally; worst: string[] } | undefined {
  const dir = existsSync(SHARED) ? SHARED : existsSync(SHARED_ALT) ? SHARED_ALT : undefined
  if (!dir) return undefined
  const dev = { ...tally(), verbose: true }
  const held = tally()
  const worst: Array<[number, string]> = []
  readdirSync(join(dir, 'input')).sort().forEach((file, i) => {
    const t = i % 3 === 2 ? held : dev
    if (VERBOSE && t === dev) console.log(file)
    t.feeds++
    const bytes = readFileSync(join(dir, 'input', file))
    let read: ReturnType<typeof readEntries>
    try {
      read = readEntries(file, bytes)
    } catch (error) {
      t.crashes++
      worst.push([-1, `${file}: CRASH ${String(error)}`])
      return
    }
    const expectedPath = join(dir, 'expected', file.replace(/\.[a-z]+$/, '.json'))
    if (!existsSync(expectedPath)) return
    const expected = (JSON.parse(readFileSync(expectedPath, 'utf8')) as { feed: { items?: Record<string, unknown>[] } }).feed.items ?? []
    const entries = 'entries' in read ? read.entries : []
    if ('refused' in read) t.refused++
    t.itemsExpected += expected.length
    t.itemsFound += Math.min(entries.length, expected.length)
    t.compared++
    if (entries.length >= expected.length) t.feedsAllItems++
    const before = { ...t.right }
    const beforeTotal = { ...t.total }
    expected.forEach((exp, k) => compare(t, entries[k], exp))
    const got = FIELDS.reduce((s, f) => s + (t.right[f] ?? 0) - (before[f] ?? 0), 0)
    const all = FIELDS.reduce((s, f) => s + (t.total[f] ?? 0) - (beforeTotal[f] ?? 0), 0)
    if (t === dev && all > 0) worst.push([got / all, `${file}: ${got}/${all} fields, ${entries.length}/${expected.length} items${'refused' in read ? ` (refused: ${read.refused})` : ''}`])
  })
  worst.sort((a, b) => a[0] - b[0])
  return { dev, held, worst: worst.slice(0, 5).map(([, s]) => s) }
}

function ownCorpus(): Tally {
  const t = tally()
  for (const file of readdirSync(FIXTURES).filter((f) => !f.endsWith('.expected.json')).sort()) {
    t.feeds++
    const expected = JSON.parse(readFileSync(join(FIXTURES, file.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as { items: Record<string, unknown>[] }
    let read: ReturnType<typeof readEntries>
    try {
      read = readEntries(file, readFileSync(join(FIXTURES, file)))
    } catch {
      t.crashes++
      continue
    }
    const entries = 'entries' in read ? read.entries.map(summariseEntry) : []
    t.itemsExpected += expected.items.length
    t.itemsFound += Math.min(entries.length, expected.items.length)
    t.compared++
    if (entries.length >= expected.items.length) t.feedsAllItems++
    expected.items.forEach((exp, k) => {
      for (const [field, want] of Object.entries(exp)) count(t, field, JSON.stringify((entries[k] as Record<string, unknown> | undefined)?.[field]) === JSON.stringify(want))
    })
  }
  return t
}

function fieldsRight(t: Tally): number {
  const total = Object.values(t.total).reduce((a, b) => a + b, 0)
  return total === 0 ? NaN : Object.values(t.right).reduce((a, b) => a + b, 0) / total
}

function rowsOf(name: string, t: Tally): (string | number)[][] {
  return [
    [`${name}: feeds (refused)`, `${t.feeds} (${t.refused})`, '', ''],
    [`${name}: items found / expected`, `${t.itemsFound} / ${t.itemsExpected}`, '1.000', ratio(t.itemsFound, t.itemsExpected)],
    [`${name}: feeds with every item`, `${t.feedsAllItems} of ${t.compared}`, '', ''],
    [`${name}: fields right (all)`, fieldsRight(t), '1.000', ratio(fieldsRight(t), 1)],
    ...Object.keys(t.total).sort().map((f) => [`${name}:   ${f}`, `${t.right[f] ?? 0}/${t.total[f]}`, '', ratio(t.right[f] ?? 0, t.total[f]!)]),
    [`${name}: crashes`, t.crashes, '0', ''],
  ]
}

function speed(): (string | number)[][] {
  const dir = existsSync(SHARED) ? SHARED : SHARED_ALT
  const file = join(dir, 'input', 'giantbomb-podcast.rss')
  if (!existsSync(file)) return []
  const text = readFileSync(file, 'utf8')
  const fxp = new XMLParser({ ignoreAttributes: false })
  const time = (fn: () => unknown): number => {
    let runs = 0
    const started = performance.now()
    while (performance.now() - started < 1500) { fn(); runs++ }
    return (performance.now() - started) / runs
  }
  const ours = time(() => readFeed('g.rss', text, 'rss'))
  const peer = time(() => fxp.parse(text))
  const mb = text.length / 1e6
  return [[`speed, ${file.split('/').pop()} (${(mb).toFixed(1)} MB): MB/s`, mb / (ours / 1000), mb / (peer / 1000), ratio(peer, ours)]]
}

const real = realFeeds()
const rows: (string | number)[][] = []
if (real) rows.push(...rowsOf('real, dev', real.dev), ...rowsOf('real, held-back', real.held))
else console.log('real feeds: ../shared/benchmarks/feeds/ not found; skipped')
rows.push(...rowsOf('own corpus', ownCorpus()), ...speed())
printTable('bench: feeds (items and fields against the peer\'s answers)', ['measure', 'readFeed', 'peer', 'ratio'], rows)
console.log('peer: real feeds = rss-parser\'s own output (agreement with it, so 1.000 by definition); own corpus = the expectations written from the specs (no peer parser is installed to run on it); speed = fast-xml-parser\'s bare parse, no items read.')
if (real) console.log(`worst dev feeds:\n  ${real.worst.join('\n  ')}`)
