import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildCalendar, CalendarDataError, loadCalendar, pickOccurrence } from './calendar.js'
import { dayNumber, parseValue, periodOf, weekdayOf } from './period.js'

const calendar = loadCalendar()
const series = (id: string) => calendar.series.find((s) => s.id === id)!

describe('calendar: shipped data', () => {
  it.each(['us-presidential-election', 'us-midterm-election'])('calendar: every %s falls on the Tuesday after the first Monday of November', (id) => {
    for (const o of series(id).occurrences) {
      const d = parseValue(o.date)
      const n = dayNumber(d.year, d.month, d.day)
      expect([o.date, d.month, weekdayOf(n), d.day >= 2 && d.day <= 8]).toEqual([o.date, 11, 2, true])
    }
  })

  it('calendar: US presidential elections run every four years from 1980 to 2028', () => {
    expect(series('us-presidential-election').occurrences.map((o) => parseValue(o.date).year)).toEqual(Array.from({ length: 13 }, (_, i) => 1980 + 4 * i))
  })

  it.each([
    ['the U.S. presidential election', 'us-presidential-election'],
    ['the 2016 US presidential election', 'us-presidential-election'],
    ['America\'s presidential election', 'us-presidential-election'],
    ['the presidential election in the United States', 'us-presidential-election'],
    ['the U.S. midterm elections', 'us-midterm-election'],
    ['the Russian presidential election', 'ru-presidential-election'],
    ['the presidential election in Russia', 'ru-presidential-election'],
  ])('calendar: "%s" names %s', (phrase, id) => {
    expect(calendar.seriesOf(phrase)?.id).toBe(id)
  })

  it('calendar: the noun heads are each noun\'s last word, singular, once', () => {
    const base = { name: 'X', country: 'XX', qualifiers: ['general'], places: [], occurrences: [{ date: '2020-01-01' }] }
    const own = buildCalendar([{ ...base, id: 'a', nouns: ['election', 'elections', 'snap poll'] }, { ...base, id: 'b', nouns: ['polls', 'runoff vote'] }])
    expect(own.nounHeads).toEqual(['election', 'poll', 'vote'])
  })

  it('calendar: a presidential election with no country names no series', () => {
    expect(calendar.seriesOf('the presidential election')).toBeUndefined()
  })
})

describe('calendar: picking an occurrence', () => {
  const us = series('us-presidential-election')
  it.each([
    ['the latest not after a month-precise reference', { reference: periodOf('2020-11', 'month'), future: false }, '2020-11-03'],
    ['the latest not after a day-precise reference', { reference: periodOf('2020-11-02', 'day'), future: false }, '2016-11-08'],
    ['the next one for a future clause', { reference: periodOf('2025-10-16', 'day'), future: true }, '2028-11-07'],
    ['the one in a named year', { year: 2008, future: false }, '2008-11-04'],
  ])('calendar: %s', (_name, at, date) => {
    expect(pickOccurrence(us, at)?.date).toBe(date)
  })

  it('calendar: nothing to resolve against, no occurrence', () => {
    expect(pickOccurrence(us, { future: false })).toBeUndefined()
  })
})

describe('calendar: loading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'calendar-'))
  it.each([
    ['not JSON', '{ series: '],
    ['no series array', '{"events": []}'],
    ['a series without nouns', '{"series": [{"id": "x", "name": "X", "country": "US", "qualifiers": [], "places": [], "occurrences": [{"date": "2020-01-01"}]}]}'],
    ['a date that is not YYYY-MM-DD', '{"series": [{"id": "x", "name": "X", "country": "US", "qualifiers": [], "places": [], "nouns": ["vote"], "occurrences": [{"date": "2020-1-1"}]}]}'],
    ['dates out of order', '{"series": [{"id": "x", "name": "X", "country": "US", "qualifiers": [], "places": [], "nouns": ["vote"], "occurrences": [{"date": "2020-01-02"}, {"date": "2020-01-01"}]}]}'],
  ])('calendar: a file with %s is refused with CALENDAR_INVALID', (name, body) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.json`)
    writeFileSync(file, body)
    expect(() => loadCalendar(pathToFileURL(file))).toThrow(CalendarDataError)
  })
})
