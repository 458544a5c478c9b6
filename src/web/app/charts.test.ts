// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { StanceStatement, Timeline } from '../../document/corpus.js'
import { dateToTime, mergeEdges, timelineChart, timeTicks } from './charts.js'

describe('timeTicks', () => {
  it.each([
    ['years over a long range', '2020-10', '2025-10-15', ['2021', '2022', '2023', '2024', '2025']],
    ['months over a short range', '2023-01-15', '2023-04-02', ['2023-02', '2023-03', '2023-04']],
    ['one tick when the range is one day', '2023-03-21', '2023-03-21', ['2023-03']],
  ] as const)('%s', (_label, from, to, labels) => {
    expect(timeTicks(dateToTime(from), dateToTime(to)).map((t) => t.label)).toEqual(labels)
  })

  it('never shows more than eight ticks', () => {
    expect(timeTicks(dateToTime('1950'), dateToTime('2025')).length).toBeLessThanOrEqual(8)
  })
})

describe('mergeEdges', () => {
  it('gives one arrow per direction, actions most frequent first, the rest counted', () => {
    const merged = mergeEdges([
      { from: 'a', to: 'b', label: 'ally', negative: false, count: 1 },
      { from: 'a', to: 'b', label: 'not ally', negative: true, count: 3 },
      { from: 'a', to: 'b', label: 'praise', negative: false, count: 1 },
      { from: 'b', to: 'a', label: 'demand', negative: false, count: 2 },
    ])
    expect(merged).toEqual([
      { from: 'a', to: 'b', label: 'not ally ×3, ally +1', negative: false, count: 5 },
      { from: 'b', to: 'a', label: 'demand ×2', negative: false, count: 2 },
    ])
  })
})

describe('timelineChart', () => {
  const cite = { article: 'doc1', source: 'Outlet', span: { start: 10, end: 30 }, text: '<script>alert(1)</script> we will not' }
  const statement = (date: string | null, position: StanceStatement['position'], shift: StanceStatement['shift']): StanceStatement => ({
    date, dateBasis: date ? 'event' : 'none', actor: { id: 'country:RU', name: 'Russia' }, speaker: null, action: 'ally',
    polarity: 'negative', modality: 'asserted', position, quote: cite, citations: [cite], shift,
  })
  const timeline: Timeline = {
    actor: { id: 'country:RU', name: 'Russia' },
    counterpart: { id: 'country:CN', name: 'China' },
    topic: 'alliance',
    statements: [statement('2020-10', 'open', null), statement('2025-10-15', 'against', { from: 'open' }), statement(null, 'against', null)],
  }

  it('draws a dot per statement coloured by position, linked to its quote', () => {
    const chart = timelineChart([timeline])
    const dots = [...chart.querySelectorAll('a.statement circle.dot')]
    expect(dots.map((d) => d.getAttribute('class'))).toEqual(['dot pos-open', 'dot pos-against', 'dot pos-against'])
    expect(chart.querySelector('a.statement')!.getAttribute('href')).toBe('#/articles/doc1?span=10-30')
  })

  it('marks a shift with a ring and its label', () => {
    const chart = timelineChart([timeline])
    expect(chart.querySelectorAll('a.statement[data-shift="yes"] circle.shift-ring')).toHaveLength(1)
    expect(chart.querySelector('.shift-label')!.textContent).toBe('open → against')
  })

  it('labels the undated margin only when some statement is undated', () => {
    const axis = (t: Timeline): string[] => [...timelineChart([t]).querySelectorAll('text.axis')].map((e) => e.textContent ?? '')
    expect(axis(timeline)).toContain('undated')
    expect(axis({ ...timeline, statements: timeline.statements.filter((s) => s.date !== null) })).not.toContain('undated')
  })

  it('puts a quote into its tooltip as text', () => {
    const chart = timelineChart([timeline])
    expect(chart.querySelector('a.statement title')!.textContent).toContain('<script>alert(1)</script>')
    expect(chart.querySelector('script')).toBeNull()
  })
})
