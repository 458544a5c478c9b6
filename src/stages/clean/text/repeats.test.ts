import { describe, expect, it } from 'vitest'
import type { Block } from '../../../document/index.js'
import { findRepeats, normalizeForComparison } from './repeats.js'

// One paragraph block per line, so snippets read naturally.
function paragraphs(source: string): Block[] {
  let at = 0
  return source.split('\n').map((line) => {
    const block: Block = { kind: 'paragraph', spans: [{ start: at, end: at + line.length }] }
    at += line.length + 1
    return block
  })
}

function removed(source: string, seen: string[] = []): string[] {
  return findRepeats(source, paragraphs(source), seen).map((r) => source.slice(r.span.start, r.span.end))
}

describe('findRepeats', () => {
  it.each([
    [
      'a second copy of a paragraph goes, the first stays',
      'The pier closed after the storm. Ferries moved south.\nTraders asked for help.\nThe pier closed after the storm. Ferries moved south.',
      ['The pier closed after the storm.', 'Ferries moved south.'],
    ],
    [
      'copies match ignoring case, quotes and spacing',
      'The mayor said “we will rebuild it.”\nthe mayor said  "We will rebuild it"',
      ['the mayor said  "We will rebuild it"'],
    ],
    [
      'a short sentence that only finishes a copied one goes with it',
      'He said the pier was unsafe for boats. It is over.\nHe said the pier was unsafe for boats. It is over.',
      ['He said the pier was unsafe for boats.', 'It is over.'],
    ],
    [
      'a short sentence repeated on its own stays',
      'It is over.\nTraders asked the council for help.\nIt is over.',
      [],
    ],
    [
      'a summary sentence goes when a later sentence carries it in full',
      'The council has tried to use the harbour dispute to win more money from the state.\nThe council has tried to use the harbour dispute to win more money from the state, with the aim of finishing the pier by spring.',
      ['The council has tried to use the harbour dispute to win more money from the state.'],
    ],
  ])('clean/text: %s', (_name, source, expected) => {
    expect(removed(source)).toEqual(expected)
  })

  it('clean/text: a copy of the headline in the body goes', () => {
    expect(removed('Harbour Pier Closed After Storm\nTraders asked for help.', ['Harbour pier closed after storm'])).toEqual([
      'Harbour Pier Closed After Storm',
    ])
  })
})

describe('normalizeForComparison', () => {
  it('clean/text: ignores case, curly quotes, punctuation and spacing', () => {
    expect(normalizeForComparison('“It’s  over,” he said.')).toBe(normalizeForComparison('"it\'s over" He said'))
  })
})
