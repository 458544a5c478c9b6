import { describe, expect, it } from 'vitest'
import { toExactJson, UnstorableValueError } from './json.js'

describe('toExactJson', () => {
  const shared = { start: 1, end: 2 }

  it.each([
    ['nested plain data', { a: [1, 'two', true, null], b: { c: -0.5 } }],
    ['a value shared by two branches', { first: shared, second: shared }],
    ['an object without a prototype', Object.assign(Object.create(null) as object, { k: 1 })],
    ['lone surrogates in a string', { text: 'a\ud800b' }],
  ])('round-trips %s', (_label, value) => {
    expect(JSON.parse(toExactJson(value, 'v'))).toEqual(value)
  })

  it('drops properties whose value is undefined', () => {
    expect(toExactJson({ kept: 1, gone: undefined }, 'v')).toBe('{"kept":1}')
  })

  const cycle: Record<string, unknown> = {}
  cycle.again = { back: cycle }

  it.each([
    ['NaN', { n: Number.NaN }, 'v.n'],
    ['-Infinity', { list: [1, Number.NEGATIVE_INFINITY] }, 'v.list[1]'],
    ['a BigInt', { big: 3n }, 'v.big'],
    ['a function', { f: () => 1 }, 'v.f'],
    ['undefined in an array', { list: [undefined] }, 'v.list[0]'],
    ['a Date', { when: new Date(0) }, 'v.when'],
    ['a typed array', { offsets: new Int32Array(2) }, 'v.offsets'],
    ['a cycle', cycle, 'v.again.back'],
  ])('refuses %s and names where it is', (_label, value, path) => {
    expect(() => toExactJson(value, 'v')).toThrow(UnstorableValueError)
    expect(() => toExactJson(value, 'v')).toThrow(path)
  })
})
