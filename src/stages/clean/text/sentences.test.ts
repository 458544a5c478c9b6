import { describe, expect, it } from 'vitest'
import { renderBlock, splitSentences } from './sentences.js'

describe('splitSentences', () => {
  it.each([
    ['The river rose. Roads closed.', ['The river rose.', 'Roads closed.']],
    ['Dr. Ray left. He came back.', ['Dr. Ray left.', 'He came back.']],
    ['The U.S. Navy sailed on.', ['The U.S. Navy sailed on.']],
    ['He said “Stop.” Then he left.', ['He said “Stop.”', 'Then he left.']],
    ['Is it over? No.', ['Is it over?', 'No.']],
    ['prices rose 2.5 percent. Then fell', ['prices rose 2.5 percent.', 'Then fell']],
  ])('splits %j', (text, expected) => {
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(expected)
  })
})

describe('renderBlock', () => {
  it('clean/text: maps a rendered range that crosses a joined line back to both source lines', () => {
    const source = 'The bridge\nreopened today.'
    const block = renderBlock(source, [{ start: 0, end: 10 }, { start: 11, end: 26 }])
    expect(block.text).toBe('The bridge reopened today.')
    expect(block.toSource(4, 19)).toEqual([{ start: 4, end: 10 }, { start: 11, end: 19 }])
  })
})
