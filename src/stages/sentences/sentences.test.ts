import { describe, expect, it } from 'vitest'
import type { Block, BlockKind } from '../../document/index.js'
import { segmentSentences, sentenceIndexAt } from './index.js'

function paragraphs(source: string, kind: BlockKind = 'paragraph'): Block[] {
  const blocks: Block[] = []
  const re = /[^\n]+/g
  for (const m of source.matchAll(re)) blocks.push({ kind, spans: [{ start: m.index, end: m.index + m[0].length }] })
  return blocks
}

function split(text: string): string[] {
  return segmentSentences(text, paragraphs(text)).map((s) => text.slice(s.span.start, s.span.end))
}

describe('sentences: segmentation', () => {
  it.each([
    ['splits at a period before a capital', 'The talks ended. Both sides left.', ['The talks ended.', 'Both sides left.']],
    ['keeps "U.S." inside a sentence', 'The U.S. envoy arrived in Oslo.', ['The U.S. envoy arrived in Oslo.']],
    ['ends at "U.S." before a sentence opener', 'He flew to the U.S. The visit was short.', ['He flew to the U.S.', 'The visit was short.']],
    ['keeps "Feb. 5"', 'The deadline is Feb. 5 next year.', ['The deadline is Feb. 5 next year.']],
    ['keeps "Dr." and "Mr." titles', 'Dr. Amara Okafor met Mr. Lind. They talked.', ['Dr. Amara Okafor met Mr. Lind.', 'They talked.']],
    ['keeps initials', 'The report by J. R. Hale was cited.', ['The report by J. R. Hale was cited.']],
    ['keeps decimal numbers', 'Growth was 3.5 percent. Prices rose.', ['Growth was 3.5 percent.', 'Prices rose.']],
    ['does not split a quote before its attribution', '"We will wait!" she said. Then she left.', ['"We will wait!" she said.', 'Then she left.']],
    ['splits after a closing quote', '“It is settled.” The minister left.', ['“It is settled.”', 'The minister left.']],
    ['splits a quote that spans two sentences inside it', '“We agree. We sign,” he said.', ['“We agree.', 'We sign,” he said.']],
    ['splits at a question mark and an ellipsis', 'Is it possible? Perhaps.… We will see.', ['Is it possible?', 'Perhaps.…', 'We will see.']],
    ['splits words glued by a period', 'It was inconceivable.This changed nothing.', ['It was inconceivable.', 'This changed nothing.']],
    ['keeps a domain name whole', 'Read it on example.com today.', ['Read it on example.com today.']],
    ['keeps "No. 5" but ends at "No."', 'He was ranked No. 5 in the poll. He said no. Then he left.', ['He was ranked No. 5 in the poll.', 'He said no.', 'Then he left.']],
    ['ends after "Inc." before a sentence opener', 'She joined Acme Inc. The firm grew.', ['She joined Acme Inc.', 'The firm grew.']],
    ['does not split before a lower-case word', 'The total was 5 bn. and rising.', ['The total was 5 bn. and rising.']],
  ])('sentences: %s', (_name, text, expected) => {
    expect(split(text)).toEqual(expected)
  })

  it('sentences: a heading without final punctuation is its own sentence', () => {
    const text = 'Arms control talks\nThe talks resumed. They lasted a day.'
    const blocks: Block[] = [
      { kind: 'heading', spans: [{ start: 0, end: 18 }] },
      { kind: 'paragraph', spans: [{ start: 19, end: text.length }] },
    ]
    const found = segmentSentences(text, blocks)
    expect(found.map((s) => [text.slice(s.span.start, s.span.end), s.kind, s.block])).toEqual([
      ['Arms control talks', 'heading', 0],
      ['The talks resumed.', 'paragraph', 1],
      ['They lasted a day.', 'paragraph', 1],
    ])
  })

  it('sentences: a hard-wrapped paragraph reads as one text across its line spans', () => {
    const text = 'The treaty limits\nwarheads. It expires\nnext year.'
    const blocks: Block[] = [{ kind: 'paragraph', spans: [{ start: 0, end: 17 }, { start: 18, end: 38 }, { start: 39, end: 49 }] }]
    expect(segmentSentences(text, blocks).map((s) => text.slice(s.span.start, s.span.end))).toEqual([
      'The treaty limits\nwarheads.',
      'It expires\nnext year.',
    ])
  })

  it('sentences: removed text between two spans of a block ends the sentence there', () => {
    const text = 'First part without end REMOVED second part.'
    const blocks: Block[] = [{ kind: 'paragraph', spans: [{ start: 0, end: 22 }, { start: 31, end: 43 }] }]
    expect(segmentSentences(text, blocks).map((s) => text.slice(s.span.start, s.span.end))).toEqual(['First part without end', 'second part.'])
  })

  it('sentences: sentenceIndexAt finds the sentence holding an offset, and -1 between sentences', () => {
    const text = 'One. Two. Three.'
    const found = segmentSentences(text, paragraphs(text))
    expect([0, 3, 4, 5, 10, 15, 16].map((o) => sentenceIndexAt(found, o))).toEqual([0, 0, -1, 1, 2, 2, -1])
  })
})
