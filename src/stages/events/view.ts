import type { Mention, Sentence } from '../../document/index.js'
import { tokenize, type Token } from '../sentences/tokens.js'

/**
 * One sentence as the events rules read it: its tokens, each token's word lower-cased with
 * curly apostrophes made straight, and the entity mentions lying on each token.
 */
export interface SentenceView {
  readonly source: string
  readonly sentence: Sentence
  /** Index of the sentence in the sentences layer. */
  readonly index: number
  readonly tokens: readonly Token[]
  readonly words: readonly string[]
  /** The outermost mention on each token ("Russian Foreign Ministry" over "Russian"), if any. */
  readonly mentionAt: readonly (Mention | undefined)[]
  /** Every mention on each token, outermost first (a token like "Russia-China" holds two). */
  readonly mentionsAt: readonly (readonly Mention[])[]
}

const NO_MENTIONS: readonly Mention[] = []

/**
 * Tokenizes a sentence and lays its mentions (in source order, as the entities layer keeps them)
 * over the tokens.
 *
 * @example
 * const view = viewSentence(doc.source, sentence, 4, mentionsIn(entities, sentence.span))
 * view.words // ['russia', 'will', 'not', 'ally', ...]
 */
export function viewSentence(source: string, sentence: Sentence, index: number, mentions: readonly Mention[]): SentenceView {
  const tokens = tokenize(source, sentence.span)
  const words = tokens.map((t) => {
    const w = source.slice(t.start, t.end).toLowerCase()
    return w.includes('’') ? w.replace(/’/g, "'") : w
  })
  const mentionsAt: Mention[][] = tokens.map(() => [])
  let first = 0
  for (const m of mentions) {
    while (first < tokens.length && tokens[first]!.end <= m.span.start) first++
    for (let i = first; i < tokens.length && tokens[i]!.start < m.span.end; i++) mentionsAt[i]!.push(m)
  }
  for (const list of mentionsAt) if (list.length > 1) list.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start))
  return {
    source,
    sentence,
    index,
    tokens,
    words,
    mentionAt: mentionsAt.map((list) => list[0]),
    mentionsAt: mentionsAt.map((list) => (list.length === 0 ? NO_MENTIONS : list)),
  }
}

/** Index of the first token of the mention on token `i` (the mention may start several tokens back). */
export function mentionStart(view: SentenceView, i: number, mention: Mention): number {
  let j = i
  while (j > 0 && view.tokens[j - 1]!.end > mention.span.start) j--
  return j
}
