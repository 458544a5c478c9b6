import { describe, expect, it } from 'vitest'
import type { ActorEvent, Comparator, Document, Entity, EntityId, Mention, NumericClaim, Quote, Span, TimeExpression } from '../../document/index.js'
import { spanIn, textDocument } from '../../../test/helpers/documents.js'
import { checkStory, type CheckArticle } from './check.js'

/** What a test article holds, each piece found in its text by its words. */
interface Spec {
  readonly id: string
  readonly outlet: string
  readonly text: string
  readonly entities?: Readonly<Record<string, EntityId>>
  readonly quotes?: ReadonlyArray<{ words: string; speaker: string | null; direct?: boolean }>
  readonly figures?: ReadonlyArray<{ words: string; value: number; unit: string | null; comparator?: Comparator; measure?: string; subject?: string; source?: string; time?: { words: string; value: string } }>
  readonly events?: ReadonlyArray<{ action: ActorEvent['action']; trigger: string; actor: string; target?: string; against?: string; polarity?: 'positive' | 'negative'; modality?: ActorEvent['modality'] }>
}

/** A one-sentence article with hand-built entities, quotes, claims, times and events layers. */
function article(spec: Spec): Document {
  const { text } = spec
  const at = (words: string): Span => spanIn(text, words)
  // Only the names this text has: one table of names serves several articles.
  const names = Object.fromEntries(Object.entries(spec.entities ?? {}).filter(([name]) => text.includes(name)))
  const entities: Entity[] = Object.entries(names).map(([name, id]) => ({ id, type: id.startsWith('person:') ? 'person' : 'country', name: name.replace(/^the\s+/i, ''), aliases: [name], roles: [], known: true }))
  const mentions: Mention[] = Object.entries(names).map(([name, entity]) => ({ span: at(name), entity, kind: 'name' as const, sentence: 0 })).sort((a, b) => a.span.start - b.span.start)
  const role = (name: string | undefined): ActorEvent['actor'] => (name === undefined ? null : { entity: names[name] ?? null, span: at(name) })
  const times: TimeExpression[] = (spec.figures ?? []).flatMap((f, k) => (f.time === undefined ? [] : [{ id: `t${k}`, span: at(f.time.words), value: f.time.value, precision: 'year' as const, anchor: 'absolute' as const, role: 'as-of' as const, sentence: 0 }]))
  const claims: NumericClaim[] = (spec.figures ?? []).map((f, k) => ({
    id: `c${k}`, span: at(f.words), value: f.value, unit: f.unit, comparator: f.comparator ?? 'eq',
    measure: f.measure === undefined ? null : { text: f.measure, span: at(f.measure) },
    subject: f.subject === undefined ? null : { entity: names[f.subject]!, span: at(f.subject) },
    time: f.time === undefined ? null : { id: `t${k}`, value: f.time.value },
    source: f.source === undefined ? null : { entity: names[f.source] ?? null, span: at(f.source), cue: null },
    sentence: 0,
  }))
  const quotes: Quote[] = (spec.quotes ?? []).map((q, k) => ({
    id: `q${k}`, span: at(q.words), parts: [at(q.words)], direct: q.direct ?? true, partial: false,
    speaker: { entity: q.speaker === null ? null : names[q.speaker]!, span: q.speaker === null ? null : at(q.speaker), resolution: q.speaker === null ? 'unclear' : 'named' },
    cue: null, sentence: 0,
  }))
  const events: ActorEvent[] = (spec.events ?? []).map((e, k) => ({
    id: `e${k}`, action: e.action, trigger: at(e.trigger), actor: role(e.actor), target: role(e.target), against: role(e.against),
    polarity: e.polarity ?? 'positive', modality: e.modality ?? 'asserted', speaker: null, quote: null, date: null, sentence: 0, span: { start: 0, end: text.length },
  }))
  const whole = { start: 0, end: text.length }
  return textDocument(text, {
    clean: { blocks: [{ kind: 'paragraph', spans: [whole] }], removed: [], flags: [] },
    sentences: { sentences: [{ span: whole, block: 0, kind: 'paragraph' }] },
    metadata: { authors: [], publisher: { value: spec.outlet, basis: 'test', confidence: 1 } },
    entities: { entities, mentions }, quotes: { quotes }, claims: { claims }, times: { times }, events: { events },
  }, { id: spec.id })
}

const original = (doc: Document): CheckArticle => ({ doc, duplicateOf: null })

describe('analysis: check, outlets', () => {
  const line = 'Officials said “the harbour stays open all winter” on Monday.'
  const quoted = (id: string, outlet: string): Document => article({ id, outlet, text: line, entities: { Officials: 'group:~officials' }, quotes: [{ words: 'the harbour stays open all winter', speaker: null }] })

  it.each([
    ['two outlets', [original(quoted('a', 'North Post')), original(quoted('b', 'South Herald'))], 2, 'agreed'],
    ['two articles of one outlet', [original(quoted('a', 'North Post')), original(quoted('b', 'North Post'))], 1, 'single-source'],
    ['a copy and its original', [original(quoted('a', 'North Post')), { doc: quoted('b', 'Wire Mirror'), duplicateOf: 'a' }], 1, 'single-source'],
  ] as const)('check: %s count as the outlets they are', (_name, articles, outlets, status) => {
    const [fact] = checkStory('st-1', articles).facts
    expect([fact?.outlets, fact?.status]).toEqual([outlets, status])
  })
})

describe('analysis: check, quotes', () => {
  const speaker = { 'Mayor Ruth Alder': 'person:~ruth-alder' }
  const a = article({ id: 'a', outlet: 'North Post', text: 'Mayor Ruth Alder said: “We will not close the harbour this winter.”', entities: speaker, quotes: [{ words: 'We will not close the harbour this winter.', speaker: 'Mayor Ruth Alder' }] })
  const b = article({ id: 'b', outlet: 'South Herald', text: 'Mayor Ruth Alder said: “We shall not close the harbour this winter.”', entities: speaker, quotes: [{ words: 'We shall not close the harbour this winter.', speaker: 'Mayor Ruth Alder' }] })

  it('check: one quote in two outlets is one agreed fact; the second wording is a variant of the first', () => {
    const [fact] = checkStory('st-1', [original(a), original(b)]).facts
    expect(fact).toMatchObject({ id: 'q1', kind: 'quote', status: 'agreed', outlets: 2, who: { id: 'person:~ruth-alder', name: 'Mayor Ruth Alder' } })
    expect(fact!.citations.map((c) => c.article)).toEqual(['a', 'b'])
    expect(fact!.variants.map((v) => [v.citation.article, v.added, v.missing])).toEqual([['b', ['shall'], ['will']]])
  })

  it('check: quotes carried by more outlets come first, direct before reported speech', () => {
    const c = article({
      id: 'c', outlet: 'East Ledger', text: 'Mayor Ruth Alder said that the ferries run late. She said: “We will not close the harbour this winter.” She added: “Tolls stay as they are.”',
      entities: speaker,
      quotes: [
        { words: 'the ferries run late', speaker: 'Mayor Ruth Alder', direct: false },
        { words: 'Tolls stay as they are.', speaker: 'Mayor Ruth Alder' },
        { words: 'We will not close the harbour this winter.', speaker: 'Mayor Ruth Alder' },
      ],
    })
    const facts = checkStory('st-1', [original(c), original(a)]).facts
    expect(facts.map((f) => [f.id, f.outlets, f.statement])).toEqual([
      ['q1', 2, 'Mayor Ruth Alder: “We will not close the harbour this winter.”'],
      ['q2', 1, 'Mayor Ruth Alder: “Tolls stay as they are.”'],
      ['q3', 1, 'Mayor Ruth Alder (reported): the ferries run late'],
    ])
  })

  it('check: reported speech that states a figure is left to the figures table', () => {
    const doc = article({
      id: 'a', outlet: 'North Post', text: 'The port authority said that 40 ships docked.', entities: { 'The port authority': 'org:~port-authority' },
      quotes: [{ words: '40 ships docked', speaker: 'The port authority', direct: false }],
      figures: [{ words: '40 ships', value: 40, unit: 'ship', measure: 'ships', source: 'The port authority' }],
    })
    expect(checkStory('st-1', [original(doc)]).facts.map((f) => f.kind)).toEqual(['figure'])
  })
})

describe('analysis: check, figures', () => {
  const norway = { Norway: 'country:NO', 'the Naval Registry': 'org:~naval-registry', 'the Fleet Census': 'org:~fleet-census' }
  const registry = article({
    id: 'a', outlet: 'North Post', text: 'Norway keeps 52 submarines in total, according to the Naval Registry.', entities: norway,
    figures: [{ words: '52 submarines', value: 52, unit: 'submarine', measure: 'submarines', subject: 'Norway', source: 'the Naval Registry' }],
  })
  const census = article({
    id: 'b', outlet: 'South Herald', text: 'Norway keeps about 61 diesel submarines in its active fleet as of 2023, the Fleet Census said.', entities: norway,
    figures: [{ words: '61 diesel submarines', value: 61, unit: 'submarine', comparator: 'approx', measure: 'diesel submarines', subject: 'Norway', source: 'the Fleet Census', time: { words: '2023', value: '2023' } }],
  })

  it('check: two counts of one measure and subject that cannot both hold are a contradiction, both values shown', () => {
    const check = checkStory('st-1', [original(registry), original(census)])
    expect(check.conflicts).toHaveLength(1)
    const [conflict] = check.conflicts
    expect(conflict).toMatchObject({ id: 'c1', kind: 'contradiction', subject: { id: 'country:NO' }, measure: 'submarines of Norway' })
    expect(conflict!.values.map((v) => [v.value, v.attribution, v.asOf])).toEqual([[52, 'Naval Registry', null], [61, 'Fleet Census', '2023']])
    expect(check.facts.map((f) => [f.id, f.status, f.conflict])).toEqual([['f1', 'conflict', 'c1'], ['f2', 'conflict', 'c1']])
  })

  it('check: two different numbers of one article are two values, and a time the other figure took is not this one\'s', () => {
    const doc = article({
      id: 'p', outlet: 'Plain Gazette', text: 'The navy said its fleet of frigates had passed 40, and could reach about 60 by 2035.',
      figures: [
        { words: '40', value: 40, unit: 'frigate', comparator: 'gt', measure: 'fleet of frigates' },
        { words: 'about 60', value: 60, unit: 'frigate', comparator: 'approx', measure: 'fleet of frigates', time: { words: '2035', value: '2035' } },
      ],
    })
    const other = article({ id: 'q', outlet: 'Coast Review', text: 'The fleet of frigates numbers 31.', figures: [{ words: '31', value: 31, unit: 'frigate', measure: 'fleet of frigates' }] })
    const [conflict] = checkStory('st-1', [original(doc), original(other)]).conflicts
    expect(conflict!.values.map((v) => [v.value, v.asOf])).toEqual([[40, null], [60, '2035'], [31, null]])
  })

  it('check: the words around a source named before the figure are not its definition', () => {
    const yearbook = article({
      id: 'y', outlet: 'East Ledger', text: 'In its annual yearbook, the Naval Registry estimated that Norway keeps 48 submarines.', entities: norway,
      figures: [{ words: '48 submarines', value: 48, unit: 'submarine', measure: 'submarines', subject: 'Norway', source: 'the Naval Registry' }],
    })
    const [conflict] = checkStory('st-1', [original(yearbook), original(census)]).conflicts
    expect(conflict!.values.map((v) => v.definition)).toEqual([null, 'diesel active fleet'])
  })

  it('check: a contradiction notes where sources, definitions and periods differ', () => {
    const notes = checkStory('st-1', [original(registry), original(census)]).conflicts[0]!.notes
    expect(notes.find((n) => n.startsWith('sources differ'))).toMatch(/Naval Registry.*vs.*Fleet Census/)
    expect(notes.find((n) => n.startsWith('definitions differ'))).toMatch(/"total".*vs.*"diesel active fleet"/)
    expect(notes.find((n) => n.startsWith('periods differ'))).toMatch(/no date given.*vs.*2023/)
  })

  const trade = (id: string, outlet: string, text: string, words: string, value: number, year: string, source?: string): Document => article({
    id, outlet, text, entities: source === undefined ? {} : { [source]: 'org:~customs' },
    figures: [{ words, value, unit: 'USD', measure: 'Exports', time: { words: year, value: year }, ...(source === undefined ? {} : { source }) }],
  })

  it('check: different values for disjoint periods are different-periods, and the unsourced one is unattributed', () => {
    const check = checkStory('st-1', [
      original(trade('a', 'North Post', 'Exports reached $40 billion in 2022.', '$40 billion', 40e9, '2022')),
      original(trade('b', 'South Herald', 'Exports reached $46 billion in 2023, the customs office said.', '$46 billion', 46e9, '2023', 'the customs office')),
    ])
    expect(check.conflicts.map((c) => c.kind)).toEqual(['different-periods'])
    expect(check.facts.map((f) => [f.status, f.unattributed, f.attributions])).toEqual([['single-source', true, []], ['single-source', false, ['customs office']]])
    expect(check.facts[0]!.statement).toBe('exports: $40 billion (as of 2022; no source given)')
  })

  it.each([
    ['a bound the other value meets', [['more than 200 drones', 200, 'gt'], ['220 drones', 220, 'eq']]],
    ['values within rounding', [['5,459 drones', 5459, 'eq'], ['5,460 drones', 5460, 'eq']]],
  ] as const)('check: %s are one fact, not a conflict', (_name, values) => {
    const docs = values.map(([words, value, comparator], k) => article({
      id: `d${k}`, outlet: `Outlet ${k}`, text: `Peru flew ${words} last year.`, entities: { Peru: 'country:PE' },
      figures: [{ words, value, unit: 'drone', comparator, measure: 'drones', subject: 'Peru' }],
    }))
    const check = checkStory('st-1', docs.map(original))
    expect([check.conflicts.length, check.facts.length, check.facts[0]?.status]).toEqual([0, 1, 'agreed'])
  })

  it.each([
    ['different subjects', 'Peru', 'Chile', 'drones', 'drones', 'drone', 2],
    ['measures that meet ("combat drones" holds "drones")', 'Peru', 'Peru', 'combat drones', 'drones', 'drone', 1],
    ['sums of money that say nothing of what they measure', 'Peru', 'Peru', undefined, undefined, 'USD', 2],
  ] as const)('check: figure groups: %s', (_name, s1, s2, m1, m2, unit, groups) => {
    const make = (k: number, subject: string, measure: string | undefined, value: number): Document => article({
      id: `d${k}`, outlet: `Outlet ${k}`, text: `${subject} listed ${value} ${measure ?? 'in costs'}.`, entities: { [subject]: `country:~${subject.toLowerCase()}` },
      figures: [{ words: `${value}`, value, unit, ...(measure === undefined ? {} : { measure }), subject }],
    })
    const check = checkStory('st-1', [original(make(0, s1, m1, 300)), original(make(1, s2, m2, 900))])
    expect(check.facts).toHaveLength(2)
    expect(check.conflicts).toHaveLength(groups === 1 ? 1 : 0)
  })

  it('check: figure groups: measures that meet only through a third ("deployed" and "retired" both hold "warheads") are not compared', () => {
    const docs = [['deployed warheads', 1500], ['warheads', 4400], ['retired warheads', 2000]].map(([measure, value], k) => article({
      id: `d${k}`, outlet: `Outlet ${k}`, text: `Peru keeps ${value} ${measure}.`, entities: { Peru: 'country:PE' },
      figures: [{ words: `${value} ${measure}`, value: Number(value), unit: 'warhead', measure: String(measure), subject: 'Peru' }],
    }))
    const check = checkStory('st-1', docs.map(original))
    const compared = check.conflicts.map((c) => c.values.map((v) => v.value))
    expect(compared).not.toContainEqual(expect.arrayContaining([1500, 2000]))
    expect(compared).toEqual([[1500, 4400]])
  })

  it.each([
    ['a bare number', null],
    ['a duration', 'year'],
  ])('check: %s is no figure to check', (_name, unit) => {
    const doc = article({ id: 'a', outlet: 'North Post', text: 'The plan runs 3 more.', figures: [{ words: '3', value: 3, unit }] })
    expect(checkStory('st-1', [original(doc)]).facts).toEqual([])
  })
})

describe('analysis: check, events and quality', () => {
  const sides = { Chile: 'country:CL', Peru: 'country:PE', Bolivia: 'country:BO' }
  const ally = (id: string, outlet: string, text: string, modality: ActorEvent['modality'] = 'future'): Document => article({
    id, outlet, text, entities: sides,
    events: [{ action: 'ally', trigger: 'ally', actor: 'Chile', target: 'Peru', against: 'Bolivia', polarity: 'negative', modality }],
  })

  it('check: one event in two wordings across outlets is one agreed fact with a readable statement', () => {
    const facts = checkStory('st-1', [
      original(ally('a', 'North Post', 'Chile will not ally with Peru against Bolivia.')),
      original(ally('b', 'South Herald', 'Chile says it will never ally with Peru against Bolivia.')),
    ]).facts
    expect(facts.map((f) => [f.id, f.kind, f.statement, f.outlets, f.who?.id])).toEqual([['e1', 'event', 'Chile will not ally with Peru against Bolivia', 2, 'country:CL']])
  })

  it('check: a question is not a claim', () => {
    expect(checkStory('st-1', [original(ally('a', 'North Post', 'Will Chile ally with Peru against Bolivia?', 'question'))]).facts).toEqual([])
  })

  it('check: every article gets its quality entry, with its outlet and title', () => {
    const check = checkStory('st-1', [original(ally('a', 'North Post', 'Chile will not ally with Peru against Bolivia.'))])
    expect(check.quality.map((q) => [q.article, q.source, q.notes])).toEqual([['a', 'North Post', []]])
    expect(check.story).toBe('st-1')
  })
})
