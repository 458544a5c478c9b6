import { describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../store/index.js'
import { sortArticles } from './article-order.js'
import { coverageOf, MAX_COVERAGE_POINTS } from './coverage.js'

let n = 0
function doc(published: string | undefined, publisher: string | undefined, extra: Partial<DocumentSummary> = {}): DocumentSummary {
  n++
  return {
    id: `d${n}`, input: `in${n}.txt`, container: 'text', chars: 100 + n, storedAt: '2025-01-01T00:00:00Z',
    ...(published !== undefined ? { published } : {}), ...(publisher !== undefined ? { publisher } : {}), ...extra,
  }
}

describe('coverageOf', () => {
  const docs = [
    doc('2025-10-13', 'Harbour Daily'),
    doc('2025-10-13', 'HARBOUR DAILY'),
    doc('2025-10-15', undefined, { url: 'https://www.quarry.example/a' }),
    doc('2025-10', 'Harbour Daily'),
    doc(undefined, 'Harbour Daily'),
  ]

  it('counts every day from the first to the last, empty days included, by outlet in any case', () => {
    const c = coverageOf(docs, 'day')
    expect(c.points.map((p) => [p.date, p.articles])).toEqual([['2025-10-13', 2], ['2025-10-14', 0], ['2025-10-15', 1]])
    expect(c.points[0]!.outlets).toEqual({ 'Harbour Daily': 2 })
    expect(c.points[2]!.outlets).toEqual({ 'quarry.example': 1 })
    expect(c.outlets).toEqual([{ name: 'Harbour Daily', articles: 4 }, { name: 'quarry.example', articles: 1 }])
    expect([c.articles, c.undated]).toEqual([5, 2])
  })

  it('by month, a month-only date is counted; only an undated article is not', () => {
    const c = coverageOf(docs, 'month')
    expect(c.points).toEqual([{ date: '2025-10', articles: 4, outlets: { 'Harbour Daily': 3, 'quarry.example': 1 } }])
    expect(c.undated).toBe(1)
  })

  it.each([
    ['from a day', { from: '2025-10-14' }, 1],
    ['to a month, the whole month', { to: '2025-10' }, 4],
    ['one outlet, any case', { outlet: 'harbour daily' }, 4],
  ])('filters %s', (_label, filter, articles) => {
    expect(coverageOf(docs, 'day', filter).articles).toBe(articles)
  })

  it('counts a range longer than MAX_COVERAGE_POINTS days by month', () => {
    const c = coverageOf([doc('2001-01-01', 'A'), doc('2020-06-30', 'A')], 'day')
    expect(c.by).toBe('month')
    expect(c.points.length).toBeLessThan(MAX_COVERAGE_POINTS)
    expect(c.points[0]!.date).toBe('2001-01')
  })
})

describe('sortArticles', () => {
  const items = [doc('2025-02-01', 'b', { title: 'Beta' }), doc(undefined, 'a', { title: 'alpha' }), doc('2025-03-01', 'c'), doc('2025-02-01', 'd', { title: 'Gamma' })]
  it.each([
    ['published, newest first, undated last, ties in storage order', 'published', 'desc', [2, 0, 3, 1]],
    ['published, oldest first, undated still last', 'published', 'asc', [0, 3, 2, 1]],
    ['title in any case, untitled last', 'title', 'asc', [1, 0, 3, 2]],
    ['storage order reversed', 'stored', 'desc', [3, 2, 1, 0]],
  ] as const)('%s', (_label, sort, dir, order) => {
    expect(sortArticles(items, sort, dir)).toEqual(order.map((i) => items[i]))
  })
})
