import { describe, expect, it } from 'vitest'
import type { Fact } from '../../document/corpus.js'
import { tableFacts, translationsOf } from './facts.js'

function fact(id: string, kind: Fact['kind'], status: Fact['status'], outlets: number, conflict: string | null = null): Fact {
  return {
    id, kind, status, outlets, conflict, statement: id, citations: [], who: null, attributions: [], unattributed: false, variants: [],
  }
}

describe('tableFacts', () => {
  it.each([
    ['an event one outlet alone reports', fact('e1', 'event', 'single-source', 1), 'more'],
    ['an event two outlets report', fact('e2', 'event', 'agreed', 2), 'shown'],
    ['an event in a conflict', fact('e3', 'event', 'single-source', 1, 'c1'), 'shown'],
    ['a quote one outlet alone carries', fact('q1', 'quote', 'single-source', 1), 'shown'],
    ['a figure one outlet alone gives', fact('f1', 'figure', 'single-source', 1), 'shown'],
  ] as const)('%s goes to %s', (_label, f, where) => {
    const { shown, more } = tableFacts([f])
    expect(where === 'shown' ? shown : more).toEqual([f])
  })

  it('orders conflicts first, then agreed, then single source, more outlets first, ties as given', () => {
    const facts = [
      fact('q1', 'quote', 'single-source', 1), fact('q2', 'quote', 'agreed', 2), fact('f1', 'figure', 'conflict', 2, 'c1'),
      fact('q3', 'quote', 'agreed', 3), fact('f2', 'figure', 'single-source', 1), fact('e1', 'event', 'single-source', 1),
      fact('e2', 'event', 'single-source', 1),
    ]
    const { shown, more } = tableFacts(facts)
    expect(shown.map((f) => f.id)).toEqual(['f1', 'q3', 'q2', 'q1', 'f2'])
    expect(more.map((f) => f.id)).toEqual(['e1', 'e2'])
  })
})

describe('facts: translations', () => {
  it('translationsOf: a quote\'s versions in other languages, named in English; other wordings are not translations', () => {
    const citation = (article: string, text: string) => ({ article, source: article, span: { start: 0, end: text.length }, text })
    const variants = [
      { citation: citation('b', 'We shall not sell it'), added: ['shall'], missing: ['will'] },
      { citation: citation('c', 'Мы не продадим его'), added: [], missing: [], language: 'ru' },
    ]
    expect(translationsOf({ variants }).map((t) => [t.language, t.name, t.citation.text])).toEqual([['ru', 'Russian', 'Мы не продадим его']])
    expect(translationsOf({ variants: [] })).toEqual([])
  })
})
