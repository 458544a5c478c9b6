/**
 * HTTP API latency under 50 concurrent clients on a store of 100k generated articles: the story
 * page (GET /api/stories/:id, /check, /brief) and search (GET /api/articles?q=, /api/stories?q=),
 * beside GET /api/health in the same run (the floor of the stack: routing, JSON, one COUNT).
 *
 *   npm run bench:api [-- --articles 100000 --seconds 15 --clients 50]
 *
 * The store is built once and cached under /tmp (reused when present):
 * - `BASE_ARTICLES` generated articles (bench/lib/generate.ts) go through the real pipeline,
 *   `analyze()`, which annotates them and places them in stories;
 * - the rest are republications of those articles (same annotated text, their own bytes, id, input
 *   and URL) written through the store API (`store.save`): annotating 100k articles with every stage
 *   takes hours on 2 cores. They are searchable articles of the store but are not placed in
 *   stories, so the stories are those of the analysed articles.
 * The server runs in a child process (`startServer`), the clients here (fetch, keep-alive).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import type { Document } from '../src/document/index.js'
import { analyze } from '../src/api/analyze.js'
import { startServer } from '../src/http/server.js'
import { openStore, type Store } from '../src/store/index.js'
import { generateCorpus } from './lib/generate.js'
import { printTable, ratio } from './lib/table.js'

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '15' },
    clients: { type: 'string', default: '50' },
    serve: { type: 'string' },
  },
})
const ARTICLES = Number(args.articles)
const SECONDS = Number(args.seconds)
const CLIENTS = Number(args.clients)
/** Articles annotated by the real pipeline; the rest are republications of them. */
const BASE_ARTICLES = Math.min(600, ARTICLES)
const CACHE_DIR = '/tmp/dossier-bench-api'
/** Bumped when the way the store is built changes, so an old cache is not reused. */
const CACHE_VERSION = 1
/** The goal of issue 5, in milliseconds. */
const GOAL_P95_MS = 50
/** Stories whose first (uncached) brief is timed alone. */
const COLD_STORIES = 20
/** Search queries from the generator's vocabulary: single words, a phrase, a prefix, a boolean. */
const QUERIES = ['tariff', '"border agreement"', 'pipeline', 'harbour', 'vaccin*', 'levy OR quota', 'fisheries', '"grain export"']

if (args.serve !== undefined) await serve(args.serve)
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
  const path = await ensureStore(ARTICLES)
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve', path], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const url = await new Promise<string>((done, fail) => {
      child.once('exit', (code) => fail(new Error(`server exited with ${code}`)))
      createInterface({ input: child.stdout! }).once('line', (line) => done((JSON.parse(line) as { url: string }).url))
    })
    const stories = ((await (await fetch(`${url}/api/stories?limit=200`)).json()) as { items: Array<{ id: string }> }).items.map((s) => s.id)
    const health = (await (await fetch(`${url}/api/health`)).json()) as { documents: number; stories: number }
    console.log(`store: ${health.documents.toLocaleString('en-US')} articles, ${health.stories.toLocaleString('en-US')} stories; ${CLIENTS} clients, ${SECONDS} s per scenario`)
    if (stories.length === 0) throw new Error('the bench store has no stories')

    const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!
    const scenarios: Array<[string, (i: number) => readonly string[]]> = [
      ['peer: GET /api/health', () => ['/api/health']],
      ['GET /api/stories/:id', (i) => [`/api/stories/${pick(stories, i)}`]],
      ['GET /api/stories/:id/check', (i) => [`/api/stories/${pick(stories, i)}/check`]],
      ['GET /api/stories/:id/brief', (i) => [`/api/stories/${pick(stories, i)}/brief`]],
      ['story page (the 3 above in turn)', (i) => ['', '/check', '/brief'].map((p) => `/api/stories/${pick(stories, i)}${p}`)],
      ['GET /api/articles?q=', (i) => [`/api/articles?q=${encodeURIComponent(pick(QUERIES, i))}`]],
      ['GET /api/stories?q=', (i) => [`/api/stories?q=${encodeURIComponent(pick(QUERIES, i))}`]],
    ]
    // A brief is computed once per story version and then served from memory: its first request is
    // timed here alone, one story after another, before the load runs on warm stories.
    const cold: number[] = []
    for (const id of stories.slice(0, COLD_STORIES)) {
      const start = performance.now()
      await (await fetch(`${url}/api/stories/${id}/brief`)).arrayBuffer()
      cold.push(performance.now() - start)
    }
    for (const id of stories) await (await fetch(`${url}/api/stories/${id}/brief`)).arrayBuffer()
    cold.sort((a, b) => a - b)
    const rows: Array<Array<string | number>> = [[
      `first brief of a story (cold, 1 client, ${cold.length} stories)`, cold.length, '', quantile(cold, 0.5), quantile(cold, 0.95), quantile(cold, 0.99), '', '', '',
    ]]
    let floor = 0
    for (const [name, paths] of scenarios) {
      const r = await load(url, paths)
      console.log(`${name}: ${r.requests} requests, p95 ${r.p95.toFixed(1)} ms`)
      if (name.startsWith('peer')) floor = r.p95
      rows.push([name, r.requests, r.perSecond, r.p50, r.p95, r.p99, ratio(r.p95, floor), r.p95 < GOAL_P95_MS ? 'yes' : 'no', r.errors])
    }
    printTable(
      `HTTP API, ${health.documents.toLocaleString('en-US')} articles, ${CLIENTS} concurrent clients, ${SECONDS} s each (ms; a story page is 3 requests in turn)`,
      ['scenario', 'requests', 'req/s', 'p50', 'p95', 'p99', 'p95 ÷ health p95', `p95 < ${GOAL_P95_MS} ms`, 'failed'],
      rows,
    )
  } finally {
    child.kill('SIGTERM')
  }
}

/** `CLIENTS` loops, each sending its request sequence again and again for `SECONDS`; latency per sequence. */
async function load(url: string, sequence: (i: number) => readonly string[]): Promise<{ requests: number; perSecond: number; p50: number; p95: number; p99: number; errors: number }> {
  const latencies: number[] = []
  let requests = 0
  let errors = 0
  const end = performance.now() + SECONDS * 1000
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

/** The cached bench store for `articles` articles, built when absent (into a temp name, renamed when whole). */
async function ensureStore(articles: number): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true })
  const path = join(CACHE_DIR, `store-v${CACHE_VERSION}-${articles}.db`)
  if (existsSync(path)) {
    console.log(`bench store: reusing ${path}`)
    return path
  }
  const building = `${path}.building`
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true })
  const corpus = join(CACHE_DIR, 'corpus')
  rmSync(corpus, { recursive: true, force: true })
  generateCorpus(corpus, BASE_ARTICLES, { textOnly: true, seed: 11 })
  const store = await openStore({ path: building })
  let t = performance.now()
  const report = await analyze([join(corpus, 'text')], { store })
  console.log(`bench store: ${report.documentsAdded} articles analysed in ${((performance.now() - t) / 1000).toFixed(0)} s`)
  t = performance.now()
  await saveRepublications(store, articles - report.documentsAdded)
  console.log(`bench store: ${(articles - report.documentsAdded).toLocaleString('en-US')} republications saved in ${((performance.now() - t) / 1000).toFixed(0)} s`)
  await store.close()
  renameSync(building, path)
  rmSync(corpus, { recursive: true, force: true })
  return path
}

/** Saves `count` republications of the stored articles: their text and layers, new bytes, id, input and URL. */
async function saveRepublications(store: Store, count: number): Promise<void> {
  const originals: Document[] = []
  for await (const doc of store.iterateDocuments()) originals.push(doc)
  for (let i = 0; i < count; i++) {
    const doc = originals[i % originals.length]!
    const bytes = new TextEncoder().encode(`${doc.source}\n\nRepublished as item ${i}.\n`)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const input = `republished/${i}.txt`
    const copy: Document = {
      ...doc,
      id: sha256.slice(0, 24),
      origin: { ...doc.origin, input, blob: sha256, url: `https://outlet-${i % 97}.example/news/${i}` },
    }
    await store.save({ sha256, bytes, input, mediaType: 'text/plain' }, [copy])
  }
}
