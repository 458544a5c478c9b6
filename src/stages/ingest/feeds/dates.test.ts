import { describe, expect, it } from 'vitest'
import { parseFeedDate } from './dates.js'

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 21 Mar 2023 09:00:00 GMT', '2023-03-21T09:00:00.000Z'],
    ['Tue, 21 Mar 2023 09:00:00 EST', '2023-03-21T14:00:00.000Z'],
    ['21 Mar 2023 09:00 +0200', '2023-03-21T07:00:00.000Z'],
    ['Tue, 21 Mar 23 09:00:00 Z', '2023-03-21T09:00:00.000Z'],
    ['Tue, 21 March 2023 09:00:00 -0500', '2023-03-21T14:00:00.000Z'],
    ['Tue, 21 Mar 2023', '2023-03-21T00:00:00.000Z'],
    ['2023-03-21T09:00:00+01:00', '2023-03-21T08:00:00.000Z'],
    ['2023-03-21T09:00:00.250Z', '2023-03-21T09:00:00.250Z'],
    ['2023-03-21 09:00:00', '2023-03-21T09:00:00.000Z'],
    ['2023-03-21', '2023-03-21T00:00:00.000Z'],
    ['2023-03', '2023-03-01T00:00:00.000Z'],
    ['20230321T090000Z', '2023-03-21T09:00:00.000Z'],
  ])('dates: %j is %s', (text, iso) => {
    expect(parseFeedDate(text)).toBe(iso)
  })

  it.each(['', 'soon', '2023-02-30', '31 Foo 2023', 'Tue, 32 Mar 2023 09:00:00 GMT'])('dates: %j cannot be read', (text) => {
    expect(parseFeedDate(text)).toBeUndefined()
  })
})
