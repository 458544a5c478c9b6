import { describe, expect, it } from 'vitest'
import type { Document } from './index.js'
import { citationOf, outletKey, outletOf } from './index.js'

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
    // Issue 15: a file's name is never the outlet.
    [{ url: 'not a url', input: 'in/feed.xml' }, 'unknown outlet'],
    [{ input: 'articles/harbour-news.txt' }, 'unknown outlet'],
    [{ input: '-' }, 'unknown outlet'],
    // A date or time in the publisher field is not a publisher.
    [{ publisher: 'Aug 10, 2016 11:15 am UTC', url: 'https://www.example.org/a' }, 'example.org'],
    [{ publisher: '7:08pm' }, 'unknown outlet'],
    [{ publisher: '2016-08-10' }, 'unknown outlet'],
    [{ publisher: 'Tuesday, 10 August 2016' }, 'unknown outlet'],
    [{ publisher: 'The 24 Hour News' }, 'The 24 Hour News'],
    [{ publisher: 'Channel 4 News' }, 'Channel 4 News'],
  ])('%o → %s', (given, expected) => {
    expect(outletOf(doc(given))).toBe(expected)
  })
})

describe('outletKey', () => {
  it('counts articles of unknown outlet each as its own outlet, and named outlets by name', () => {
    expect(new Set(['a', 'b'].map((id) => outletKey('unknown outlet', id))).size).toBe(2)
    expect(new Set(['a', 'b'].map((id) => outletKey('Harbour Daily', id))).size).toBe(1)
  })
})

describe('citationOf', () => {
  it('cites the exact words of the span, with the outlet', () => {
    expect(citationOf(doc({ publisher: 'Harbour Daily' }), { start: 4, end: 11 })).toEqual({
      article: 'd1', source: 'Harbour Daily', span: { start: 4, end: 11 }, text: 'harbour',
    })
  })
})
