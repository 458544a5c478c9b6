import type { Document, Layers, Span } from '../../src/document/index.js'

/**
 * A document built by hand for a unit test: the envelope every Document needs (origin, charset,
 * hints, messages) around the test's own source and layers.
 *
 * @example
 * const doc = textDocument('A short note.', { clean: { blocks: [], removed: [], flags: [] } })
 */
export function textDocument(source: string, layers: Layers = {}, options: { id?: string; input?: string } = {}): Document {
  const input = options.input ?? 'note.txt'
  return {
    id: options.id ?? 'doc-1',
    origin: { input, blob: 'b'.repeat(64), container: 'text' },
    charset: { name: 'utf-8', basis: 'valid-utf8', confidence: 1 },
    hints: {},
    source,
    layers,
    messages: [],
  }
}

/**
 * The span of `words` in `source`, the first at or after `from`. Throws when they are not there,
 * so a typo in a test fails it rather than building a span at -1.
 *
 * @example
 * const at = (words: string, from?: number) => spanIn(SOURCE, words, from)
 */
export function spanIn(source: string, words: string, from = 0): Span {
  const start = source.indexOf(words, from)
  if (start < 0) throw new Error(`not in the test text: ${words}`)
  return { start, end: start + words.length }
}
