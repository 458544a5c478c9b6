/**
 * Stories, measured two ways (issue 4 §7):
 * 1. Similarity on the SemEval-2022 Task 8 English pairs (../shared/benchmarks/story-pairs): each
 *    text is run through the real pipeline (clean, entities, quotes, times …), so the combined
 *    similarity (words, shared actors, shared quotes) is what is measured; words-only and a MinHash
 *    peer beside it. Pearson r with the human `Overall` score, and precision/recall/F1 of the
 *    same-story decision (threshold tuned on the training split, reported on the testing split).
 * 2. Near-duplicates + clustering of 10k, 30k and 100k generated articles in memory, each size in a
 *    child process so its peak RSS is its own; a brute-force peer (every article against every
 *    story) at 10k.
 *
 *   npm run bench:stories            (both)
 *   npm run bench:stories -- --pairs (the similarity part only)
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { RawDocument } from '../src/document/index.js'
import { processDocument } from '../src/pipeline/process.js'
import { StoryClusterer, daysBetween, MAX_EVENT_GAP_DAYS, SAME_STORY_SIMILARITY, storySimilarity, type ArticleFeatures } from '../src/stages/stories/cluster.js'
import { readArticle, type ArticleText } from '../src/stages/stories/features.js'
import { estimateJaccard, minhashSignature } from '../src/stages/stories/minhash.js'
import { NearDuplicateIndex } from '../src/stages/stories/near-duplicates.js'
import { DocumentFrequencies, cosine, termCounts, tfidfVector } from '../src/stages/stories/similarity.js'
import { generateStoryArticles, pearson, readStoryPairs, scoreDecision, tuneThreshold, type StoryPair } from './lib/story-pairs.js'
import { printTable, ratio } from './lib/table.js'

const DIR = resolve(import.meta.dirname, '../../shared/benchmarks/story-pairs')
/** The README's reading of the scale: two reports of one event score about 1–1.5. */
const SAME_STORY_MAX_OVERALL = 1.5
const SIZES = [10_000, 30_000, 100_000]
const BRUTE_FORCE_SIZE = 10_000

const scaleArg = process.argv.indexOf('--scale')
if (scaleArg >= 0) {
  console.log(JSON.stringify(runScale(Number(process.argv[scaleArg + 1]), process.argv.includes('--brute'))))
} else {
  if (existsSync(DIR)) benchPairs()
  else console.log(`bench:stories: pairs skipped, ${DIR} is absent`)
  if (!process.argv.includes('--pairs')) benchScale()
}

function benchPairs(): void {
  const train = readStoryPairs(DIR, 'training_set')
  const test = readStoryPairs(DIR, 'testing_set')
  const started = performance.now()
  const read = new Map<string, ArticleText>()
  const annotate = (id: string, text: string): ArticleText => {
    let article = read.get(id)
    if (article === undefined) {
      const raw: RawDocument = { id, origin: { input: id, blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: {}, content: { kind: 'text', body: text } }
      article = readArticle(processDocument(raw))
      read.set(id, article)
    }
    return article
  }
  const pairs = [...train, ...test].map((p) => ({ p, a: annotate(`${p.id}:1`, p.text1), b: annotate(`${p.id}:2`, p.text2) }))
  const annotateMs = performance.now() - started
  // Document frequencies from every text of both splits: unsupervised corpus statistics, as the engine gathers them from its store.
  const df = new DocumentFrequencies()
  for (const { a, b } of pairs) {
    df.add(a.counts)
    df.add(b.counts)
  }
  const byId = new Map(pairs.map((x) => [x.p.id, x]))
  const feat = (a: ArticleText, key: string): ArticleFeatures<string> => ({ key, vector: tfidfVector(a.counts, df), entities: a.entities, quotes: a.quotes, date: a.date })
  type Scorer = (p: StoryPair) => number
  const scorers: [string, Scorer][] = [
    ['Dossier combined (words, actors, quotes)', (p) => {
      const { a, b } = byId.get(p.id)!
      const x = feat(a, 'a')
      const y = feat(b, 'b')
      return storySimilarity(y, { centroid: new Map(x.vector), entityCounts: new Map([...x.entities].map((e) => [e, 1])), quotes: new Set(x.quotes) })
    }],
    ['Dossier words only (TF-IDF cosine)', (p) => cosine(feat(byId.get(p.id)!.a, 'a').vector, feat(byId.get(p.id)!.b, 'b').vector)],
    ['peer: MinHash Jaccard of 5-word shingles', (p) => estimateJaccard(minhashSignature(p.text1), minhashSignature(p.text2))],
  ]
  const rows: (string | number)[][] = []
  for (const [name, score] of scorers) {
    const trainSims = train.map(score)
    const testSims = test.map(score)
    const tuned = tuneThreshold(trainSims, train.map((p) => p.overall), SAME_STORY_MAX_OVERALL)
    const held = scoreDecision(testSims, test.map((p) => p.overall), tuned.threshold, SAME_STORY_MAX_OVERALL)
    const atEngine = scoreDecision(testSims, test.map((p) => p.overall), SAME_STORY_SIMILARITY, SAME_STORY_MAX_OVERALL)
    // Overall falls as similarity rises: correlate with −Overall so higher is better.
    rows.push([name, pearson(testSims, test.map((p) => -p.overall)), pearson(trainSims, train.map((p) => -p.overall)), tuned.threshold, held.precision, held.recall, held.f1, atEngine.f1])
  }
  printTable(
    `Story similarity, English pairs (train ${train.length}, test ${test.length}; ${read.size} texts annotated in ${(annotateMs / 1000).toFixed(1)} s); same story = Overall ≤ ${SAME_STORY_MAX_OVERALL}`,
    ['scorer', 'Pearson r (test)', 'r (train)', 'threshold (tuned on train)', 'precision (test)', 'recall (test)', 'F1 (test)', `F1 (test) at engine's ${SAME_STORY_SIMILARITY}`],
    rows,
  )
}

interface ScaleResult { readonly articles: number; readonly ms: number; readonly rssMb: number; readonly stories: number; readonly copies: number }

function benchScale(): void {
  const child = (n: number, brute: boolean): ScaleResult => {
    const out = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--scale', String(n), ...(brute ? ['--brute'] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 })
    if (out.status !== 0) throw new Error(`bench:stories child (${n}) failed: ${out.stderr}`)
    return JSON.parse(out.stdout.trim().split('\n').pop()!) as ScaleResult
  }
  const results = SIZES.map((n) => child(n, false))
  const brute = child(BRUTE_FORCE_SIZE, true)
  const base = results[0]!
  printTable(
    'Near-duplicates + clustering, generated articles (stories of 2–6 reports, ~10% copies), in memory, one child process per size',
    ['articles', 'time (s)', 'ms per 1k articles', 'growth vs 10k (per article)', 'peak RSS (MB)', 'stories', 'copies found'],
    results.map((r) => [r.articles, r.ms / 1000, r.ms / (r.articles / 1000), ratio(r.ms / r.articles, base.ms / base.articles), r.rssMb, r.stories, r.copies]),
  )
  printTable(
    `Peer at ${BRUTE_FORCE_SIZE.toLocaleString('en-US')}: each article against every story (no candidate index)`,
    ['run', 'time (s)', 'peak RSS (MB)', 'stories', 'ratio (peer / Dossier)'],
    [
      ['Dossier (term and quote candidate index)', base.ms / 1000, base.rssMb, base.stories, '1.00×'],
      ['peer: brute force', brute.ms / 1000, brute.rssMb, brute.stories, ratio(brute.ms, base.ms)],
    ],
  )
}

/** Places `n` generated articles: LSH near-duplicates, then clustering (or brute force). */
function runScale(n: number, brute: boolean): ScaleResult {
  const articles = generateStoryArticles(n)
  const started = performance.now()
  const copiesIndex = new NearDuplicateIndex<number>()
  const df = new DocumentFrequencies()
  const clusterer = new StoryClusterer<number>((key) => `st-${key}`)
  const bruteStories: Array<{ centroid: Map<string, number>; entityCounts: Map<string, number>; quotes: Set<string>; first: string | null; last: string | null }> = []
  let copies = 0
  articles.forEach((a, i) => {
    if (copiesIndex.add(i, minhashSignature(a.text)).length > 0) {
      copies++
      return
    }
    const counts = termCounts(a.text)
    df.add(counts)
    const features: ArticleFeatures<number> = { key: i, vector: tfidfVector(counts, df), entities: a.entities, quotes: a.quotes, date: a.date }
    if (!brute) {
      clusterer.add(features)
      return
    }
    let best = -1
    let bestScore = SAME_STORY_SIMILARITY
    bruteStories.forEach((s, k) => {
      if (s.first !== null && a.date !== null && daysBetween(a.date, s.first) > MAX_EVENT_GAP_DAYS && daysBetween(a.date, s.last!) > MAX_EVENT_GAP_DAYS) return
      const score = storySimilarity(features, s)
      if (score >= bestScore) {
        best = k
        bestScore = score
      }
    })
    if (best < 0) bruteStories.push({ centroid: new Map(features.vector), entityCounts: new Map([...a.entities].map((e) => [e, 1])), quotes: new Set(a.quotes), first: a.date, last: a.date })
    else for (const e of a.entities) bruteStories[best]!.entityCounts.set(e, (bruteStories[best]!.entityCounts.get(e) ?? 0) + 1)
  })
  const ms = performance.now() - started
  return { articles: n, ms, rssMb: Math.round(process.resourceUsage().maxRSS / 1024), stories: brute ? bruteStories.length : clusterer.stories.length, copies }
}
