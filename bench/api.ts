/**
 * HTTP API latency under 50 concurrent clients on a store of 100k generated articles: the story
 * page (GET /api/stories/:id, /check, /brief) and search (GET /api/articles?q=, /api/stories?q=),
 * beside GET /api/ping in the same run (a constant route: the floor of the stack, routing and
 * middleware only). Search is measured with what readers type (an event's distinctive word, a
 * person's name, a phrase) and, in rows of its own, with a broad word most articles contain.
 *
 *   npm run bench:api [-- --articles 100000 --seconds 15 --clients 50 --only 'search|ping']
 *   npx tsx bench/api.ts --build-only   (build the cached store and stop)
 *   npm run bench:api -- --store s.db   (serve a store built elsewhere; its queries in s.db.queries.json)
 *
 * The store is built once and cached under /tmp (reused when present; the build time is printed):
 * generated news (bench/lib/news.ts: events reported by 1–10 outlets over a few days, each with its
 * own people, place and words, a tenth wire copies, some follow-ups) goes through the real pipeline,
 * `analyze()`, which annotates every article and places it in stories with the real `updateStories`.
 * The server runs in a child process (`startServer`), the clients here (fetch, keep-alive).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { analyze } from '../src/api/analyze.js'
import { startServer } from '../src/http/server.js'
import { openStore } from '../src/store/index.js'
import { generateNews, type NewsCorpus } from './lib/news.js'
import { printTable, ratio } from './lib/table.js'

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '15' },
    clients: { type: 'string', default: '50' },
    serve: { type: 'string' },
    'build-only': { type: 'boolean', default: false },
    only: { type: 'string' },
    /** Another checkout whose bench/api.ts serves the store (a before/after comparison); default this one. */
    'server-root': { type: 'string' },
    /** A store built elsewhere (the same articles in another layout), with its queries beside it in `<store>.queries.json`. */
    store: { type: 'string' },
  },
})
const ARTICLES = Number(args.articles)
const SECONDS = Number(args.seconds)
const CLIENTS = Number(args.clients)
const CACHE_DIR = '/tmp/dossier-bench-api'
/** Bumped when the way the store is built changes, so an old cache is not reused (3: the compact layout). */
const CACHE_VERSION = 3
/** Worker threads annotating while the store is built. */
const BUILD_WORKERS = 2
/** The goal of issue 5, in milliseconds. */
const GOAL_P95_MS = 50
/** Seconds of unmeasured requests to every route before the scenarios. */
const WARM_UP_SECONDS = 3
/** Stories whose first (uncached) brief is timed alone. */
const COLD_STORIES = 20
/** A word in most articles of the generated news: the broad search, measured apart. */
const BROAD_QUERY = 'said'
/** The peer every row is compared with: a constant route, the floor of the stack. */
const FLOOR = 'peer: GET /api/ping (constant)'

if (args.serve !== undefined) await serve(args.serve)
else if (args['build-only']) await ensureStore(ARTICLES)
else await main()

/** Child process: serves the store on a free loopback port and prints its URL. */
async function serve(path: string): Promise<void> {
  const store = await openStore({ path })
  const server = await startServer({ store, host: '127.0.0.1', port: 0 })
  console.log(JSON.stringify({ url: server.url }))
  process.on('SIGTERM', () => {
    void server.close().then(() => store.close()).then(() => process.exit(0))
  })
}

async function main(): Promise<void> {
  const { path, queries } = args.store === undefined
    ? await ensureStore(ARTICLES)
    : { path: args.store, queries: JSON.parse(readFileSync(`${args.store}.queries.json`, 'utf8')) as NewsCorpus['queries'] }
  const serverScript = args['server-root'] === undefined ? import.meta.filename : join(args['server-root'], 'bench/api.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript, '--serve', path], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const url = await new Promise<string>((done, fail) => {
      child.once('exit', (code) => fail(new Error(`server exited with ${code}`)))
      createInterface({ input: child.stdout! }).once('line', (line) => done((JSON.parse(line) as { url: string }).url))
    })
    const stories = ((await (await fetch(`${url}/api/stories?limit=200`)).json()) as { items: Array<{ id: string }> }).items.map((s) => s.id)
    const health = (await (await fetch(`${url}/api/health`)).json()) as { documents: number; stories: number }
    console.log(`store: ${health.documents.toLocaleString('en-US')} articles, ${health.stories.toLocaleString('en-US')} stories; ${CLIENTS} clients, ${SECONDS} s per scenario`)
    // A store of documents alone (built by `ingest`, as for a search-only run) has no story to page.
    const storyScenario = (name: string): boolean => name.includes('/api/stories/') || name.startsWith('story page') || name.startsWith('first brief')
    if (stories.length === 0) console.log('the store has no stories: the story page scenarios are skipped')

    const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!
    // What readers search: an event's distinctive word, a person's name, a phrase, in turn.
    const selective = queries.word.flatMap((w, i) => [w, queries.name[i], queries.phrase[i]]).filter((q): q is string => q !== undefined)
    const q = (path: string, query: string): string => `${path}?q=${encodeURIComponent(query)}`
    const scenarios: Array<[string, (i: number) => readonly string[]]> = [
      [FLOOR, () => ['/api/ping']],
      ['GET /api/health (2 COUNTs)', () => ['/api/health']],
      ['GET /api/stories/:id', (i) => [`/api/stories/${pick(stories, i)}`]],
      ['GET /api/stories/:id/check', (i) => [`/api/stories/${pick(stories, i)}/check`]],
      ['GET /api/stories/:id/brief', (i) => [`/api/stories/${pick(stories, i)}/brief`]],
      ['story page (the 3 above in turn)', (i) => ['', '/check', '/brief'].map((p) => `/api/stories/${pick(stories, i)}${p}`)],
      [`GET /api/articles?q= (${selective.length} names, words, phrases)`, (i) => [q('/api/articles', pick(selective, i))]],
      [`GET /api/stories?q= (the same)`, (i) => [q('/api/stories', pick(selective, i))]],
      [`GET /api/articles?q=${BROAD_QUERY} (broad: most articles)`, () => [q('/api/articles', BROAD_QUERY)]],
      [`GET /api/stories?q=${BROAD_QUERY} (broad)`, () => [q('/api/stories', BROAD_QUERY)]],
    ]
    const pattern = args.only === undefined ? undefined : new RegExp(args.only)
    const only = stories.length > 0 ? pattern : { test: (name: string) => !storyScenario(name) && (pattern?.test(name) ?? true) }
    const rows: Array<Array<string | number>> = []
    if (only === undefined || only.test('first brief')) {
      // A brief is computed once per story version and then served from memory: its first request is
      // timed here alone, one story after another, before the load runs on warm stories.
      const cold: number[] = []
      for (const id of stories.slice(0, COLD_STORIES)) {
        const start = performance.now()
        await (await fetch(`${url}/api/stories/${id}/brief`)).arrayBuffer()
        cold.push(performance.now() - start)
      }
      cold.sort((a, b) => a - b)
      rows.push([`first brief of a story (cold, 1 client, ${cold.length} top stories)`, cold.length, '', quantile(cold, 0.5), quantile(cold, 0.95), quantile(cold, 0.99), '', '', ''])
    }
    for (const id of stories) await (await fetch(`${url}/api/stories/${id}/brief`)).arrayBuffer()
    // Warm-up, not measured: connections opened, routes compiled by the JIT, pages of the store in the cache.
    const chosen = scenarios.filter(([name]) => only === undefined || name === FLOOR || only.test(name))
    await load(url, (i) => chosen.map(([, paths]) => paths(i)).flat(), WARM_UP_SECONDS)
    let floor = 0
    for (const [name, paths] of chosen) {
      const r = await load(url, paths)
      console.log(`${name}: ${r.requests} requests, p95 ${r.p95.toFixed(1)} ms`)
      if (name === FLOOR) floor = r.p95
      rows.push([name, r.requests, r.perSecond, r.p50, r.p95, r.p99, ratio(r.p95, floor), r.p95 < GOAL_P95_MS ? 'yes' : 'no', r.errors])
    }
    const [load1, load5] = loadavg()
    printTable(
      `HTTP API, ${health.documents.toLocaleString('en-US')} articles in ${health.stories.toLocaleString('en-US')} stories, ${CLIENTS} concurrent clients, ${SECONDS} s each; load average ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min) on ${availableParallelism()} cores (ms; a story page is 3 requests in turn)`,
      ['scenario', 'requests', 'req/s', 'p50', 'p95', 'p99', 'p95 ÷ ping p95', `p95 < ${GOAL_P95_MS} ms`, 'failed'],
      rows,
    )
    console.log(`goal: p95 < ${GOAL_P95_MS} ms for the story page and search under ${CLIENTS} clients on a ${ARTICLES.toLocaleString('en-US')}-article store`)
  } finally {
    child.kill('SIGTERM')
  }
}

/** `CLIENTS` loops, each sending its request sequence again and again for `SECONDS`; latency per sequence. */
async function load(url: string, sequence: (i: number) => readonly string[], seconds = SECONDS): Promise<{ requests: number; perSecond: number; p50: number; p95: number; p99: number; errors: number }> {
  const latencies: number[] = []
  let requests = 0
  let errors = 0
  const end = performance.now() + seconds * 1000
  let next = 0
  const client = async (): Promise<void> => {
    while (performance.now() < end) {
      const paths = sequence(next++)
      const start = performance.now()
      for (const path of paths) {
        requests++
        try {
          const res = await fetch(url + path)
          await res.arrayBuffer()
          if (!res.ok) errors++
        } catch (error) {
          errors++
          if (errors === 1) console.error(`${path}: ${String((error as Error).cause ?? error)}`)
        }
      }
      latencies.push(performance.now() - start)
    }
  }
  const began = performance.now()
  await Promise.all(Array.from({ length: CLIENTS }, client))
  const elapsed = (performance.now() - began) / 1000
  latencies.sort((a, b) => a - b)
  return { requests, perSecond: requests / elapsed, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), errors }
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

/** The cached bench store for `articles` articles, built when absent (into a temp name, renamed when whole), and its queries. */
async function ensureStore(articles: number): Promise<{ path: string; queries: NewsCorpus['queries'] }> {
  mkdirSync(CACHE_DIR, { recursive: true })
  const path = join(CACHE_DIR, `store-v${CACHE_VERSION}-${articles}.db`)
  const queriesPath = `${path}.queries.json`
  if (existsSync(path) && existsSync(queriesPath)) {
    console.log(`bench store: reusing ${path}`)
    return { path, queries: JSON.parse(readFileSync(queriesPath, 'utf8')) as NewsCorpus['queries'] }
  }
  const building = `${path}.building`
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true })
  const dir = join(CACHE_DIR, `corpus-${articles}`)
  rmSync(dir, { recursive: true, force: true })
  const corpus = generateNews(dir, articles)
  console.log(`bench store: ${corpus.articles.toLocaleString('en-US')} generated articles of ${corpus.events.toLocaleString('en-US')} events (${(corpus.bytes / corpus.articles / 1024).toFixed(1)} KB each as JSON Lines), building…`)
  const store = await openStore({ path: building })
  const started = performance.now()
  let stored = 0
  const inputs = readdirSync(dir).sort().map((f) => join(dir, f))
  const report = await analyze(inputs, {
    store,
    workers: BUILD_WORKERS,
    onEvent: (e) => {
      if (e.kind === 'stored' && ++stored % 250 === 0) console.log(`  ${stored}/${inputs.length} files stored, ${((performance.now() - started) / 1000).toFixed(0)} s`)
    },
  })
  const seconds = (performance.now() - started) / 1000
  console.log(`bench store: ${report.documentsAdded.toLocaleString('en-US')} articles analysed and placed in stories (${report.stories.placed.toLocaleString('en-US')} placed, ${report.stories.duplicates.toLocaleString('en-US')} copies) in ${seconds.toFixed(0)} s with ${BUILD_WORKERS} worker threads`)
  await store.close()
  writeFileSync(queriesPath, JSON.stringify(corpus.queries))
  renameSync(building, path)
  rmSync(dir, { recursive: true, force: true })
  return { path, queries: corpus.queries }
}
