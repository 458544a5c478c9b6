import { describe, expect, it } from 'vitest'
import type { ActorEvent, Comparator, Document, Entity, EntityId, Mention, NumericClaim, Quote, Span, TimeExpression } from '../../document/index.js'
import { spanIn, textDocument } from '../../../test/helpers/documents.js'
import { checkStory, type CheckArticle } from './check.js'

/** What a test article holds, each piece found in its text by its words. */
interface Spec {
  readonly id: string
  readonly outlet: string
  readonly text: string
  /** The article's language (ISO 639-1), as its metadata would give it. */
  readonly language?: string
  readonly entities?: Readonly<Record<string, EntityId>>
  readonly quotes?: ReadonlyArray<{ words: string; speaker: string | null; direct?: boolean; cue?: string }>
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
    cue: q.cue === undefined ? null : at(q.cue), sentence: 0,
  }))
  const events: ActorEvent[] = (spec.events ?? []).map((e, k) => ({
    id: `e${k}`, action: e.action, trigger: at(e.trigger), actor: role(e.actor), target: role(e.target), against: role(e.against),
    polarity: e.polarity ?? 'positive', modality: e.modality ?? 'asserted', speaker: null, quote: null, date: null, sentence: 0, span: { start: 0, end: text.length },
  }))
  const whole = { start: 0, end: text.length }
  return textDocument(text, {
    clean: { blocks: [{ kind: 'paragraph', spans: [whole] }], removed: [], flags: [] },
    sentences: { sentences: [{ span: whole, block: 0, kind: 'paragraph' }] },
    metadata: {
      authors: [], publisher: { value: spec.outlet, basis: 'test', confidence: 1 },
      ...(spec.language === undefined ? {} : { language: { value: spec.language, basis: 'test', confidence: 1 } }),
    },
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
    ['two articles of unknown outlet (issue 15)', [original(quoted('a', '')), original(quoted('b', ''))], 2, 'agreed'],
  ] as const)('check: %s count as the outlets they are', (_name, articles, outlets, status) => {
    const [fact] = checkStory('st-1', articles).facts
    expect([fact?.outlets, fact?.status]).toEqual([outlets, status])
  })
})

describe('analysis: check, quotes in translation (issue 14 §3)', () => {
  const names = { 'Mayor Ruth Alder': 'person:~ruth-alder', 'Bürgermeisterin Ruth Alder': 'person:~ruth-alder', Norland: 'country:NL', Nordland: 'country:NL', Sudland: 'country:SL', 'Südland': 'country:SL' }
  const quoted = (id: string, language: string, outlet: string, text: string, words: readonly string[]): Document => article({
    id, outlet, language, text, entities: names,
    quotes: words.map((w) => ({ words: w, speaker: text.includes('Mayor Ruth Alder') ? 'Mayor Ruth Alder' : 'Bürgermeisterin Ruth Alder' })),
  })
  const english = quoted('en', 'en', 'North Post', 'Mayor Ruth Alder said: “Norland will not sell the harbour to anyone.”', ['Norland will not sell the harbour to anyone.'])

  it('check: the same statement in German joins the English one as a variant in German; both outlets carry it', () => {
    const german = quoted('de', 'de', 'Nordkurier', 'Bürgermeisterin Ruth Alder sagte: „Nordland wird den Hafen an niemanden verkaufen.“', ['Nordland wird den Hafen an niemanden verkaufen.'])
    const facts = checkStory('st-1', [original(english), original(german)]).facts
    expect(facts).toHaveLength(1)
    expect(facts[0]).toMatchObject({ status: 'agreed', outlets: 2, statement: 'Mayor Ruth Alder: “Norland will not sell the harbour to anyone.”' })
    expect(facts[0]!.citations.map((c) => c.article)).toEqual(['en', 'de'])
    expect(facts[0]!.variants).toEqual([expect.objectContaining({ language: 'de', added: [], missing: [], citation: expect.objectContaining({ article: 'de', text: 'Nordland wird den Hafen an niemanden verkaufen.' }) })])
  })

  it.each([
    ['one says no and the other yes', '„Nordland wird den Hafen verkaufen.“', ['Nordland wird den Hafen verkaufen.']],
    ['they name different countries', '„Südland wird den Hafen an niemanden verkaufen.“', ['Südland wird den Hafen an niemanden verkaufen.']],
    ['the quote names nothing the other does', '„Wir werden den Hafen an niemanden verkaufen.“', ['Wir werden den Hafen an niemanden verkaufen.']],
  ] as const)('check: a German quote is not taken for the English statement when %s', (_why, said, words) => {
    const german = quoted('de', 'de', 'Nordkurier', `Bürgermeisterin Ruth Alder sagte: ${said}`, words)
    const facts = checkStory('st-1', [original(english), original(german)]).facts
    expect(facts).toHaveLength(1 + words.length)
    expect(facts.every((f) => f.variants.length === 0 && f.outlets === 1)).toBe(true)
  })

  it('check: without a language on both sides, quotes in two languages stay apart', () => {
    const german = article({ id: 'de', outlet: 'Nordkurier', text: 'Bürgermeisterin Ruth Alder sagte: „Nordland wird den Hafen an niemanden verkaufen.“', entities: names, quotes: [{ words: 'Nordland wird den Hafen an niemanden verkaufen.', speaker: 'Bürgermeisterin Ruth Alder' }] })
    expect(checkStory('st-1', [original(english), original(german)]).facts).toHaveLength(2)
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

  it.each([
    ['narration sourced with "according to" is not a quote', 'The mayor signed the harbour law on Monday, according to the city council.', 'according to', 0],
    ['reported speech with a speech verb is one', 'The city council said that the mayor signed the harbour law on Monday.', 'said', 1],
  ])('check: %s (issue 15)', (_name, text, cue, quotes) => {
    const words = text.includes('that ') ? 'the mayor signed the harbour law on Monday' : 'The mayor signed the harbour law on Monday'
    const doc = article({ id: 'a', outlet: 'North Post', text, entities: { 'the city council': 'org:~council', 'The city council': 'org:~council' }, quotes: [{ words, speaker: text.startsWith('The city') ? 'The city council' : 'the city council', direct: false, cue }] })
    expect(checkStory('st-1', [original(doc)]).facts.filter((f) => f.kind === 'quote')).toHaveLength(quotes)
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

  it('check: two counts of one measure and subject that differ in what they cover ("active fleet") are different-definitions, both values shown', () => {
    const check = checkStory('st-1', [original(registry), original(census)])
    expect(check.conflicts).toHaveLength(1)
    const [conflict] = check.conflicts
    expect(conflict).toMatchObject({ id: 'c1', kind: 'different-definitions', subject: { id: 'country:NO' }, measure: 'submarines of Norway' })
    expect(conflict!.reason).toBe('different definitions: no qualifier (52 submarines) vs "active" (about 61 diesel submarines in 2023)')
    expect(conflict!.values.map((v) => [v.value, v.attribution, v.asOf])).toEqual([[52, 'Naval Registry', null], [61, 'Fleet Census', '2023']])
    // Not a contradiction: neither fact is marked conflict, both point to the conflict entry.
    expect(check.facts.map((f) => [f.id, f.status, f.conflict])).toEqual([['f1', 'single-source', 'c1'], ['f2', 'single-source', 'c1']])
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

  it('check: a conflict notes where sources, definitions and periods differ', () => {
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

describe('analysis: check, conflict kinds (issue 15)', () => {
  const places = { Peru: 'country:PE', 'the air force': 'org:~air-force', 'the ministry': 'org:~ministry' }
  interface Printed { text: string; words: string; value: number; comparator?: Comparator; measure?: string; year?: string; subject?: boolean; source?: string }
  const report = (k: number, p: Printed): Document => article({
    id: `d${k}`, outlet: `Outlet ${k}`, text: p.text, entities: places,
    figures: [{
      words: p.words, value: p.value, unit: 'drone', comparator: p.comparator ?? 'eq', measure: p.measure ?? 'drones',
      ...(p.subject === false ? {} : { subject: 'Peru' }),
      ...(p.source === undefined ? {} : { source: p.source }),
      ...(p.year === undefined ? {} : { time: { words: p.year, value: p.year } }),
    }],
  })
  const kindOf = (a: Printed, b: Printed): string | null => checkStory('st-1', [original(report(0, a)), original(report(1, b))]).conflicts[0]?.kind ?? null

  it.each([
    ['the same measure, period and definition, 30% apart', 'contradiction',
      { text: 'Peru flew 300 drones in 2024, the air force said.', words: '300 drones', value: 300, year: '2024', source: 'the air force' },
      { text: 'Peru flew 410 drones in 2024, the ministry said.', words: '410 drones', value: 410, year: '2024', source: 'the ministry' }],
    ['one period not stated, nothing else to tell them apart', 'contradiction',
      { text: 'Peru flew 300 drones in 2024.', words: '300 drones', value: 300, year: '2024' },
      { text: 'Peru flew 410 drones.', words: '410 drones', value: 410 }],
    ['values for disjoint years, a series', 'different-periods',
      { text: 'Peru flew 300 drones in 2022.', words: '300 drones', value: 300, year: '2022' },
      { text: 'Peru flew 410 drones in 2024.', words: '410 drones', value: 410, year: '2024' }],
    ['a deployed count and a stockpile', 'different-definitions',
      { text: 'Peru keeps 120 deployed drones.', words: '120 deployed drones', value: 120, measure: 'deployed drones' },
      { text: 'Peru keeps a stockpile of 410 drones.', words: '410 drones', value: 410 }],
    ['lower bounds for two years that both hold', 'consistent-bounds',
      { text: 'Peru flew more than 300 drones in 2023.', words: '300 drones', value: 300, comparator: 'gt', year: '2023' },
      { text: 'Peru flew more than 410 drones in 2024.', words: '410 drones', value: 410, comparator: 'gt', year: '2024' }],
    ['measures that name different owners', 'different-subjects',
      { text: 'Chile\'s drones numbered 300 last year.', words: '300', value: 300, measure: 'Chile\'s drones', subject: false },
      { text: 'Bolivia\'s drones numbered 410 last year.', words: '410', value: 410, measure: 'Bolivia\'s drones', subject: false }],
    ['counts whose surrounding words share none', 'different-definitions',
      { text: 'Peru flew 300 drones over the coast for surveillance.', words: '300 drones', value: 300 },
      { text: 'Peru flew 410 drones to mountain villages with cargo.', words: '410 drones', value: 410 }],
    ['values within rounding', null,
      { text: 'Peru flew 5,459 drones in 2024.', words: '5,459 drones', value: 5459, year: '2024' },
      { text: 'Peru flew 5,460 drones in 2024.', words: '5,460 drones', value: 5460, year: '2024' }],
  ] as const)('check: %s is typed %s', (_name, kind, a, b) => {
    expect(kindOf(a, b)).toBe(kind)
  })

  it('check: two values one article gives ("15 to 50 cents") are no conflict: the article sets them apart itself', () => {
    const doc = article({
      id: 'a', outlet: 'North Post', text: 'Drivers in Lima pay 15 to 50 cents more a litre.',
      figures: [{ words: '15', value: 15, unit: 'cent', measure: 'cents' }, { words: '50 cents', value: 50, unit: 'cent', measure: 'cents' }],
    })
    const check = checkStory('st-1', [original(doc)])
    expect([check.conflicts, check.facts.map((f) => [f.status, f.conflict])]).toEqual([[], [['single-source', null], ['single-source', null]]])
  })

  it('check: only a contradiction marks its facts as conflict; every conflict says its type and why in one line', () => {
    const series = checkStory('st-1', [
      original(report(0, { text: 'Peru flew 300 drones in 2022.', words: '300 drones', value: 300, year: '2022' })),
      original(report(1, { text: 'Peru flew 410 drones in 2024.', words: '410 drones', value: 410, year: '2024' })),
    ])
    expect(series.conflicts[0]!.reason).toBe('different periods, a series over time: 300 drones in 2022 then 410 drones in 2024')
    expect(series.facts.map((f) => f.status)).toEqual(['single-source', 'single-source'])
    const clash = checkStory('st-1', [
      original(report(0, { text: 'Peru flew 300 drones in 2024.', words: '300 drones', value: 300, year: '2024' })),
      original(report(1, { text: 'Peru flew 410 drones in 2024.', words: '410 drones', value: 410, year: '2024' })),
    ])
    expect(clash.conflicts[0]!.reason).toBe('contradiction: 300 drones in 2024 vs 410 drones in 2024 for the same measure and definition, 27% apart, beyond rounding and stated bounds')
    expect(clash.facts.map((f) => f.status)).toEqual(['conflict', 'conflict'])
  })
})

describe('analysis: check, figure facts read as phrases (issue 15)', () => {
  it.each([
    ['a measure named before the figure, in a that-clause with its owner', 'The navy said that Norway\'s fleet of frigates had passed 40.', 'that Norway\'s fleet of frigates', 'Norway: fleet of frigates: more than 40 (no source given)'],
    ['a plain count with its noun after it', 'Norway keeps 40 frigates.', 'frigates', 'Norway: 40 frigates (no source given)'],
  ])('check: %s', (_name, text, measure, statement) => {
    const doc = article({
      id: 'a', outlet: 'North Post', text, entities: { Norway: 'country:NO' },
      figures: [{ words: '40', value: 40, unit: 'frigate', comparator: text.includes('passed') ? 'gt' : 'eq', measure, subject: 'Norway' }],
    })
    expect(checkStory('st-1', [original(doc)]).facts.map((f) => f.statement)).toEqual([statement])
  })

  it.each([
    ['a number that is part of a name', 'Officials discussed the Harbour Line 2 tunnel.', '2 tunnel', 0],
    ['a number that labels an item', 'Officials discussed phase 2 tunnels.', '2 tunnels', 0],
    ['the same number counting tunnels', 'Officials discussed 2 tunnels.', '2 tunnels', 1],
    ['a number at the start of a sentence', '2 tunnels opened.', '2 tunnels', 1],
  ])('check: %s', (_name, text, words, facts) => {
    const doc = article({ id: 'a', outlet: 'North Post', text, figures: [{ words, value: 2, unit: 'tunnel', measure: words.slice(2) }] })
    expect(checkStory('st-1', [original(doc)]).facts).toHaveLength(facts)
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
