import { describe, expect, it } from 'vitest'
import { spanIn, textDocument } from '../../test/helpers/documents.js'
import type { Span } from '../document/index.js'
import { UsageError } from '../errors.js'
import { recordsOf } from './export.js'

// Our own words: a council story with a split quote, a figure with a source, an event and a date.
const SOURCE = '“We will build the bridge,” Mayor Ada Brennan said, “and it opens in May.” The council counts 40 ferries, according to the port office. The council rejected the toll on Monday.'
const at = (words: string, from?: number): Span => spanIn(SOURCE, words, from)

const doc = textDocument(SOURCE, {
  metadata: { title: { value: 'Bridge plan', basis: 'test', confidence: 1 }, authors: [], published: { value: { date: '2024-05-02', precision: 'day' }, basis: 'test', confidence: 1 } },
  sentences: { sentences: [{ span: at('“We will'), block: 0, kind: 'paragraph' }] },
  times: { times: [{ id: 't0', span: at('on Monday'), value: '2024-04-29', precision: 'day', anchor: 'publication', role: 'reported-event', sentence: 2 }], eventDate: { value: '2024-04-29', precision: 'day', time: 't0' } },
  entities: {
    entities: [
      { id: 'person:~ada-brennan', type: 'person', name: 'Ada Brennan', aliases: ['Ada Brennan'], roles: [{ title: 'mayor', basis: 'text', span: at('Mayor') }], known: false },
      { id: 'org:~port-office', type: 'organization', name: 'Port Office', aliases: ['the port office'], roles: [], known: false },
      { id: 'org:~council', type: 'organization', name: 'The Council', aliases: ['The council'], roles: [], known: false },
    ],
    mentions: [
      { span: at('Ada Brennan'), entity: 'person:~ada-brennan', kind: 'name', sentence: 0 },
      { span: at('The council'), entity: 'org:~council', kind: 'name', sentence: 1 },
      { span: at('the port office'), entity: 'org:~port-office', kind: 'name', sentence: 1 },
      { span: at('The council', at('The council').end), entity: 'org:~council', kind: 'name', sentence: 2 },
    ],
  },
  quotes: {
    quotes: [{
      id: 'q0', span: { start: 1, end: at('May').end }, parts: [at('We will build the bridge'), at('and it opens in May')],
      direct: true, partial: false, speaker: { entity: 'person:~ada-brennan', span: at('Ada Brennan'), resolution: 'named' }, cue: at('said'), sentence: 0,
    }],
  },
  claims: {
    claims: [{
      id: 'c0', span: at('40 ferries'), value: 40, unit: 'ferry', comparator: 'eq', measure: { text: 'ferries', span: at('ferries') },
      subject: { entity: 'org:~council', span: at('The council') }, time: null,
      source: { entity: 'org:~port-office', span: at('the port office'), cue: at('according to') }, sentence: 1,
    }],
  },
  events: {
    events: [{
      id: 'e0', action: 'reject', trigger: at('rejected'), actor: { entity: 'org:~council', span: at('The council', at('The council').end) },
      target: { entity: null, span: at('the toll') }, against: null, polarity: 'positive', modality: 'asserted', speaker: null, quote: null,
      date: { value: '2024-04-29', time: 't0' }, sentence: 2, span: at('The council rejected the toll on Monday.'),
    }],
  },
}, { id: 'doc-1', input: 'stories/bridge.txt' })

describe('export records', () => {
  it('export: every record names its article by source and id', () => {
    for (const what of ['articles', 'entities', 'quotes', 'claims', 'events', 'times'] as const) {
      for (const record of recordsOf(doc, what)) expect(record).toMatchObject({ source: 'stories/bridge.txt', article: 'doc-1', input: 'stories/bridge.txt', record: null, externalId: null })
    }
  })

  it('export: every record carries the input, record and external id of a JSON Lines item, the article its meta', () => {
    const item = { ...doc, origin: { ...doc.origin, input: 'desk.jsonl', record: '12', externalId: 'desk-17', meta: { desk: 'city' } } }
    for (const what of ['articles', 'entities', 'quotes', 'claims', 'events', 'times'] as const) {
      for (const record of recordsOf(item, what)) expect(record).toMatchObject({ input: 'desk.jsonl', record: '12', externalId: 'desk-17' })
    }
    expect(recordsOf(item, 'articles')[0]?.meta).toEqual({ desk: 'city' })
  })

  it('export: the source is the article URL when the origin knows it', () => {
    const withUrl = { ...doc, origin: { ...doc.origin, url: 'https://news.example/bridge' } }
    expect(recordsOf(withUrl, 'quotes')[0]?.source).toBe('https://news.example/bridge')
  })

  it.each([
    ['quotes', 'We will build the bridge … and it opens in May'],
    ['claims', '40 ferries'],
    ['events', 'The council rejected the toll on Monday.'],
    ['times', 'on Monday'],
  ] as const)('export: a %s record carries the text of its span (split quotes joined by …)', (what, text) => {
    expect(recordsOf(doc, what)[0]?.text).toBe(text)
  })

  it('export: a quote names its speaker by entity, canonical name and the words at the cue', () => {
    const [quote] = recordsOf(doc, 'quotes')
    expect(quote?.speaker).toEqual({ entity: 'person:~ada-brennan', name: 'Ada Brennan', span: at('Ada Brennan'), text: 'Ada Brennan', resolution: 'named' })
    expect(quote?.cue).toEqual({ span: at('said'), text: 'said' })
    expect(quote?.parts.map((p) => p.text)).toEqual(['We will build the bridge', 'and it opens in May'])
  })

  it('export: a claim keeps its attribution apart from the article source', () => {
    const [claim] = recordsOf(doc, 'claims')
    expect(claim?.attribution).toMatchObject({ entity: 'org:~port-office', name: 'Port Office', text: 'the port office', cue: { text: 'according to' } })
    expect(claim?.subject).toMatchObject({ entity: 'org:~council', name: 'The Council', text: 'The council' })
  })

  it('export: an event participant with no entity keeps its words and a null name', () => {
    const [event] = recordsOf(doc, 'events')
    expect(event?.target).toEqual({ entity: null, name: null, span: at('the toll'), text: 'the toll' })
    expect(event?.trigger.text).toBe('rejected')
  })

  it('export: an entity record lists its mentions and starts at the first', () => {
    const council = recordsOf(doc, 'entities').find((e) => e.id === 'org:~council')
    expect(council?.mentions.map((m) => m.span.start)).toEqual([at('The council').start, at('The council', at('The council').end).start])
    expect(council?.span).toEqual(at('The council'))
    expect(recordsOf(doc, 'entities')[0]?.roles[0]).toMatchObject({ title: 'mayor', text: 'Mayor' })
  })

  it('export: the article record counts every layer and a time knows it is the event date', () => {
    expect(recordsOf(doc, 'articles')[0]).toMatchObject({
      id: 'doc-1', title: 'Bridge plan', published: '2024-05-02',
      counts: { sentences: 1, times: 1, entities: 3, mentions: 4, quotes: 1, claims: 1, events: 1 },
    })
    expect(recordsOf(doc, 'times')[0]?.eventDate).toBe(true)
  })

  it('export: a document without the layer gives no records, and an unknown kind is misuse', () => {
    expect(recordsOf({ ...doc, layers: {} }, 'quotes')).toEqual([])
    expect(() => recordsOf(doc, 'speeches' as 'quotes')).toThrow(UsageError)
  })
})
