import { describe, expect, it } from 'vitest'
import { aggregate, bootstrapStd, scorePage, shingles, tokenize } from './extraction-metric.js'

describe('extraction metric', () => {
  it.each([
    ['Ferry fares, up 10%!', ['Ferry', 'fares', 'up', '10']],
    ['São Paulo über_alles', ['São', 'Paulo', 'über_alles']],
    ['  —  ', []],
  ])('tokenize: keeps Unicode word runs and case in %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens)
  })

  it.each([
    [[], 0, 0],
    [['a', 'b'], 1, 1],
    [['a', 'b', 'c', 'd', 'e'], 2, 2],
    [['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd'], 5, 4],
  ])('shingles: %j gives %d shingles, %d distinct', (tokens, total, distinct) => {
    const s = shingles(tokens)
    expect([...s.values()].reduce((a, b) => a + b, 0)).toBe(total)
    expect(s.size).toBe(distinct)
  })

  it('scorePage: a doubled body costs precision, not recall', () => {
    const body = 'the council raised ferry fares on monday'
    const s = scorePage(body, `${body} ${body}`)
    expect(s.recall).toBe(1)
    expect(s.precision).toBeLessThan(0.6)
    expect(s.exact).toBe(false)
  })

  it('scorePage: equal token sequences are exact despite punctuation and spacing', () => {
    const s = scorePage('Fares rose.\n\nRiders wept.', 'Fares rose Riders wept')
    expect(s).toMatchObject({ precision: 1, recall: 1, exact: true })
  })

  it('aggregate: an empty prediction counts against recall only', () => {
    const good = scorePage('one two three four five', 'one two three four five')
    const empty = scorePage('one two three four five', '')
    expect(aggregate([good, empty])).toMatchObject({ precision: 1, recall: 0.5, accuracy: 0.5 })
  })

  it('bootstrapStd: identical pages have zero spread', () => {
    const page = scorePage('a b c d e', 'a b c d')
    expect(bootstrapStd([page, page, page], 50).f1).toBeCloseTo(0, 12)
  })
})
