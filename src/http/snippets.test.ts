import { describe, expect, it } from 'vitest'
import type { Document, Span } from '../document/index.js'
import { SNIPPET_CHARS, snippetOf } from './snippets.js'

/** A document whose paragraphs are kept blocks, and a navigation line before them that cleaning removed. */
function docOf(paragraphs: readonly string[]): Document {
  const nav = 'Home | World | Search the site'
  const source = [nav, ...paragraphs].join('\n')
  const blocks: Array<{ kind: 'paragraph'; spans: Span[] }> = []
  let at = nav.length + 1
  for (const p of paragraphs) {
    blocks.push({ kind: 'paragraph', spans: [{ start: at, end: at + p.length }] })
    at += p.length + 1
  }
  return {
    id: 'doc', origin: { input: 'doc.txt', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {}, source, messages: [],
    layers: { clean: { blocks, removed: [{ span: { start: 0, end: nav.length }, reason: 'navigation' }], flags: [] } },
  }
}

const textOf = (doc: Document, spans: readonly Span[]): string[] => spans.map((s) => doc.source.slice(s.start, s.end))

describe('snippetOf', () => {
  const doc = docOf([
    'The harbour board met on Monday to discuss the ferry timetable.',
    'A strike by ferry crews stopped the Northport ferry for two days, the board said. Crews want a new rota.',
  ])

  it.each([
    ['words: the paragraph with every word, each highlighted', 'ferry strike', ['strike', 'ferry', 'ferry']],
    ['case and accents are folded as the index folds them', 'STRÍKE', ['strike']],
    ['a phrase is highlighted whole', '"Northport ferry"', ['Northport ferry']],
    ['advanced: the excluded branch is not highlighted', { text: 'crews NOT harbour', mode: 'advanced' as const }, ['crews', 'Crews']],
    ['advanced: a prefix highlights whole words', { text: 'timeta*', mode: 'advanced' as const }, ['timetable']],
  ] as const)('%s', (_label, query, words) => {
    const snippet = snippetOf(doc, query)!
    expect(textOf(doc, snippet.highlights)).toEqual(words)
    expect(doc.source.slice(snippet.span.start, snippet.span.end)).toBe(snippet.text)
  })

  it('never takes words from text cleaning removed', () => {
    const snippet = snippetOf(doc, 'search')!
    expect(snippet.highlights).toEqual([])
    expect(snippet.text).toBe('The harbour board met on Monday to discuss the ferry timetable.')
  })

  it('cuts a long paragraph to a window around the first match, at spaces', () => {
    const filler = 'Words about other matters fill this paragraph. '.repeat(12)
    const long = docOf([`${filler}The quarry reopened in June. ${filler}`])
    const snippet = snippetOf(long, 'quarry')!
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_CHARS)
    expect(textOf(long, snippet.highlights)).toEqual(['quarry'])
    expect(snippet.text.startsWith(' ')).toBe(false)
    expect(snippet.text.endsWith(' ')).toBe(false)
    expect(snippet.highlights[0]!.start - snippet.span.start).toBeGreaterThan(10)
  })

  it('is null for an article with no kept text', () => {
    expect(snippetOf({ ...doc, layers: {} }, 'ferry')).toBeNull()
  })
})
