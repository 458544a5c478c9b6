import { describe, expect, it } from 'vitest'
import type { DateValue, Document, Sentence, TimeExpression } from '../../document/index.js'
import { findTimes, times } from './index.js'

/** A document whose every line is one sentence, published on `published` when given. */
function docOf(text: string, published?: DateValue, basis = 'meta[property=article:published_time]', span?: { start: number; end: number }): Document {
  const sentences: Sentence[] = []
  for (const m of text.matchAll(/[^\n]+/g)) sentences.push({ span: { start: m.index, end: m.index + m[0].length }, block: sentences.length, kind: 'paragraph' })
  return {
    id: 'test',
    origin: { input: 'test', blob: '', container: 'text' },
    charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {},
    source: text,
    layers: {
      sentences: { sentences },
      metadata: { authors: [], ...(published ? { published: { value: published, basis, confidence: 0.9, ...(span ? { span } : {}) } } : {}) },
    },
    messages: [],
  }
}

const DAY = (date: string): DateValue => ({ date, precision: 'day' })
const MONTH = (date: string): DateValue => ({ date, precision: 'month' })
const YEAR = (date: string): DateValue => ({ date, precision: 'year' })
/** Thursday. */
const PUBLISHED = DAY('2025-10-16')

function found(text: string, published: DateValue | null = PUBLISHED): (TimeExpression & { text: string })[] {
  return findTimes(docOf(text, published ?? undefined)).times.map((t) => ({ ...t, text: text.slice(t.span.start, t.span.end) }))
}

function only(text: string, published: DateValue | null = PUBLISHED): TimeExpression & { text: string } {
  const all = found(text, published)
  expect(all.map((t) => t.text)).toHaveLength(1)
  return all[0]!
}

describe('times: expressions normalised against the publication date', () => {
  it.each([
    // sentence, published, expression, value, precision, modifier, anchor
    ['The envoy said on Wednesday that talks would go on.', PUBLISHED, 'Wednesday', '2025-10-15', 'day', undefined, 'publication'],
    ['The envoy said on Thursday that talks would go on.', PUBLISHED, 'Thursday', '2025-10-16', 'day', undefined, 'publication'],
    ['The envoy said on Friday that talks would go on.', PUBLISHED, 'Friday', '2025-10-10', 'day', undefined, 'publication'],
    ['The ministers will meet on Friday in Geneva.', PUBLISHED, 'Friday', '2025-10-17', 'day', undefined, 'publication'],
    ['The ministers met last Thursday.', PUBLISHED, 'last Thursday', '2025-10-09', 'day', undefined, 'publication'],
    ['Last month, the council approved the plan.', PUBLISHED, 'Last month', '2025-09', 'month', undefined, 'publication'],
    ['Next month, the council votes on the plan.', PUBLISHED, 'Next month', '2025-11', 'month', undefined, 'publication'],
    ['In late September the two leaders spoke by phone.', PUBLISHED, 'late September', '2025-09', 'month', 'late', 'publication'],
    ['In November the two leaders spoke by phone.', PUBLISHED, 'November', '2024-11', 'month', undefined, 'publication'],
    ['The two leaders will meet in November.', PUBLISHED, 'November', '2025-11', 'month', undefined, 'publication'],
    ['The accord expires on February 5, 2026.', PUBLISHED, 'February 5, 2026', '2026-02-05', 'day', undefined, 'absolute'],
    ['The accord expires on 5 February 2026.', PUBLISHED, '5 February 2026', '2026-02-05', 'day', undefined, 'absolute'],
    ['Exports fell in 2024.', PUBLISHED, '2024', '2024', 'year', undefined, 'absolute'],
    ['The fleet numbered 120 ships as of early 2025.', PUBLISHED, 'early 2025', '2025', 'year', 'early', 'absolute'],
    ['Parity may come in the mid-2030s.', PUBLISHED, 'mid-2030s', '2030', 'decade', 'mid', 'absolute'],
    ['Ties improved in the 1990s.', PUBLISHED, '1990s', '1990', 'decade', undefined, 'absolute'],
    ['The pact lapses before its 2026 expiry.', PUBLISHED, '2026', '2026', 'year', undefined, 'absolute'],
    ['The deal was signed a few days ago.', PUBLISHED, 'a few days ago', '2025-10-13', 'day', 'about', 'publication'],
    ['The deal was signed three days ago.', PUBLISHED, 'three days ago', '2025-10-13', 'day', undefined, 'publication'],
    ['The deal was signed yesterday.', PUBLISHED, 'yesterday', '2025-10-15', 'day', undefined, 'publication'],
    ['Growth slowed this year.', PUBLISHED, 'this year', '2025', 'year', undefined, 'publication'],
    ['Growth should recover next year.', PUBLISHED, 'next year', '2026', 'year', undefined, 'publication'],
    ['Growth slowed last year.', PUBLISHED, 'last year', '2024', 'year', undefined, 'publication'],
    ['The dispute began back in 2014.', PUBLISHED, '2014', '2014', 'year', undefined, 'absolute'],
    ['The summit was held in October 2019.', PUBLISHED, 'October 2019', '2019-10', 'month', undefined, 'absolute'],
    ['The treaty lapsed at the end of 2021.', PUBLISHED, 'end of 2021', '2021', 'year', 'late', 'absolute'],
    ['Fighting resumed in the summer of 2022.', PUBLISHED, 'summer of 2022', '2022-06', 'season', undefined, 'absolute'],
    ['Fighting resumed last winter.', PUBLISHED, 'last winter', '2024-12', 'season', undefined, 'publication'],
    ['The envoy spoke on Wednesday, October 15, 2025 in Oslo.', PUBLISHED, 'Wednesday, October 15, 2025', '2025-10-15', 'day', undefined, 'absolute'],
    ['The envoy spoke on Oct. 15 in Oslo.', PUBLISHED, 'Oct. 15', '2025-10-15', 'day', undefined, 'publication'],
    ['The envoy will speak on Oct. 14 in Oslo.', PUBLISHED, 'Oct. 14', '2026-10-14', 'day', undefined, 'publication'],
    ['Prices rose in the summer.', PUBLISHED, 'summer', '2025-06', 'season', undefined, 'publication'],
    ['Turnout in the 2020 elections was high.', PUBLISHED, '2020', '2020', 'year', undefined, 'absolute'],
    ['The results were published on 2025-10-14.', PUBLISHED, '2025-10-14', '2025-10-14', 'day', undefined, 'absolute'],
    ['Two talks took place weeks before the U.S. presidential election.', MONTH('2020-11'), 'weeks before the U.S. presidential election', '2020-10', 'month', 'before', 'event'],
    ['The pair met several weeks before the U.S. presidential election.', MONTH('2020-11'), 'several weeks before the U.S. presidential election', '2020-10', 'month', 'before', 'event'],
    ['The pair met two days after the U.S. presidential election.', MONTH('2020-11'), 'two days after the U.S. presidential election', '2020-11-05', 'day', 'after', 'event'],
    ['The pair met before the 2016 U.S. presidential election.', PUBLISHED, 'before the 2016 U.S. presidential election', '2016-11-08', 'day', 'before', 'event'],
    ['The pair met shortly before the Russian presidential election.', PUBLISHED, 'before the Russian presidential election', '2024-03-15', 'day', 'before', 'event'],
  ] as const)('times: "%s" (published %o) → %s', (text, published, expression, value, precision, modifier, anchor) => {
    const t = only(text, published)
    expect(t.text).toBe(expression)
    expect({ value: t.value, precision: t.precision, modifier: t.modifier, anchor: t.anchor }).toEqual({ value, precision, modifier, anchor })
  })

  it('times: "from 2013 to 2019" is two expressions', () => {
    expect(found('Output rose from 2013 to 2019.').map((t) => [t.text, t.value])).toEqual([['2013', '2013'], ['2019', '2019']])
  })

  it('times: a year range "2013–2019" is two expressions', () => {
    expect(found('Output rose over 2013–2019.').map((t) => t.value)).toEqual(['2013', '2019'])
  })

  it('times: a date far into a long sentence is found (chrono reads windows around its cues)', () => {
    const text = `${'The delegations met again and again, with long pauses between sessions and talks about everything, '.repeat(3)}and finally signed on February 5, 2026.`
    expect(found(text).map((t) => [t.text, t.value])).toEqual([['February 5, 2026', '2026-02-05']])
  })

  it('times: spans point into the source across a hard-wrapped line', () => {
    const text = 'Intro line.\nThe pair met several weeks before the U.S.   presidential election.'
    const t = found(text, MONTH('2020-11'))[0]!
    expect(text.slice(t.span.start, t.span.end)).toBe('several weeks before the U.S.   presidential election')
    expect(t.sentence).toBe(1)
  })
})

describe('times: what is not a time', () => {
  it.each([
    ['a figure with a thousands separator', 'Russia holds 5,459 warheads.'],
    ['a missile designation', 'It bought the S-400 system.'],
    ['an aircraft designation', 'It bought Su-35 fighters.'],
    ['a channel name with a number', 'He spoke to Russia-24 on air.'],
    ['an amount of money', 'Trade reached $220 billion.'],
    ['"may" as a verb', 'Talks may resume soon. May they succeed.'],
    ['a count of things in four digits', 'The army sent 2000 troops.'],
    ['a count after "more than"', 'More than 1900 people signed.'],
    ['a percentage', 'Support reached 2025% in a misprint.'],
    ['a month name as a name', 'March is a common surname in some places.'],
    ['"now"', 'The treaty is now in force.'],
    ['a weekday abbreviation alone', 'The Sun reported it.'],
    ['"the past year" (a duration)', 'Over the last year prices rose.'],
  ])('times: %s is not a time', (_name, text) => {
    expect(found(text).map((t) => t.text)).toEqual([])
  })
})

describe('times: roles', () => {
  it.each([
    ['a speech verb with a day', 'The envoy said on Wednesday that talks would go on.', 'Wednesday', 'reported-event'],
    ['an interview with a day', 'During an interview on Wednesday, the envoy took questions.', 'Wednesday', 'reported-event'],
    ['a quote after "that" does not make the day future', 'The envoy responded on Wednesday that “we will never agree.”', 'Wednesday', 'reported-event'],
    ['"as of" before a year', 'The fleet numbered 120 ships as of early 2025.', 'early 2025', 'as-of'],
    ['a figure then "in <year>"', 'Trade exceeded $220 billion in 2024.', '2024', 'as-of'],
    ['a percentage then "in <year>"', 'The share rose to 18 percent in 2019.', '2019', 'as-of'],
    ['a value after publication', 'The pact lapses before its 2026 expiry.', '2026', 'future'],
    ['"set to expire"', 'The accord is set to expire in October 2025.', 'October 2025', 'future'],
    ['"will" with a bare month', 'The two leaders will meet in November.', 'November', 'future'],
    ['"by" before a day', 'A reply is needed by Friday.', 'Friday', 'future'],
    ['an earlier event', 'The dispute began back in 2014.', '2014', 'past'],
    ['an earlier month without a speech verb', 'In September the council proposed a plan.', 'September', 'past'],
    ['a speech verb long before publication', 'The envoy said in 2014 that talks would go on.', '2014', 'past'],
  ])('times: %s', (_name, text, expression, role) => {
    const t = found(text).find((x) => x.text === expression)
    expect(t?.role).toBe(role)
  })

  it('times: the date the metadata read from the date line is the dateline', () => {
    const text = 'Posted 2025-10-16\nThe envoy said on Wednesday that talks would go on.'
    const layer = findTimes(docOf(text, PUBLISHED, 'text:date-line', { start: 7, end: 17 }))
    expect(layer.times.map((t) => t.role)).toEqual(['dateline', 'reported-event'])
  })

  it('times: an inferred publication date does not make its evidence a dateline', () => {
    const text = 'In late September the council met.'
    const layer = findTimes(docOf(text, MONTH('2025-09'), 'inferred:latest-past-event', { start: 3, end: 17 }))
    expect(layer.times[0]?.role).toBe('past')
  })
})

describe('times: publication dates coarser than a day', () => {
  it.each([
    ['a weekday against a month', 'The envoy said on Wednesday that talks would go on.', MONTH('2025-10'), 'Wednesday', null, 'unresolved'],
    ['yesterday against a month', 'The deal was signed yesterday.', MONTH('2025-10'), 'yesterday', null, 'unresolved'],
    ['a few days ago against a year', 'The deal was signed a few days ago.', YEAR('2023'), 'a few days ago', null, 'unresolved'],
    ['last month against a month', 'Last month, the council approved the plan.', MONTH('2025-10'), 'Last month', '2025-09', 'publication'],
    ['last year against a year', 'Growth slowed last year.', YEAR('2023'), 'last year', '2022', 'publication'],
    ['a bare month against a year', 'In September the council met.', YEAR('2023'), 'September', null, 'unresolved'],
    ['a full date needs nothing', 'The council met on May 3, 2021.', null, 'May 3, 2021', '2021-05-03', 'absolute'],
    ['a weekday with no date at all', 'The envoy said on Wednesday that talks would go on.', null, 'Wednesday', null, 'unresolved'],
  ] as const)('times: %s', (_name, text, published, expression, value, anchor) => {
    const t = only(text, published)
    expect([t.text, t.value, t.anchor]).toEqual([expression, value, anchor])
  })

  it('times: a bare month takes the year of an earlier time in its paragraph when the publication date cannot place it', () => {
    const t = found('Talks began in 2019. In September the council met.', YEAR('2023')).find((x) => x.text === 'September')
    expect([t?.value, t?.anchor]).toEqual(['2019-09', 'context'])
  })

  it('times: the context year does not cross paragraphs', () => {
    const t = found('Talks began in 2019.\nIn September the council met.', YEAR('2023')).find((x) => x.text === 'September')
    expect([t?.value, t?.anchor]).toEqual([null, 'unresolved'])
  })

  it('times: config.referenceDate stands in when the document has no date', () => {
    const layer = times.run(docOf('The envoy said on Wednesday that talks would go on.'), { referenceDate: '2025-10-16T09:00:00Z' }).times!
    expect(layer.times[0]?.value).toBe('2025-10-15')
  })

  it('times: the publication date wins over config.referenceDate', () => {
    const layer = times.run(docOf('Growth slowed last year.', YEAR('2023')), { referenceDate: '2025-10-16' }).times!
    expect(layer.times[0]?.value).toBe('2022')
  })
})

describe('times: event date', () => {
  it('times: the event date is the reported-event time of the earliest sentence that has one', () => {
    const text = 'In September the council proposed a plan.\nThe envoy said on Wednesday that talks would go on.\nShe said yesterday it was over.'
    const layer = findTimes(docOf(text, PUBLISHED))
    expect(layer.eventDate).toEqual({ value: '2025-10-15', precision: 'day', time: 't1' })
  })

  it('times: no reported event, no event date', () => {
    expect(findTimes(docOf('Exports fell in 2024.', PUBLISHED)).eventDate).toBeUndefined()
  })
})
