import type { Sentence, Span } from '../../document/index.js'
import { QUOTE_MARK_CHARS, QUOTE_PAIRS } from './cues.js'

/** Words in quote marks, possibly over several paragraphs: one piece per paragraph. */
export interface QuotedRun {
  /** Inside the marks, one per paragraph, trimmed of spaces and of a trailing comma. */
  readonly parts: readonly Span[]
  /** Offset of the first opening mark. */
  readonly open: number
  /** Offset just after the last closing mark. */
  readonly close: number
}

interface OpenMark {
  readonly ch: string
  readonly at: number
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const SPACE = /\s/
const ANY_MARK = new RegExp(`[${QUOTE_MARK_CHARS}]`, 'g')

/**
 * Pairs quote marks paragraph by paragraph. A paragraph that opens a quote and ends without
 * closing it continues into the next paragraph when that one opens with a mark (the journalistic
 * convention for long quotes); otherwise the stray mark is dropped. Marks inside an open quote
 * (a quote within the quote, an apostrophe) are part of it.
 *
 * @example
 * pairQuoteMarks('He said “yes.”', [{ span: { start: 0, end: 14 }, block: 0, kind: 'paragraph' }])
 * // [{ parts: [{ start: 9, end: 13 }], open: 8, close: 14 }]
 */
export function pairQuoteMarks(source: string, sentences: readonly Sentence[]): QuotedRun[] {
  const blocks = blockRanges(sentences)
  const runs: QuotedRun[] = []
  let carried: Span[] = []
  let carriedOpen = -1
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!
    let open: OpenMark | null = null
    // Jump from mark to mark: most characters are not marks, and a per-character loop was the
    // stage's largest cost.
    ANY_MARK.lastIndex = block.start
    for (let m = ANY_MARK.exec(source); m !== null && m.index < block.end; m = ANY_MARK.exec(source)) {
      const i = m.index
      const c = m[0]
      if (open !== null) {
        if (c === QUOTE_PAIRS.get(open.ch) && isClosing(source, i, c)) {
          const part = trimPart(source, open.at + 1, i)
          const parts = [...carried, part]
          runs.push({ parts, open: carriedOpen >= 0 ? carriedOpen : open.at, close: i + 1 })
          carried = []
          carriedOpen = -1
          open = null
        }
      } else if (QUOTE_PAIRS.has(c) && isOpening(source, i, c, block.end)) {
        open = { ch: c, at: i }
      }
    }
    const next = blocks[b + 1]
    if (open !== null && next !== undefined && opensWithMark(source, next)) {
      carried.push(trimPart(source, open.at + 1, block.end))
      if (carriedOpen < 0) carriedOpen = open.at
    } else {
      carried = []
      carriedOpen = -1
    }
  }
  return runs
}

/** The source range of each block, from its first sentence to its last. */
export function blockRanges(sentences: readonly Sentence[]): Span[] {
  const out: Span[] = []
  let current = -1
  for (const s of sentences) {
    if (s.block !== current || out.length === 0) {
      out.push({ start: s.span.start, end: s.span.end })
      current = s.block
    } else {
      out[out.length - 1] = { start: out[out.length - 1]!.start, end: s.span.end }
    }
  }
  return out
}

function isOpening(source: string, i: number, c: string, blockEnd: number): boolean {
  const next = i + 1 < blockEnd ? source[i + 1]! : ''
  if (next === '' || SPACE.test(next)) return false
  if (c === '‘' || c === '"') {
    // A straight or single mark opens only at a word's start: `5'11"` and `rock ’n’ roll` do not.
    const prev = i > 0 ? source[i - 1]! : ' '
    return !LETTER_OR_DIGIT.test(prev)
  }
  return true
}

function isClosing(source: string, i: number, c: string): boolean {
  // ’ is also the apostrophe: inside a word ("Russia’s") it closes nothing.
  if (c === '’') return !LETTER_OR_DIGIT.test(source[i + 1] ?? '')
  return true
}

function opensWithMark(source: string, block: Span): boolean {
  let i = block.start
  while (i < block.end && SPACE.test(source[i]!)) i++
  return i < block.end && QUOTE_PAIRS.has(source[i]!)
}

function trimPart(source: string, start: number, end: number): Span {
  let s = start
  let e = end
  while (s < e && SPACE.test(source[s]!)) s++
  while (e > s && (SPACE.test(source[e - 1]!) || source[e - 1] === ',')) e--
  return { start: s, end: e }
}
