/**
 * npm run bench:scale — does the cost of an article stay flat as the store grows (issue 11)?
 * The real `analyze` (the library call `dossier analyze` makes: read, annotate on 2 workers, store,
 * place in stories) over generated news (bench/lib/news.ts) arriving in batches into one store.
 * Per batch: articles/s, store bytes on disk per article, peak RSS so far. Beside it, the floor
 * measured in the same run, in a child process: annotation alone (read + every stage on the same
 * 2 workers, nothing stored) on the first batch's articles, and the in-memory clustering that
 * bench:stories measures (near-duplicates + StoryClusterer) on the same articles' features.
 * After the batches, issue 11's incremental figures: 1,000 more articles (dated after the rest)
 * added to a copy of the full store beside the same 1,000 added to an empty store (alternated,
 * twice each, the faster kept), and the last batch's inputs analysed again (already stored: near-free).
 *
 *   npm run bench:scale -- [--articles 100000] [--batch 10000] [--increment 1000]
 *   npm run bench:scale -- --articles 20000        a quick run (about 3 minutes on a quiet machine)
 *   npm run bench:scale -- --keep /tmp/s.db        keep the full store (and its search queries in
 *                                                  s.db.queries.json) for `bench:api -- --store /tmp/s.db`
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { analyze } from '../src/api/analyze.js'
import type { Document } from '../src/document/index.js'
import { openStore } from '../src/index.js'
import { ProcessPool } from '../src/pipeline/pool.js'
import { allStageNames } from '../src/pipeline/process.js'
import { readBytes } from '../src/stages/ingest/read.js'
import { StoryClusterer } from '../src/stages/stories/cluster.js'
import { featuresOf, readArticle, type ArticleText } from '../src/stages/stories/features.js'
import { minhashSignature } from '../src/stages/stories/minhash.js'
import { NearDuplicateIndex } from '../src/stages/stories/near-duplicates.js'
import { DocumentFrequencies } from '../src/stages/stories/similarity.js'
import { generateNews } from './lib/news.js'
import { printTable, ratio } from './lib/table.js'

const WORKERS = 2
/** Articles per JSON Lines file in bench/lib/news.ts. */
const ARTICLES_PER_FILE = 40
const GOALS = { articlesPerS: 210, lastOverFirst: 0.8, overFloor: 0.75, incrementOverEmpty: 1.25 }

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
/** Where to keep the full store after the run (`--keep <path>`), for bench:api; by default it is deleted. */
const KEEP = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : undefined
/** Articles of the incremental step (`--increment`): added to the full store and to an empty one. */
const INCREMENT = arg('--increment', 1_000)

if (process.argv.includes('--floor')) {
  const files = process.argv.slice(process.argv.indexOf('--floor') + 1)
  console.log(JSON.stringify(await floor(files)))
} else {
  await main()
}

interface Floor { readonly articles: number; readonly annotateMs: number; readonly clusterMs: number; readonly rssMb: number }

/** Annotation alone on 2 workers (nothing stored), then the in-memory clustering of the same articles. */
async function floor(files: readonly string[]): Promise<Floor> {
  const pool = new ProcessPool(WORKERS)
  const started = performance.now()
  let docs: Document[]
  try {
    const done = await Promise.all(files.map((f) => {
      const read = readBytes(f, readFileSync(f))
      if (!read.ok) throw read.error
      return pool.process(read.documents, allStageNames())
    }))
    docs = done.flat()
  } finally {
    await pool.close()
  }
  const annotateMs = performance.now() - started
  const articles: Array<{ doc: Document; article: ArticleText }> = docs.map((doc) => ({ doc, article: readArticle(doc) }))
  const clusterStarted = performance.now()
  const copies = new NearDuplicateIndex<number>()
  const df = new DocumentFrequencies()
  const clusterer = new StoryClusterer<string>((founder) => `st-${founder.slice(0, 12)}`)
  articles.forEach(({ doc, article }, i) => {
    if (copies.add(i, minhashSignature(article.text)).length > 0) return
    df.add(article.counts)
    clusterer.add(featuresOf(doc.id, article, df))
  })
  const clusterMs = performance.now() - clusterStarted
  return { articles: docs.length, annotateMs, clusterMs, rssMb: process.resourceUsage().maxRSS / 1024 }
}

interface Timed { readonly what: string; readonly ms: number; readonly cpuS: number; readonly added: number; readonly placed: number; readonly rejected: number }

/**
 * CPU seconds of this process and of its ended children (the annotation workers, reaped when the
 * pool closes), from /proc: on a machine shared with other work, wall time measures the others too.
 * Node reports no children's time, hence /proc (Linux; elsewhere NaN, and the tables say n/a).
 */
function cpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
    // utime, stime, cutime, cstime: fields 14–17 of stat(5), here 11–14 after the name.
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100
  } catch {
    return Number.NaN
  }
}

/** One timed `analyze`; rejected inputs are counted and the first reason printed (a loaded machine can run over a budget). */
async function timed(what: string, run: () => ReturnType<typeof analyze>): Promise<Timed> {
  const started = performance.now()
  const cpuStarted = cpuSeconds()
  const report = await run()
  const ms = performance.now() - started
  const cpuS = cpuSeconds() - cpuStarted
  const first = report.rejected[0]
  console.log(`  ${what}: ${(ms / 1000).toFixed(1)} s (${cpuS.toFixed(1)} CPU s), ${report.documentsAdded} added${first === undefined ? '' : `, ${report.rejected.length} inputs rejected (first: ${first.message})`}`)
  return { what, ms, cpuS, added: report.documentsAdded, placed: report.stories.placed, rejected: report.rejected.length }
}

async function main(): Promise<void> {
  const total = arg('--articles', 100_000)
  const batch = arg('--batch', 10_000)
  const dir = mkdtempSync(join(tmpdir(), 'dossier-scale-'))
  try {
    const corpus = generateNews(join(dir, 'news'), total + INCREMENT)
    const all = readdirSync(join(dir, 'news')).sort().map((f) => join(dir, 'news', f))
    const increment = all.slice(all.length - INCREMENT / ARTICLES_PER_FILE)
    const files = all.slice(0, all.length - increment.length)
    const perBatch = Math.max(1, Math.round(batch / ARTICLES_PER_FILE))
    const batches: string[][] = []
    for (let i = 0; i < files.length; i += perBatch) batches.push(files.slice(i, i + perBatch))
    console.log(`bench:scale: ${(corpus.articles - INCREMENT).toLocaleString('en-US')} generated articles (and ${INCREMENT.toLocaleString('en-US')} more for the incremental step) (${(corpus.bytes / corpus.articles / 1024).toFixed(1)} KB each as JSON Lines) in ${batches.length} batches`)

    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--floor', ...batches[0]!], { encoding: 'utf8', maxBuffer: 1 << 20 })
    if (child.status !== 0) throw new Error(`bench:scale floor child failed: ${child.stderr}`)
    const fl = JSON.parse(child.stdout.trim().split('\n').pop()!) as Floor
    const annotateRate = fl.articles / (fl.annotateMs / 1000)
    const clusterRate = fl.articles / (fl.clusterMs / 1000)

    const path = join(dir, 'scale.db')
    const store = await openStore({ path })
    const rows: (string | number)[][] = []
    const incremental: Timed[] = []
    const times: number[] = []
    let again: Timed | undefined
    const rates: number[] = []
    let stored = 0
    let totalMs = 0
    try {
      for (const [k, inputs] of batches.entries()) {
        const run = await timed(`batch ${k + 1}/${batches.length}`, () => analyze(inputs, { store, workers: WORKERS }))
        const ms = run.ms
        totalMs += ms
        times.push(ms)
        stored += run.added
        const rate = run.added / (ms / 1000)
        rates.push(rate)
        const bytes = ['', '-wal'].reduce((sum, suffix) => sum + (statSync(path + suffix, { throwIfNoEntry: false })?.size ?? 0), 0)
        const rssMb = Math.round(process.resourceUsage().maxRSS / 1024)
        console.log(`    ${stored.toLocaleString('en-US')} stored, ${rate.toFixed(0)} articles/s, ${Math.round(bytes / stored)} bytes/article, peak RSS ${rssMb} MB`)
        rows.push([k + 1, stored - run.added, run.added, run.rejected, ms / 1000, run.cpuS, rate, ratio(rate, rates[0]!), ratio(rate, annotateRate), Math.round(bytes / stored), rssMb])
      }
      again = await timed('last batch again (all stored)', () => analyze(batches[batches.length - 1]!, { store, workers: WORKERS }))
    } finally {
      await store.close()
    }
    // Into the full store and into an empty one, alternated and each on a fresh copy, twice: the
    // machine's load drifts over minutes, and the faster of two runs is the less disturbed one.
    for (let trial = 1; trial <= 2; trial++) {
      for (const [kind, from] of [['into an empty store', null], ['into the full store', path]] as const) {
        const copy = join(dir, `trial-${trial}.db`)
        for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true })
        if (from !== null) copyFileSync(from, copy)
        const target = await openStore({ path: copy })
        try {
          incremental.push(await timed(`${kind}, run ${trial}`, () => analyze(increment, { store: target, workers: WORKERS })))
        } finally {
          await target.close()
        }
      }
    }
    printTable(
      `dossier analyze, batches into one store (${WORKERS} workers); floor in the same run on batch 1's ${fl.articles.toLocaleString('en-US')} articles: annotation alone ${annotateRate.toFixed(0)}/s, in-memory clustering ${clusterRate.toFixed(0)}/s`,
      ['batch', 'stored before', 'articles', 'inputs rejected', 'time (s)', 'CPU s (process and workers)', 'articles/s', 'vs batch 1', 'vs annotation floor', 'store bytes/article', 'peak RSS (MB)'],
      rows,
    )
    // Where the bytes go: each table and index's pages (SQLite's dbstat), per article stored.
    const db = new Database(path, { readonly: true })
    try {
      const tables = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 15').all() as Array<{ name: string; bytes: number }>
      printTable(`Store bytes per article by table or index (${stored.toLocaleString('en-US')} articles)`, ['table or index', 'bytes per article'], tables.map((t) => [t.name, Math.round(t.bytes / stored)]))
    } finally {
      db.close()
    }
    const fastest = (kind: string): Timed => incremental.filter((r) => r.what.startsWith(kind)).sort((a, b) => a.ms - b.ms)[0]!
    const intoEmpty = fastest('into an empty store')
    const intoFull = fastest('into the full store')
    // CPU is what the work costs however loaded the machine: the lesser of the two runs of a kind.
    const cpuOf = (kind: string): number => Math.min(...incremental.filter((r) => r.what.startsWith(kind)).map((r) => r.cpuS))
    const lastBatchMs = times[times.length - 1]!
    printTable(
      `${INCREMENT.toLocaleString('en-US')} more articles, into the ${stored.toLocaleString('en-US')}-article store beside into an empty store (each on a fresh copy, alternated)`,
      ['run', 'articles added', 'placed in stories', 'rejected', 'time (s)', 'vs fastest into an empty store', 'CPU s (process and workers)', 'CPU vs into an empty store'],
      incremental.map((r) => [r.what, r.added, r.placed, r.rejected, r.ms / 1000, ratio(r.ms, intoEmpty.ms), r.cpuS, ratio(r.cpuS, cpuOf('into an empty store'))]),
    )
    printTable(
      'Inputs already stored: the last batch analysed again, beside the run that stored it',
      ['run', 'articles added', 'time (s)', 'vs storing them'],
      [['last batch again', again!.added, again!.ms / 1000, ratio(again!.ms, lastBatchMs)]],
    )
    const endToEnd = stored / (totalMs / 1000)
    const last = rates[rates.length - 1]!
    printTable(
      'Goals (issue 11)',
      ['figure', 'measured', 'goal', 'met'],
      [
        ['end to end, articles/s', endToEnd, `≥ ${GOALS.articlesPerS}`, endToEnd >= GOALS.articlesPerS ? 'yes' : 'no'],
        ['last batch ÷ first', last / rates[0]!, `≥ ${GOALS.lastOverFirst}`, last / rates[0]! >= GOALS.lastOverFirst ? 'yes' : 'no'],
        ['end to end ÷ annotation floor', endToEnd / annotateRate, `≥ ${GOALS.overFloor}`, endToEnd / annotateRate >= GOALS.overFloor ? 'yes' : 'no'],
        [`${INCREMENT.toLocaleString('en-US')} into the full store ÷ into an empty store (time)`, intoFull.ms / intoEmpty.ms, `≤ ${GOALS.incrementOverEmpty}`, intoFull.ms / intoEmpty.ms <= GOALS.incrementOverEmpty ? 'yes' : 'no'],
        [`${INCREMENT.toLocaleString('en-US')} into the full store ÷ into an empty store (CPU)`, cpuOf('into the full store') / cpuOf('into an empty store'), `≤ ${GOALS.incrementOverEmpty}`, cpuOf('into the full store') / cpuOf('into an empty store') <= GOALS.incrementOverEmpty ? 'yes' : 'no'],
        ['last batch again (all stored) ÷ storing it (time)', again!.ms / lastBatchMs, 'near 0', '—'],
        ['in-memory clustering ÷ annotation floor (peer)', clusterRate / annotateRate, '—', '—'],
      ],
    )
    if (KEEP !== undefined) {
      renameSync(path, KEEP)
      writeFileSync(`${KEEP}.queries.json`, JSON.stringify(corpus.queries))
      console.log(`kept the ${stored.toLocaleString('en-US')}-article store: ${KEEP} (bench:api -- --store ${KEEP})`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
