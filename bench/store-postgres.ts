/**
 * The PostgreSQL store beside the SQLite store, the same workload on both in one run: generated
 * news (bench/lib/news.ts), extracted once, then saved input by input (one transaction per JSON
 * Lines file of 40 articles, as ingest saves), then searched with what readers type (an event's
 * distinctive word, a person's name, a phrase), a broad word most articles hold, an advanced
 * query (prefix OR NEAR). SQLite is the baseline: the ratio is PostgreSQL's figure over SQLite's
 * (above 1: PostgreSQL is slower). Then the alternative for the search vector, PostgreSQL's own
 * parser, on the same database: build cost, latency, and agreement with SQLite's hits.
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
import { toTsquery, toTsvector } from '../src/store/postgres/tsquery.js'
import { toDocumentWrite } from '../src/store/sqlite/rows.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import type { SearchQuery } from '../src/store/search-query.js'
import type { Blob, Store } from '../src/store/store.js'
import { createTestDatabase, postgresUnavailable, type TestDatabase } from '../test/helpers/postgres.js'
import { generateNews } from './lib/news.js'
import { printTable, ratio } from './lib/table.js'

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '4000' },
    repeat: { type: 'string', default: '3' },
  },
})
const ARTICLES = Number(args.articles)
/** Queries people typed that a text-search parser splits its own way (issue 10's list). */
const TYPED = ['U.S.', "Putin's", '5,459', '2023-02-21', 'Russia-China', 'e-mail', 'Who is Putin?']
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
  inputs.push(typedInput(inputs[0]!.docs[0]!))
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
  await compareAlternative(database, inputs, sqlite, [...corpus.queries.word, ...corpus.queries.name, ...corpus.queries.phrase.map((p) => `"${p}"`), ...TYPED])
  await sqlite.close()
  await postgres.close()
} finally {
  await database.drop()
  rmSync(dir, { recursive: true, force: true })
}

/**
 * The alternative to building the vector here: PostgreSQL's own parser (`to_tsvector('simple', …)`,
 * `plainto_tsquery`) on the same title and clean text, in a second column with its own GIN index.
 * Measures the build cost per document both ways, the search latency both ways (one query each),
 * and how often each finds exactly the documents the SQLite store finds.
 */
async function compareAlternative(db: TestDatabase, inputs: ReadonlyArray<{ docs: Document[] }>, sqlite: Store, queries: readonly string[]): Promise<void> {
  const writes = inputs.flatMap(({ docs }) => docs.map((doc) => toDocumentWrite(doc, '')))
  let start = performance.now()
  for (const w of writes) toTsvector(w.fts.title, w.fts.body)
  const oursBuildMs = (performance.now() - start) / writes.length
  await db.query('ALTER TABLE documents ADD COLUMN parsed tsvector')
  start = performance.now()
  for (let i = 0; i < writes.length; i += 200) {
    const page = writes.slice(i, i + 200)
    await db.query(
      `UPDATE documents d SET parsed = setweight(to_tsvector('simple', u.title), 'A') || to_tsvector('simple', u.body)
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u (id, title, body) WHERE d.id = u.id`,
      [page.map((w) => w.row.id), page.map((w) => w.fts.title), page.map((w) => w.fts.body.replaceAll('\0', ' '))],
    )
  }
  const parsedBuildMs = (performance.now() - start) / writes.length
  await db.query('CREATE INDEX documents_parsed ON documents USING gin (parsed)')
  await db.query('ANALYZE documents')
  await db.query('SET enable_seqscan = off')
  const ours: number[] = []
  const parsed: number[] = []
  let oursAgree = 0
  let parsedAgree = 0
  const parsedMisses: string[] = []
  for (const query of queries) {
    const expected = new Set((await sqlite.search(query, { limit: 10_000 })).map((h) => h.id))
    const tsquery = toTsquery(query)
    const same = (ids: string[]): boolean => ids.length === expected.size && ids.every((id) => expected.has(id))
    let t = performance.now()
    const a = tsquery === undefined ? [] : (await db.query<{ id: string }>('SELECT id FROM documents WHERE search @@ $1::tsquery', [tsquery])).rows.map((r) => r.id)
    ours.push(performance.now() - t)
    t = performance.now()
    const b = (await db.query<{ id: string }>("SELECT id FROM documents WHERE parsed @@ plainto_tsquery('simple', $1)", [query.replaceAll('"', '')])).rows.map((r) => r.id)
    parsed.push(performance.now() - t)
    if (same(a)) oursAgree++
    if (same(b)) parsedAgree++
    else parsedMisses.push(`${query} (${b.length} found, SQLite ${expected.size})`)
  }
  printTable(`Alternative: PostgreSQL's own parser (to_tsvector / plainto_tsquery, 'simple') on the same text; ${queries.length} queries`, ['figure', 'vector built here', "PostgreSQL's parser", 'ratio'], [
    ['ms per document to build the vector', oursBuildMs, parsedBuildMs, ratio(oursBuildMs, parsedBuildMs)],
    ['search median ms (one query)', percentile(ours, 0.5), percentile(parsed, 0.5), ratio(percentile(ours, 0.5), percentile(parsed, 0.5))],
    ['queries finding exactly what SQLite finds', `${oursAgree}/${queries.length}`, `${parsedAgree}/${queries.length}`, ''],
  ])
  if (parsedMisses.length > 0) console.log(`PostgreSQL's parser differs from SQLite on: ${parsedMisses.join('; ')}`)
}

/** Three short documents (our own words) holding the forms of TYPED, so agreement on them is tested, not vacuous. */
function typedInput(model: Document): { blob: Blob; docs: Document[] } {
  const texts = [
    "U.S. officials said Putin's plan would move 5,459 troops by 2023-02-21, before the Russia-China summit.",
    'Who is Putin? the e-mail asked, a day after the Russia China talks ended without a statement.',
    'The US ferry union sent an email on 2023-02-22 about 5459 tickets and a China-Russia route.',
  ]
  const bytes = new TextEncoder().encode(texts.join('\n'))
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const docs = texts.map((source, i): Document => ({
    ...model,
    id: createHash('sha256').update(`${sha256}#${i}`).digest('hex'),
    origin: { input: 'typed.txt', blob: sha256, container: 'text' },
    hints: {},
    source,
    layers: {},
    messages: [],
  }))
  return { blob: { sha256, bytes, input: 'typed.txt' }, docs }
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
