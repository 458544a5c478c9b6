import type { Span } from '../../../document/index.js'

/** A block's text as rendered (spans joined by one space), with a way back to source spans. */
export interface RenderedBlock {
  readonly text: string
  /** Source spans covering rendered `[from, to)`; a joining space maps to nothing. */
  toSource(from: number, to: number): Span[]
}

/**
 * Joins a block's spans as the clean text will show them.
 *
 * @example
 * renderBlock('ab\ncd', [{ start: 0, end: 2 }, { start: 3, end: 5 }]).text // 'ab cd'
 */
export function renderBlock(source: string, spans: readonly Span[]): RenderedBlock {
  const starts: number[] = []
  let length = 0
  const parts = spans.map((s, i) => {
    if (i > 0) length += 1
    starts.push(length)
    length += s.end - s.start
    return source.slice(s.start, s.end)
  })
  return {
    text: parts.join(' '),
    toSource(from, to) {
      const out: Span[] = []
      spans.forEach((s, i) => {
        const at = starts[i]!
        const a = Math.max(from, at)
        const b = Math.min(to, at + (s.end - s.start))
        if (a < b) out.push({ start: s.start + (a - at), end: s.start + (b - at) })
      })
      return out
    },
  }
}

/**
 * Words that end in a full stop without ending a sentence. Lower-cased, without the final dot.
 * Single letters (initials, "U.S" style) are handled apart.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'jr', 'sr',
  'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'no', 'fig', 'approx', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'jan', 'feb',
  'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'mt', 'ft',
])

const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d])/gu

/**
 * Splits text into sentences by end punctuation followed by a capital, skipping common
 * abbreviations and initials. Good enough to compare passages, not a linguistic tokenizer.
 *
 * @example
 * splitSentences('Dr. Ray left. He came back.') // [{ start: 0, end: 13 }, { start: 14, end: 27 }]
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = []
  let start = skipSpace(text, 0)
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length
    if (m[0].startsWith('.') && isAbbreviation(text, m.index)) continue
    if (end > start) out.push({ start, end })
    start = skipSpace(text, end)
  }
  const last = text.trimEnd().length
  if (last > start) out.push({ start, end: last })
  return out
}

function isAbbreviation(text: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? ''
  const bare = word.replace(/^\.+/, '').toLowerCase()
  return ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare) || /^(?:\p{L}\.)+\p{L}$/u.test(bare)
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++
  return at
}
