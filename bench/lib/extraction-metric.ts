/**
 * The article-extraction benchmark's metric (Scrapinghub / Zyte), as its README defines it:
 * word 4-gram shingle multisets per page, macro precision over pages with a non-empty prediction,
 * macro recall over all pages, F1 from the two averages, accuracy as exact token-sequence equality,
 * and ± as the standard deviation over bootstrap resamples of the pages.
 */

/** Unicode-aware equivalent of Python's `re.findall(r'\w+')` on `str`. */
const WORD = /[\p{L}\p{N}_]+/gu
/** Shingle width in words. */
const SHINGLE_WORDS = 4
/** Bootstrap resamples for the ± figures, as upstream. */
export const BOOTSTRAP_RESAMPLES = 1000

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? []
}

/** Word 4-gram multiset; 1–3 tokens give one shingle of all of them, none gives none. */
export function shingles(tokens: readonly string[]): Map<string, number> {
  const out = new Map<string, number>()
  if (tokens.length === 0) return out
  const last = Math.max(tokens.length - SHINGLE_WORDS, 0)
  for (let i = 0; i <= last; i++) {
    const key = tokens.slice(i, i + SHINGLE_WORDS).join('\u0001')
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}

export interface PageScore {
  readonly tp: number
  readonly fp: number
  readonly fn: number
  readonly precision: number
  readonly recall: number
  /** Token sequences are equal. */
  readonly exact: boolean
}

/** Scores one page's prediction against its truth. */
export function scorePage(truth: string, predicted: string): PageScore {
  const t = tokenize(truth)
  const p = tokenize(predicted)
  const ts = shingles(t)
  const ps = shingles(p)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [k, ct] of ts) {
    const cp = ps.get(k) ?? 0
    tp += Math.min(ct, cp)
    fn += Math.max(0, ct - cp)
  }
  for (const [k, cp] of ps) fp += Math.max(0, cp - (ts.get(k) ?? 0))
  const perfect = fp === 0 && fn === 0
  const precision = perfect ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = perfect ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn)
  const exact = t.length === p.length && t.every((w, i) => w === p[i])
  return { tp, fp, fn, precision, recall, exact }
}

export interface CorpusScore {
  readonly f1: number
  readonly precision: number
  readonly recall: number
  readonly accuracy: number
}

/** Macro averages over pages (README steps 5–6). */
export function aggregate(pages: readonly PageScore[]): CorpusScore {
  let pSum = 0
  let pN = 0
  let rSum = 0
  let rN = 0
  let exact = 0
  for (const s of pages) {
    if (s.tp + s.fp > 0) {
      pSum += s.precision
      pN++
    }
    if (s.tp + s.fn > 0) {
      rSum += s.recall
      rN++
    }
    if (s.exact) exact++
  }
  const precision = pN === 0 ? 0 : pSum / pN
  const recall = rN === 0 ? 0 : rSum / rN
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { f1, precision, recall, accuracy: pages.length === 0 ? 0 : exact / pages.length }
}

/** Standard deviation of each figure over bootstrap resamples; `random` is injectable for tests. */
export function bootstrapStd(pages: readonly PageScore[], resamples = BOOTSTRAP_RESAMPLES, random: () => number = Math.random): CorpusScore {
  const draws: CorpusScore[] = []
  for (let r = 0; r < resamples; r++) {
    const sample = pages.map(() => pages[Math.floor(random() * pages.length)]!)
    draws.push(aggregate(sample))
  }
  const std = (pick: (s: CorpusScore) => number): number => {
    const xs = draws.map(pick)
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length
    return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length)
  }
  return { f1: std((s) => s.f1), precision: std((s) => s.precision), recall: std((s) => s.recall), accuracy: std((s) => s.accuracy) }
}
