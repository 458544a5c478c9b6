import { describe, expect, it } from 'vitest'
import type { Document, TimeExpression } from '../../src/document/index.js'
import { sentences } from '../../src/stages/sentences/index.js'
import { times } from '../../src/stages/times/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { annotateSeed, textAt } from '../helpers/seeds.js'

const present = sharedAvailable('seed time tests')

const docs = new Map<string, Document>()
function seed(prefix: string): Document {
  let doc = docs.get(prefix)
  if (!doc) docs.set(prefix, (doc = annotateSeed(prefix, [sentences, times])))
  return doc
}

/** The times of a seed whose text is `expression` (spaces normalised). */
function timesNamed(prefix: string, expression: string): TimeExpression[] {
  const doc = seed(prefix)
  return doc.layers.times!.times.filter((t) => textAt(doc, t.span).replace(/\s+/g, ' ') === expression)
}

function summary(t: TimeExpression | undefined): unknown {
  return t && { value: t.value, precision: t.precision, modifier: t.modifier, anchor: t.anchor, role: t.role }
}

describe.skipIf(!present)('times on the seed pages', () => {
  it.each([
    ['002', 'Wednesday', { value: '2025-10-15', precision: 'day', modifier: undefined, anchor: 'publication', role: 'reported-event' }],
    ['002', 'Last month', { value: '2025-09', precision: 'month', modifier: undefined, anchor: 'publication', role: 'past' }],
    ['002', 'September', { value: '2025-09', precision: 'month', modifier: undefined, anchor: 'publication', role: 'past' }],
    ['002', '2026', { value: '2026', precision: 'year', modifier: undefined, anchor: 'absolute', role: 'future' }],
    ['000', 'early 2025', { value: '2025', precision: 'year', modifier: 'early', anchor: 'absolute', role: 'as-of' }],
    ['000', '2024', { value: '2024', precision: 'year', modifier: undefined, anchor: 'absolute', role: 'as-of' }],
    ['000', '2023', { value: '2023', precision: 'year', modifier: undefined, anchor: 'absolute', role: 'as-of' }],
    ['001', 'late September', { value: '2025-09', precision: 'month', modifier: 'late', anchor: 'publication', role: 'past' }],
    ['001', 'February 5, 2026', { value: '2026-02-05', precision: 'day', modifier: undefined, anchor: 'absolute', role: 'future' }],
    ['003', 'several weeks before the U.S. presidential election', { value: '2020-10', precision: 'month', modifier: 'before', anchor: 'event', role: 'reported-event' }],
    ['003', '2013', { value: '2013', precision: 'year', modifier: undefined, anchor: 'absolute', role: 'as-of' }],
    ['003', '2019', { value: '2019', precision: 'year', modifier: undefined, anchor: 'absolute', role: 'as-of' }],
    ['003', 'mid-2030s', { value: '2030', precision: 'decade', modifier: 'mid', anchor: 'absolute', role: 'future' }],
    ['003', 'last year', { value: '2019', precision: 'year', modifier: undefined, anchor: 'publication', role: 'past' }],
    ['004', 'a few days ago', { value: null, precision: 'day', modifier: 'about', anchor: 'unresolved', role: 'reported-event' }],
  ])('seeds: %s reads "%s"', (prefix, expression, expected) => {
    expect(summary(timesNamed(prefix, expression)[0])).toEqual(expected)
  })

  it('seeds: 002\'s event date is the interview day, from "on Wednesday"', () => {
    const layer = seed('002').layers.times!
    const from = layer.times.find((t) => t.id === layer.eventDate?.time)
    expect(layer.eventDate).toMatchObject({ value: '2025-10-15', precision: 'day' })
    expect(from && textAt(seed('002'), from.span)).toBe('Wednesday')
  })

  it('seeds: "from … in 2013 to … in 2019" in 003 is two expressions', () => {
    expect([timesNamed('003', '2013').length, timesNamed('003', '2019').length]).toEqual([1, 1])
  })

  it.each(['000', '001', '002', '003', '004'])('seeds: no figure, code or channel number in %s is read as a time', (prefix) => {
    const doc = seed(prefix)
    const texts = doc.layers.times!.times.map((t) => textAt(doc, t.span))
    expect(texts.filter((t) => /,\d{3}|^\$|-\d{2,3}\b|^\d{1,3}$|^May$/.test(t))).toEqual([])
  })

  it.each(['000', '001', '002', '003', '004'])('seeds: every time in %s lies in the sentence it names', (prefix) => {
    const doc = seed(prefix)
    const list = doc.layers.sentences!.sentences
    for (const t of doc.layers.times!.times) {
      const s = list[t.sentence]!.span
      expect(s.start <= t.span.start && t.span.end <= s.end).toBe(true)
    }
  })
})
