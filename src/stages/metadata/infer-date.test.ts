import { describe, expect, it } from 'vitest'
import { inferFromLastYear, inferFromLatestPastEvent, inferFromPresidentElect, inferPublishedDate, isFutureFramed } from './infer-date.js'

describe('isFutureFramed', () => {
  it.each([
    ['The pact is set to expire in 2031.', true],
    ['Will the port reopen by 2030?', true],
    ['Output grew in 2019.', false],
  ])('infer-date: %s → future %s', (sentence, expected) => {
    expect(isFutureFramed(sentence)).toBe(expected)
  })
})

describe('inferFromLatestPastEvent', () => {
  it('infer-date: takes the latest dated past event, month precision', () => {
    const text = 'The mill closed in 2012. Latest news (April 2023): the site was sold.'
    expect(inferFromLatestPastEvent(text)).toMatchObject({ value: { date: '2023-04', precision: 'month' }, basis: 'inferred:latest-past-event' })
  })

  it('infer-date: ignores dates in sentences about the future', () => {
    const text = 'The mill closed in 2012. The lease is set to expire in March 2040.'
    expect(inferFromLatestPastEvent(text)?.value).toEqual({ date: '2012', precision: 'year' })
  })

  it('infer-date: a month without a year falls before the deadline the text names', () => {
    const text = 'In late August the mayor proposed a new levy. The current levy is set to expire on March 1, 2031.'
    expect(inferFromLatestPastEvent(text)?.value).toEqual({ date: '2030-08', precision: 'month' })
  })

  it('infer-date: a forecast about an older year does not bound the date', () => {
    const text = 'Sales reached a record in 2022 and are projected to keep rising. Update (May 2024): a new plant opened.'
    expect(inferFromLatestPastEvent(text)?.value.date).toBe('2024-05')
  })
})

describe('inferFromPresidentElect', () => {
  it.each([
    [2019, '2020-11', 'window 2020-11-03..2021-01-20'],
    [2024, '2024-11', 'window 2024-11-05..2025-01-20'],
    ['2017', '2016-11', 'window 2016-11-08..2017-01-20'],
    ['2017-01-12', '2016-11', 'window 2016-11-08..2017-01-20'],
    ['2017-03', '2020-11', 'window 2020-11-03..2021-01-20'],
  ])('infer-date: latest past %s puts the article in the election window %s', (year: number | string, date: string, window: string) => {
    const found = inferFromPresidentElect('The president-elect has promised a tougher line.', year)
    expect(found?.value).toEqual({ date, precision: 'month' })
    expect(found?.basis).toContain(window)
  })

  it('infer-date: no president-elect, no inference', () => {
    expect(inferFromPresidentElect('The president spoke.', 2019)).toBeUndefined()
  })
})

describe('inferFromLastYear', () => {
  it('infer-date: "last year" puts the article a year after the latest past year', () => {
    expect(inferFromLastYear('Last year the ferry doubled its crossings.', 2019)?.value).toEqual({ date: '2020', precision: 'year' })
  })
})

describe('inferPublishedDate', () => {
  it('infer-date: combines the rules and keeps the latest lower bound', () => {
    const text = 'Trade doubled from 2013 to 2019. Last year the navies held joint drills. The president-elect sees a rival.'
    expect(inferPublishedDate(text)).toMatchObject({ value: { date: '2020-11' }, basis: expect.stringContaining('president-elect') })
  })

  it('infer-date: falls back to the capture year', () => {
    expect(inferPublishedDate('Nothing here is dated.', { date: '2023-05-27', precision: 'day' })).toMatchObject({ value: { date: '2023', precision: 'year' }, basis: 'inferred:capture-year' })
  })

  it('infer-date: never goes past the capture date', () => {
    const text = 'Update (June 2023): the works resumed.'
    expect(inferPublishedDate(text, { date: '2023-05-27', precision: 'day' })?.value.date).toBe('2023')
  })
})
