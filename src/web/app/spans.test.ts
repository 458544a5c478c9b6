import { describe, expect, it } from 'vitest'
import { cutRuns, layoutPieces, parseSpanParam, spanHref, type Mark } from './spans.js'

const quote: Mark = { kind: 'quote', span: { start: 2, end: 8 } }
const name: Mark = { kind: 'entity', span: { start: 4, end: 6 }, entity: 'person:x' }

describe('cutRuns', () => {
  it.each([
    ['no marks: one plain run', [], [[0, 10, 0]]],
    ['one mark: three runs', [quote], [[0, 2, 0], [2, 8, 1], [8, 10, 0]]],
    ['nested marks: the inner run carries both', [quote, name], [[0, 2, 0], [2, 4, 1], [4, 6, 2], [6, 8, 1], [8, 10, 0]]],
    ['a mark reaching outside the range is clipped', [{ kind: 'claim', span: { start: 8, end: 30 } } as Mark], [[0, 8, 0], [8, 10, 1]]],
    ['an empty mark is ignored', [{ kind: 'claim', span: { start: 3, end: 3 } } as Mark], [[0, 10, 0]]],
  ] as const)('%s', (_label, marks, expected) => {
    const runs = cutRuns({ start: 0, end: 10 }, marks)
    expect(runs.map((r) => [r.start, r.end, r.marks.length])).toEqual(expected)
  })
})

describe('layoutPieces', () => {
  const source = 'Home > World\nFirst line of the story.\nSecond paragraph here.\nShare this'
  const kept = [{ start: 13, end: 37 }, { start: 38, end: 60 }]
  const removed = [{ span: { start: 0, end: 12 }, reason: 'navigation' }, { span: { start: 61, end: 71 }, reason: 'share-prompt', note: 'share line' }]

  it('orders kept and removed passages by source position', () => {
    const pieces = layoutPieces(source, kept, removed)
    expect(pieces.map((p) => [p.span.start, p.removed?.reason ?? 'kept'])).toEqual([[0, 'navigation'], [13, 'kept'], [38, 'kept'], [61, 'share-prompt']])
  })

  it('marks a line break between pieces as a paragraph break', () => {
    const pieces = layoutPieces('one two\nthree', [{ start: 0, end: 3 }, { start: 4, end: 7 }, { start: 8, end: 13 }], [])
    expect(pieces.map((p) => p.breakBefore)).toEqual([false, false, true])
  })

  it('leaves out whitespace removals and trims removals that overlap kept text', () => {
    const pieces = layoutPieces('abcdefghij', [{ start: 0, end: 6 }], [{ span: { start: 4, end: 10 }, reason: 'repeated' }, { span: { start: 6, end: 7 }, reason: 'whitespace' }])
    expect(pieces.map((p) => [p.span.start, p.span.end, p.removed?.reason ?? 'kept'])).toEqual([[0, 6, 'kept'], [6, 10, 'repeated']])
  })
})

describe('span links', () => {
  it.each([
    ['120-164', { start: 120, end: 164 }],
    ['5-5', null],
    ['9-3', null],
    ['12', null],
    ['1-2;alert(1)', null],
    [null, null],
  ] as const)('parseSpanParam(%s)', (value, expected) => {
    expect(parseSpanParam(value)).toEqual(expected)
  })

  it('spanHref encodes the article id and round-trips the span', () => {
    expect(spanHref('a/b c', { start: 3, end: 9 })).toBe('#/articles/a%2Fb%20c?span=3-9')
  })
})
