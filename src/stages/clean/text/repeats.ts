import type { Block, Removal, Span } from '../../../document/index.js'
import { countWords } from './lines.js'
import { renderBlock, splitSentences } from './sentences.js'

/** Shorter passages ("Read more", a two-word label) repeat by chance and are left alone. */
const MIN_REPEAT_WORDS = 4
/**
 * A sentence this long found inside a longer sentence elsewhere is a cut-down copy of it (a
 * summary line, a teaser): the shorter one goes, so the full wording is what stays.
 */
const MIN_CONTAINED_WORDS = 10

interface Passage {
  readonly spans: Span[]
  /** Lower case, letters and digits only, single spaces, padded with a space at both ends. */
  readonly key: string
  readonly words: number
  readonly firstInBlock: boolean
}

/**
 * Finds passages repeated within the document, sentence by sentence: a later exact copy goes
 * (so a body pasted twice keeps its first copy), and so does a sentence that is only a
 * shortened copy of a longer one, so a summary never stands in for the body. `seen` holds
 * text already taken out as metadata (the headline), whose copies in the body go too.
 *
 * @example
 * findRepeats(source, blocks, ['Putin Rules Out Alliance']) // [{ reason: 'repeated', span, note }]
 */
export function findRepeats(source: string, blocks: readonly Block[], seen: readonly string[] = []): Removal[] {
  const passages = blocks.flatMap((b) => passagesOf(source, b))
  const first = new Set(seen.map(normalizeForComparison).filter((k) => k.trim() !== ''))
  const removals: Removal[] = []
  const remove = (p: Passage, note: string): void => {
    for (const span of p.spans) removals.push({ span, reason: 'repeated', note })
  }
  const runs = indexWordRuns(passages)
  let previousRemoved = false
  for (const p of passages) {
    const copied = first.has(p.key)
    first.add(p.key)
    let removed = false
    // A short sentence is judged with the one before it: "It is over." after a copied sentence is part of the copy.
    if (copied && (p.words >= MIN_REPEAT_WORDS || (previousRemoved && !p.firstInBlock))) {
      remove(p, 'exact copy of an earlier passage')
      removed = true
    } else if (!copied && p.words >= MIN_CONTAINED_WORDS && isInsideLongerPassage(p, runs)) {
      remove(p, 'shortened copy of a longer passage')
      removed = true
    }
    previousRemoved = removed
  }
  return removals
}

/**
 * Every run of `MIN_CONTAINED_WORDS` words of every long-enough passage, to the passages holding it.
 * A shortened copy opens with such a run of the passage it was cut from, so candidates come from one
 * lookup instead of a scan over all passages (which made long pages quadratic).
 */
function indexWordRuns(passages: readonly Passage[]): Map<string, Passage[]> {
  const runs = new Map<string, Passage[]>()
  for (const q of passages) {
    if (q.words <= MIN_CONTAINED_WORDS) continue
    const words = q.key.trim().split(' ')
    for (let i = 0; i + MIN_CONTAINED_WORDS <= words.length; i++) {
      const run = words.slice(i, i + MIN_CONTAINED_WORDS).join(' ')
      const holders = runs.get(run)
      if (!holders) runs.set(run, [q])
      else if (holders[holders.length - 1] !== q) holders.push(q)
    }
  }
  return runs
}

function isInsideLongerPassage(p: Passage, runs: ReadonlyMap<string, readonly Passage[]>): boolean {
  const opening = p.key.trim().split(' ').slice(0, MIN_CONTAINED_WORDS).join(' ')
  return (runs.get(opening) ?? []).some((q) => q.words > p.words && q.key.includes(p.key))
}

function passagesOf(source: string, block: Block): Passage[] {
  const rendered = renderBlock(source, block.spans)
  return splitSentences(rendered.text).map((s, i) => {
    const text = rendered.text.slice(s.start, s.end)
    return { spans: rendered.toSource(s.start, s.end), key: normalizeForComparison(text), words: countWords(text), firstInBlock: i === 0 }
  })
}

/**
 * The comparison form of a passage: case, accents of quotes, punctuation and spacing ignored.
 *
 * @example
 * normalizeForComparison('“It’s  over,” he said.') // ' it s over he said '
 */
export function normalizeForComparison(text: string): string {
  const words = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return ` ${words} `
}
