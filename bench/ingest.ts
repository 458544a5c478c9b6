/**
 * npm run bench:ingest — documents/s and peak RSS of `ingest` on generated mixed-format corpora of
 * growing size, beside two peers run in the same script: the same ingest on one thread, and a
 * raw-store floor (read, hash and insert the bytes into SQLite, no extraction).
 * Each run is its own child process so its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { ingest } from '../src/api/ingest.js'
import { openStore } from '../src/store/index.js'
import { generateCorpus } from './lib/generate.js'
import { printTable, ratio } from './lib/table.js'

const SIZES = (process.env.BENCH_INGEST_SIZES ?? '5000,10000,20000').split(',').map(Number)
/** The goal is stated for text documents: one text-only corpus at the largest size. */
const TEXT_ONLY_SIZE = Number(process.env.BENCH_INGEST_TEXT_SIZE ?? '20000')

interface RunResult { documents: number; seconds: number; maxRssMb: number }

async function child(mode: string, dir: string, db: string): Promise<void> {
  const started = performance.now()
  let documents = 0
  if (mode === 'floor') {
    const sql = new Database(db)
    sql.pragma('journal_mode = WAL')
    sql.exec('CREATE TABLE IF NOT EXISTS blobs (sha256 TEXT PRIMARY KEY, bytes BLOB, input TEXT)')
    const insert = sql.prepare('INSERT OR IGNORE INTO blobs VALUES (?, ?, ?)')
    for (const file of walk(dir)) {
      const bytes = readFileSync(file)
      insert.run(createHash('sha256').update(bytes).digest('hex'), bytes, file)
      documents++
    }
    sql.close()
  } else {
    const store = await openStore({ path: db })
    const report = await ingest([dir], { store, workers: mode === 'single' ? 0 : 'auto' })
    documents = report.documentsAdded
    await store.close()
  }
  const seconds = (performance.now() - started) / 1000
  const result: RunResult = { documents, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }
  console.log(JSON.stringify(result))
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

function run(mode: string, dir: string): RunResult {
  const db = join(dir, '..', `${mode}-${Date.now()}.db`)
  const script = fileURLToPath(import.meta.url)
  const out = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', mode, dir, db], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (out.status !== 0) throw new Error(`${mode} run failed:\n${out.stderr}`)
  const last = out.stdout.trim().split('\n').pop() ?? '{}'
  return JSON.parse(last) as RunResult
}

async function parent(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'dossier-bench-ingest-'))
  const rows: (string | number)[][] = []
  try {
    const corpora = [...SIZES.map((size) => ({ size, textOnly: false })), { size: TEXT_ONLY_SIZE, textOnly: true }]
    for (const { size, textOnly } of corpora) {
      const dir = join(root, `corpus-${size}-${textOnly ? 'text' : 'mixed'}`)
      const made = generateCorpus(dir, size, { textOnly })
      const auto = run('auto', dir)
      const single = run('single', dir)
      const floor = run('floor', dir)
      const mb = made.bytes / 1e6
      const label = `${made.documents} ${textOnly ? 'text' : 'mixed'} docs (${(mb).toFixed(0)} MB)`
      rows.push([label, 'documents/s', auto.documents / auto.seconds, single.documents / single.seconds, ratio(auto.seconds ** -1, single.seconds ** -1), '-', '-'])
      rows.push(['', 'input MB/s', mb / auto.seconds, mb / single.seconds, ratio(single.seconds, auto.seconds), mb / floor.seconds, ratio(floor.seconds, auto.seconds)])
      rows.push(['', 'peak RSS MB', auto.maxRssMb, single.maxRssMb, ratio(auto.maxRssMb, single.maxRssMb), floor.maxRssMb, ratio(auto.maxRssMb, floor.maxRssMb)])
      if (auto.documents !== made.documents) console.error(`warning: ${label}: stored ${auto.documents} of ${made.documents} documents`)
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
  printTable('bench:ingest — generated mixed corpus (text, HTML, JSON Lines, RSS, gzip), 2 cores', ['corpus', 'figure', 'Dossier (workers)', 'Dossier (1 thread)', 'ratio', 'raw-store floor', 'ratio'], rows)
  console.log('Peer notes: "1 thread" is the same ingest without worker threads; the floor reads, hashes and inserts each file\'s bytes with no extraction (an upper bound no extractor reaches).')
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? 'auto', process.argv[4] ?? '', process.argv[5] ?? '')
else await parent()
