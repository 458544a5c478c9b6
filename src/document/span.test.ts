import { describe, expect, it } from 'vitest'
import { mergeSpans, span, subtractMergedSpans, subtractSpans, textOf } from './span.js'

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

describe('subtractMergedSpans', () => {
  // Reference by brute force: mark each covered character, read back the uncovered runs.
  const byCharacter = (whole: { start: number; end: number }, covered: readonly { start: number; end: number }[]) => {
    const out: { start: number; end: number }[] = []
    for (let i = whole.start; i < whole.end; i++) {
      if (covered.some((c) => c.start <= i && i < c.end)) continue
      const last = out[out.length - 1]
      if (last && last.end === i) out[out.length - 1] = { start: last.start, end: i + 1 }
      else out.push({ start: i, end: i + 1 })
    }
    return out
  }

  it('subtractMergedSpans: keeps exactly the uncovered characters of every window', () => {
    const removals = [span(2, 5), span(4, 8), span(15, 30), span(33, 34)]
    const cut = mergeSpans(removals)
    for (let start = 0; start < 36; start++) {
      for (let end = start; end < 36; end++) expect(subtractMergedSpans(span(start, end), cut)).toEqual(byCharacter(span(start, end), removals))
    }
  })
})
