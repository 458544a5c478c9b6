import { describe, expect, it } from 'vitest'
import { spanIn, textDocument } from '../../test/helpers/documents.js'
import { SCHEMA_OF, schemaNamed as schema } from '../../test/helpers/schemas.js'
import type { Span } from '../document/index.js'
import { RECORD_KINDS, recordsOf } from './export.js'

// Our own words, one item of every layer.
const SOURCE = 'Mayor Ada Brennan said the council will not sell the 40 ferries, the port office said on Monday.'
const at = (words: string): Span => spanIn(SOURCE, words)
const doc = textDocument(SOURCE, {
  sentences: { sentences: [{ span: { start: 0, end: SOURCE.length }, block: 0, kind: 'paragraph' }] },
  times: { times: [{ id: 't0', span: at('on Monday'), value: '2024-04-29', precision: 'day', anchor: 'publication', role: 'reported-event', sentence: 0 }] },
  entities: {
    entities: [{ id: 'person:~ada-brennan', type: 'person', name: 'Ada Brennan', aliases: ['Ada Brennan'], roles: [{ title: 'mayor', basis: 'text', span: at('Mayor') }], known: false }],
    mentions: [{ span: at('Ada Brennan'), entity: 'person:~ada-brennan', kind: 'name', sentence: 0 }],
  },
  quotes: {
    quotes: [{
      id: 'q0', span: at('the council will not sell the 40 ferries'), parts: [], direct: false, partial: false,
      speaker: { entity: 'person:~ada-brennan', span: at('Ada Brennan'), resolution: 'named' }, cue: at('said'), sentence: 0,
    }],
  },
  claims: {
    claims: [{
      id: 'c0', span: at('40 ferries'), value: 40, unit: 'ferry', comparator: 'eq', measure: null, subject: null,
      time: { id: 't0', value: '2024-04-29' }, source: { entity: null, span: at('the port office'), cue: null }, sentence: 0,
    }],
  },
  events: {
    events: [{
      id: 'e0', action: 'reject', trigger: at('sell'), actor: null, target: { entity: null, span: at('the 40 ferries') }, against: null,
      polarity: 'negative', modality: 'future', speaker: 'person:~ada-brennan', quote: 'q0', date: null, sentence: 0, span: { start: 0, end: SOURCE.length },
    }],
  },
}, { id: 'doc-2', input: 'stories/ferries.txt' })

describe('JSON Schema of the export records and layers', () => {
  it.each(RECORD_KINDS)('schema: %s records of a document with every layer validate', (what) => {
    const validate = schema(SCHEMA_OF[what])
    const records = recordsOf(doc, what)
    expect(records.length).toBeGreaterThan(0)
    for (const record of records) expect(validate(record), JSON.stringify(validate.errors)).toBe(true)
  })

  it('schema: the understanding layers of a document validate', () => {
    const validate = schema('layers')
    expect(validate(doc.layers), JSON.stringify(validate.errors)).toBe(true)
  })

  it.each([
    ['a quote without its speaker', 'quotes', (r: Record<string, unknown>) => ({ ...r, speaker: undefined })],
    ['a quote with a field the schema does not name', 'quotes', (r: Record<string, unknown>) => ({ ...r, confidence: 0.5 })],
    ['a claim whose value is text', 'claims', (r: Record<string, unknown>) => ({ ...r, value: '40' })],
    ['an event with an action outside the ontology', 'events', (r: Record<string, unknown>) => ({ ...r, action: 'visit' })],
    ['a time with a negative offset', 'times', (r: Record<string, unknown>) => ({ ...r, span: { start: -1, end: 4 } })],
    ['an article without its source', 'articles', (r: Record<string, unknown>) => ({ ...r, source: undefined })],
  ] as const)('schema: rejects %s', (_label, what, breakIt) => {
    const record = recordsOf(doc, what)[0] as unknown as Record<string, unknown>
    const broken = JSON.parse(JSON.stringify(breakIt(record))) as unknown
    expect(schema(SCHEMA_OF[what])(broken)).toBe(false)
  })
})
