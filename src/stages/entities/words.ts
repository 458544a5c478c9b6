import type { Span } from '../../document/index.js'

/**
 * A word as the entity matchers see it. Unlike the shared tokens, a hyphen always splits
 * ("then-U.S." is "then" and "U.S."; "Sino-Russian" is "Sino" and "Russian") and a possessive
 * "'s" is a flag, not part of the word, so "Lavrov's" names Lavrov with a span that ends at "v".
 */
export interface Word {
  readonly start: number
  readonly end: number
  readonly text: string
  /** Lower case, accents dropped, curly apostrophes straightened: "Élysée" → "elysee". */
  readonly key: string
  /** First letter upper-case. */
  readonly capitalized: boolean
  /** Two or more letters, none lower-case ("NATO", "U.S."). */
  readonly allCaps: boolean
  /** Followed by "'s" or "’s" (the "'s" is outside the span). */
  readonly possessive: boolean
  /** Only spaces (any `\s`) between this word and the previous one; false for the first word. */
  readonly spaced: boolean
  /** Joined to the previous word by a hyphen ("Moscow-Beijing", "then-U.S."). */
  readonly hyphenated: boolean
}

// Dotted initialisms first ("U.S.", "U.N."), then letter/digit runs with inner apostrophes that
// are not a possessive ("don't", "O'Brien"). A possessive "'s" is matched apart, after the word.
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\d]+(?:['’](?![sS](?![\p{L}\p{M}]))[\p{L}\p{M}]+)*/gu
const POSSESSIVE = /^['’][sS](?![\p{L}\p{M}])/u
const MARKS = /\p{M}/gu
const CURLY_APOSTROPHE = /’/g
const SPACES = /^\s+$/
const HYPHEN = /^[-\u2010\u2011]$/

/** The lookup key of one word (see `Word.key`). */
export function wordKey(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(CURLY_APOSTROPHE, "'").toLowerCase()
}

/**
 * The words of `source` within `span`, in order, with offsets in `source`.
 *
 * @example
 * scanWords("Lavrov's aide", { start: 0, end: 13 }).map((w) => [w.text, w.possessive]) // [['Lavrov', true], ['aide', false]]
 */
export function scanWords(source: string, span: Span): Word[] {
  const text = source.slice(span.start, span.end)
  const words: Word[] = []
  let previousEnd = -1
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = span.start + m.index
    const end = start + m[0].length
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3)
    const possessive = POSSESSIVE.test(after)
    if (possessive) WORD.lastIndex += 2
    const between = previousEnd < 0 ? '' : source.slice(previousEnd, start)
    const first = m[0].charAt(0)
    words.push({
      start,
      end,
      text: m[0],
      key: wordKey(m[0]),
      capitalized: first !== first.toLowerCase(),
      allCaps: m[0].length >= 2 && m[0] === m[0].toUpperCase() && m[0] !== m[0].toLowerCase(),
      possessive,
      spaced: previousEnd >= 0 && SPACES.test(between),
      hyphenated: HYPHEN.test(between),
    })
    previousEnd = possessive ? end + 2 : end
  }
  return words
}

/** Words of a name given as a string (a gazetteer entry), scanned the same way as running text. */
export function nameWords(name: string): Word[] {
  return scanWords(name, { start: 0, end: name.length })
}
