/**
 * npm run bench:cluster — the same generated news (bench/lib/news.ts) through (a) the embedded
 * store (what `analyze` does, in one process, on one annotation thread), (b) PostgreSQL with one `dossier worker`
 * and (c) with 2 and 4 workers (each one thread), in one run: articles/s, the per-article cost on
 * PostgreSQL against SQLite (goal ≤ 1.5×), 2 workers against 1 (goal ≥ 1.6×), and the queue's own
 * cost per job: tiny inputs through one worker against the same through the embedded store.
 *
 * Workers are real processes started as `dossier worker` and warmed up (threads loaded) before the
 * clock starts; a distributed run is timed from the first input enqueued to the last story placed.
 * The store is PostgreSQL when this build has the PostgreSQL store, else a SQLite file shared by the
 * workers (printed). Each configuration gets a database of its own, dropped afterwards.
 *
 *   npm run bench:cluster -- [--articles 800] [--broker pg-boss|amqp://…] [--tiny 200] [--store postgres|sqlite]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { asWriter, storeInputs } from '../src/api/ingest.js'
import { placeStories } from '../src/api/stories.js'
import { ProcessPool } from '../src/pipeline/pool.js'
import { allStageNames } from '../src/pipeline/process.js'
import { enqueueInputs, openJobQueue, openQueueDb, waitForRun, BROKER_PGBOSS } from '../src/queue/index.js'
import { openStore } from '../src/store/index.js'
import { generateNews } from './lib/news.js'
import { withDatabase } from './lib/postgres.js'
import { printTable, ratio } from './lib/table.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const GOALS = { pgOverSqlite: 1.5, twoOverOne: 1.6 }

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1]! : fallback
}


/** Whether this build's `openStore` takes a PostgreSQL URL (the PostgreSQL store). */
async function postgresStoreAvailable(): Promise<boolean> {
  return withDatabase('cluster', async (url) => {
    try {
      const store = await openStore({ path: url })
      await store.close()
      return true
    } catch {
      return false
    }
  })
}

function startWorker(store: string, queueDb: string, broker: string): { child: ChildProcess; ready: Promise<void>; log: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), 'worker', '--db', store, '--queue-db', queueDb, '--broker', broker, '--concurrency', '1'], {
    cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'],
  })
  let log = ''
  const ready = new Promise<void>((resolveReady, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      if (/^worker .*: 1 at a time/m.test(log)) resolveReady()
    })
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${log}`)))
  })
  return { child, ready, log: () => log }
}

/** Wall time, and CPU time of the processes doing the work (user + system, every thread). */
interface Timed { readonly ms: number; readonly cpuMs: number; readonly enqueueMs: number; readonly documents: number }

/** CPU time a process has used so far, in milliseconds (Linux: /proc/<pid>/stat, clock ticks of 10 ms). */
function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** `workers` worker processes on a fresh database: warmed on `warm`, then timed on `inputs`. */
async function distributed(inputs: readonly string[], warm: string, workers: number, broker: string, pgStore: boolean, scratch: string): Promise<Timed> {
  return withDatabase('cluster', async (url) => {
    const store = pgStore ? url : join(scratch, `cluster-${workers}-${randomBytes(3).toString('hex')}.db`)
    const started = Array.from({ length: workers }, () => startWorker(store, url, broker))
    const db = await openQueueDb(url)
    const queue = await openJobQueue(url, { broker, queueName: `dossier-bench-${randomBytes(4).toString('hex')}` })
    try {
      await Promise.all(started.map((w) => w.ready))
      // One tiny input per worker first: every worker's thread has loaded the pipeline.
      const warmRun = await enqueueInputs(Array.from({ length: workers }, () => warm), { db, queue })
      await waitForRun(db, warmRun.run, { intervalMs: 100 })
      const cpu0 = started.reduce((sum, w) => sum + cpuOf(w.child.pid!), 0)
      const t0 = performance.now()
      const run = await enqueueInputs(inputs, { db, queue })
      const enqueueMs = performance.now() - t0
      const status = await waitForRun(db, run.run, { intervalMs: 50 })
      const ms = performance.now() - t0
      const cpuMs = started.reduce((sum, w) => sum + cpuOf(w.child.pid!), 0) - cpu0
      if (status.counts.failed > 0) {
        const { rows: failed } = await db.query<{ reason: string }>(`SELECT reason FROM dossier_queue.items WHERE run = $1 AND state = 'failed' LIMIT 3`, [run.run])
        throw new Error(`${status.counts.failed} inputs failed in the ${workers}-worker run: ${failed.map((f) => f.reason).join('; ')}`)
      }
      const { rows } = await db.query<{ n: string }>('SELECT coalesce(sum(cardinality(documents)), 0) AS n FROM dossier_queue.items WHERE run = $1', [run.run])
      return { ms, cpuMs, enqueueMs, documents: Number(rows[0]!.n) }
    } finally {
      for (const w of started) w.child.kill('SIGTERM')
      await Promise.all(started.map((w) => new Promise((r) => (w.child.exitCode !== null ? r(null) : w.child.once('exit', r)))))
      if (broker !== BROKER_PGBOSS) await (queue as unknown as { deleteQueue(): Promise<void> }).deleteQueue().catch(() => {})
      await queue.close()
      await db.end()
    }
  })
}

/**
 * What `analyze` does (store every input with every stage, then place stories, as the writer) in
 * this process on a fresh SQLite store, on one annotation thread started and warmed before the
 * clock starts, as the workers' are.
 */
async function embedded(inputs: readonly string[], warm: string, scratch: string): Promise<Timed> {
  const store = await openStore({ path: join(scratch, `embedded-${randomBytes(3).toString('hex')}.db`) })
  const processor = new ProcessPool(1)
  const run = (files: readonly string[]): Promise<number> => asWriter(store, undefined, async () => {
    const report = await storeInputs(files, { store }, { stages: allStageNames(), complete: 'missing', processor })
    await placeStories(store)
    return report.documentsAdded
  })
  try {
    await run([warm])
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const documents = await run(inputs)
    const cpu = process.cpuUsage(cpu0)
    return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, enqueueMs: 0, documents }
  } finally {
    await processor.close()
    await store.close()
  }
}

async function main(): Promise<void> {
  const articles = Number(arg('--articles', '800'))
  const tiny = Number(arg('--tiny', '200'))
  const broker = arg('--broker', BROKER_PGBOSS)
  const scratch = mkdtempSync(join(tmpdir(), 'dossier-cluster-'))
  try {
    const news = generateNews(join(scratch, 'news'), articles)
    const files = readdirSync(join(scratch, 'news')).sort().map((f) => join(scratch, 'news', f))
    const warm = join(scratch, 'warm.txt')
    writeFileSync(warm, 'Ferry fares rose on Monday\n\nFerry fares rose 10% on 3 May 2024, the mayor, Ann Lee, said. "We had no choice," she told reporters.\n')
    // Tiny inputs, one short article each: what the queue costs per job beside the work.
    mkdirSync(join(scratch, 'tiny'))
    const tinyFiles = Array.from({ length: tiny }, (_, i) => {
      const path = join(scratch, 'tiny', `note-${String(i).padStart(4, '0')}.txt`)
      writeFileSync(path, `Harbour notice ${i}\n\nThe harbour office said on 2 June 2024 that berth ${i} reopens after repairs, a spokesman, Tom Vale, said.\n`)
      return path
    })
    const storeChoice = arg('--store', 'postgres')
    const pgStore = storeChoice === 'postgres' && (await postgresStoreAvailable())
    console.log(`bench:cluster: ${news.articles} generated articles in ${files.length} inputs; ${tiny} tiny inputs; broker ${broker}; ` +
      `distributed store: ${pgStore ? 'PostgreSQL' : 'a SQLite file shared by the workers (this build has no PostgreSQL store)'}`)

    const results: Array<{ label: string; timed: Timed }> = []
    const step = async (label: string, run: () => Promise<Timed>): Promise<Timed> => {
      const timed = await run()
      console.log(`  ${label}: ${(timed.documents / (timed.ms / 1000)).toFixed(1)} articles/s`)
      results.push({ label, timed })
      return timed
    }
    const base = await step('embedded (SQLite, 1 thread)', () => embedded(files, warm, scratch))
    const one = await step('PostgreSQL, 1 worker', () => distributed(files, warm, 1, broker, pgStore, scratch))
    const two = await step('PostgreSQL, 2 workers', () => distributed(files, warm, 2, broker, pgStore, scratch))
    await step('PostgreSQL, 4 workers', () => distributed(files, warm, 4, broker, pgStore, scratch))
    const tinyBase = await embedded(tinyFiles, warm, scratch)
    const tinyOne = await distributed(tinyFiles, warm, 1, broker, pgStore, scratch)

    const rate = (t: Timed): number => t.documents / (t.ms / 1000)
    const perArticle = (t: Timed): number => t.ms / t.documents
    const cpuPerArticle = (t: Timed): number => t.cpuMs / t.documents
    printTable('Throughput (the same articles, each configuration on a fresh store)', ['configuration', 'articles', 'seconds', 'enqueue s', 'articles/s', 'ms/article', 'vs embedded', 'CPU ms/article', 'CPU vs embedded'],
      results.map(({ label, timed }) => [label, timed.documents, timed.ms / 1000, timed.enqueueMs / 1000, rate(timed), perArticle(timed), ratio(perArticle(timed), perArticle(base)), cpuPerArticle(timed), ratio(cpuPerArticle(timed), cpuPerArticle(base))]))
    console.log(`(CPU: the worker processes' own, every thread; the embedded run's process; PostgreSQL's not counted. Load average now ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores.)`)
    const overheadMs = (tinyOne.ms - tinyBase.ms) / tiny
    printTable('Goals', ['figure', 'measured', 'peer', 'ratio', 'goal'], [
      ['per-article cost, PostgreSQL 1 worker vs embedded', `${perArticle(one).toFixed(2)} ms`, `${perArticle(base).toFixed(2)} ms`, ratio(perArticle(one), perArticle(base)), `≤ ${GOALS.pgOverSqlite}×`],
      ['2 workers vs 1 (articles/s)', rate(two), rate(one), ratio(rate(two), rate(one)), `≥ ${GOALS.twoOverOne}×`],
      ['queue cost per job (tiny inputs, 1 worker − embedded)', `${overheadMs.toFixed(1)} ms`, `${(tinyBase.ms / tiny).toFixed(1)} ms/input embedded`, ratio(tinyOne.ms, tinyBase.ms), '—'],
    ])
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

await main()
