import type { Span } from '../../document/index.js'

/** `word` (letters, with inner apostrophes, hyphens and dots: "don't", "Sino-Russian", "U.S."), `number` ("5,459", "3.5", "1990s"), `punct`, `symbol` ("$", "%", "€"). */
export type TokenKind = 'word' | 'number' | 'punct' | 'symbol'

export interface Token {
  readonly start: number
  readonly end: number
  readonly kind: TokenKind
}

// One alternation, tried left to right at each position: numbers first (so "5,459" is one token,
// and "3.5" is not two), then dotted initialisms, then words with inner joiners (a dot joins only
// before a lower-case letter, as in a domain: "end.The" is two words), then one character.
const TOKEN = /(\d+(?:[.,]\d+)*(?:s|st|nd|rd|th)?\b)|((?:\p{Lu}\.){2,})|(\p{L}[\p{L}\p{M}\d]*(?:(?:['’-]|\.(?=\p{Ll}))[\p{L}\p{M}\d]+)*)|([\p{S}%])|(\S)/guy

/**
 * Splits a span of the source into tokens, each with its offsets in the source. The tokens are
 * computed on demand and never stored: they are a pure function of the text.
 *
 * @example
 * tokenize('Russia holds 5,459 warheads.', { start: 0, end: 28 }).map((t) => t.kind)
 * // ['word', 'word', 'number', 'word', 'punct']
 */
export function tokenize(source: string, span: Span): Token[] {
  const tokens: Token[] = []
  let at = span.start
  const end = span.end
  while (at < end) {
    const c = source.charCodeAt(at)
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) {
      at++
      continue
    }
    TOKEN.lastIndex = at
    const m = TOKEN.exec(source)
    if (m === null) {
      at++
      continue
    }
    const tokenEnd = Math.min(at + m[0].length, end)
    const kind: TokenKind = m[1] !== undefined ? 'number' : m[2] !== undefined || m[3] !== undefined ? 'word' : m[4] !== undefined ? 'symbol' : 'punct'
    tokens.push({ start: at, end: tokenEnd, kind })
    at = tokenEnd
  }
  return tokens
}
