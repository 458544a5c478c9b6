/**
 * npm run bench:adversarial — time and peak memory against input size for hostile inputs, each
 * size doubling, beside a peer measured in the same run on the same input:
 *
 *   deep nesting        extraction (parse, render, clean, page metadata) of <div> nested n deep;
 *                       peer: parsing alone (htmlparser2 with linear stacks, parseHtml)
 *   repetitive text     text cleaning of one sentence repeated to n MB;
 *                       peer: splitting the same text into words
 *   long document       extraction and every stage `analyze` runs, on one article of n MB;
 *                       peer: the same text cut into ~5 KB articles, the same stages on each
 *   huge JSONL line     the public ingest API (readInputs) on a file of one record of n MB;
 *                       peer: JSON.parse of the same line
 *
 * Each figure comes from its own child process (so its peak RSS is its own); the ratio per
 * doubling is time (and memory) at a size over time at half that size: linear is 2×, the goal is
 * ≤ 2.2×. On a shared machine single ratios are noisy, so the title also gives the mean per
 * doubling over the whole range (the geometric mean). The budget column compares each time with DEFAULT_BUDGET.ms, the time one document may
 * hold a worker before its input fails alone.
 *
 *   npx tsx bench/adversarial.ts                  every kind, 5 sizes each
 *   npx tsx bench/adversarial.ts deep text        some kinds
 *   BENCH_ADVERSARIAL_STEPS=4                     fewer doublings (default 5 sizes: 4 doublings)
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RawDocument } from '../src/document/index.js'
import { readInputs } from '../src/index.js'
import { DEFAULT_BUDGET } from '../src/pipeline/pool.js'
import { processDocument } from '../src/pipeline/process.js'
import { extractDocument } from '../src/stages/clean/index.js'
import { parseHtml } from '../src/stages/clean/html/parse.js'
import { cleanTextPage } from '../src/stages/clean/text/index.js'
import { formatNumber, printTable, ratio } from './lib/table.js'

const STEPS = Number(process.env.BENCH_ADVERSARIAL_STEPS ?? '5')
const NORMAL_ARTICLE_CHARS = 5_000

interface Kind {
  readonly title: string
  readonly unit: string
  /** The smallest size; each next one doubles it. */
  readonly first: number
  readonly subject: string
  readonly peer: string
  /** Builds the input (untimed), then returns the timed work of each side. */
  prepare(size: number): Work | Promise<Work>
}

interface Work {
  readonly subject: () => unknown
  readonly peer: () => unknown
  readonly cleanup?: () => void
}

const SENTENCE = 'The old bridge will close for six weeks from Monday while engineers replace its deck, the city said. '
const NAMES = ['Jane Alder', 'Omar Haddad', 'Lena Fischer', 'Kwame Mensah', 'Ana Souza', 'Piotr Nowak']

function raw(input: string, kind: 'html' | 'text', body: string): RawDocument {
  return { id: input, origin: { input, blob: '0'.repeat(64), container: kind }, charset: { name: 'utf-8', basis: 'valid-utf8', confidence: 1 }, hints: {}, content: { kind, body } }
}

/** Distinct paragraphs (numbers differ, so cleaning keeps them) naming people, quoting them, dating things. */
function paragraphs(chars: number): string[] {
  const out: string[] = []
  for (let i = 0, n = 0; n < chars; i++) {
    const name = NAMES[i % NAMES.length]!
    const p = `On ${1 + (i % 28)} May 2024, ${name} met officials of the United Nations in Geneva about report ${i * 13}. ` +
      `"We will keep working on part ${i}," ${name.split(' ')[1]} told Reuters, adding that sanctions on item ${i} would stay. ` +
      `She said the president would visit area ${i} and that fares rose ${i % 97} percent.\n\n`
    out.push(p)
    n += p.length
  }
  return out
}

const KINDS: Record<string, Kind> = {
  deep: {
    title: 'Deep nesting: <div> nested n deep around an article',
    unit: 'elements',
    first: 25_000,
    subject: 'extraction',
    peer: 'parseHtml alone',
    prepare(n) {
      const html = `<html><head><title>Fares</title></head><body><p>Intro.</p>${'<div>'.repeat(n)}<p>${SENTENCE}</p>${'</div>'.repeat(n)}</body></html>`
      return { subject: () => extractDocument(raw('deep.html', 'html', html)), peer: () => parseHtml(html) }
    },
  },
  text: {
    title: 'Long repetitive text: one sentence repeated',
    unit: 'MB',
    first: 1.4,
    subject: 'text cleaning',
    peer: 'split into words',
    prepare(mb) {
      const text = SENTENCE.repeat(Math.round((mb * 1e6) / SENTENCE.length))
      return { subject: () => cleanTextPage(text), peer: () => text.split(/\s+/).length }
    },
  },
  analyze: {
    title: 'Long document through analyze: one article, every stage',
    unit: 'MB',
    first: 0.25,
    subject: 'one article',
    peer: `same text as ~${NORMAL_ARTICLE_CHARS / 1000} KB articles`,
    prepare(mb) {
      const ps = paragraphs(mb * 1e6)
      const articles: string[] = []
      let current = ''
      for (const p of ps) {
        current += p
        if (current.length < NORMAL_ARTICLE_CHARS) continue
        articles.push(current)
        current = ''
      }
      if (current) articles.push(current)
      const long = `Talks go on\n\n${ps.join('')}`
      return {
        subject: () => processDocument(raw('long.txt', 'text', long)),
        peer: () => articles.map((a, i) => processDocument(raw(`a${i}.txt`, 'text', `Talks go on\n\n${a}`))),
      }
    },
  },
  jsonl: {
    title: 'Huge JSONL line: one record, read through the public ingest API (readInputs)',
    unit: 'MB',
    first: 3.125,
    subject: 'readInputs',
    peer: 'JSON.parse of the line',
    async prepare(mb) {
      const dir = mkdtempSync(join(tmpdir(), 'dossier-adversarial-'))
      const ps = paragraphs(mb * 1e6)
      const line = JSON.stringify({ url: 'https://example.org/a', title: 'Talks go on', text: ps.join('') })
      const path = join(dir, 'huge.jsonl')
      writeFileSync(path, `${line}\n`)
      return {
        subject: async () => {
          for await (const r of readInputs([path], { maxInputBytes: 256 * 1024 * 1024 })) if (!r.ok) throw r.error
        },
        peer: () => JSON.parse(line) as unknown,
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      }
    },
  },
}

interface Figure { readonly ms: number; readonly rssMb: number; readonly error?: string }

async function child(kind: string, size: number, side: 'subject' | 'peer'): Promise<void> {
  // Module loading and JIT warm-up first, on a small input, so the figure is the size's own.
  const warm = await KINDS[kind]!.prepare(KINDS[kind]!.first / 8)
  await warm[side]()
  warm.cleanup?.()
  const work = await KINDS[kind]!.prepare(size)
  const started = performance.now()
  let error: string | undefined
  try {
    await work[side]()
  } catch (e) {
    error = e instanceof Error ? e.message : String(e)
  }
  const ms = performance.now() - started
  work.cleanup?.()
  console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, error } satisfies Figure))
}

function measure(kind: string, size: number, side: 'subject' | 'peer'): Figure {
  const script = fileURLToPath(import.meta.url)
  const out = spawnSync(process.execPath, [...process.execArgv, script, '--child', kind, String(size), side], { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (out.status !== 0) return { ms: Number.NaN, rssMb: Number.NaN, error: `exit ${out.status}: ${out.stderr.trim().split('\n').pop()}` }
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Figure
}

function main(kinds: readonly string[]): void {
  for (const name of kinds) {
    const kind = KINDS[name]
    if (!kind) throw new Error(`unknown kind "${name}"; kinds: ${Object.keys(KINDS).join(', ')}`)
    const rows: (string | number)[][] = []
    let previous: { subject: Figure; peer: Figure } | undefined
    let worst = 0
    let firstMs = Number.NaN
    for (let step = 0, size = kind.first; step < STEPS; step++, size *= 2) {
      const subject = measure(name, size, 'subject')
      const peer = measure(name, size, 'peer')
      const growth = previous ? subject.ms / previous.subject.ms : Number.NaN
      if (step > 0) worst = Math.max(worst, growth)
      rows.push([
        `${formatNumber(size)} ${kind.unit}`,
        subject.error ? `failed: ${subject.error}` : subject.ms,
        subject.rssMb,
        previous ? ratio(subject.ms, previous.subject.ms) : '',
        previous ? ratio(subject.rssMb, previous.subject.rssMb) : '',
        peer.error ? `failed: ${peer.error}` : peer.ms,
        peer.rssMb,
        previous ? ratio(peer.ms, previous.peer.ms) : '',
        ratio(subject.ms, peer.ms),
        subject.ms <= DEFAULT_BUDGET.ms ? 'within' : 'over',
      ])
      previous = { subject, peer }
      if (step === 0) firstMs = subject.ms
    }
    const last = previous!
    const mean = (last.subject.ms / firstMs) ** (1 / (STEPS - 1))
    printTable(
      `${kind.title} (time per doubling: mean ${mean.toFixed(2)}×, worst ${worst.toFixed(2)}×; goal ≤ 2.2×)`,
      ['size', `${kind.subject} ms`, 'peak RSS MB', 'time ×/doubling', 'RSS ×/doubling', `${kind.peer} ms`, 'peer RSS MB', 'peer time ×/doubling', `${kind.subject} / peer`, `budget ${DEFAULT_BUDGET.ms / 1000} s`],
      rows,
    )
  }
}

const childAt = process.argv.indexOf('--child')
if (childAt >= 0) {
  const [kind, size, side] = process.argv.slice(childAt + 1)
  await child(kind!, Number(size), side as 'subject' | 'peer')
} else {
  const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  main(chosen.length > 0 ? chosen : Object.keys(KINDS))
}
