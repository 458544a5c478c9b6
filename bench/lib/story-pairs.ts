import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { mulberry32 } from './random.js'

/** One pair of the SemEval-2022 Task 8 sample, with the human `Overall` score (1 same story … 4 unrelated). */
export interface StoryPair {
  readonly id: string
  readonly lang1: string
  readonly lang2: string
  readonly text1: string
  readonly text2: string
  readonly overall: number
}

/** Reads the pairs of one split (`training_set` or `testing_set`): English–English unless `languages` is 'all'. */
export function readStoryPairs(dir: string, split: 'training_set' | 'testing_set', languages: 'en' | 'all' = 'en'): StoryPair[] {
  const rows = parse(readFileSync(resolve(dir, `${split}.csv`)), { columns: true, relax_quotes: true }) as Record<string, string>[]
  return rows
    .filter((r) => languages === 'all' || (r.lang1 === 'en' && r.lang2 === 'en'))
    .map((r) => ({ id: r.pair_id ?? '', lang1: r.lang1 ?? '', lang2: r.lang2 ?? '', text1: r.text1 ?? '', text2: r.text2 ?? '', overall: Number(r.Overall) }))
    .filter((p) => Number.isFinite(p.overall))
}

/** Pearson correlation of two equal-length series. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx
    const dy = ys[i]! - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy)
}

export interface Decision {
  readonly threshold: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

/** Precision/recall/F1 of "same story" (similarity ≥ threshold) against gold `overall ≤ sameMax`. */
export function scoreDecision(sims: readonly number[], overall: readonly number[], threshold: number, sameMax: number): Decision {
  let tp = 0
  let fp = 0
  let fn = 0
  sims.forEach((s, i) => {
    const gold = overall[i]! <= sameMax
    const said = s >= threshold
    if (said && gold) tp++
    else if (said) fp++
    else if (gold) fn++
  })
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  return { threshold, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) }
}

/** The threshold with the best F1 on a tuning split (candidates: every observed similarity). */
export function tuneThreshold(sims: readonly number[], overall: readonly number[], sameMax: number): Decision {
  let best: Decision = { threshold: 1, precision: 0, recall: 0, f1: 0 }
  for (const t of new Set(sims)) {
    const d = scoreDecision(sims, overall, t, sameMax)
    if (d.f1 > best.f1) best = d
  }
  return best
}

/** A generated article for the clustering scale bench: its text and the features annotation would give. */
export interface GeneratedArticle {
  readonly text: string
  readonly entities: ReadonlySet<string>
  readonly quotes: ReadonlySet<string>
  readonly date: string
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ner', 'tas', 'vu', 'dor', 'pel', 'sik', 'ran', 'tou', 'bex', 'gal', 'hin', 'zor', 'qua', 'fen', 'wil', 'jut', 'cim']
const COMMON = ('government officials minister report statement week country plan talks agreement meeting region city council budget project ' +
  'security economy trade energy water border court election party leader police protest company market price workers union health school ' +
  'transport port rail road bank tax law vote parliament committee decision support opposition response crisis deal spokesperson press').split(' ')
const ACTOR_POOL = 3_000
const COPY_SHARE = 0.1

/**
 * `n` articles of generated stories (2–6 reports each, dates 2019–2024, reports of one story within
 * a few days, some sharing a quote), about a tenth of them copies of another under new furniture.
 * Each story has its own invented event words, so stories differ as real events do. Seeded: the same `n` gives the same articles.
 */
export function generateStoryArticles(n: number, seed = 7): GeneratedArticle[] {
  const rng = mulberry32(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T
  const word = (): string => Array.from({ length: 2 + Math.floor(rng() * 2) }, () => pick(SYLLABLES)).join('')
  const out: GeneratedArticle[] = []
  let day = Date.UTC(2019, 0, 1)
  while (out.length < n) {
    day += Math.floor(rng() * 2) * 86_400_000
    const event = Array.from({ length: 10 }, word)
    const actors = Array.from({ length: 3 }, () => `person:~p${Math.floor(rng() * ACTOR_POOL)}`)
    const quote = rng() < 0.6 ? Array.from({ length: 8 }, () => pick(rng() < 0.5 ? event : COMMON)).join(' ') : null
    const reports = 2 + Math.floor(rng() * 5)
    for (let r = 0; r < reports && out.length < n; r++) {
      const sentences = Array.from({ length: 8 + Math.floor(rng() * 6) }, () =>
        Array.from({ length: 9 + Math.floor(rng() * 6) }, () => (rng() < 0.35 ? pick(event) : pick(COMMON))).join(' '))
      if (quote !== null) sentences.push(`“${quote},” the spokesperson said`)
      const text = `${sentences.join('. ')}.`
      const date = new Date(day + Math.floor(rng() * 4) * 86_400_000).toISOString().slice(0, 10)
      const article = { text, entities: new Set(actors.filter(() => rng() < 0.85)), quotes: new Set(quote === null ? [] : [quote]), date }
      out.push(article)
      if (rng() < COPY_SHARE && out.length < n) out.push({ ...article, text: `World news | ${word()} edition\n\n${text}\n\nShare this story. More from ${word()} Wire.` })
    }
  }
  return out
}
