import { describe, expect, it } from 'vitest'
import type {
  ActorEvent, Document, Entity, EntityId, EventAction, Modality, Quote, Sentence, StanceStatement,
} from '../../document/index.js'
import { UsageError } from '../../errors.js'
import { spanIn, textDocument } from '../../../test/helpers/documents.js'
import { stanceQueriesIn, timelineFrom, topicNamed, type TimelineQuery } from './stance.js'

// Hand-built articles of our own: each has sentences, people with roles, quotes and the events
// layer as the events stage would give it, so these tests pin the stance rules alone.

const CL = 'country:CL'
const PE = 'country:PE'
const LIMA = 'person:ana-lima'     // president of Chile
const RUIZ = 'person:tomas-ruiz'   // foreign minister of Peru
const BERG = 'person:eva-berg'     // an analyst, no country

const ENTITIES: readonly Entity[] = [
  { id: CL, type: 'country', name: 'Chile', aliases: [], roles: [], known: true },
  { id: PE, type: 'country', name: 'Peru', aliases: [], roles: [], known: true },
  { id: LIMA, type: 'person', name: 'Ana Lima', aliases: [], roles: [{ title: 'president', country: 'CL', basis: 'gazetteer' }], known: true },
  { id: RUIZ, type: 'person', name: 'Tomas Ruiz', aliases: [], roles: [{ title: 'foreign minister', country: 'PE', basis: 'gazetteer' }], known: true },
  { id: BERG, type: 'person', name: 'Eva Berg', aliases: [], roles: [{ title: 'analyst', basis: 'text' }], known: false },
]

/** A participant: its words in the sentence and its entity (null for "anyone", "we"). */
type Role = readonly [words: string, entity: EntityId | null]

interface EventSpec {
  readonly trigger: string
  readonly action?: EventAction
  readonly actor?: Role
  readonly target?: Role
  readonly against?: Role
  readonly polarity?: 'positive' | 'negative'
  readonly modality?: Modality
  readonly speaker?: EntityId
  /** The quoted words the event lies in (a direct quote by `speaker`). */
  readonly quoted?: string
  readonly date?: string
  /** Where to look for the trigger and roles: the sentence that contains these words. */
  readonly in?: string
}

interface ArticleSpec {
  readonly text: string
  readonly events: readonly EventSpec[]
  readonly id?: string
  readonly published?: string
  readonly publishedBasis?: string
  readonly eventDate?: string
}

function sentencesOf(text: string): Sentence[] {
  return [...text.matchAll(/[^.!?]+[.!?]+[”"]?/g)].map((m) => {
    const start = m.index + (m[0].length - m[0].trimStart().length)
    return { span: { start, end: m.index + m[0].length }, block: 0, kind: 'paragraph' as const }
  })
}

function article(spec: ArticleSpec): Document {
  const { text } = spec
  const sentences = sentencesOf(text)
  const quotes: Quote[] = []
  const events: ActorEvent[] = spec.events.map((e, i) => {
    const from = e.in === undefined ? 0 : spanIn(text, e.in).start
    const trigger = spanIn(text, e.trigger, from)
    const sentence = sentences.findIndex((s) => s.span.start <= trigger.start && trigger.start < s.span.end)
    const role = (r: Role | undefined): ActorEvent['actor'] => (r === undefined ? null : { entity: r[1], span: spanIn(text, r[0], sentences[sentence]!.span.start) })
    let quote: string | null = null
    if (e.quoted !== undefined) {
      const span = spanIn(text, e.quoted)
      quote = `q${quotes.length}`
      quotes.push({ id: quote, span, parts: [span], direct: true, partial: false, speaker: { entity: e.speaker ?? null, span: null, resolution: 'named' }, cue: null, sentence })
    }
    return {
      id: `e${i}`, action: e.action ?? 'ally', trigger, actor: role(e.actor), target: role(e.target), against: role(e.against),
      polarity: e.polarity ?? 'positive', modality: e.modality ?? 'asserted', speaker: e.speaker ?? null, quote,
      date: e.date === undefined ? null : { value: e.date, time: null }, sentence, span: sentences[sentence]!.span,
    }
  })
  return textDocument(text, {
    sentences: { sentences },
    entities: { entities: ENTITIES, mentions: [] },
    quotes: { quotes },
    events: { events },
    times: { times: [], ...(spec.eventDate === undefined ? {} : { eventDate: { value: spec.eventDate, precision: 'day', time: 't0' } }) },
    metadata: {
      authors: [],
      ...(spec.published === undefined ? {} : { published: { value: { date: spec.published, precision: 'day' }, basis: spec.publishedBasis ?? 'text:dateline', confidence: 0.9 } }),
    },
  }, { id: spec.id ?? 'a1', input: `${spec.id ?? 'a1'}.txt` })
}

const QUERY: TimelineQuery = { actor: { id: CL, name: 'Chile' }, counterpart: { id: PE, name: 'Peru' }, topic: 'alliance' }

function statements(docs: readonly Document[], query: TimelineQuery = QUERY): readonly StanceStatement[] {
  return timelineFrom(docs, query).statements
}

const chileAllies = (text: string, extra: Partial<EventSpec> = {}): ArticleSpec => ({
  text, published: '2024-03-10', events: [{ trigger: 'ally', actor: ['Chile', CL], target: ['Peru', PE], ...extra }],
})

describe('stance: position of a statement', () => {
  it.each<[string, ArticleSpec, StanceStatement['position']]>([
    ['positive future is for', chileAllies('Chile will ally with Peru.', { modality: 'future' }), 'for'],
    ['negative asserted is against', chileAllies('Chile does not ally with Peru.', { polarity: 'negative' }), 'against'],
    ['negative future is against', chileAllies('Chile will not ally with Peru.', { polarity: 'negative', modality: 'future' }), 'against'],
    ['possible is open', chileAllies('Chile could ally with Peru.', { modality: 'possible' }), 'open'],
    ['"if" makes it conditional', chileAllies('Chile would ally with Peru if the border talks succeed.', { modality: 'future' }), 'conditional'],
    ['"provided that" makes it conditional', chileAllies('Provided that trade grows, Chile will ally with Peru.', { modality: 'future' }), 'conditional'],
    ['"on condition" makes it conditional', chileAllies('Chile will ally with Peru on condition that the treaty is signed.', { modality: 'future' }), 'conditional'],
    ['a condition outranks possible', chileAllies('Chile could ally with Peru unless the vote fails.', { modality: 'possible' }), 'conditional'],
    ['"even if" is no condition', chileAllies('Chile will not ally with Peru even if pressed.', { polarity: 'negative', modality: 'future' }), 'against'],
    ['a condition past a semicolon is another clause\'s', chileAllies('Chile will not ally with Peru; if asked again, it will say so.', { polarity: 'negative', modality: 'future' }), 'against'],
  ])('stance: %s', (_, spec, position) => {
    expect(statements([article(spec)]).map((s) => s.position)).toEqual([position])
  })

  it('stance: a question put to someone is no position', () => {
    expect(statements([article(chileAllies('Could Chile ally with Peru?', { modality: 'question' }))])).toEqual([])
  })
})

describe('stance: whose position, toward whom', () => {
  it.each<[string, EventSpec, number]>([
    ['the country itself', { trigger: 'ally', actor: ['Chile', CL], target: ['Peru', PE] }, 1],
    ['a person with a role of the country', { trigger: 'ally', actor: ['Lima', LIMA], target: ['Peru', PE] }, 1],
    ['no actor, said by the country\'s speaker', { trigger: 'alliance', target: ['Peru', PE], speaker: LIMA }, 1],
    ['"we", said by the country\'s speaker', { trigger: 'ally', actor: ['we', null], target: ['Peru', PE], speaker: LIMA }, 1],
    ['no actor, said by the other side\'s speaker', { trigger: 'alliance', target: ['Peru', PE], speaker: RUIZ }, 0],
    ['no actor, said by someone of no country', { trigger: 'alliance', target: ['Peru', PE], speaker: BERG }, 0],
    ['an unnamed actor not "we", said by the country\'s speaker', { trigger: 'ally', actor: ['anyone', null], target: ['Peru', PE], speaker: LIMA }, 0],
    ['the counterpart as a person of it', { trigger: 'ally', actor: ['Chile', CL], target: ['Ruiz', RUIZ] }, 1],
    ['the counterpart as the one an alliance is against', { trigger: 'ally', actor: ['Chile', CL], target: ['anyone', null], against: ['Peru', PE] }, 1],
    ['a mutual alliance named from the other side, in the country\'s speaker\'s words', { trigger: 'ally', actor: ['Peru', PE], target: ['Chile', CL], speaker: LIMA }, 1],
    ['a mutual alliance named from the other side, in the writer\'s words', { trigger: 'ally', actor: ['Peru', PE], target: ['Chile', CL] }, 0],
  ])('stance: counts %s: %i row(s)', (_, event, rows) => {
    const doc = article({ text: 'Lima said we ally with Peru and Chile, not against anyone, in an alliance with Ruiz and Peru.', published: '2024-03-10', events: [event] })
    expect(statements([doc])).toHaveLength(rows)
  })

  it.each<[string, EventSpec, number]>([
    ['their own words of their country', { trigger: 'ally', actor: ['Chile', CL], target: ['Peru', PE], speaker: LIMA }, 1],
    ['their own words with no actor', { trigger: 'alliance', target: ['Peru', PE], speaker: LIMA }, 1],
    ['their country\'s acts in another\'s words', { trigger: 'ally', actor: ['Chile', CL], target: ['Peru', PE], speaker: BERG }, 0],
  ])('stance: asked about a person, counts %s: %i row(s)', (_, event, rows) => {
    const doc = article({ text: 'Lima said Chile will ally with Peru in an alliance.', published: '2024-03-10', events: [event] })
    expect(statements([doc], { ...QUERY, actor: { id: LIMA, name: 'Ana Lima' } })).toHaveLength(rows)
  })

  it('stance: records whether the counterpart is the partner or the one opposed', () => {
    const doc = article({
      text: 'Chile will not ally with anyone against Peru. Chile will not ally with Peru.',
      published: '2024-03-10',
      events: [
        { trigger: 'ally', actor: ['Chile', CL], target: ['anyone', null], against: ['Peru', PE], polarity: 'negative', modality: 'future' },
        { trigger: 'ally', actor: ['Chile', CL], target: ['Peru', PE], polarity: 'negative', modality: 'future', in: 'Chile will not ally with Peru.' },
      ],
    })
    expect(statements([doc]).map((s) => s.counterpartRole)).toEqual(['against', 'target'])
  })

  it('stance: the topic keeps only its actions', () => {
    const doc = article({
      text: 'Chile will cooperate with Peru. Chile will not ally with Peru.',
      published: '2024-03-10',
      events: [
        { trigger: 'cooperate', action: 'cooperate', actor: ['Chile', CL], target: ['Peru', PE], modality: 'future' },
        { trigger: 'ally', actor: ['Chile', CL], target: ['Peru', PE], polarity: 'negative', modality: 'future' },
      ],
    })
    expect(statements([doc]).map((s) => s.action)).toEqual(['ally'])
    expect(statements([doc], { ...QUERY, topic: 'cooperation' }).map((s) => s.action)).toEqual(['cooperate'])
    expect(statements([doc], { ...QUERY, topic: null }).map((s) => s.action).sort()).toEqual(['ally', 'cooperate'])
  })

  it.each([['Alliance', 'alliance'], ['ally', 'alliance'], ['sanction', 'sanctions'], [' threats ', 'threats']])('stance: topic "%s" is %s', (asked, topic) => {
    expect(topicNamed(asked)).toBe(topic)
  })

  it('stance: an unknown topic throws UsageError listing the topics', () => {
    expect(() => timelineFrom([], { ...QUERY, topic: 'weather' })).toThrow(UsageError)
    expect(() => topicNamed('weather')).toThrow(/Topics: alliance, cooperation/)
  })
})

describe('stance: speaker, quote and date of a row', () => {
  it('stance: the speaker is named with their role, and the quote is the quoted words', () => {
    const doc = article({
      text: 'Lima told reporters: “We will never ally with Peru.”',
      published: '2024-03-10',
      events: [{ trigger: 'ally', actor: ['We', null], target: ['Peru', PE], polarity: 'negative', modality: 'future', speaker: LIMA, quoted: 'We will never ally with Peru.' }],
    })
    const [row] = statements([doc])
    expect(row!.speaker).toEqual({ id: LIMA, name: 'Ana Lima', role: 'president' })
    expect(row!.quote.text).toBe('We will never ally with Peru.')
    expect(row!.quote.article).toBe('a1')
  })

  it('stance: without a quote, the row quotes the sentence', () => {
    const doc = article({ text: 'It rained. Chile will not ally with Peru. It rained again.', published: '2024-03-10', events: [{ trigger: 'ally', actor: ['Chile', CL], target: ['Peru', PE], polarity: 'negative' }] })
    expect(statements([doc])[0]!.quote.text).toBe('Chile will not ally with Peru.')
  })

  it.each<[string, Partial<ArticleSpec>, Partial<EventSpec>, string | null, StanceStatement['dateBasis']]>([
    ['the event\'s own date first', { eventDate: '2024-03-08', published: '2024-03-10' }, { date: '2023-05' }, '2023-05', 'event'],
    ['then the article\'s reported event', { eventDate: '2024-03-08', published: '2024-03-10' }, {}, '2024-03-08', 'reported-event'],
    ['then the publication date', { published: '2024-03-10' }, {}, '2024-03-10', 'published'],
    ['else none', { published: undefined }, {}, null, 'none'],
  ])('stance: date: %s', (_, dates, event, date, basis) => {
    const spec = chileAllies('Chile will ally with Peru.', event)
    const [row] = statements([article({ ...spec, ...dates })])
    expect([row!.date, row!.dateBasis]).toEqual([date, basis])
  })
})

describe('stance: one row per statement, in order', () => {
  const said = (id: string, published: string, speaker = LIMA, extra: Partial<ArticleSpec> = {}): Document => article({
    id, published, ...extra,
    text: 'Lima said that an alliance with Peru is out of the question.',
    events: [{ trigger: 'an alliance', target: ['Peru', PE], polarity: 'negative', speaker }],
  })

  it.each<[string, readonly Document[], readonly string[][]]>([
    ['two outlets a day apart are one report', [said('a1', '2024-03-10'), said('a2', '2024-03-11')], [['a1', 'a2']]],
    ['five days apart are two statements', [said('a1', '2024-03-10'), said('a2', '2024-03-15')], [['a1'], ['a2']]],
    ['a month-precise date joins the day it holds', [said('a1', '2024-03'), said('a2', '2024-03-10')], [['a2', 'a1']]],
    ['an inferred publication date is a lower bound', [said('a1', '2024-02', LIMA, { publishedBasis: 'inferred:latest-past-event' }), said('a2', '2024-03-10')], [['a2', 'a1']]],
    ['a stated month is not', [said('a1', '2024-02', LIMA, { publishedBasis: 'text:dateline' }), said('a2', '2024-03-10')], [['a1'], ['a2']]],
    ['two speakers make two statements', [said('a1', '2024-03-10'), said('a2', '2024-03-10', 'person:jon-diaz')], [['a1'], ['a2']]],
  ])('stance: %s', (_, docs, rows) => {
    const withDiaz = docs.map((d) => ({ ...d, layers: { ...d.layers, entities: { entities: [...ENTITIES, { ...ENTITIES[2]!, id: 'person:jon-diaz', name: 'Jon Diaz' }], mentions: [] } } }))
    expect(statements(withDiaz).map((s) => s.citations.map((c) => c.article))).toEqual(rows)
  })

  it('stance: the same statement twice in one article is one row with one citation', () => {
    const doc = article({
      text: 'Chile rules out an alliance with Peru. Chile will not ally with Peru, Lima said.',
      published: '2024-03-10',
      events: [
        { trigger: 'an alliance', actor: ['Chile', CL], target: ['Peru', PE], polarity: 'negative', speaker: LIMA },
        { trigger: 'ally', actor: ['Chile', CL], target: ['Peru', PE], polarity: 'negative', modality: 'future', speaker: LIMA },
      ],
    })
    expect(statements([doc]).map((s) => s.citations.length)).toEqual([1])
  })

  it('stance: rows go by date, undated last, and a changed position is marked as a shift', () => {
    const docs = [
      article({ ...chileAllies('Chile will not ally with Peru.', { polarity: 'negative', modality: 'future' }), id: 'a1', published: '2023-06-01' }),
      article({ ...chileAllies('Chile could ally with Peru.', { modality: 'possible' }), id: 'a2', published: undefined }),
      article({ ...chileAllies('Chile could ally with Peru.', { modality: 'possible' }), id: 'a3', published: '2020-01-05' }),
      article({ ...chileAllies('Chile does not ally with Peru.', { polarity: 'negative' }), id: 'a4', published: '2025-02-01' }),
    ]
    expect(statements(docs).map((s) => [s.citations[0]!.article, s.position, s.shift?.from ?? null])).toEqual([
      ['a3', 'open', null],
      ['a1', 'against', 'open'],
      ['a4', 'against', null],
      ['a2', 'open', 'against'],
    ])
  })
})

describe('stance: the writer\'s narration', () => {
  const narrated = 'Chile has long shunned an alliance with Peru. Lima said Chile could ally with Peru.'
  const narration: EventSpec = { trigger: 'an alliance', actor: ['Chile', CL], target: ['Peru', PE], polarity: 'negative' }
  const statement: EventSpec = { trigger: 'ally', actor: ['Chile', CL], target: ['Peru', PE], modality: 'possible', speaker: LIMA, in: 'Lima said' }

  it('stance: an article that quotes a speaker gives only the speaker\'s statement', () => {
    const doc = article({ text: narrated, published: '2024-03-10', events: [narration, statement] })
    expect(statements([doc]).map((s) => [s.speaker?.name ?? null, s.position])).toEqual([['Ana Lima', 'open']])
  })

  it('stance: an article with no speaker\'s statement gives its narration, with no speaker', () => {
    const doc = article({ text: narrated, published: '2024-03-10', events: [narration] })
    expect(statements([doc]).map((s) => [s.speaker, s.position])).toEqual([[null, 'against']])
  })
})

describe('stance: the queries an article holds', () => {
  it('stance: people count as their countries, and a mutual action goes both ways', () => {
    const doc = article({
      text: 'Lima said an alliance with Ruiz is possible.',
      published: '2024-03-10',
      events: [{ trigger: 'an alliance', target: ['Ruiz', RUIZ], modality: 'possible', speaker: LIMA }],
    })
    const queries = stanceQueriesIn(doc).map((q) => `${q.actor.id} ${q.counterpart.id} ${q.topic}`)
    expect(queries).toEqual([`${CL} ${PE} alliance`, `${PE} ${CL} alliance`])
  })
})
