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
/**
 * French and Italian elisions before a word: "l'", "d'", "qu'", "dell'", "sull'"… An English name
 * with an inner apostrophe ("O'Brien", "D'Souza" aside) keeps it.
 */
const ELISION = /^(?:l|d|j|n|s|c|t|m|qu|un|dell|all|dall|nell|sull|coll|quell)['’](?=[\p{L}])/iu
const MARKS = /\p{M}/gu
const CURLY_APOSTROPHE = /’/g
const ASCII = /^[\x00-\x7f]*$/

/** The lookup key of one word (see `Word.key`). */
export function wordKey(text: string): string {
  // Most words are plain ASCII: skip the Unicode decomposition for them (it dominates the scan).
  if (ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFD').replace(MARKS, '').replace(CURLY_APOSTROPHE, "'").toLowerCase()
}

/**
 * The words of `source` within `span`, in order, with offsets in `source`.
 *
 * @example
 * scanWords("Lavrov's aide", { start: 0, end: 13 }).map((w) => [w.text, w.possessive]) // [['Lavrov', true], ['aide', false]]
 */
export function scanWords(source: string, span: Span): Word[] {
  const words: Word[] = []
  let previousEnd = -1
  WORD.lastIndex = span.start
  for (let m = WORD.exec(source); m !== null && m.index < span.end; m = WORD.exec(source)) {
    const start = m.index
    // "l'ONU", "dell'Onu": the elided article or preposition is no part of the name after it.
    const elision = m[0].length > 2 && (m[0].includes("'") || m[0].includes('’')) ? ELISION.exec(m[0]) : null
    if (elision !== null) {
      WORD.lastIndex = start + elision[0].length
      continue
    }
    const end = Math.min(start + m[0].length, span.end)
    const text = end === start + m[0].length ? m[0] : source.slice(start, end)
    const possessive = end + 1 < span.end && isApostrophe(source.charCodeAt(end)) && (source.charCodeAt(end + 1) | 0x20) === 0x73 && !isLetter(source, end + 2)
    if (possessive) WORD.lastIndex = end + 2
    const gap = previousEnd < 0 ? 'none' : gapKind(source, previousEnd, start)
    const key = wordKey(text)
    const upper = text.toUpperCase()
    const first = text.charAt(0)
    words.push({
      start,
      end,
      text,
      key,
      capitalized: first !== first.toLowerCase(),
      allCaps: text.length >= 2 && text === upper && text !== key,
      possessive,
      spaced: gap === 'space',
      hyphenated: gap === 'hyphen',
    })
    previousEnd = possessive ? end + 2 : end
  }
  return words
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019
}

const LETTER = /[\p{L}\p{M}]/u

function isLetter(source: string, at: number): boolean {
  return at < source.length && LETTER.test(source.charAt(at))
}

/** What separates two words: only white space, one hyphen, or anything else. */
function gapKind(source: string, from: number, to: number): 'space' | 'hyphen' | 'other' {
  if (to - from === 1) {
    const c = source.charCodeAt(from)
    if (c === 0x2d || c === 0x2010 || c === 0x2011) return 'hyphen'
  }
  if (to === from) return 'other'
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i)
    if (!(c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 0x2009 || c === 0x202f)) return 'other'
  }
  return 'space'
}

/** Words of a name given as a string (a gazetteer entry), scanned the same way as running text. */
export function nameWords(name: string): Word[] {
  return scanWords(name, { start: 0, end: name.length })
}
