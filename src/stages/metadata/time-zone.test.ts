import { describe, expect, it } from 'vitest'
import type { Document } from '../../document/index.js'
import { gatherDateEvidence } from './date-evidence.js'
import { chooseDate } from './dates.js'
import { dayInPageZone, pageOffset, readWrittenTime } from './time-zone.js'

describe('readWrittenTime', () => {
  it.each([
    ['2023-11-09T03:28:35Z', { day: '2023-11-09', minutes: 208, offset: 0 }],
    ['2019-10-19 00:04:00+0200', { day: '2019-10-19', minutes: 4, offset: 120 }],
    ['2021-05-03T08:00-04:30', { day: '2021-05-03', minutes: 480, offset: -270 }],
    ['2023-11-08 17:49:09', { day: '2023-11-08', minutes: 1069 }],
  ])('time-zone: reads %s', (value, expected) => {
    expect(readWrittenTime(value)).toMatchObject(expected)
  })

  it('time-zone: a date alone or a prose date is not a date-time', () => {
    expect(readWrittenTime('2023-11-09')).toBeUndefined()
    expect(readWrittenTime('9 Nov 2023, 3:28')).toBeUndefined()
  })
})

describe('pageOffset', () => {
  it('time-zone: a stated non-UTC offset is the page offset', () => {
    expect(pageOffset(['2019-10-18T22:04:00Z', '2019-10-19T00:04:00+02:00'])).toBe(120)
  })
  it('time-zone: one instant written in UTC and in local time gives the offset', () => {
    expect(pageOffset(['2023-11-09T01:49:09Z', '2023-11-08 17:49:09'])).toBe(-480)
  })
  it('time-zone: two different instants give none', () => {
    expect(pageOffset(['2023-11-09T01:49:09Z', '2023-11-08 17:41:13'])).toBeUndefined()
  })
})

describe('dayInPageZone', () => {
  const stamp = readWrittenTime('2023-11-09T03:28:35Z')!
  it('time-zone: a UTC stamp moves into the page offset', () => {
    expect(dayInPageZone(stamp, -300, [])).toBe('2023-11-08')
    expect(dayInPageZone(readWrittenTime('2019-10-18T22:04:00Z')!, 120, [])).toBe('2019-10-19')
  })
  it('time-zone: without an offset, a neighbouring day the page writes locally is taken', () => {
    expect(dayInPageZone(stamp, undefined, ['2023-11-08'])).toBe('2023-11-08')
    expect(dayInPageZone(stamp, undefined, ['2023-11-08', '2023-11-09'])).toBe('2023-11-09')
    expect(dayInPageZone(stamp, undefined, [])).toBe('2023-11-09')
  })
  it('time-zone: a day no offset can reach is not taken', () => {
    // 03:28 UTC is never the next day anywhere (UTC+14 makes it 17:28).
    expect(dayInPageZone(stamp, undefined, ['2023-11-10'])).toBe('2023-11-09')
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
            { field: 'published', value: '2023-11-09T01:49:09Z', basis: 'json-ld:NewsArticle.datePublished' },
            { field: 'published', value: '2023-11-09T01:49:09+00:00', basis: 'meta[property=article:published_time]' },
            { field: 'published', value: '2023-11-08', basis: 'url:path-date' },
          ],
        },
      },
      messages: [],
    }
    const best = chooseDate(gatherDateEvidence(doc, '', new Int32Array(0), false))
    expect(best?.value.date).toBe('2023-11-08')
  })
})
