/**
 * npm run bench:extract — article-body extraction quality, speed and peak memory on the Scrapinghub
 * article-extraction benchmark (181 pages), Dossier beside Readability.js on jsdom in the same run.
 * Each extractor runs in its own child process so its peak RSS is its own.
 *
 *   npx tsx bench/extract.ts              the table
 *   npx tsx bench/extract.ts --worst 15   also the pages Dossier scores worst on, with a diff hint
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { aggregate, bootstrapStd, scorePage, tokenize, type CorpusScore, type PageScore } from './lib/extraction-metric.js'
import { printTable, ratio } from './lib/table.js'

const REPO = resolve(fileURLToPath(import.meta.url), '../..')
const DATA = resolve(REPO, '../shared/benchmarks/article-extraction')

/** Published point estimates (F1, P, R, accuracy) the scorer must reproduce from the stored outputs. */
const PUBLISHED: Readonly<Record<string, readonly [number, number, number, number]>> = {
  trafilatura: [0.958, 0.938, 0.978, 0.293],
  readability_js: [0.947, 0.914, 0.982, 0.166],
  rs_trafilatura: [0.970, 0.951, 0.990, 0.287],
}

interface Truth { articleBody: string; url: string }
type Bodies = Record<string, { articleBody: string }>
interface ChildResult { predictions: Record<string, string>; seconds: number; maxRssMb: number; failures: number }

function loadTruth(): Record<string, Truth> {
  return JSON.parse(readFileSync(join(DATA, 'ground-truth.json'), 'utf8')) as Record<string, Truth>
}

function loadPeer(name: string): Bodies {
  const raw = JSON.parse(readFileSync(join(DATA, 'peers', `${name}.json`), 'utf8')) as Bodies | { output: Bodies }
  return 'output' in raw && typeof raw.output === 'object' ? (raw.output as Bodies) : (raw as Bodies)
}

function scoreAll(truth: Record<string, Truth>, predicted: (id: string) => string): Map<string, PageScore> {
  const out = new Map<string, PageScore>()
  for (const [id, t] of Object.entries(truth)) out.set(id, scorePage(t.articleBody, predicted(id)))
  return out
}

async function child(mode: string): Promise<void> {
  const truth = loadTruth()
  const pages = Object.entries(truth).map(([id, t]) => ({ id, url: t.url, html: gunzipSync(readFileSync(join(DATA, 'html', `${id}.html.gz`))).toString('utf8') }))
  const extract = await loadExtractor(mode)
  const predictions: Record<string, string> = {}
  let failures = 0
  const started = performance.now()
  for (const p of pages) {
    try {
      predictions[p.id] = extract(p.html, p.url)
    } catch {
      failures++
      predictions[p.id] = ''
    }
  }
  const seconds = (performance.now() - started) / 1000
  const result: ChildResult = { predictions, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, failures }
  process.stdout.write(JSON.stringify(result))
}

async function loadExtractor(mode: string): Promise<(html: string, url: string) => string> {
  if (mode === 'dossier') {
    const { extractHtml } = await import('../src/stages/clean/html/index.js')
    const { renderCleanText } = await import('../src/document/index.js')
    return (html, url) => {
      const { source, clean } = extractHtml(html, { url })
      return renderCleanText(source, clean).text
    }
  }
  const { JSDOM } = await import('jsdom')
  const { Readability } = await import('@mozilla/readability')
  return (html, url) => {
    const dom = new JSDOM(html, { url })
    const text = new Readability(dom.window.document).parse()?.textContent ?? ''
    dom.window.close()
    return text
  }
}

function run(mode: string): ChildResult {
  const script = fileURLToPath(import.meta.url)
  const out = spawnSync(process.execPath, [...process.execArgv, script, '--child', mode], { encoding: 'utf8', maxBuffer: 1 << 28 })
  if (out.status !== 0) throw new Error(`${mode} run failed:\n${out.stderr}`)
  return JSON.parse(out.stdout) as ChildResult
}

function storedPeer(name: string, truth: Record<string, Truth>): ChildResult {
  const peer = loadPeer(name)
  const predictions = Object.fromEntries(Object.keys(truth).map((id) => [id, peer[id]?.articleBody ?? '']))
  return { predictions, seconds: Number.NaN, maxRssMb: Number.NaN, failures: 0 }
}

function selfTest(truth: Record<string, Truth>): void {
  const rows: (string | number)[][] = []
  for (const [name, [f1, p, r, acc]] of Object.entries(PUBLISHED)) {
    const peer = loadPeer(name)
    const s = aggregate([...scoreAll(truth, (id) => peer[id]?.articleBody ?? '').values()])
    const same = [s.f1, s.precision, s.recall, s.accuracy].every((x, i) => x.toFixed(3) === [f1, p, r, acc][i]!.toFixed(3))
    rows.push([name, `${f1} / ${p} / ${r} / ${acc}`, `${s.f1.toFixed(3)} / ${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} / ${s.accuracy.toFixed(3)}`, same ? 'yes' : 'NO'])
  }
  printTable('Scorer self-test: stored peer outputs scored here vs the published figures (F1 / P / R / accuracy)', ['peer', 'published', 'scored here', 'match'], rows)
}

function withStd(s: CorpusScore, sd: CorpusScore, pick: (c: CorpusScore) => number): string {
  return `${pick(s).toFixed(3)} ± ${pick(sd).toFixed(3)}`
}

function printWorst(truth: Record<string, Truth>, result: ChildResult, scores: Map<string, PageScore>, n: number): void {
  const f1 = (s: PageScore): number => (s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall))
  const worst = [...scores].sort((a, b) => f1(a[1]) - f1(b[1])).slice(0, n)
  console.log(`\nWorst ${n} pages for Dossier (F1, P, R; "-" truth text missed, "+" extra text kept):`)
  for (const [id, s] of worst) {
    const t = tokenize(truth[id]!.articleBody)
    const p = tokenize(result.predictions[id] ?? '')
    console.log(`${f1(s).toFixed(3)} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} ${id.slice(0, 8)} ${truth[id]!.url}`)
    console.log(`   - ${missingRuns(t, p)}`)
    console.log(`   + ${missingRuns(p, t)}`)
  }
}

/** The first few runs of `a`'s tokens whose 3-grams do not occur in `b`. */
function missingRuns(a: readonly string[], b: readonly string[]): string {
  const grams = new Set<string>()
  for (let i = 0; i + 2 < b.length; i++) grams.add(`${b[i]} ${b[i + 1]} ${b[i + 2]}`)
  const runs: string[] = []
  let run: string[] = []
  for (let i = 0; i < a.length; i++) {
    const g = `${a[i]} ${a[i + 1]} ${a[i + 2]}`
    if (!grams.has(g) && i + 2 < a.length) run.push(a[i]!)
    else if (run.length) {
      runs.push(run.slice(0, 12).join(' ') + (run.length > 12 ? ` …(${run.length})` : ''))
      run = []
    }
  }
  if (run.length) runs.push(run.slice(0, 12).join(' ') + (run.length > 12 ? ` …(${run.length})` : ''))
  return runs.slice(0, 4).join(' | ') || '(none)'
}

async function parent(): Promise<void> {
  if (!existsSync(DATA)) {
    console.log(`bench:extract skipped: ${DATA} is absent (the shared benchmark data sits beside the repo).`)
    return
  }
  const truth = loadTruth()
  selfTest(truth)
  const dossier = run('dossier')
  // --dossier-only: a quick development loop; the stored Readability.js output stands in for the live run.
  const readability = process.argv.includes('--dossier-only') ? storedPeer('readability_js', truth) : run('readability')
  const pages = Object.keys(truth).length
  const ds = scoreAll(truth, (id) => dossier.predictions[id] ?? '')
  const rs = scoreAll(truth, (id) => readability.predictions[id] ?? '')
  const [da, ra] = [aggregate([...ds.values()]), aggregate([...rs.values()])]
  const [dsd, rsd] = [bootstrapStd([...ds.values()]), bootstrapStd([...rs.values()])]
  const rows: (string | number)[][] = [
    ['F1', withStd(da, dsd, (c) => c.f1), withStd(ra, rsd, (c) => c.f1), ratio(da.f1, ra.f1)],
    ['precision', withStd(da, dsd, (c) => c.precision), withStd(ra, rsd, (c) => c.precision), ratio(da.precision, ra.precision)],
    ['recall', withStd(da, dsd, (c) => c.recall), withStd(ra, rsd, (c) => c.recall), ratio(da.recall, ra.recall)],
    ['accuracy', withStd(da, dsd, (c) => c.accuracy), withStd(ra, rsd, (c) => c.accuracy), ratio(da.accuracy, ra.accuracy)],
    ['pages/s', pages / dossier.seconds, pages / readability.seconds, ratio(pages / dossier.seconds, pages / readability.seconds)],
    ['peak RSS MB', dossier.maxRssMb, readability.maxRssMb, ratio(dossier.maxRssMb, readability.maxRssMb)],
    ['failed pages', dossier.failures, readability.failures, ''],
  ]
  printTable(`bench:extract — ${pages} pages, Scrapinghub article-extraction benchmark (± = bootstrap std, 1,000 resamples)`, ['figure', 'Dossier', 'Readability.js 0.6 on jsdom', 'ratio'], rows)
  console.log('Goals: F1 ≥ 0.975 (best published open-source 0.970), pages/s ≥ 10× Readability.js. Peak RSS includes the 181 decoded pages held in memory by each child.')
  const worstArg = process.argv.indexOf('--worst')
  if (worstArg >= 0) printWorst(truth, dossier, ds, Number(process.argv[worstArg + 1] ?? 10))
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? 'dossier')
else await parent()
