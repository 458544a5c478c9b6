/**
 * Telling whether two printed quotes are the same words said once, and how their wordings differ.
 * Outlets re-type quote marks, change case, trim or add a clause: those are the same quote. Words
 * are compared after folding case, curly apostrophes and punctuation away.
 */

/**
 * Two quotes are the same when they share at least this share of their distinct words (Jaccard)…
 */
export const SAME_QUOTE_JACCARD = 0.6
/**
 * …or when nearly all of the shorter one's words are in the longer one (a trimmed quote) and they
 * still share this much: a three-word fragment inside a long quote is not the same quote.
 */
export const TRIMMED_QUOTE_CONTAINED = 0.85
export const TRIMMED_QUOTE_MIN_JACCARD = 0.35

const APOSTROPHES = /[‘’ʼ`´]/g
const NOT_WORD = /[^\p{L}\p{N}']+/u

/**
 * The words of a quote, folded for comparison: lower case, one kind of apostrophe, no punctuation.
 *
 * @example
 * quoteWords('“We won’t sign,” she said') // ['we', "won't", 'sign', 'she', 'said']
 */
export function quoteWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(APOSTROPHES, "'")
    .toLowerCase()
    .split(NOT_WORD)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w !== '')
}

/**
 * True when two folded word lists are one quote: close in wording, or one a trimmed form of the other.
 *
 * @example
 * sameQuote(quoteWords('We will not sign it, ever.'), quoteWords('we will not sign it')) // true
 */
export function sameQuote(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false
  const setA = new Set(a)
  const setB = new Set(b)
  let shared = 0
  for (const w of setA) if (setB.has(w)) shared++
  const jaccard = shared / (setA.size + setB.size - shared)
  const contained = shared / Math.min(setA.size, setB.size)
  return jaccard >= SAME_QUOTE_JACCARD || (contained >= TRIMMED_QUOTE_CONTAINED && jaccard >= TRIMMED_QUOTE_MIN_JACCARD)
}

/**
 * The words a version adds to the reference wording and the words it lacks, in order, from a
 * longest-common-subsequence alignment of the folded words (so a repeated word is counted where it differs).
 *
 * @example
 * diffWords(['we', 'will', 'not', 'sign'], ['we', 'shall', 'not', 'sign', 'it']) // { added: ['shall', 'it'], missing: ['will'] }
 */
export function diffWords(reference: readonly string[], version: readonly string[]): { added: string[]; missing: string[] } {
  const n = reference.length
  const m = version.length
  // lcs[i][j]: common subsequence length of reference[i..] and version[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = reference[i] === version[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const added: string[] = []
  const missing: string[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (reference[i] === version[j]) {
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      missing.push(reference[i++]!)
    } else {
      added.push(version[j++]!)
    }
  }
  while (i < n) missing.push(reference[i++]!)
  while (j < m) added.push(version[j++]!)
  return { added, missing }
}
