import { describe, expect, it } from 'vitest'
import type { Document } from '../../document/index.js'
import { findCapturedDate, gatherDateEvidence, findDateNearArticle, findFirstPastDay, findLabelledDates, findTodayBar } from './date-evidence.js'

function docOf(source: string, articleStart: number, extra: Partial<Document> = {}): Document {
  return {
    id: 'x',
    origin: { input: 'x', blob: '', container: 'text' },
    charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {},
    source,
    layers: { clean: { blocks: [{ kind: 'paragraph', spans: [{ start: articleStart, end: source.length }] }], removed: [], flags: [] } },
    messages: [],
    ...extra,
  }
}

describe('findLabelledDates', () => {
  it.each([
    ['date 2025-10-16 Ferry fares rise', '2025-10-16', 'text:date-line'],
    ['Published: 3 May 2021', '2021-05-03', 'text:date-line'],
    ['Veröffentlicht am 03.05.2021', '2021-05-03', 'text:date-line'],
    ['Updated: 4 May 2021', '2021-05-04', 'text:updated-line'],
  ])('date-evidence: reads the labelled date in %s', (text, date, basis) => {
    expect(findLabelledDates(text)[0]).toMatchObject({ value: { date }, basis })
  })
})

describe('findTodayBar', () => {
  it('date-evidence: a date line beside a temperature at the top is a today bar', () => {
    const source = '21 C\nMonday, June 2, 2025\nHome > News\nFares rise'
    const bar = findTodayBar(source)
    expect(bar).toMatchObject({ value: { date: '2025-06-02' }, basis: 'text:today-bar' })
    expect(source.slice(bar!.span!.start, bar!.span!.end)).toBe('June 2, 2025')
  })

  it('date-evidence: a date in a sentence is not a today bar', () => {
    expect(findTodayBar('21 C\nThe board met on June 2, 2025 to set the fares for the season.')).toBeUndefined()
  })
})

describe('findCapturedDate', () => {
  it('date-evidence: the container capture time comes first', () => {
    const doc = docOf('21 C\nMonday, June 2, 2025\nFares rise', 0, { origin: { input: 'x', blob: '', container: 'warc', capturedAt: '2025-06-03T10:00:00Z' } })
    expect(findCapturedDate(doc)).toMatchObject({ value: { date: '2025-06-03' }, basis: 'origin:capturedAt' })
  })
})

describe('findDateNearArticle', () => {
  it('date-evidence: takes the day closest to where the article starts', () => {
    const source = 'Menu 1 January 2020\nFares rise\nby Ana Ruiz, 3 May 2021\nThe board met.'
    const near = findDateNearArticle(docOf(source, source.indexOf('The board')), {})
    expect(near).toMatchObject({ value: { date: '2021-05-03' }, basis: 'text:near-article-start' })
  })
})

describe('findFirstPastDay', () => {
  it('date-evidence: skips dates in lines about the future', () => {
    const source = 'The lease will expire on 1 March 2031.\nPosted on 3 May 2021'
    expect(findFirstPastDay(source, {}, [])?.value.date).toBe('2021-05-03')
  })
})

describe('gatherDateEvidence', () => {
  it('date-evidence: a month-only URL date (/2011/12/) is month evidence', () => {
    const doc = docOf('The council met again.', 0, { layers: { clean: { blocks: [], removed: [], flags: [] }, page: { candidates: [{ field: 'published', value: '2011-12', basis: 'url:path-date' }] } } })
    const evidence = gatherDateEvidence(doc, '', new Int32Array(0), false)
    expect(evidence).toContainEqual(expect.objectContaining({ value: { date: '2011-12', precision: 'month' }, basis: 'url:path-date' }))
  })
})
