import { describe, expect, it } from 'vitest'
import type { Document, StoryCheck } from '../../document/index.js'
import { annotatedArticle, emptyCheck } from '../../../test/helpers/briefs.js'
import { summarise } from './summary.js'

// Three outlets on one made-up event, in our own words. The wire sentence appears in two of them
// with one word changed.
const WIRE = 'The ferry between Port Alder and Kessing will resume daily crossings on Monday after a six-month repair of its only vessel.'
const WIRE_EDITED = 'The ferry between Port Alder and Kessing will resume daily crossings on Monday after a six-month repair of its single vessel.'

const harbour = annotatedArticle('a1', 'https://harbour.example/ferry', [
  'Ferry returns to Port Alder',
  '',
  WIRE,
  '',
  'Harbour master Ines Valk said the repaired hull passed its inspection last week.',
  '',
  'Will the timetable stay the same for the winter months?',
  '',
  'Tickets go on sale at the pier office from Saturday morning onwards, the operator said.',
].join('\n'))
const coast = annotatedArticle('a2', 'https://coastnews.example/ferry', [
  'Kessing ferry back on Monday',
  '',
  WIRE_EDITED,
  '',
  'Valk told reporters: “The hull is sound. We tested it in three storms.”',
  '',
  'Local shops in Kessing expect more visitors once the crossings begin again next week.',
].join('\n'))
const valley = annotatedArticle('a3', 'https://valleypost.example/ferry', [
  'Island link restored',
  '',
  'Commuters from Kessing have driven two hours around the bay since the vessel was taken out of service in spring.',
  '',
  'The operator said the daily ferry crossings between the towns restart on Monday after the repair.',
].join('\n'))
const DOCS: readonly Document[] = [harbour, coast, valley]
const CHECK: StoryCheck = emptyCheck('st-1')

describe('brief: extractive summary', () => {
  it('brief summary: every sentence is a source sentence verbatim, cited with its exact span', () => {
    const summary = summarise(DOCS, CHECK)
    expect(summary.length).toBeGreaterThan(0)
    for (const s of summary) {
      expect(s.citations.length).toBeGreaterThanOrEqual(1)
      expect(s.citations[0]!.text).toBe(s.text)
      for (const c of s.citations) {
        const doc = DOCS.find((d) => d.id === c.article)!
        expect(doc.source.slice(c.span.start, c.span.end)).toBe(c.text)
      }
    }
  })

  it('brief summary: a sentence two outlets print near-identically leads, cited to both', () => {
    const [lead] = summarise(DOCS, CHECK)
    expect(lead!.text).toBe(WIRE)
    expect(lead!.citations.map((c) => [c.source, c.text])).toEqual([['harbour.example', WIRE], ['coastnews.example', WIRE_EDITED]])
  })

  it.each([
    ['a question', 'Will the timetable stay the same'],
    ['the headline', 'Ferry returns to Port Alder'],
    ['a sentence that closes a quotation opened before it', 'We tested it in three storms.”'],
  ])('brief summary: never picks %s', (_what, words) => {
    const texts = summarise(DOCS, CHECK, 20).map((s) => s.text)
    expect(texts.some((t) => t.includes(words) && !t.startsWith('Valk told'))).toBe(false)
  })

  it('brief summary: a quotation over two sentences is taken whole', () => {
    const texts = summarise(DOCS, CHECK, 20).map((s) => s.text)
    expect(texts).toContain('Valk told reporters: “The hull is sound. We tested it in three storms.”')
  })

  it('brief summary: a pick that repeats an earlier one in other words is dropped', () => {
    const restart = 'The operator said the daily ferry crossings between the towns restart on Monday after the repair.'
    expect(summarise([valley], CHECK, 20).map((s) => s.text)).toContain(restart)
    const texts = summarise(DOCS, CHECK, 20).map((s) => s.text)
    expect(texts).toContain(WIRE)
    expect(texts).not.toContain('The operator said the daily ferry crossings between the towns restart on Monday after the repair.')
  })

  it('brief summary: passages the check notes as machine filler are left out', () => {
    const tickets = 'Tickets go on sale at the pier office from Saturday morning onwards, the operator said.'
    const start = harbour.source.indexOf(tickets)
    const check: StoryCheck = { ...CHECK, quality: [{ article: 'a1', source: 'harbour.example', title: null, notes: [
      { kind: 'machine-filler', note: 'filler', span: { start, end: start + tickets.length } },
    ] }] }
    expect(summarise(DOCS, CHECK, 20).map((s) => s.text)).toContain(tickets)
    expect(summarise(DOCS, check, 20).map((s) => s.text)).not.toContain(tickets)
  })

  it.each([[1], [2], [3]])('brief summary: gives at most %i sentences when asked for that many', (n) => {
    expect(summarise(DOCS, CHECK, n)).toHaveLength(n)
  })

  it('brief summary: no sentences from articles without a sentences layer', () => {
    const bare = { ...harbour, layers: { ...harbour.layers, sentences: undefined } }
    expect(summarise([bare], CHECK)).toEqual([])
  })
})
