import { describe, expect, it } from 'vitest'
import { mergeSpans, span, subtractSpans, textOf } from './span.js'

describe('span', () => {
  it('span: names the text between start and the first character after', () => {
    expect(textOf('The quick fox', span(4, 9))).toBe('quick')
  })

  it.each([
    [-1, 2],
    [3, 2],
    [0.5, 2],
  ])('span: rejects malformed range [%d, %d)', (start, end) => {
    expect(() => span(start, end)).toThrow(RangeError)
  })

  it.each([
    [[span(5, 8), span(0, 3)], [span(0, 3), span(5, 8)]],
    [[span(0, 3), span(3, 6)], [span(0, 6)]],
    [[span(0, 10), span(2, 4)], [span(0, 10)]],
    [[span(4, 9), span(0, 5)], [span(0, 9)]],
  ])('mergeSpans: sorts and merges touching or overlapping spans', (input, expected) => {
    expect(mergeSpans(input)).toEqual(expected)
  })

  it('subtractSpans: leaves what no span covers', () => {
    expect(subtractSpans(span(0, 20), [span(2, 5), span(4, 8), span(15, 30)])).toEqual([span(0, 2), span(8, 15)])
  })
})
