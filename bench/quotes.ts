/**
 * npm run bench:quotes — quotes and reported speech on PolNeAR (`../shared/benchmarks/attribution/`,
 * brat Content/Source/Cue spans), beside a naive peer run in the same script: every quote-mark
 * pair is a direct quote, attributed to the nearest capitalised name.
 *
 * Each text runs through the real sentences, entities and quotes stages as a plain-text document
 * whose clean layer is one paragraph block per non-empty line (the texts are already clean;
 * offsets stay the .txt's characters). Articles with two annotators are scored on the first file.
 *
 * Scoring, per kind (direct: the gold content is in quote marks, or is a transcript line opening
 * its paragraph after an upper-case "NAME:" label; indirect: the rest):
 * - spans are compared after trimming quote marks, punctuation and spaces at their edges (gold
 *   includes the marks, Dossier's quotes are inside them); a split quote is its hull;
 * - a prediction matches a gold content exactly, or by overlap (covering at least half of the gold
 *   span); one prediction per gold, greedily;
 * - a partial quote (a fragment in marks inside the writer's sentence) is scored as reported speech:
 *   PolNeAR's content for it is the paraphrase around the fragment; one inside a reported statement
 *   Dossier also found is that statement, not a second one;
 * - speaker accuracy: of the gold contents matched by overlap that have a Source, the share whose
 *   predicted speaker span overlaps the gold Source (or, for a speaker resolved through a pronoun
 *   or role, whose entity has another mention overlapping it).
 * After the table, an error log: the ten articles with the most direct-quote errors, each missed
 * quote, spurious quote and wrong speaker shown (read them to find what the rules miss).
 * Usage: npx tsx bench/quotes.ts [dev|train]   Env: BENCH_QUOTES_LIMIT (articles),
 * BENCH_QUOTES_ERRORS=0 (no error log).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Block, Document, EntitiesLayer, Quote, Span } from '../src/document/index.js'
import type { Stage } from '../src/pipeline/stage.js'
import { runStages } from '../src/pipeline/run.js'
import { entities } from '../src/stages/entities/index.js'
import { metadata } from '../src/stages/metadata/index.js'
import { sentences } from '../src/stages/sentences/index.js'
import { quotes } from '../src/stages/quotes/index.js'
import { readBratAttributions, type BratAttribution } from './lib/brat.js'
import { printTable, ratio } from './lib/table.js'

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..')
const split = process.argv[2] ?? 'dev'
const dir = resolve(repoRoot, '../shared/benchmarks/attribution', split)
const LIMIT = Number(process.env.BENCH_QUOTES_LIMIT ?? Infinity)
/** A prediction covering at least this share of a gold span matches it by overlap. */
const MIN_GOLD_COVER = 0.5
const EDGE = /[\s"“”‘’«»'.,;:!?—–-]/

interface Article { readonly name: string; readonly text: string; readonly gold: readonly BratAttribution[] }

interface Prediction {
  readonly span: Span
  readonly direct: boolean
  /** Spans that name the speaker: the speaker phrase, and for a resolved pronoun or role the entity's other mentions. */
  readonly speaker: readonly Span[]
}

interface Tally { gold: number; pred: number; exact: number; overlap: number; withSource: number; rightSpeaker: number }

/** One article's direct-quote errors, for the error log. */
interface ArticleErrors {
  readonly name: string
  readonly missed: string[]
  readonly spurious: string[]
  readonly wrongSpeaker: string[]
}
/** Articles listed in the error log, worst first. */
const WORST_SHOWN = Number(process.env.BENCH_QUOTES_WORST ?? 10)
/** Characters of a quote or speaker shown in the error log. */
const SNIPPET_CHARS = 70

function loadArticles(): Article[] {
  const names = readdirSync(resolve(dir, 'text')).filter((f) => f.endsWith('.txt')).sort().slice(0, LIMIT)
  const anns = readdirSync(resolve(dir, 'attributions')).sort()
  return names.map((f) => {
    const name = f.slice(0, -4)
    const ann = anns.find((a) => a.startsWith(`${name}_`))
    const gold = ann === undefined ? [] : readBratAttributions(readFileSync(resolve(dir, 'attributions', ann), 'utf8'))
    return { name, text: readFileSync(resolve(dir, 'text', f), 'utf8'), gold }
  })
}

/** A document whose clean layer is one paragraph per non-empty line. */
function plainDocument(name: string, text: string): Document {
  const blocks: Block[] = []
  let at = 0
  for (const line of text.split('\n')) {
    const start = at + (line.length - line.trimStart().length)
    const end = at + line.trimEnd().length
    if (end > start) blocks.push({ kind: 'paragraph', spans: [{ start, end }] })
    at += line.length + 1
  }
  return {
    id: name, origin: { input: name, blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {}, source: text, layers: { clean: { blocks, removed: [], flags: [] }, page: { candidates: [] } }, messages: [],
  }
}

function trim(text: string, s: Span): Span {
  let a = s.start
  let b = s.end
  while (a < b && EDGE.test(text[a]!)) a++
  while (b > a && EDGE.test(text[b - 1]!)) b--
  return { start: a, end: b }
}

function hull(spans: readonly Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) }
}

function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

/** A transcript line's opening: a paragraph's start, an optional mark, an upper-case speaker label and a colon ("WALLACE: "). */
const TRANSCRIPT_LABEL = /(?:^|\n)["“]?\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+){0,2}:[ \t]*$/u

/** Direct: the content is in quote marks, or is a transcript line (verbatim words after "NAME:"). */
function isDirectGold(text: string, content: readonly Span[]): boolean {
  const h = hull(content)
  const raw = text.slice(h.start, h.end).trim().replace(/[.,;:]+$/, '')
  if (/^["“‘«]/.test(raw) && /["”’»]$/.test(raw)) return true
  return TRANSCRIPT_LABEL.test(text.slice(Math.max(0, h.start - 40), h.start))
}

/** Dossier's predictions: the quotes layer, partial quotes inside a found statement folded into it. */
function dossierPredictions(doc: Document): Prediction[] {
  const layer = doc.layers.quotes?.quotes ?? []
  const mentions = doc.layers.entities
  const reported = layer.filter((q) => !q.direct)
  return layer
    .filter((q) => !(q.partial && reported.some((r) => r.span.start <= q.span.start && q.span.end <= r.span.end)))
    .map((q) => ({ span: q.span, direct: q.direct && !q.partial, speaker: speakerSpans(q, mentions) }))
}

function speakerSpans(q: Quote, entities: EntitiesLayer | undefined): Span[] {
  const out: Span[] = q.speaker.span === null ? [] : [q.speaker.span]
  if (entities !== undefined && q.speaker.entity !== null && q.speaker.resolution !== 'named') {
    for (const m of entities.mentions) if (m.entity === q.speaker.entity && m.kind !== 'pronoun') out.push(m.span)
  }
  return out
}

const PAIR = /[“"]([^“”"\n]+)[”"]/g
const NAME = /\b\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*/gu

/** The peer: every pair of marks on a line is a direct quote, attributed to the nearest capitalised words outside it. */
function baselinePredictions(text: string): Prediction[] {
  const out: Prediction[] = []
  let at = 0
  for (const line of text.split('\n')) {
    const quotesOnLine: Span[] = []
    for (const m of line.matchAll(PAIR)) quotesOnLine.push({ start: at + m.index + 1, end: at + m.index + m[0].length - 1 })
    const names: Span[] = []
    for (const m of line.matchAll(NAME)) {
      const s = { start: at + m.index, end: at + m.index + m[0].length }
      if (!quotesOnLine.some((q) => overlapLength(q, s) > 0)) names.push(s)
    }
    for (const q of quotesOnLine) {
      const distance = (n: Span): number => (n.end <= q.start ? q.start - n.end : n.start - q.end)
      const nearest = [...names].sort((a, b) => distance(a) - distance(b))[0]
      out.push({ span: q, direct: true, speaker: nearest === undefined ? [] : [nearest] })
    }
    at += line.length + 1
  }
  return out
}

function snippet(text: string, s: Span): string {
  const t = text.slice(s.start, s.end).replace(/\s+/g, ' ')
  return t.length <= SNIPPET_CHARS ? t : `${t.slice(0, SNIPPET_CHARS - 1)}…`
}

function score(text: string, gold: readonly BratAttribution[], predicted: readonly Prediction[], tallies: Record<'direct' | 'indirect', Tally>, errors?: ArticleErrors): void {
  for (const kind of ['direct', 'indirect'] as const) {
    const t = tallies[kind]
    const golds = gold.filter((g) => isDirectGold(text, g.content) === (kind === 'direct'))
    const preds = predicted.filter((p) => p.direct === (kind === 'direct')).map((p) => ({ ...p, span: trim(text, p.span) }))
    t.gold += golds.length
    t.pred += preds.length
    const usedExact = new Set<number>()
    const usedOverlap = new Set<number>()
    for (const g of golds) {
      const gs = trim(text, hull(g.content))
      const exact = preds.findIndex((p, i) => !usedExact.has(i) && p.span.start === gs.start && p.span.end === gs.end)
      if (exact >= 0) {
        usedExact.add(exact)
        t.exact++
      }
      // Of the predictions covering enough of the gold, the closest in extent (Jaccard), so a
      // runaway quote over several paragraphs does not take the place of the right one.
      let best = -1
      let bestJaccard = 0
      preds.forEach((p, i) => {
        const o = overlapLength(p.span, gs)
        const jaccard = o / (Math.max(p.span.end, gs.end) - Math.min(p.span.start, gs.start))
        if (!usedOverlap.has(i) && o >= MIN_GOLD_COVER * (gs.end - gs.start) && jaccard > bestJaccard) {
          best = i
          bestJaccard = jaccard
        }
      })
      if (best < 0) {
        if (kind === 'direct') errors?.missed.push(snippet(text, gs))
        continue
      }
      usedOverlap.add(best)
      t.overlap++
      if (g.source.length === 0) continue
      t.withSource++
      if (preds[best]!.speaker.some((s) => g.source.some((gs2) => overlapLength(s, gs2) > 0))) t.rightSpeaker++
      else if (kind === 'direct') {
        const said = preds[best]!.speaker[0]
        errors?.wrongSpeaker.push(`${said === undefined ? '(none)' : snippet(text, said)} ≠ ${snippet(text, g.source[0]!)}: ${snippet(text, gs)}`)
      }
    }
    if (kind === 'direct') preds.forEach((p, i) => { if (!usedOverlap.has(i)) errors?.spurious.push(snippet(text, p.span)) })
  }
}

/** The error log: the articles with the most direct-quote errors, and each error. */
function printWorst(all: readonly ArticleErrors[]): void {
  const count = (e: ArticleErrors): number => e.missed.length + e.spurious.length + e.wrongSpeaker.length
  const worst = [...all].sort((a, b) => count(b) - count(a) || a.name.localeCompare(b.name)).slice(0, WORST_SHOWN)
  console.log(`\nTen worst articles (direct quotes: missed, spurious, wrong speaker)`)
  for (const e of worst) {
    console.log(`- ${e.name}: ${e.missed.length} missed, ${e.spurious.length} spurious, ${e.wrongSpeaker.length} wrong speaker`)
    for (const m of e.missed) console.log(`    missed: ${m}`)
    for (const m of e.spurious) console.log(`    spurious: ${m}`)
    for (const m of e.wrongSpeaker) console.log(`    speaker: ${m}`)
  }
}

function emptyTally(): Tally {
  return { gold: 0, pred: 0, exact: 0, overlap: 0, withSource: 0, rightSpeaker: 0 }
}

function f1(matched: number, gold: number, pred: number): [number, number, number] {
  const p = pred === 0 ? 0 : matched / pred
  const r = gold === 0 ? 0 : matched / gold
  return [p, r, p + r === 0 ? 0 : (2 * p * r) / (p + r)]
}

function main(): void {
  if (!existsSync(dir)) {
    console.log(`bench:quotes skipped: ${dir} is absent`)
    return
  }
  const articles = loadArticles()
  const stages: Stage[] = [sentences, entities]
  const dossier = { direct: emptyTally(), indirect: emptyTally() }
  const peer = { direct: emptyTally(), indirect: emptyTally() }
  let dossierSeconds = 0
  let quotesSeconds = 0
  let peerSeconds = 0
  let chars = 0
  const errors: ArticleErrors[] = []
  for (const a of articles) {
    chars += a.text.length
    const base = runStages(plainDocument(a.name, a.text), [metadata])
    let t0 = performance.now()
    const annotated = runStages(base, stages)
    const t1 = performance.now()
    const quoted = runStages(annotated, [quotes])
    const t2 = performance.now()
    dossierSeconds += (t2 - t0) / 1000
    quotesSeconds += (t2 - t1) / 1000
    const e: ArticleErrors = { name: a.name, missed: [], spurious: [], wrongSpeaker: [] }
    errors.push(e)
    score(a.text, a.gold, dossierPredictions(quoted), dossier, e)
    t0 = performance.now()
    const naive = baselinePredictions(a.text)
    peerSeconds += (performance.now() - t0) / 1000
    score(a.text, a.gold, naive, peer)
  }
  // The stage alone, warm (second pass over documents already annotated up to entities).
  const prepared = articles.map((a) => runStages(runStages(plainDocument(a.name, a.text), [metadata]), stages))
  const warm0 = performance.now()
  for (const d of prepared) quotes.run(d, {})
  const warmMs = (performance.now() - warm0) / prepared.length
  const rows: (string | number)[][] = []
  for (const kind of ['direct', 'indirect'] as const) {
    const d = dossier[kind]
    const p = peer[kind]
    const [dp, dr, df] = f1(d.overlap, d.gold, d.pred)
    const [pp, pr, pf] = f1(p.overlap, p.gold, p.pred)
    const [, , dfe] = f1(d.exact, d.gold, d.pred)
    const [, , pfe] = f1(p.exact, p.gold, p.pred)
    const dsa = d.withSource === 0 ? 0 : d.rightSpeaker / d.withSource
    const psa = p.withSource === 0 ? 0 : p.rightSpeaker / p.withSource
    rows.push([`${kind}: gold contents / predicted`, `${d.gold} / ${d.pred}`, `${p.gold} / ${p.pred}`, ''])
    rows.push([`${kind}: precision (overlap)`, dp, pp, ratio(dp, pp)])
    rows.push([`${kind}: recall (overlap)`, dr, pr, ratio(dr, pr)])
    rows.push([`${kind}: F1 (overlap ≥ ½ gold)`, df, pf, ratio(df, pf)])
    rows.push([`${kind}: F1 (exact, edges trimmed)`, dfe, pfe, ratio(dfe, pfe)])
    rows.push([`${kind}: speaker accuracy (${d.withSource} / ${p.withSource} matched with a Source)`, dsa, psa, ratio(dsa, psa)])
  }
  const kb = chars / articles.length / 1024
  rows.push(['articles/s (sentences+entities+quotes)', articles.length / dossierSeconds, articles.length / peerSeconds, ratio(articles.length / dossierSeconds, articles.length / peerSeconds)])
  rows.push([`quotes stage ms per 5 KB, first pass (mean article ${kb.toFixed(1)} KB)`, (quotesSeconds * 1000 / articles.length) * (5 / kb), '', ''])
  rows.push(['quotes stage ms per 5 KB, warm second pass', warmMs * (5 / kb), '', ''])
  printTable(`bench:quotes on ${split} (${articles.length} articles)`, ['figure', 'Dossier', 'naive peer', 'ratio'], rows)
  if (process.env.BENCH_QUOTES_ERRORS !== '0') printWorst(errors)
}

main()
