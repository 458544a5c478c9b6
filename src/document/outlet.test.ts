import { describe, expect, it } from 'vitest'
import type { Document } from './index.js'
import { citationOf, outletOf } from './index.js'

function doc(overrides: { publisher?: string; url?: string; input?: string }): Document {
  return {
    id: 'd1',
    origin: { input: overrides.input ?? 'articles/harbour-news.txt', blob: 'b', container: 'text', ...(overrides.url ? { url: overrides.url } : {}) },
    charset: { name: 'utf-8', basis: 'valid-utf8', confidence: 1 },
    hints: {},
    source: 'The harbour reopened on Monday.',
    layers: overrides.publisher ? { metadata: { authors: [], publisher: { value: overrides.publisher, basis: 'meta', confidence: 1 } } } : {},
    messages: [],
  }
}

describe('outletOf', () => {
  it.each([
    [{ publisher: 'Harbour Daily', url: 'https://www.example.org/a' }, 'Harbour Daily'],
    [{ url: 'https://www.example.org/a' }, 'example.org'],
    [{ url: 'not a url', input: 'in/feed.xml' }, 'feed.xml'],
    [{ input: 'articles/harbour-news.txt' }, 'harbour-news.txt'],
    [{ input: '-' }, '-'],
  ])('%o → %s', (given, expected) => {
    expect(outletOf(doc(given))).toBe(expected)
  })
})

describe('citationOf', () => {
  it('cites the exact words of the span, with the outlet', () => {
    expect(citationOf(doc({ publisher: 'Harbour Daily' }), { start: 4, end: 11 })).toEqual({
      article: 'd1', source: 'Harbour Daily', span: { start: 4, end: 11 }, text: 'harbour',
    })
  })
})
