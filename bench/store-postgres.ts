/**
 * The PostgreSQL store beside the SQLite store, the same workload on both in one run: generated
 * news (bench/lib/news.ts), extracted once, then saved input by input (one transaction per JSON
 * Lines file of 40 articles, as ingest saves), then searched with what readers type (an event's
 * distinctive word, a person's name, a phrase), a broad word most articles hold, an advanced
 * query (prefix OR NEAR), and the story list filtered by a word. SQLite is the baseline: the ratio
 * is PostgreSQL's figure over SQLite's (above 1: PostgreSQL is slower).
 *
 *   npm run bench:store-postgres [-- --articles 4000 --repeat 3]
 *
 * PostgreSQL is the local server (DOSSIER_TEST_PG, else postgres://postgres@127.0.0.1:5432), on a
 * database made for the run and dropped after it; every query crosses the loopback socket, where
 * SQLite's is a call into the process.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { extract } from '../src/api/extract.js'
import type { Document } from '../src/document/index.js'
import { PostgresStore } from '../src/store/postgres/postgres-store.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import type { SearchQuery } from '../src/store/search-query.js'
import type { Blob, Store } from '../src/store/store.js'
import { createTestDatabase, postgresUnavailable } from '../test/helpers/postgres.js'
import { generateNews } from './lib/news.js'
import { printTable, ratio } from './lib/table.js'

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '4000' },
    repeat: { type: 'string', default: '3' },
  },
})
const ARTICLES = Number(args.articles)
const REPEAT = Number(args.repeat)

const reason = await postgresUnavailable()
if (reason !== undefined) {
  console.log(reason)
  process.exit(0)
}

const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-pg-'))
const database = await createTestDatabase('bench')
try {
  const corpus = generateNews(join(dir, 'news'), ARTICLES)
  const files = readdirSync(join(dir, 'news')).sort().map((f) => join(dir, 'news', f))
  const inputs: Array<{ blob: Blob; docs: Document[] }> = []
  for await (const result of extract(files, { workers: 'auto' })) {
    if (!result.ok) throw result.error
    const bytes = new Uint8Array(readFileSync(result.input))
    inputs.push({ blob: { sha256: createHash('sha256').update(bytes).digest('hex'), bytes, input: result.input }, docs: [...result.documents] })
  }
  const documents = inputs.reduce((n, i) => n + i.docs.length, 0)
  console.log(`${documents} generated articles in ${inputs.length} JSON Lines files (${(corpus.bytes / 1e6).toFixed(1)} MB); searches repeated ${REPEAT}×`)

  const sqlite = await SqliteStore.open(join(dir, 'store.db'))
  const postgres = await PostgresStore.open(database.url)
  const stores: ReadonlyArray<readonly [string, Store]> = [['SQLite', sqlite], ['PostgreSQL', postgres]]

  const saveMs = new Map<string, number>()
  for (const [name, store] of stores) {
    const start = performance.now()
    for (const { blob, docs } of inputs) await store.save(blob, docs)
    saveMs.set(name, performance.now() - start)
  }

  const broad = mostCommonWord(inputs)
  const kinds: ReadonlyArray<readonly [string, readonly SearchQuery[]]> = [
    ['search: a distinctive word', corpus.queries.word],
    ['search: a name', corpus.queries.name],
    ['search: a "phrase"', corpus.queries.phrase.map((p) => `"${p}"`)],
    [`search: a broad word (${broad})`, [broad]],
    ['search: advanced (prefix* OR NEAR)', corpus.queries.name.map((q) => q.replaceAll('"', '')).map((n) => ({ text: `${n.slice(0, 4)}* OR NEAR(${n}, 3)`, mode: 'advanced' as const }))],
  ]
  const latency = new Map<string, Map<string, number[]>>()
  for (const [name, store] of stores) {
    const byKind = new Map<string, number[]>()
    for (const [kind, queries] of kinds) {
      const times: number[] = []
      for (const query of queries) await store.search(query, { limit: 20 }) // warm
      for (let r = 0; r < REPEAT; r++) {
        for (const query of queries) {
          const start = performance.now()
          await store.search(query, { limit: 20 })
          await store.countSearch(query, 10_000)
          times.push(performance.now() - start)
        }
      }
      byKind.set(kind, times)
    }
    latency.set(name, byKind)
  }

  // The floor of any PostgreSQL call from here: one round trip on the loopback socket.
  const roundTrips: number[] = []
  for (let i = 0; i < 50 * REPEAT; i++) {
    const start = performance.now()
    await postgres.countDocuments()
    roundTrips.push(performance.now() - start)
  }
  const perArticle = (name: string): number => saveMs.get(name)! / documents
  printTable('Writing (one transaction per input file)', ['figure', 'SQLite', 'PostgreSQL', 'ratio'], [
    ['ms per article saved', perArticle('SQLite'), perArticle('PostgreSQL'), ratio(perArticle('PostgreSQL'), perArticle('SQLite'))],
    ['articles saved per second', 1000 / perArticle('SQLite'), 1000 / perArticle('PostgreSQL'), ratio(perArticle('SQLite'), perArticle('PostgreSQL'))],
  ])
  const rows: Array<Array<string | number>> = []
  for (const [kind] of kinds) {
    const a = latency.get('SQLite')!.get(kind)!
    const b = latency.get('PostgreSQL')!.get(kind)!
    rows.push([`${kind}: median ms`, percentile(a, 0.5), percentile(b, 0.5), ratio(percentile(b, 0.5), percentile(a, 0.5))])
    rows.push([`${kind}: p95 ms`, percentile(a, 0.95), percentile(b, 0.95), ratio(percentile(b, 0.95), percentile(a, 0.95))])
  }
  printTable('Search latency (search of 20 hits + count up to 10,000: three queries on PostgreSQL)', ['figure', 'SQLite', 'PostgreSQL', 'ratio'], rows)
  console.log(`\nPostgreSQL round trip (countDocuments), the floor of one query: median ${percentile(roundTrips, 0.5).toFixed(2)} ms, p95 ${percentile(roundTrips, 0.95).toFixed(2)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`)
  await sqlite.close()
  await postgres.close()
} finally {
  await database.drop()
  rmSync(dir, { recursive: true, force: true })
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN
}

// The word in most of the corpus's titles: what "a broad word" means for this corpus.
function mostCommonWord(inputs: ReadonlyArray<{ docs: Document[] }>): string {
  const counts = new Map<string, number>()
  for (const { docs } of inputs) {
    for (const doc of docs) {
      for (const word of new Set(doc.source.slice(0, 2000).toLowerCase().match(/\p{L}{4,}/gu) ?? [])) counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'the'
}
