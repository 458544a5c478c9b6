import { describe, expect, it } from 'vitest'
import type { Document, NumericClaim } from '../../src/document/index.js'
import { claims } from '../../src/stages/claims/index.js'
import { entities } from '../../src/stages/entities/index.js'
import { sentences } from '../../src/stages/sentences/index.js'
import { times } from '../../src/stages/times/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { annotateSeed, textAt } from '../helpers/seeds.js'

const present = sharedAvailable('seed claim tests')

const docs = new Map<string, Document>()
function seed(prefix: string): Document {
  let doc = docs.get(prefix)
  if (!doc) docs.set(prefix, (doc = annotateSeed(prefix, [sentences, times, entities, claims])))
  return doc
}

/** A claim of a seed, read back into the words and values a reader checks. */
function summary(c: NumericClaim) {
  return {
    value: c.value,
    unit: c.unit,
    comparator: c.comparator,
    subject: c.subject?.entity ?? null,
    time: c.time?.value ?? null,
    source: c.source?.entity ?? null,
  }
}

function claimWorth(prefix: string, value: number, unit: string) {
  const doc = seed(prefix)
  const found = doc.layers.claims!.claims.filter((c) => c.value === value && c.unit === unit)
  expect(found, `one claim of ${value} ${unit} in seed ${prefix}`).toHaveLength(1)
  return summary(found[0]!)
}

describe.skipIf(!present)('claims on the seed pages', () => {
  it.each([
    ['000', 4477, { unit: 'warhead', comparator: 'approx', subject: 'country:RU', time: '2025', source: 'org:fas' }],
    ['000', 220e9, { unit: 'USD', comparator: 'gt', subject: null, time: '2024', source: 'org:cn-mofcom' }],
    ['000', 200e9, { unit: 'USD', comparator: 'gt', subject: null, time: '2023', source: null }],
    ['002', 5459, { unit: 'warhead', comparator: 'eq', subject: 'country:RU', time: null, source: 'org:sipri' }],
    ['002', 5177, { unit: 'warhead', comparator: 'eq', subject: 'country:US', time: null, source: 'org:sipri' }],
    ['002', 600, { unit: 'warhead', comparator: 'approx', subject: 'country:CN', time: null, source: 'org:sipri' }],
    ['003', 10, { unit: 'percent', comparator: 'eq', time: '2013', source: null }],
    ['003', 18, { unit: 'percent', comparator: 'lt', time: '2019', source: null }],
  ])('seed %s: the figure %d with its unit, owner, time and source', (prefix, value, expected) => {
    expect(claimWorth(prefix, value, expected.unit)).toMatchObject(expected)
  })

  it('seed 002: the source span is the institute with its bracketed acronym, cued by "according to"', () => {
    const doc = seed('002')
    const first = doc.layers.claims!.claims.find((c) => c.value === 5459)!
    expect(textAt(doc, first.source!.span)).toMatch(/^the Stockholm International Peace Research Institute \[SIPRI\]$/)
    expect(textAt(doc, first.source!.cue!).toLowerCase()).toBe('according to')
  })

  it('seed 000: the trade figures measure bilateral trade', () => {
    const doc = seed('000')
    const trade = doc.layers.claims!.claims.filter((c) => c.unit === 'USD')
    expect(trade.map((c) => c.measure?.text.toLowerCase())).toEqual(['bilateral trade', 'bilateral trade'])
  })

  it('seed 003: model names are not figures', () => {
    const doc = seed('003')
    const values = doc.layers.claims!.claims.map((c) => c.value)
    for (const model of [35, 400, 5]) expect(values).not.toContain(model)
  })

  it.each(['001', '004'])('seed %s: dates, a channel name and page furniture give no claims', (prefix) => {
    expect(seed(prefix).layers.claims!.claims).toEqual([])
  })

  it.each(['000', '001', '002', '003', '004'])('seed %s: no year is read as a figure', (prefix) => {
    const doc = seed(prefix)
    const years = doc.layers.claims!.claims.filter((c) => c.unit === null && c.value >= 1900 && c.value <= 2100)
    expect(years.map((c) => textAt(doc, c.span))).toEqual([])
  })

  it.each(['000', '001', '002', '003', '004'])('seed %s: every claim span names digits or a number word', (prefix) => {
    const doc = seed(prefix)
    for (const c of doc.layers.claims!.claims) expect(textAt(doc, c.span)).toMatch(/\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety/i)
  })
})
