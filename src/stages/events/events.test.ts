import { describe, expect, it } from 'vitest'
import type {
  ActorEvent, Document, Entity, EntityId, EntityRole, Mention, Quote, Sentence, Span, TimeExpression, TimeRole,
} from '../../document/index.js'
import { readEvents } from './index.js'

// Hand-built layers on sentences of our own. Mentions are listed as [surface, entity id, use?] and
// found in the text in order; a surface listed twice is its second occurrence.

type MentionSpec = readonly [surface: string, entity: EntityId, use?: Mention['use']]

interface Snippet {
  readonly text: string
  readonly mentions?: readonly MentionSpec[]
  readonly quotes?: readonly { readonly quoted: string; readonly speaker: EntityId; readonly direct: boolean }[]
  readonly times?: readonly { readonly surface: string; readonly value: string; readonly role: TimeRole }[]
  /** Surface of the time that dates the article's reported event. */
  readonly eventTime?: string
}

const ROLES: Record<string, readonly EntityRole[]> = {
  'person:ana-lima': [{ title: 'president', country: 'CL', basis: 'gazetteer' }],
  'person:tomas-ruiz': [{ title: 'foreign minister', country: 'PE', basis: 'gazetteer' }],
  'person:eva-berg': [{ title: 'analyst', basis: 'text' }],
}

function findFrom(text: string, surface: string, from: number): Span {
  const start = text.indexOf(surface, from)
  if (start < 0) throw new Error(`"${surface}" not in "${text}"`)
  return { start, end: start + surface.length }
}

function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  const re = /[^.!?]+(?:[.!?]+[”"]?|$)/g
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length
    const start = m.index + lead
    const end = m.index + m[0].trimEnd().length
    if (end > start) out.push({ span: { start, end }, block: 0, kind: 'paragraph' })
  }
  return out
}

function sentenceOf(sentences: readonly Sentence[], at: number): number {
  return sentences.findIndex((s) => s.span.start <= at && at < s.span.end)
}

function buildDoc(s: Snippet): Document {
  const sentences = splitSentences(s.text)
  const cursor = new Map<string, number>()
  const mentions: Mention[] = (s.mentions ?? []).map(([surface, entity, use]) => {
    const span = findFrom(s.text, surface, cursor.get(surface) ?? 0)
    cursor.set(surface, span.end)
    return { span, entity, kind: 'name' as const, ...(use === undefined ? {} : { use }), sentence: sentenceOf(sentences, span.start) }
  }).sort((a, b) => a.span.start - b.span.start)
  const ids = [...new Set(mentions.map((m) => m.entity).concat((s.quotes ?? []).map((q) => q.speaker)))]
  const entities: Entity[] = ids.map((id) => ({
    id, type: id.startsWith('country:') ? 'country' : id.startsWith('org:') ? 'organization' : 'person',
    name: id, aliases: [], roles: ROLES[id] ?? [], known: true,
  }))
  const quotes: Quote[] = (s.quotes ?? []).map((q, i) => {
    const span = findFrom(s.text, q.quoted, 0)
    return {
      id: `q${i}`, span, parts: [span], direct: q.direct, partial: false,
      speaker: { entity: q.speaker, span: null, resolution: 'named' }, cue: null, sentence: sentenceOf(sentences, span.start),
    }
  })
  const times: TimeExpression[] = (s.times ?? []).map((t, i) => {
    const span = findFrom(s.text, t.surface, 0)
    return { id: `t${i}`, span, value: t.value, precision: 'day', anchor: 'publication', role: t.role, sentence: sentenceOf(sentences, span.start) }
  })
  const event = s.eventTime === undefined ? undefined : times.find((t) => s.text.slice(t.span.start, t.span.end) === s.eventTime)
  return {
    id: 'snippet', origin: { input: 'snippet', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {}, source: s.text, messages: [],
    layers: {
      sentences: { sentences },
      entities: { entities, mentions },
      quotes: { quotes },
      times: { times, ...(event === undefined ? {} : { eventDate: { value: event.value!, precision: 'day', time: event.id } }) },
    },
  }
}

function eventsOf(s: Snippet): ActorEvent[] {
  return [...readEvents(buildDoc(s)).events]
}

/** An event as a short line: action actor→target !against polarity modality ("-" for none, "?" for a role with no entity). */
function summary(e: ActorEvent, text: string): string {
  const who = (r: ActorEvent['actor']): string => (r === null ? '-' : r.entity === null ? `?${text.slice(r.span.start, r.span.end)}` : r.entity.replace(/^\w+:/, ''))
  return `${e.action} ${who(e.actor)}→${who(e.target)} !${who(e.against)} ${e.polarity} ${e.modality}`
}

function summaries(s: Snippet): string[] {
  return eventsOf(s).map((e) => summary(e, s.text))
}

const CL = 'country:CL'
const PE = 'country:PE'
const BO = 'country:BO'
const AR = 'country:AR'

describe('events: action, roles, polarity and modality', () => {
  it.each<[string, readonly MentionSpec[], string]>([
    ['Chile will not ally with anyone against Peru.', [['Chile', CL, 'government'], ['Peru', PE, 'government']], 'ally CL→?anyone !PE negative future'],
    ['Chile does not form any military alliance with Peru.', [['Chile', CL], ['Peru', PE]], 'ally CL→PE !- negative asserted'],
    ['Chile has ruled out an alliance with Peru.', [['Chile', CL], ['Peru', PE]], 'ally CL→PE !- negative asserted'],
    ['Chile refused to join forces with Peru.', [['Chile', CL], ['Peru', PE]], 'ally CL→PE !- negative asserted'],
    ['Chile will never form alliances that target other countries.', [['Chile', CL]], 'ally CL→- !?other countries negative future'],
    ['Chile and Peru signed a fishing accord.', [['Chile', CL], ['Peru', PE]], 'cooperate CL→PE !- positive asserted'],
    ['Chile imposed sanctions on Bolivia.', [['Chile', CL], ['Bolivia', BO]], 'sanction CL→BO !- positive asserted'],
    ['Chile may sanction Bolivia.', [['Chile', CL], ['Bolivia', BO]], 'sanction CL→BO !- positive possible'],
    ['Chile is set to sanction Bolivia.', [['Chile', CL], ['Bolivia', BO]], 'sanction CL→BO !- positive future'],
    ['Bolivia criticized Argentina over the tariffs.', [['Bolivia', BO], ['Argentina', AR]], 'criticize BO→AR !- positive asserted'],
    ['Bolivia did not criticize Argentina.', [['Bolivia', BO], ['Argentina', AR]], 'criticize BO→AR !- negative asserted'],
    ['Peru is not an ally of anyone, and Peru proposed talks with Bolivia.', [['Peru', PE], ['Peru', PE], ['Bolivia', BO]], 'propose PE→BO !- positive asserted'],
    ['No alliance with Peru was on the agenda.', [['Peru', PE]], 'ally -→PE !- negative asserted'],
    ['The idea of an alliance with Peru is simply unthinkable.', [['Peru', PE]], 'ally -→PE !- negative asserted'],
    ['Bolivia joined an anti-Chile coalition.', [['Bolivia', BO], ['Chile', CL, 'attribute']], 'ally BO→- !CL positive asserted'],
    ['Argentina hopes for a Chile-Peru alliance.', [['Argentina', AR], ['Chile', CL, 'attribute'], ['Peru', PE, 'attribute']], 'ally CL→PE !- positive asserted'],
    ['Argentina fears a Sino-Peruvian bloc.', [['Argentina', AR], ['Peruvian', PE, 'attribute']], 'ally CN→PE !- positive asserted'],
    ['Argentina discussed the chance of Chile and Peru joining forces.', [['Argentina', AR], ['Chile', CL], ['Peru', PE]], 'ally CL→PE !- positive possible'],
    ['Bolivia rather than forming blocs with Peru.', [['Bolivia', BO], ['Peru', PE]], 'ally BO→PE !- negative asserted'],
    ['Chile urged Peru to sanction Bolivia.', [['Chile', CL], ['Peru', PE], ['Bolivia', BO]], 'demand CL→PE !- positive asserted|sanction PE→BO !- positive possible'],
    ['Chile wants an alliance against Bolivia.', [['Chile', CL], ['Bolivia', BO]], 'ally CL→- !BO positive asserted'],
    ['Chile keeps deeming an alliance against Bolivia unthinkable.', [['Chile', CL], ['Bolivia', BO]], 'ally CL→- !BO negative asserted'],
    ['An alliance against Bolivia could anger Peru.', [['Bolivia', BO], ['Peru', PE]], 'ally -→- !BO positive possible'],
    ['Chile was sharply criticized by Peru.', [['Chile', CL], ['Peru', PE]], 'criticize PE→CL !- positive asserted'],
    ['Chile offered no help to Peru.', [['Chile', CL], ['Peru', PE]], 'propose CL→PE !- negative asserted'],
    ['Ana Lima said the government planned to sanction Bolivia.', [['Ana Lima', 'person:ana-lima'], ['Bolivia', BO]], 'sanction -→BO !- positive possible'],
    ['Pressure from Chile on Bolivia grew.', [['Chile', CL], ['Bolivia', BO]], 'demand CL→BO !- positive asserted'],
    ['Peru voiced support for Bolivia.', [['Peru', PE], ['Bolivia', BO]], 'praise PE→BO !- positive asserted'],
    ['Peru has no illusions about Bolivia\'s threat.', [['Peru', PE], ['Bolivia', BO]], 'threaten BO→- !- positive asserted'],
    ['Peru has no plans to sanction Bolivia.', [['Peru', PE], ['Bolivia', BO]], 'sanction PE→BO !- negative asserted'],
    ['When pressed by Peru, Chile said little.', [['Peru', PE], ['Chile', CL]], 'demand PE→- !- positive asserted'],
    ['In the poll, Ana Lima was supported by Peru.', [['Ana Lima', 'person:ana-lima'], ['Peru', PE]], 'praise PE→ana-lima !- positive asserted'],
  ])('%s', (text, mentions, expected) => {
    expect(summaries({ text, mentions })).toEqual(expected.split('|'))
  })

  // A rejection in the passive after the noun it rejects: the rejection is no event of its own,
  // and each negator in its verb group flips it back.
  it.each<[string, string]>([
    ['A fishing alliance between Chile and Peru could not be ruled out.', 'ally CL→PE !- positive possible'],
    ['A fishing alliance between Chile and Peru cannot be ruled out.', 'ally CL→PE !- positive possible'],
    ['A fishing alliance between Chile and Peru was not ruled out.', 'ally CL→PE !- positive possible'],
    ['A fishing alliance between Chile and Peru has never been ruled out.', 'ally CL→PE !- positive possible'],
    ['A fishing alliance between Chile and Peru was ruled out.', 'ally CL→PE !- negative asserted'],
    ['A fishing alliance between Chile and Peru was firmly rejected.', 'ally CL→PE !- negative asserted'],
    ['A fishing alliance between Chile and Peru could be ruled out.', 'ally CL→PE !- negative possible'],
  ])('events: passive rejection after the noun: %s', (text, expected) => {
    const mentions: MentionSpec[] = [['Chile', CL], ['Peru', PE]]
    expect(summaries({ text, mentions })).toEqual(expected.split('|'))
  })

  // A negated copula before an alliance noun denies it; its subject "<noun> between X and Y" gives both sides.
  it.each<[string, readonly MentionSpec[], string]>([
    ['Ties between Chile and Peru are not a formal alliance.', [['Chile', CL], ['Peru', PE]], 'ally CL→PE !- negative asserted'],
    ['Ties between Chile and Peru were never a military alliance of any kind.', [['Chile', CL], ['Peru', PE]], 'ally CL→PE !- negative asserted'],
    ['The accord said ties between Chile and Peru “are not a military-political alliance” like the old pacts.', [['Chile', CL], ['Peru', PE]], 'ally CL→PE !- negative asserted'],
    ['Ties between Chile and Peru were not a formal alliance like the old pacts, were not hostile and were not aimed at Bolivia.', [['Chile', CL], ['Peru', PE], ['Bolivia', BO]], 'ally CL→PE !- negative asserted'],
    ['Ties between Chile and Peru are a defensive alliance.', [['Chile', CL], ['Peru', PE]], 'ally CL→PE !- positive asserted'],
    ['The accord said ties between the two countries “are not a military-political alliance”.', [], 'ally ?the two countries→- !- negative asserted'],
  ])('events: copula and alliance noun: %s', (text, mentions, expected) => {
    expect(summaries({ text, mentions })).toEqual(expected.split('|'))
  })

  it('events: a name joined by "and" to one after a preposition is no subject ("talks with Chile and Peru")', () => {
    const found = summaries({ text: 'Argentina, after talks with Chile and Peru, imposed sanctions on Bolivia.', mentions: [['Argentina', AR], ['Chile', CL], ['Peru', PE], ['Bolivia', BO]] })
    expect(found).toEqual(['sanction AR→BO !- positive asserted'])
  })

  it.each<[string, EntityId, string]>([
    ['Ana Lima said that an alliance between Peru and Chile could not be ruled out, although Chile did not need one.', 'person:ana-lima', 'ally CL→PE !- positive possible'],
    ['Tomas Ruiz said that an alliance between Chile and Peru could not be ruled out.', 'person:tomas-ruiz', 'ally PE→CL !- positive possible'],
    ['Eva Berg said that an alliance between Chile and Peru could not be ruled out.', 'person:eva-berg', 'ally CL→PE !- positive possible'],
  ])('events: "between X and Y" in a speaker\'s words puts the speaker\'s country first: %s', (text, speaker, expected) => {
    const name = text.slice(0, text.indexOf(' said'))
    const reported = text.slice(text.indexOf('that '), text.length - 1)
    const found = eventsOf({
      text, mentions: [[name, speaker], ['Chile', CL], ['Peru', PE], ...(text.includes('Chile did') ? [['Chile', CL] as const] : [])],
      quotes: [{ quoted: reported, speaker, direct: false }],
    })
    expect(found.map((e) => summary(e, text))).toEqual([expected])
    expect(found[0]!.speaker).toBe(speaker)
  })

  it('events: a lexicon word inside a name ("Pacific Alliance") is no trigger', () => {
    expect(summaries({ text: 'Chile hosted the Pacific Alliance summit.', mentions: [['Chile', CL], ['Pacific Alliance', 'org:pacific-alliance']] })).toEqual([])
  })

  it('events: negation never turns into its opposite: "will not ally … against" has no positive alliance', () => {
    const found = eventsOf({ text: 'Chile will not ally with anyone against anyone, especially against Peru.', mentions: [['Chile', CL], ['Peru', PE]] })
    expect(found.map((e) => [e.action, e.polarity, e.against?.entity])).toEqual([['ally', 'negative', PE]])
  })

  it('events: a negated "rule out" leaves the event open: positive and possible', () => {
    const found = summaries({ text: 'Bolivia refuses to rule out a coalition with Peru.', mentions: [['Bolivia', BO], ['Peru', PE]] })
    expect(found).toEqual(['ally BO→PE !- positive possible'])
  })

  it('events: rejecting someone else\'s demand is a rejection, and the demand stays positive', () => {
    const found = summaries({ text: 'Peru rejected Bolivia\'s demands.', mentions: [['Peru', PE], ['Bolivia', BO]] })
    expect(found).toEqual(['reject PE→BO !- positive asserted', 'demand BO→- !- positive asserted'])
  })

  it('events: a rejection of no event is a reject event of its own', () => {
    expect(summaries({ text: 'Peru rejected the allegations.', mentions: [['Peru', PE]] })).toEqual(['reject PE→- !- positive asserted'])
  })

  it('events: a possessive names the actor of a noun, "to X" its target', () => {
    const found = summaries({ text: 'Argentina welcomed Bolivia\'s offer to Peru.', mentions: [['Argentina', AR], ['Bolivia', BO], ['Peru', PE]] })
    expect(found).toEqual(['praise AR→BO !- positive asserted', 'propose BO→PE !- positive asserted'])
  })

  it('events: a question put to someone is a question, and its speaker is nobody', () => {
    const found = eventsOf({
      text: 'Asked whether Chile could sanction Peru, Ana Lima smiled.',
      mentions: [['Chile', CL], ['Peru', PE], ['Ana Lima', 'person:ana-lima']],
      quotes: [{ quoted: 'Chile could sanction Peru', speaker: 'person:ana-lima', direct: false }],
    })
    expect(found.map((e) => [e.action, e.modality, e.speaker])).toEqual([['sanction', 'question', null]])
  })

  it('events: a comma closes the negation scope ("No, …")', () => {
    expect(summaries({ text: 'No, Peru will sanction Bolivia.', mentions: [['Peru', PE], ['Bolivia', BO]] })).toEqual(['sanction PE→BO !- positive future'])
  })

  it('events: "his country" is the country of the person it refers to', () => {
    const found = summaries({ text: 'Ana Lima said her country would never sanction Peru.', mentions: [['Ana Lima', 'person:ana-lima'], ['Peru', PE]] })
    expect(found).toEqual(['sanction CL→PE !- negative future'])
  })
})

describe('events: speaker, "we" and "rule it out"', () => {
  const text = 'Asked whether an alliance between Chile and Peru was conceivable, Ana Lima replied: “We have no such plans. But we are not going to rule it out.”'
  const mentions: MentionSpec[] = [['Chile', CL], ['Peru', PE], ['Ana Lima', 'person:ana-lima']]
  const quotes = [{ quoted: 'We have no such plans. But we are not going to rule it out.', speaker: 'person:ana-lima', direct: true }]

  it('events: the asked-about alliance is a question with no speaker; "not going to rule it out" is that alliance, positive and possible, in the speaker\'s words', () => {
    const found = eventsOf({ text, mentions, quotes })
    expect(found.map((e) => summary(e, text))).toEqual(['ally CL→PE !- positive question', 'ally CL→PE !- positive possible'])
    expect(found.map((e) => [e.speaker, e.quote])).toEqual([[null, null], ['person:ana-lima', 'q0']])
    expect(text.slice(found[1]!.trigger.start, found[1]!.trigger.end)).toBe('rule it out')
  })

  it.each<[string, EntityId, string]>([
    ['“We will sanction Bolivia,” Ana Lima said.', 'person:ana-lima', 'sanction CL→BO !- positive future'],
    ['“We will sanction Bolivia,” Tomas Ruiz said.', 'person:tomas-ruiz', 'sanction PE→BO !- positive future'],
    ['“We will sanction Bolivia,” Eva Berg said.', 'person:eva-berg', 'sanction eva-berg→BO !- positive future'],
  ])('events: "we" in a direct quote: %s', (sentence, speaker, expected) => {
    const name = sentence.slice(sentence.indexOf('” ') + 2, sentence.lastIndexOf(' said'))
    const found = eventsOf({
      text: sentence, mentions: [['Bolivia', BO], [name, speaker]],
      quotes: [{ quoted: 'We will sanction Bolivia,', speaker, direct: true }],
    })
    expect(found.map((e) => summary(e, sentence))).toEqual([expected])
    expect(found[0]!.speaker).toBe(speaker)
  })

  it('events: "X and President Y" as subject makes Y the partner of a joint action', () => {
    const text = 'Tomas Ruiz and Chilean President Ana Lima announced a partnership against Bolivia.'
    const found = summaries({ text, mentions: [['Tomas Ruiz', 'person:tomas-ruiz'], ['Chilean', CL, 'attribute'], ['Ana Lima', 'person:ana-lima'], ['Bolivia', BO]] })
    expect(found).toEqual(['cooperate tomas-ruiz→ana-lima !BO positive asserted'])
  })

  it('events: outside any quote the claim is the writer\'s', () => {
    const found = eventsOf({ text: 'Chile sanctioned Bolivia.', mentions: [['Chile', CL], ['Bolivia', BO]] })
    expect([found[0]!.speaker, found[0]!.quote]).toEqual([null, null])
  })
})

describe('events: date', () => {
  it('events: a time in the sentence dates the event', () => {
    const found = eventsOf({
      text: 'On Monday, Chile sanctioned Bolivia.', mentions: [['Chile', CL], ['Bolivia', BO]],
      times: [{ surface: 'On Monday', value: '2024-03-04', role: 'reported-event' }],
    })
    expect(found[0]!.date).toEqual({ value: '2024-03-04', time: 't0' })
  })

  it('events: the speaker\'s statement without a time of its own takes the reported event\'s date', () => {
    const found = eventsOf({
      text: 'On Monday, Ana Lima spoke to reporters. She said Chile will sanction Bolivia.',
      mentions: [['Ana Lima', 'person:ana-lima'], ['Chile', CL], ['Bolivia', BO]],
      quotes: [{ quoted: 'Ana Lima spoke to reporters', speaker: 'person:ana-lima', direct: false }, { quoted: 'Chile will sanction Bolivia', speaker: 'person:ana-lima', direct: false }],
      times: [{ surface: 'On Monday', value: '2024-03-04', role: 'reported-event' }],
      eventTime: 'On Monday',
    })
    expect(found.map((e) => e.date)).toEqual([{ value: '2024-03-04', time: 't0' }])
  })

  it('events: the writer\'s own claim without a time has no date', () => {
    const found = eventsOf({
      text: 'On Monday, Ana Lima spoke. Chile sanctioned Bolivia.', mentions: [['Ana Lima', 'person:ana-lima'], ['Chile', CL], ['Bolivia', BO]],
      times: [{ surface: 'On Monday', value: '2024-03-04', role: 'reported-event' }], eventTime: 'On Monday',
    })
    expect(found.map((e) => e.date)).toEqual([null])
  })
})
