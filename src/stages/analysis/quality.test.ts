import { describe, expect, it } from 'vitest'
import type { Document, Layers } from '../../document/index.js'
import { assessSourceQuality } from './quality.js'

function doc(source: string, layers: Partial<Layers>, published?: string): Document {
  const whole = { start: 0, end: source.length }
  return {
    id: 'd', origin: { input: 'snippet.txt', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: {},
    source,
    layers: {
      clean: { blocks: [{ kind: 'paragraph', spans: [whole] }], removed: [], flags: [] },
      sentences: { sentences: [{ span: whole, block: 0, kind: 'paragraph' }] },
      metadata: { authors: [], ...(published ? { published: { value: { date: published, precision: published.length === 10 ? 'day' : 'month' }, basis: 'test', confidence: 1 } } : {}) },
      ...layers,
    },
    messages: [],
  }
}

describe('analysis: source quality', () => {
  it.each([
    ['a sitting president called "then-"', 'Officials met then-U.S. President Donald Trump in Oslo.', '2025-10-16', 1],
    ['a month-dated article inside the term', 'Officials met then-U.S. President Donald Trump in Oslo.', '2025-09', 1],
    ['a former president rightly called "then-"', 'Officials met then-U.S. President Barack Obama in Oslo.', '2025-10-16', 0],
    ['the term had not begun for the whole month', 'Officials met then-U.S. President Donald Trump in Oslo.', '2025-01', 0],
    ['any country adjective before the title', 'Officials met then-Turkish President Recep Tayyip Erdoğan.', '2024-05-02', 1],
    ['an undated article', 'Officials met then-U.S. President Donald Trump in Oslo.', undefined, 0],
  ])('analysis: factual slip for %s', (_name, text, published, count) => {
    const notes = assessSourceQuality(doc(text, {}, published)).filter((n) => n.kind === 'factual-slip')
    expect(notes).toHaveLength(count)
    if (count > 0) expect(text.slice(notes[0]!.span!.start, notes[0]!.span!.end)).toMatch(/^then-.* (Donald Trump|Recep Tayyip Erdoğan)$/)
  })

  it('analysis: figures without a source are noted, attributed ones are not', () => {
    const text = 'Trade reached $9 billion. The agency counted 40 ships.'
    const claim = { value: 9e9, unit: 'USD', comparator: 'eq' as const, measure: null, subject: null, time: null, sentence: 0 }
    const notes = assessSourceQuality(doc(text, {
      claims: { claims: [
        { ...claim, id: 'c0', span: { start: 14, end: 24 }, source: null },
        { ...claim, id: 'c1', span: { start: 45, end: 53 }, unit: 'ship', source: { entity: null, span: { start: 26, end: 36 }, cue: null } },
      ] },
    }))
    expect(notes.filter((n) => n.kind === 'unattributed-figure').map((n) => n.span)).toEqual([{ start: 14, end: 24 }])
  })

  it('analysis: a duration is no figure that needs a source', () => {
    const text = 'They agreed a 2-year pause.'
    const notes = assessSourceQuality(doc(text, {
      claims: { claims: [{ id: 'c0', span: { start: 14, end: 20 }, value: 2, unit: 'year', comparator: 'eq', measure: null, subject: null, time: null, source: null, sentence: 0 }] },
    }))
    expect(notes.filter((n) => n.kind === 'unattributed-figure')).toEqual([])
  })

  it('analysis: a headline mismatch the clean layer flagged becomes a note on its span', () => {
    const text = 'Mayor Quits\nThe mayor said she will stay.'
    const flag = { span: { start: 0, end: 11 }, kind: 'headline-mismatch' as const, note: 'the body says she stays' }
    const notes = assessSourceQuality(doc(text, { clean: { blocks: [], removed: [], flags: [flag] } }))
    expect(notes.filter((n) => n.kind === 'headline-mismatch')).toEqual([{ kind: 'headline-mismatch', span: flag.span, note: flag.note }])
  })

  it('analysis: a page mostly made of furniture is noted with its share; titles and repeats do not count as furniture', () => {
    const text = 'x'.repeat(100)
    const notes = assessSourceQuality(doc(text, {
      clean: { blocks: [], flags: [], removed: [
        { span: { start: 0, end: 40 }, reason: 'navigation' },
        { span: { start: 40, end: 60 }, reason: 'title' },
        { span: { start: 60, end: 80 }, reason: 'repeated' },
      ] },
    }))
    expect(notes.find((n) => n.kind === 'boilerplate-share')?.value).toBeCloseTo(0.4)
    expect(notes.find((n) => n.kind === 'repeated-content')?.value).toBe(20)
  })
})
