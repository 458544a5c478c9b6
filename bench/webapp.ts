/**
 * The routes behind the web app's views (issue 16), each beside a peer in the same run, in process
 * (`app.request`, no sockets) on a store of generated articles built by the real pipeline:
 *
 * - the whole article list as CSV, streamed a store page at a time, beside building the same CSV
 *   in memory at once (what a route answering one body does): time to the first byte, total time,
 *   and the heap the reader sees grow while it downloads;
 * - a search page with snippets (one document read per hit), beside the same page without;
 * - coverage over time of a search (every match counted by day and outlet), beside the search's
 *   first page;
 * - a story's coverage (who carried it, who usually covers its actors), beside the story itself;
 * - the outlet list, cold and cached, beside `/api/health` (two counts).
 *
 *   npm run bench:webapp [-- --articles 4000 --runs 30]
 *
 * The store is built once and cached under /tmp (reused when present).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { analyze } from '../src/api/analyze.js'
import { createApp } from '../src/http/app.js'
import { fieldColumns, toCsv } from '../src/http/csv.js'
import { openStore, type DocumentSummary, type Store } from '../src/store/index.js'
import { generateNews, type NewsCorpus } from './lib/news.js'
import { printTable, ratio } from './lib/table.js'

const { values: args } = parseArgs({ options: { articles: { type: 'string', default: '4000' }, runs: { type: 'string', default: '30' } } })
const ARTICLES = Number(args.articles)
const RUNS = Number(args.runs)
const CACHE_DIR = '/tmp/dossier-bench-webapp'
const BUILD_WORKERS = 2
/** Measured runs of each export. */
const EXPORT_RUNS = 5

const store = await ensureStore(ARTICLES)
try {
  await main(store.store, store.queries)
} finally {
  await store.store.close()
}

async function main(s: Store, queries: NewsCorpus['queries']): Promise<void> {
  const app = createApp({ store: s, webRoot: '/nonexistent' })
  const documents = await s.countDocuments()
  console.log(`store: ${documents.toLocaleString('en-US')} articles, ${(await s.countStories()).toLocaleString('en-US')} stories; ${RUNS} runs a row`)

  // 1. Exports: each way run EXPORT_RUNS times after one unmeasured run, the median kept; the heap is
  // measured from a collected heap (run with --expose-gc) to its highest point during the export.
  const columns = fieldColumns<DocumentSummary>(['id', 'title', 'published', 'publisher', 'url', 'input', 'container', 'chars', 'storedAt'])
  const inMemory = async (): Promise<{ firstByteMs: number; totalMs: number; heapMb: number }> => {
    const base = collectedHeap()
    const started = performance.now()
    const text = toCsv(await s.listDocuments(), columns)
    const ms = performance.now() - started
    const heapMb = (heapNow() - base) / 1e6
    if (text.length === 0) throw new Error("empty export")
    return { firstByteMs: ms, totalMs: ms, heapMb }
  }
  const streamedRuns: Array<{ firstByteMs: number; totalMs: number; heapMb: number }> = []
  const memoryRuns: Array<{ firstByteMs: number; totalMs: number; heapMb: number }> = []
  await timeStream(() => app.request('/api/articles?format=csv'))
  await inMemory()
  for (let i = 0; i < EXPORT_RUNS; i++) {
    streamedRuns.push(await timeStream(() => app.request('/api/articles?format=csv')))
    memoryRuns.push(await inMemory())
  }
  const med = (runs: typeof streamedRuns, key: 'firstByteMs' | 'totalMs' | 'heapMb'): number => median(runs.map((r) => r[key]))
  const bytes = toCsv(await s.listDocuments(), columns).length
  printTable(`The article list as CSV (${documents.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB; median of ${EXPORT_RUNS})`, ['', 'streamed (format=csv)', 'peer: one body in memory', 'ratio'], [
    ['first byte, ms', med(streamedRuns, 'firstByteMs'), med(memoryRuns, 'firstByteMs'), ratio(med(streamedRuns, 'firstByteMs'), med(memoryRuns, 'firstByteMs'))],
    ['all bytes, ms', med(streamedRuns, 'totalMs'), med(memoryRuns, 'totalMs'), ratio(med(streamedRuns, 'totalMs'), med(memoryRuns, 'totalMs'))],
    ['heap grown, MB', med(streamedRuns, 'heapMb'), med(memoryRuns, 'heapMb'), ratio(med(streamedRuns, 'heapMb'), med(memoryRuns, 'heapMb'))],
  ])

  // 2–3. Search with snippets, coverage.
  const words = queries.word.slice(0, RUNS)
  const plain = await latencies(words, (q) => app.request(`/api/articles?q=${encodeURIComponent(q)}&limit=25`))
  const snippets = await latencies(words, (q) => app.request(`/api/articles?q=${encodeURIComponent(q)}&limit=25&snippets=1`))
  const coverage = await latencies(words, (q) => app.request(`/api/coverage?q=${encodeURIComponent(q)}`))
  const broad = await latencies(['said'], (q) => app.request(`/api/coverage?q=${encodeURIComponent(q)}`))
  const broadPeer = await latencies(['said'], (q) => app.request(`/api/articles?q=${encodeURIComponent(q)}&limit=25`))
  printTable('Search views, ms (median / p95)', ['route', 'figure', 'peer: the search page (25 hits)', 'ratio of medians'], [
    ['articles?q=&snippets=1 (25 hits)', fmt(snippets), fmt(plain), ratio(median(snippets), median(plain))],
    ['coverage?q= (a reader\'s word)', fmt(coverage), fmt(plain), ratio(median(coverage), median(plain))],
    ['coverage?q=said (most articles)', fmt(broad), fmt(broadPeer), ratio(median(broad), median(broadPeer))],
  ])

  // Story coverage: the outlets that usually cover a story's actors are read from every article naming them.
  const storyIds = (await s.listStories({ limit: RUNS })).map((st) => st.id)
  const storyCoverage = await latencies(storyIds, (id) => app.request(`/api/stories/${id}/coverage`))
  const storyAlone = await latencies(storyIds, (id) => app.request(`/api/stories/${id}`))
  printTable('Story coverage, ms (median / p95)', ['route', 'figure', 'peer: the story (GET /api/stories/:id)', 'ratio of medians'], [
    ['stories/:id/coverage (top stories)', fmt(storyCoverage), fmt(storyAlone), ratio(median(storyCoverage), median(storyAlone))],
  ])

  // 4. Outlets.
  const cold = await latencies(['x'], () => app.request('/api/outlets'))
  const cached = await latencies(words, () => app.request('/api/outlets'))
  const health = await latencies(words, () => app.request('/api/health'))
  printTable('Outlet list, ms (median / p95)', ['route', 'figure', 'peer: /api/health', 'ratio of medians'], [
    ['outlets, first (reads every summary)', fmt(cold), fmt(health), ratio(median(cold), median(health))],
    ['outlets, cached', fmt(cached), fmt(health), ratio(median(cached), median(health))],
  ])
}

/** The heap after a full collection, when the bench runs with --expose-gc (npm run bench:webapp does). */
function collectedHeap(): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  return heapNow()
}

function heapNow(): number {
  return process.memoryUsage().heapUsed
}

/** Reads a streamed body to its end: when its first bytes came, when its last, and how far the heap grew meanwhile. */
async function timeStream(request: () => Response | Promise<Response>): Promise<{ firstByteMs: number; totalMs: number; heapMb: number }> {
  const base = collectedHeap()
  let peak = base
  const started = performance.now()
  const res = await request()
  const reader = res.body!.getReader()
  let first = -1
  for (;;) {
    const { done } = await reader.read()
    if (first < 0) first = performance.now() - started
    peak = Math.max(peak, heapNow())
    if (done) break
  }
  return { firstByteMs: first, totalMs: performance.now() - started, heapMb: (peak - base) / 1e6 }
}

async function latencies(items: readonly string[], request: (item: string) => Response | Promise<Response>): Promise<number[]> {
  const out: number[] = []
  for (const item of items) {
    const started = performance.now()
    const res = await request(item)
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`status ${res.status} for ${item}`)
    out.push(performance.now() - started)
  }
  return out
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5)
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN
}

function fmt(values: readonly number[]): string {
  return `${median(values).toFixed(1)} / ${percentile(values, 0.95).toFixed(1)}`
}

async function ensureStore(articles: number): Promise<{ store: Store; queries: NewsCorpus['queries'] }> {
  mkdirSync(CACHE_DIR, { recursive: true })
  const path = join(CACHE_DIR, `store-${articles}.db`)
  const queriesPath = `${path}.queries.json`
  if (!existsSync(path) || !existsSync(queriesPath)) {
    const building = `${path}.building`
    for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true })
    const dir = join(CACHE_DIR, `corpus-${articles}`)
    rmSync(dir, { recursive: true, force: true })
    const corpus = generateNews(dir, articles)
    console.log(`bench store: ${corpus.articles.toLocaleString('en-US')} generated articles, building…`)
    const started = performance.now()
    const built = await openStore({ path: building })
    await analyze(readdirSync(dir).sort().map((f) => join(dir, f)), { store: built, workers: BUILD_WORKERS })
    await built.close()
    console.log(`bench store: built in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    writeFileSync(queriesPath, JSON.stringify(corpus.queries))
    renameSync(building, path)
    rmSync(dir, { recursive: true, force: true })
  }
  return { store: await openStore({ path }), queries: JSON.parse(readFileSync(queriesPath, 'utf8')) as NewsCorpus['queries'] }
}
