import { describe, expect, it } from 'vitest'
import type { Document } from '../../document/index.js'
import { gatherDateEvidence } from './date-evidence.js'
import { chooseDate } from './dates.js'
import { dayInPageZone, pageOffset, readWrittenTime } from './time-zone.js'

describe('readWrittenTime', () => {
  it.each([
    ['2022-03-15T02:40:10Z', { day: '2022-03-15', minutes: 160, offset: 0 }],
    ['2021-06-05 00:20:00+0200', { day: '2021-06-05', minutes: 20, offset: 120 }],
    ['2021-05-03T08:00-04:30', { day: '2021-05-03', minutes: 480, offset: -270 }],
    ['2022-03-14 18:40:10', { day: '2022-03-14', minutes: 1120 }],
  ])('time-zone: reads %s', (value, expected) => {
    expect(readWrittenTime(value)).toMatchObject(expected)
  })

  it('time-zone: a date alone or a prose date is not a date-time', () => {
    expect(readWrittenTime('2022-03-15')).toBeUndefined()
    expect(readWrittenTime('9 Nov 2023, 3:28')).toBeUndefined()
  })
})

describe('pageOffset', () => {
  it('time-zone: a stated non-UTC offset is the page offset', () => {
    expect(pageOffset(['2021-06-04T22:20:00Z', '2021-06-05T00:20:00+02:00'])).toBe(120)
  })
  it('time-zone: one instant written in UTC and in local time gives the offset', () => {
    expect(pageOffset(['2022-03-15T02:40:10Z', '2022-03-14 18:40:10'])).toBe(-480)
  })
  it('time-zone: two different instants give none', () => {
    expect(pageOffset(['2022-03-15T02:40:10Z', '2022-03-14 18:31:55'])).toBeUndefined()
  })
})

describe('dayInPageZone', () => {
  const stamp = readWrittenTime('2022-03-15T02:40:10Z')!
  it('time-zone: a UTC stamp moves into the page offset', () => {
    expect(dayInPageZone(stamp, -300, [])).toBe('2022-03-14')
    expect(dayInPageZone(readWrittenTime('2021-06-04T22:20:00Z')!, 120, [])).toBe('2021-06-05')
  })
  it('time-zone: without an offset, a neighbouring day the page writes locally is taken', () => {
    expect(dayInPageZone(stamp, undefined, ['2022-03-14'])).toBe('2022-03-14')
    expect(dayInPageZone(stamp, undefined, ['2022-03-14', '2022-03-15'])).toBe('2022-03-15')
    expect(dayInPageZone(stamp, undefined, [])).toBe('2022-03-15')
  })
  it('time-zone: a day no offset can reach is not taken', () => {
    // 02:40 UTC is never the next day anywhere (UTC+14 makes it 16:40).
    expect(dayInPageZone(stamp, undefined, ['2022-03-16'])).toBe('2022-03-15')
  })
  it('time-zone: a stamp with its own offset keeps its written day', () => {
    expect(dayInPageZone(readWrittenTime('2016-08-10T23:30:00-04:00')!, 120, ['2016-08-11'])).toBe('2016-08-10')
  })
})

describe('gatherDateEvidence in the page zone', () => {
  it('time-zone: the UTC metadata of a page in UTC−8 gives the local day its URL states', () => {
    const doc: Document = {
      id: 'x',
      origin: { input: 'x', blob: '', container: 'html' },
      charset: { name: 'utf-8', basis: 'container', confidence: 1 },
      hints: {},
      source: 'Ferry fares rise',
      layers: {
        page: {
          candidates: [
            { field: 'published', value: '2022-03-15T02:40:10Z', basis: 'json-ld:NewsArticle.datePublished' },
            { field: 'published', value: '2022-03-15T02:40:10+00:00', basis: 'meta[property=article:published_time]' },
            { field: 'published', value: '2022-03-14', basis: 'url:path-date' },
          ],
        },
      },
      messages: [],
    }
    const best = chooseDate(gatherDateEvidence(doc, '', new Int32Array(0), false))
    expect(best?.value.date).toBe('2022-03-14')
  })
})
