import { describe, expect, it } from 'vitest'
import { diffWords, quoteWords, sameQuote } from './quote-match.js'

describe('analysis: quote matching', () => {
  it('quote words: folds case, curly apostrophes and punctuation', () => {
    expect(quoteWords('“We WON’T sign — ever,” she said.')).toEqual(['we', "won't", 'sign', 'ever', 'she', 'said'])
  })

  it.each([
    ['identical apart from marks and case', 'The harbour stays open all winter.', '"the harbour stays open all winter"', true],
    ['one word changed', 'The harbour stays open all winter.', 'The harbour remains open all winter.', true],
    ['a trimmed version', 'The harbour stays open all winter, and the ferries keep running.', 'the harbour stays open all winter', true],
    ['a short fragment inside a long quote', 'We think the new bridge is a good idea for the whole valley and its farms.', 'a good idea', false],
    ['different words', 'The harbour stays open all winter.', 'Taxes will rise next spring.', false],
    ['an empty quote', '', 'The harbour stays open.', false],
  ])('same quote: %s', (_name, a, b, same) => {
    expect(sameQuote(quoteWords(a), quoteWords(b))).toBe(same)
  })

  it.each([
    ['a changed word', 'we will not sign it', 'we shall not sign it', ['shall'], ['will']],
    ['an added clause', 'we will not sign', 'we will not sign this year', ['this', 'year'], []],
    ['a dropped repeat', 'no one against no one', 'no one against', [], ['no', 'one']],
    ['no change', 'we agree', 'we agree', [], []],
  ])('diff words: %s', (_name, reference, version, added, missing) => {
    expect(diffWords(reference.split(' '), version.split(' '))).toEqual({ added, missing })
  })
})
