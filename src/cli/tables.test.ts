import { describe, expect, it } from 'vitest'
import type { ClaimRecord, EventRecord, QuoteRecord } from '../api/export.js'
import { formatTable } from './output.js'
import { CLAIM_TABLE, EVENT_TABLE, QUOTE_TABLE, namesEntity } from './tables.js'

const ref = { source: 'stories/ferries.txt', article: 'doc-3', input: 'stories/ferries.txt', record: null, externalId: null }
const span = { start: 0, end: 4 }
const quote: QuoteRecord = {
  ...ref, id: 'q0', span, text: 'We will not sell\nthe ferries', parts: [], direct: true, partial: false,
  speaker: { entity: 'person:~ada-brennan', name: 'Ada Brennan', span, text: 'the mayor', resolution: 'role' }, cue: { span, text: 'said' }, sentence: 0,
}
const claim: ClaimRecord = {
  ...ref, id: 'c0', span, text: '40 ferries', value: 40, unit: 'ferry', comparator: 'eq', measure: { span, text: 'ferries' },
  subject: null, time: null, attribution: { entity: 'org:~port-office', name: 'Port Office', span, text: 'the port office', cue: null }, sentence: 0,
}
const event: EventRecord = {
  ...ref, id: 'e0', span, text: 'The council will not sell the ferries.', action: 'reject', trigger: { span, text: 'sell' },
  actor: { entity: 'org:~council', name: 'Vale Council', span, text: 'The council' }, target: { entity: null, name: null, span, text: 'the ferries' },
  against: null, polarity: 'negative', modality: 'future', speaker: null, quote: null, date: null, sentence: 0,
}

describe('annotation tables', () => {
  it.each([
    ['the entity id', 'person:~ada-brennan', true],
    ['part of the canonical name, any case', 'brennan', true],
    ['the words at the attribution', 'mayor', true],
    ['another name', 'Kofi', false],
  ])('tables: --entity matches %s', (_label, needle, expected) => {
    expect(namesEntity(quote.speaker, needle)).toBe(expected)
  })

  it('tables: a claim names its source entity as well as its subject', () => {
    expect(CLAIM_TABLE.names(claim, 'port office')).toBe(true)
    expect(CLAIM_TABLE.row(claim, 'Ferry story')).toEqual(['40 ferries', 'ferries', '-', '-', 'Port Office', 'Ferry story'])
  })

  it.each([
    ['its actor', 'council', true],
    ['the words of its target', 'ferries', true],
    ['the person who said it', 'brennan', true],
    ['no participant', 'port office', false],
  ])('tables: an event matches --entity by %s', (_label, needle, expected) => {
    expect(EVENT_TABLE.names({ ...event, speaker: { entity: 'person:~ada-brennan', name: 'Ada Brennan' } }, needle)).toBe(expected)
  })

  it('tables: a negated event reads "not <action>", never the action alone', () => {
    expect(EVENT_TABLE.row(event, 'Ferry story').slice(0, 3)).toEqual(['Vale Council', 'not reject', 'the ferries'])
  })

  it('tables: a hard-wrapped quote prints on one line and a long one ends in …', () => {
    const printed = formatTable(QUOTE_TABLE.header, [QUOTE_TABLE.row({ ...quote, text: `${quote.text} ${'and more '.repeat(20)}` }, 'Ferry story')], QUOTE_TABLE.widths)
    const row = printed.split('\n')[1]!
    expect(row).toContain('We will not sell the ferries')
    expect(row).toMatch(/…/)
    expect(printed.split('\n')).toHaveLength(2)
  })
})
