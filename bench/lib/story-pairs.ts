import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'csv-parse/sync'

/** One English–English pair of the SemEval-2022 Task 8 sample, with the human `Overall` score (1 same story … 4 unrelated). */
export interface StoryPair {
  readonly id: string
  readonly text1: string
  readonly text2: string
  readonly overall: number
}

/** Reads the English pairs of one split (`training_set` or `testing_set`). */
export function readStoryPairs(dir: string, split: 'training_set' | 'testing_set'): StoryPair[] {
  const rows = parse(readFileSync(resolve(dir, `${split}.csv`)), { columns: true, relax_quotes: true }) as Record<string, string>[]
  return rows
    .filter((r) => r.lang1 === 'en' && r.lang2 === 'en')
    .map((r) => ({ id: r.pair_id ?? '', text1: r.text1 ?? '', text2: r.text2 ?? '', overall: Number(r.Overall) }))
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
