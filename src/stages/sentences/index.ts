import type { Sentence, SentencesLayer } from '../../document/index.js'
import type { Stage } from '../../pipeline/stage.js'
import { segmentSentences } from './segment.js'

export { segmentSentences } from './segment.js'
export { tokenize, type Token, type TokenKind } from './tokens.js'
export { lexicalTags, hasLexicalTag } from './lexicon.js'

/**
 * Splits the clean text into sentences with their spans in the source; every later stage works
 * sentence by sentence.
 *
 * @example
 * const { sentences } = sentences.run(doc, {}).sentences!
 */
export const sentences: Stage = {
  name: 'sentences',
  requires: ['clean'],
  produces: ['sentences'],
  run(doc) {
    const layer: SentencesLayer = { sentences: segmentSentences(doc.source, doc.layers.clean?.blocks ?? []) }
    return { sentences: layer }
  },
}

/**
 * Index of the sentence containing `offset`, or -1 when it falls between sentences.
 *
 * @example
 * sentenceIndexAt(doc.layers.sentences!.sentences, quote.span.start)
 */
export function sentenceIndexAt(list: readonly Sentence[], offset: number): number {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = list[mid]!.span
    if (offset < s.start) hi = mid - 1
    else if (offset >= s.end) lo = mid + 1
    else return mid
  }
  return -1
}
