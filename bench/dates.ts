/**
 * npm run bench:dates — publication-date accuracy on htmldate's evaluation pages
 * (`../shared/benchmarks/pubdate/`, 800 gzip HTML pages with a gold day each), beside a naive
 * peer run in the same script (the first date-like meta tag only) and htmldate's published figures.
 *
 * Only a day counts as an answer: the gold is a day, so a month or year guess is counted as no
 * answer (FN), never as a hit. Figures are printed for the development split and the held-back split
 * (bench/lib/split.ts, by file name); the error log lists misses of the development split only
 * (BENCH_DATES_SPLIT=held-back|all to see the others). Env: BENCH_DATES_LIMIT (pages),
 * BENCH_DATES_MISSES (misses printed).
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import type { Document } from '../src/document/index.js'
import { decodeText } from '../src/stages/ingest/charset.js'
import { extractHtml } from '../src/stages/clean/html/index.js'
import { readMetadata } from '../src/stages/metadata/index.js'
import { collectPageCandidatesFromDom } from '../src/stages/metadata/page.js'
import { readDate } from '../src/stages/metadata/dates.js'
import { splitOf, type Split } from './lib/split.js'
import { printTable, ratio } from './lib/table.js'

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..')
const dir = resolve(repoRoot, '../shared/benchmarks/pubdate')
const LIMIT = Number(process.env.BENCH_DATES_LIMIT ?? Infinity)
const MISSES_SHOWN = Number(process.env.BENCH_DATES_MISSES ?? 20)
const LOG_SPLIT = process.env.BENCH_DATES_SPLIT ?? 'dev'

/** htmldate's published figures on its full 1,000-page set (README of the benchmark). */
const PUBLISHED: readonly (readonly [string, number, number, number, number])[] = [
  ['htmldate 1.10.0 extensive (published, 1,000 pages)', 0.908, 0.993, 0.903, 0.949],
  ['htmldate 1.10.0 fast (published, 1,000 pages)', 0.924, 0.927, 0.861, 0.925],
]

interface Page { readonly name: string; readonly split: Split; readonly url: string; readonly gold: string; readonly html: string }
interface Answer { readonly date?: string; readonly basis?: string }
interface Score { tp: number; fp: number; fn: number; seconds: number; answers: Answer[] }

function loadPages(): Page[] {
  const labels = JSON.parse(readFileSync(resolve(dir, 'labels.json'), 'utf8')) as Record<string, { url: string; date: string }>
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, LIMIT)
    .map(([name, { url, date }]) => {
      const bytes = gunzipSync(readFileSync(resolve(dir, 'pages', name)))
      return { name, split: splitOf(name), url, gold: date, html: decodeText(name, bytes).text }
    })
}

/** Dossier: page candidates, HTML extraction, then the metadata stage on the Document. */
function dossierDate(page: Page): Answer {
  const { source, clean, dom } = extractHtml(page.html, { url: page.url })
  const candidates = collectPageCandidatesFromDom(dom, { url: page.url })
  const doc: Document = {
    id: page.name,
    origin: { input: page.name, url: page.url, blob: '', container: 'html' },
    charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {},
    markup: page.html,
    source,
    layers: { clean, page: { candidates } },
    messages: [],
  }
  const published = readMetadata(doc).published
  return published?.value.precision === 'day' ? { date: published.value.date, basis: published.basis } : { basis: published?.basis }
}

const NAIVE_META = /<meta\b[^>]*(?:name|property|itemprop)\s*=\s*["']?[^"'>]*(?:date|time|published)[^>]*>/gi

/** The peer: the first meta tag whose name mentions a date, read as a date. */
function naiveDate(page: Page): Answer {
  for (const m of page.html.matchAll(NAIVE_META)) {
    const content = /content\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1]
    const value = content ? readDate(content) : undefined
    if (value?.precision === 'day') return { date: value.date, basis: 'naive:first-date-meta' }
  }
  return {}
}

function score(pages: readonly Page[], find: (p: Page) => Answer): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, seconds: 0, answers: [] }
  const started = performance.now()
  for (const page of pages) {
    const answer = find(page)
    s.answers.push(answer)
    if (!answer.date) s.fn++
    else if (answer.date === page.gold) s.tp++
    else s.fp++
  }
  s.seconds = (performance.now() - started) / 1000
  return s
}

function figures(s: Score, n: number): [number, number, number, number] {
  const precision = s.tp / Math.max(1, s.tp + s.fp)
  const recall = s.tp / Math.max(1, s.tp + s.fn)
  return [precision, recall, s.tp / n, (2 * s.tp) / Math.max(1, 2 * s.tp + s.fp + s.fn)]
}

function main(): void {
  if (!existsSync(resolve(dir, 'labels.json'))) {
    console.log(`bench:dates skipped: ${dir} is absent (the shared benchmarks sit beside the repository).`)
    return
  }
  const pages = loadPages()
  const ours = score(pages, dossierDate)
  const naive = score(pages, naiveDate)
  for (const split of ['dev', 'held-back', 'all'] as const) {
    const keep = pages.map((page) => split === 'all' || page.split === split)
    const part = (s: Score): Score => {
      const answers = s.answers.filter((_, i) => keep[i])
      const gold = pages.filter((_, i) => keep[i]).map((page) => page.gold)
      const tp = answers.filter((x, i) => x.date === gold[i]).length
      const fn = answers.filter((x) => !x.date).length
      return { tp, fn, fp: answers.length - tp - fn, seconds: s.seconds, answers }
    }
    const [o, v] = [part(ours), part(naive)]
    const n = o.answers.length
    const [p, r, a, f] = figures(o, n)
    const [np, nr, na, nf] = figures(v, n)
    const rows: (string | number)[][] = [
      ['precision', p, np, ratio(p, np)],
      ['recall', r, nr, ratio(r, nr)],
      ['accuracy', a, na, ratio(a, na)],
      ['F', f, nf, ratio(f, nf)],
    ]
    if (split === 'all') rows.push(['pages/s', n / ours.seconds, n / naive.seconds, ratio(n / ours.seconds, n / naive.seconds)])
    printTable(`Publication date, ${split === 'all' ? 'all' : `${split} split,`} ${n} pages (exact day; TP ${o.tp}, FP ${o.fp}, FN ${o.fn})`, ['figure', 'Dossier', 'naive first date meta', 'ratio'], rows)
  }
  printTable('For reference: published figures (another set and run, not comparable exactly)', ['tool', 'precision', 'recall', 'accuracy', 'F'], PUBLISHED.map((row) => [...row]))
  const bases = new Map<string, [number, number]>()
  ours.answers.forEach((ans, i) => {
    const key = (ans.basis ?? 'none').replace(/\(.*\)$/, '').replace(/^json-ld:\w+\./, 'json-ld:')
    const [hit, all] = bases.get(key) ?? [0, 0]
    bases.set(key, [hit + (ans.date === pages[i]!.gold ? 1 : 0), all + 1])
  })
  printTable('Dossier answers by basis', ['basis', 'pages', 'correct', 'share correct'], [...bases].sort((x, y) => y[1][1] - x[1][1]).map(([b, [hit, all]]) => [b, all, hit, hit / all]))
  const misses = pages.map((page, i) => ({ page, ans: ours.answers[i]! })).filter(({ page, ans }) => ans.date !== page.gold && (LOG_SPLIT === 'all' || page.split === LOG_SPLIT))
  console.log(`\nMisses of the ${LOG_SPLIT} split (${Math.min(MISSES_SHOWN, misses.length)} of ${misses.length}):`)
  for (const { page, ans } of misses.slice(0, MISSES_SHOWN)) console.log(`  ${page.name} gold ${page.gold} got ${ans.date ?? '-'} (${ans.basis ?? 'no evidence'}) ${page.url}`)
}

main()
