import { describe, expect, it } from 'vitest'
import { chooseDate, findDates, readDate, weighPageDate, type DateEvidence } from './dates.js'

const day = (date: string) => ({ date, precision: 'day' as const })
const month = (date: string) => ({ date, precision: 'month' as const })

describe('readDate', () => {
  it.each([
    ['2021-05-03T08:00:00+02:00', day('2021-05-03')],
    ['2021/05/03', day('2021-05-03')],
    ['20210503', day('2021-05-03')],
    ['Posted on 03.05.2021 by Ana', day('2021-05-03')],
    ['3. Mai 2021', day('2021-05-03')],
    ['Monday, May 3rd, 2021', day('2021-05-03')],
    ['3 de mayo de 2021', day('2021-05-03')],
    ['le 3 mai 2021', day('2021-05-03')],
    ['21 февраля 2023 года', day('2023-02-21')],
    ['Обновлено: 3 мая 2021', day('2021-05-03')],
    ['13/05/21', day('2021-05-13')],
    ['Issue of March 2019', month('2019-03')],
    ['Update (May 2024)', month('2024-05')],
    ['31.02.2021', undefined],
    ['set 2021 aside', undefined],
    ['phone 0301 2345 6789', undefined],
  ])('dates: reads %s', (text, expected) => {
    expect(readDate(text)).toEqual(expected)
  })

  it.each([
    [true, '2021-03-05'],
    [false, '2021-05-03'],
  ])('dates: reads 05/03/2021 day first = %s as %s', (dayFirst, expected) => {
    expect(readDate('05/03/2021', { dayFirst })?.date).toBe(expected)
  })

  it('dates: finds every date with its offsets', () => {
    const text = 'Filed 3 May 2021, revised 2021-05-04.'
    expect(findDates(text).map((d) => text.slice(d.index, d.index + d.length))).toEqual(['3 May 2021', '2021-05-04'])
  })
})

describe('weighPageDate', () => {
  it.each([
    ['json-ld:NewsArticle.datePublished', 'published', '2021-05-03', 0.95],
    ['url:path-date', 'published', '2021-05-03', 0.96],
    ['url:path-date', 'published', '2021-05', 0.85],
    ['meta[property=article:published_time]', 'published', '2021-05-03', 0.92],
    ['[class~=date]:text', 'published', '3 May 2021', 0.6],
    ['meta[property=article:modified_time]', 'modified', '2021-05-03', 0.35],
  ] as const)('dates: weighs %s (%s %s) at %d', (basis, field, value, weight) => {
    expect(weighPageDate({ basis, field, value })).toBe(weight)
  })
})

describe('chooseDate', () => {
  const ev = (date: string, basis: string, weight: number, precision: 'day' | 'month' = 'day'): DateEvidence => ({ value: { date, precision }, basis, weight })

  it('dates: the heaviest evidence wins', () => {
    expect(chooseDate([ev('2021-05-01', 'time[datetime]', 0.75), ev('2021-05-03', 'meta', 0.92)])?.value.date).toBe('2021-05-03')
  })

  it('dates: agreeing bases outweigh a single slightly heavier one', () => {
    const best = chooseDate([ev('2021-05-01', 'a', 0.78), ev('2021-05-03', 'b', 0.75), ev('2021-05-03', 'c', 0.75)])
    expect(best?.value.date).toBe('2021-05-03')
  })

  it('dates: a month is narrowed to the day inside it', () => {
    const best = chooseDate([ev('2011-12', 'url:path-date', 0.85, 'month'), ev('2011-12-03', 'text:near-article-start', 0.5)])
    expect(best).toMatchObject({ value: { date: '2011-12-03' }, basis: 'text:near-article-start+url:path-date' })
  })

  it.each([
    ['before the web', '1990-01-01', undefined],
    ['after the capture date', '2024-02-01', '2024-01-31'],
  ])('dates: ignores a date %s', (_name, date, latest) => {
    expect(chooseDate([ev(date, 'meta', 0.9)], latest ?? undefined)).toBeUndefined()
  })
})
