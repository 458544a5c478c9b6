import { describe, expect, it } from 'vitest'
import type { Span } from '../../document/index.js'
import { findQuantities, singularNoun } from './quantities.js'

function quantities(text: string, skip: readonly Span[] = []) {
  return findQuantities(text, { start: 0, end: text.length }, skip).map((q) => ({
    text: text.slice(q.span.start, q.span.end),
    value: q.value,
    unit: q.unit,
    comparator: q.comparator,
    measure: q.measure?.text ?? null,
  }))
}

describe('claims: quantities', () => {
  it.each([
    ['USD', 'The fund holds $220 billion.', '$220 billion', 220e9],
    ['warhead', 'The navy counts 5,459 warheads.', '5,459 warheads', 5459],
    ['warhead', 'The pact caps each side at 1,550 deployed strategic nuclear warheads.', '1,550 deployed strategic nuclear warheads', 1550],
    ['launcher', 'The pact also allows 800 deployed and non-deployed launchers.', '800 deployed and non-deployed launchers', 800],
    ['percent', 'Turnout reached 18 percent.', '18 percent', 18],
    ['percent', 'Turnout reached 18%.', '18%', 18],
    ['percent', 'Turnout reached 18 per cent.', '18 per cent', 18],
    ['percentage point', 'Rates rose by 0.5 percentage points.', '0.5 percentage points', 0.5],
    ['year', 'They signed a one-year extension.', 'one-year', 1],
    ['resident', 'The town has two million residents.', 'two million residents', 2e6],
    ['RUB', 'Debt stood at 1.5 trillion rubles.', '1.5 trillion rubles', 1.5e12],
    ['CNY', 'The loan was 40 billion yuan.', '40 billion yuan', 40e9],
    ['EUR', 'The prize is €5m this year.', '€5m', 5e6],
    ['GBP', 'The club paid £300k for him.', '£300k', 300e3],
    ['JPY', 'The deal is worth ¥2 billion in yen.', '¥2 billion', 2e9],
    ['CNY', 'The bank lent ¥2 billion, paid in yuan.', '¥2 billion', 2e9],
    ['container', 'The port handled 12,500 containers.', '12,500 containers', 12500],
    ['kilometre', 'The pipeline runs 3,000 km east.', '3,000 km', 3000],
    ['year', 'The treaty lasted twenty-five years.', 'twenty-five years', 25],
    ['company', 'Some 37 companies applied.', '37 companies', 37],
    ['person', 'The survey asked 900 people.', '900 people', 900],
  ])('reads the unit %s in: %s', (unit, text, phrase, value) => {
    expect(quantities(text)).toEqual([expect.objectContaining({ text: phrase, value, unit })])
  })

  it.each([
    ['The army fielded more than 400 tanks.', 'gt'],
    ['The army fielded over 400 tanks.', 'gt'],
    ['Trade exceeded 220 billion dollars.', 'gt'],
    ['The share was nearly 18 percent.', 'lt'],
    ['The share was almost 18 percent.', 'lt'],
    ['The share was less than 20 percent.', 'lt'],
    ['The country has about 600.', 'approx'],
    ['It is estimated at around 4,477 warheads.', 'approx'],
    ['The park has at least 12 lakes.', 'gte'],
    ['The ferry carries up to 300 cars.', 'lte'],
    ['The ferry carries 300 cars or more.', 'gte'],
    ['The ferry carries 300 cars.', 'eq'],
  ])('reads the comparator: %s', (text, comparator) => {
    expect(quantities(text)[0]?.comparator).toBe(comparator)
  })

  it.each([
    ['model names', 'The air force flies Su-35 fighters and S-400 systems, F-16s and MiG-29s.'],
    ['names glued to numbers', 'Leaders met at the G20 to discuss 5G and COVID-19.'],
    ['a channel name', 'He spoke to the channel Russia-24 about it.'],
    ['a bare year', 'The talks began in 2019 and ended in 2021.'],
    ['a decade and an ordinal', 'Ties grew in the 1990s and the 20th century.'],
    ['a date', 'The summit opened on May 27 and closed on 5 June.'],
    ['a clock time', 'The vote closed at 10:30 and again at 8 p.m.'],
    ['a label', 'Article 5 and Resolution 2231 apply.'],
    ['a score or range of days', 'The team won 3-1 on 24/7 coverage.'],
    ['spelled-out references', 'The two countries sent two officials.'],
    ['a web address', 'See example.org/2019/11 for more.'],
  ])('finds no figure in %s', (_what, text) => {
    expect(quantities(text)).toEqual([])
  })

  it.each([
    ['more than 2000', 'Police said more than 2000 were detained.', 'gt'],
    ['nearly 1900', 'Officials counted nearly 1900 in all.', 'lt'],
  ])('reads a year-like number after a comparator as a figure: "%s"', (figure, text, comparator) => {
    expect(quantities(text)).toEqual([{ text: figure.split(' ').at(-1), value: Number(figure.split(' ').at(-1)), unit: null, comparator, measure: null }])
  })

  it('skips a number inside a time span', () => {
    const text = 'The treaty expires in February 2026.'
    const at = text.indexOf('February 2026')
    expect(quantities(text, [{ start: at, end: at + 'February 2026'.length }])).toEqual([])
  })

  it('skips a list number at the start of a sentence', () => {
    expect(quantities('2. The army fielded 400 tanks.').map((q) => q.text)).toEqual(['400 tanks'])
  })

  it('keeps the counted noun with its modifiers as the measure', () => {
    expect(quantities('The state keeps 5,459 nuclear warheads.')[0]?.measure).toBe('nuclear warheads')
  })

  it('leaves a number standing alone without a unit', () => {
    expect(quantities('The rival has about 600 but builds more.')[0]).toMatchObject({ text: '600', unit: null, measure: null })
  })

  it('reads across a hard-wrapped line', () => {
    expect(quantities('It rose to nearly 18\npercent last year.')[0]).toMatchObject({ text: '18\npercent', unit: 'percent', comparator: 'lt' })
  })

  it.each([
    ['warheads', 'warhead'],
    ['companies', 'company'],
    ['boxes', 'box'],
    ['people', 'person'],
    ['aircraft', 'aircraft'],
  ])('singularNoun(%s) is %s', (plural, singular) => {
    expect(singularNoun(plural)).toBe(singular)
  })

  it.each([
    ['a range in digits', 'Prices rose 10 to 15 percent.', [['10', 10, 'percent', 'gte'], ['15 percent', 15, 'percent', 'lte']]],
    ['a range in words', 'It may last ten to fifteen years.', [['ten', 10, 'year', 'gte'], ['fifteen years', 15, 'year', 'lte']]],
    ['a range with between', 'It costs between 5 and 8 billion dollars.', [['5', 5e9, 'USD', 'gte'], ['8 billion dollars', 8e9, 'USD', 'lte']]],
    ['a change, not a range', 'Prices rose from 10 to 15 percent.', [['10', 10, 'percent', 'eq'], ['15 percent', 15, 'percent', 'eq']]],
    ['two figures, not a range', 'One side has 600 and the other 300 tanks.', [['600', 600, null, 'eq'], ['300 tanks', 300, 'tank', 'eq']]],
  ])('reads %s', (_what, text, expected) => {
    expect(quantities(text).map((q) => [q.text, q.value, q.unit, q.comparator])).toEqual(expected)
  })
})
