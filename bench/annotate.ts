/**
 * npm run bench:annotate — articles/s of Dossier's annotation stages (every stage after metadata:
 * sentences, times, entities, quotes, claims, events as they are wired in STAGES) on 2 worker
 * threads, for generated ~5 KB news articles, beside the reference: compromise's own tagging
 * alone (`nlp(text)` per article) on the same 2 workers and the same articles.
 *
 * Articles are extracted (clean, page, metadata) before the clock starts: only annotation is
 * measured. Each side runs in its own child process, so its peak RSS is its own. A per-stage
 * table (one thread, ms per article) says where Dossier's time goes.
 *
 * The machine is shared, so the sides run alternately BENCH_ANNOTATE_RUNS times (default 3) and
 * each side's best run is reported. BENCH_ANNOTATE_ARTICLES (default 1000) sets the number of articles.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Document } from '../src/document/index.js'
import { ProcessPool } from '../src/pipeline/pool.js'
import { READER_STAGE_NAMES, allStageNames, processDocument } from '../src/pipeline/process.js'
import { runStages } from '../src/pipeline/run.js'
import { selectStages } from '../src/pipeline/stages.js'
import { readBytes } from '../src/stages/ingest/index.js'
import { generateCorpus } from './lib/generate.js'
import { printTable, ratio } from './lib/table.js'

const ARTICLES = Number(process.env.BENCH_ANNOTATE_ARTICLES ?? '1000')
const RUNS = Number(process.env.BENCH_ANNOTATE_RUNS ?? '3')
/** The issue states the goal for 5 KB articles. */
const ARTICLE_CHARS = 5_000
const WORKERS = 2
/** Articles per task sent to a worker: enough to amortise a message, few enough to balance two workers. */
const TASK_ARTICLES = 20
/** Articles run before the clock starts: module loading and JIT warm-up in each worker. */
const WARMUP_ARTICLES = 60
const GOAL_ARTICLES_PER_S = 300

interface SideResult { readonly articles: number; readonly seconds: number; readonly maxRssMb: number; readonly stages?: Record<string, number> }

/** ~5 KB generated articles: a page's header and furniture around body paragraphs drawn from several generated pages. */
function makeArticles(count: number): Document[] {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-annotate-'))
  try {
    generateCorpus(dir, count + 8, { textOnly: true, seed: 7 })
    const pages = readdirSync(join(dir, 'text')).sort((a, b) => parseInt(a) - parseInt(b)).map((f) => readFileSync(join(dir, 'text', f), 'utf8'))
    const bodies = pages.map((page) => page.split('\n').filter((line) => line.length > 120))
    const reader = selectStages(READER_STAGE_NAMES)
    return pages.slice(0, count).map((page, i) => {
      const lines = page.split('\n')
      const header = lines.slice(0, 6)
      const footer = lines.slice(lines.findIndex((l) => l === 'Most popular'))
      const body: string[] = []
      let chars = header.join('\n').length + footer.join('\n').length
      for (let k = i; chars < ARTICLE_CHARS; k = (k + 1) % pages.length) {
        for (const paragraph of bodies[k]!) {
          if (chars >= ARTICLE_CHARS) break
          body.push(paragraph, '')
          chars += paragraph.length + 2
        }
      }
      const text = [...header, ...body, ...footer].join('\n')
      const read = readBytes(`article-${i}.txt`, new TextEncoder().encode(text))
      if (!read.ok) throw read.error
      return processDocument(read.documents[0]!, reader)
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const annotationStages = (): string[] => allStageNames().filter((n) => !READER_STAGE_NAMES.includes(n))

async function runDossier(articles: readonly Document[]): Promise<SideResult> {
  const names = annotationStages()
  const stages = selectStages(names)
  // Where the time goes, on one thread: each stage's ms per article.
  const perStage: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]))
  for (const article of articles) {
    let doc = article
    for (const stage of stages) {
      const started = performance.now()
      doc = runStages(doc, [stage])
      perStage[stage.name]! += performance.now() - started
    }
  }
  for (const name of names) perStage[name]! /= articles.length

  const pool = new ProcessPool(WORKERS)
  try {
    await Promise.all(chunks(articles.slice(0, WARMUP_ARTICLES), TASK_ARTICLES / 2).map((c) => pool.annotate(c, names, true)))
    const started = performance.now()
    const done = await Promise.all(chunks(articles, TASK_ARTICLES).map((c) => pool.annotate(c, names, true)))
    const seconds = (performance.now() - started) / 1000
    return { articles: done.flat().length, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, stages: perStage }
  } finally {
    await pool.close()
  }
}

// compromise's tagger on a worker: one message a batch of texts, the reply the number of terms tagged.
const COMPROMISE_WORKER = `
const { parentPort } = require('node:worker_threads')
const loaded = require(${JSON.stringify(join(process.cwd(), 'node_modules/compromise'))})
const nlp = loaded.default ?? loaded
parentPort.on('message', (texts) => {
  let terms = 0
  for (const text of texts) terms += nlp(text).terms().length
  parentPort.postMessage(terms)
})
`

async function runCompromise(articles: readonly Document[]): Promise<SideResult> {
  const workers = Array.from({ length: WORKERS }, () => new Worker(COMPROMISE_WORKER, { eval: true }))
  const idle = [...workers]
  const waiting: Array<() => void> = []
  const tag = async (texts: string[]): Promise<number> => {
    while (idle.length === 0) await new Promise<void>((r) => waiting.push(r))
    const worker = idle.pop()!
    const terms = await new Promise<number>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.postMessage(texts)
    })
    idle.push(worker)
    waiting.shift()?.()
    return terms
  }
  try {
    const texts = articles.map((a) => a.source)
    await Promise.all(chunks(texts.slice(0, WARMUP_ARTICLES), TASK_ARTICLES / 2).map(tag))
    const started = performance.now()
    const counts = await Promise.all(chunks(texts, TASK_ARTICLES).map(tag))
    const seconds = (performance.now() - started) / 1000
    if (counts.some((c) => c === 0)) throw new Error('compromise tagged nothing in a batch')
    return { articles: texts.length, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
}

async function child(side: string): Promise<void> {
  const articles = makeArticles(ARTICLES)
  const result = side === 'dossier' ? await runDossier(articles) : await runCompromise(articles)
  console.log(JSON.stringify(result))
}

function runSide(side: string): SideResult {
  const script = fileURLToPath(import.meta.url)
  const out = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', side], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (out.status !== 0) throw new Error(`${side} run failed: ${out.stderr}`)
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as SideResult
}

async function main(): Promise<void> {
  const sample = makeArticles(20)
  const meanChars = sample.reduce((n, d) => n + d.source.length, 0) / sample.length
  const rate = (r: SideResult): number => r.articles / r.seconds
  const runs: Record<'dossier' | 'compromise', SideResult[]> = { dossier: [], compromise: [] }
  for (let i = 0; i < RUNS; i++) {
    runs.dossier.push(runSide('dossier'))
    runs.compromise.push(runSide('compromise'))
  }
  const best = (results: SideResult[]): SideResult => results.reduce((a, b) => (rate(b) > rate(a) ? b : a))
  const dossier = best(runs.dossier)
  const compromise = best(runs.compromise)
  console.log(`runs (articles/s): Dossier ${runs.dossier.map((r) => rate(r).toFixed(0)).join(', ')}; compromise ${runs.compromise.map((r) => rate(r).toFixed(1)).join(', ')}`)
  const stages = annotationStages()
  printTable(
    `Annotation speed: ${ARTICLES} generated articles of ${Math.round(meanChars)} chars on average, ${WORKERS} worker threads, best of ${RUNS} (goal ≥ ${GOAL_ARTICLES_PER_S} articles/s)`,
    ['', `Dossier stages (${stages.join(', ')})`, 'compromise nlp(text) alone', 'ratio'],
    [
      ['articles/s', rate(dossier), rate(compromise), ratio(rate(dossier), rate(compromise))],
      ['ms per article per worker', (1000 * WORKERS) / rate(dossier), (1000 * WORKERS) / rate(compromise), ratio(rate(compromise), rate(dossier))],
      ['peak RSS (MB)', dossier.maxRssMb, compromise.maxRssMb, ratio(dossier.maxRssMb, compromise.maxRssMb)],
    ],
  )
  const perStage = dossier.stages ?? {}
  const total = Object.values(perStage).reduce((a, b) => a + b, 0)
  printTable(
    'Where the time goes (one thread, ms per article)',
    ['stage', 'ms/article', 'share'],
    [...Object.entries(perStage).map(([name, ms]) => [name, ms, `${((100 * ms) / (total || 1)).toFixed(0)}%`]), ['all', total, '100%']],
  )
}

const childAt = process.argv.indexOf('--child')
if (childAt >= 0) await child(process.argv[childAt + 1]!)
else await main()
