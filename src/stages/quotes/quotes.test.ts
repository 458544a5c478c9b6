import { describe, expect, it } from 'vitest'
import type { Block, EntitiesLayer, Mention, Quote, Sentence } from '../../document/index.js'
import { segmentSentences } from '../sentences/index.js'
import { findQuotes } from './index.js'

/** Sentences of a text laid out one paragraph per line. */
function sentencesOf(text: string): Sentence[] {
  const blocks: Block[] = []
  let at = 0
  for (const line of text.split('\n')) {
    if (line.trim() !== '') blocks.push({ kind: 'paragraph', spans: [{ start: at, end: at + line.length }] })
    at += line.length + 1
  }
  return segmentSentences(text, blocks)
}

/** An entities layer with one person, mentioned by the given surface forms where they occur. */
function personLayer(text: string, forms: readonly [string, Mention['kind']][]): EntitiesLayer {
  const mentions: Mention[] = []
  for (const [form, kind] of forms) {
    let at = text.indexOf(form)
    while (at >= 0) {
      mentions.push({ span: { start: at, end: at + form.length }, entity: 'person:~ada-moreno', kind, sentence: 0 })
      at = text.indexOf(form, at + form.length)
    }
  }
  mentions.sort((a, b) => a.span.start - b.span.start)
  return { entities: [{ id: 'person:~ada-moreno', type: 'person', name: 'Ada Moreno', aliases: [], roles: [], known: false }], mentions }
}

function quotesOf(text: string, entities?: EntitiesLayer): Quote[] {
  return [...findQuotes(text, sentencesOf(text), entities).quotes]
}

const at = (text: string, s: { start: number; end: number } | null): string | null => (s === null ? null : text.slice(s.start, s.end))

describe('quotes: direct quotes', () => {
  it.each([
    ['curly marks, speaker after', '“The bridge opens in May,” the mayor said.', 'The bridge opens in May', 'the mayor', 'said'],
    ['straight marks, speaker before', 'Ada Moreno stated that "the budget is balanced."', 'the budget is balanced.', 'Ada Moreno', 'stated'],
    ['guillemets, cue before the subject', '«We will rebuild the school», said Ada Moreno.', 'We will rebuild the school', 'Ada Moreno', 'said'],
    ['comma before the mark', 'The coach added, “We trained harder this year.”', 'We trained harder this year.', 'The coach', 'added'],
    ['colon and a place and time between cue and mark', 'Moreno told the council on Monday: “The road is closed.”', 'The road is closed.', 'Moreno', 'told'],
    ['adverb between subject and cue', 'Moreno firmly replied, “No deal was signed.”', 'No deal was signed.', 'Moreno', 'replied'],
    ['name with a title after the quote', '“Prices will fall,” city treasurer Ada Moreno noted.', 'Prices will fall', 'city treasurer Ada Moreno', 'noted'],
    ['a cue the entities stage also reads', '“The tally is wrong,” Ada Moreno reiterated.', 'The tally is wrong', 'Ada Moreno', 'reiterated'],
    ['dash and a name', '“A fine evening for everyone.” ― Ada Moreno', 'A fine evening for everyone.', 'Ada Moreno', '―'],
    ['a party and state in brackets', '“The vote is close,” Sen. Ada Moreno (D-Ore.) said.', 'The vote is close', 'Sen. Ada Moreno', 'said'],
    ['an aside after the name', '“The vote is close,” Ada Moreno, a senator from Oregon who chairs the panel, said.', 'The vote is close', 'Ada Moreno', 'said'],
    ['two asides after the name', '“The vote is close,” Ada Moreno, a senator from Oregon, one of the states in the suit, said.', 'The vote is close', 'Ada Moreno', 'said'],
    ['an abbreviation in the aside', '“The vote is close,” Ada Moreno, D-Ore., said.', 'The vote is close', 'Ada Moreno', 'said'],
    ['an aside before the cue and mark', 'Ada Moreno, who chairs the panel, said, “The vote is close.”', 'The vote is close.', 'Ada Moreno', 'said'],
    ['an opener and an aside', 'On Monday, the council, which met in May, said: “The vote is close.”', 'The vote is close.', 'the council', 'said'],
    ['a new clause with "but"', 'The mayor left early, but Ada Moreno, a senator, said: “The vote is close.”', 'The vote is close.', 'Ada Moreno', 'said'],
    ['a name with an initial', 'Ada B. Moreno, a senator, said: “The vote is close.”', 'The vote is close.', 'Ada B. Moreno', 'said'],
    ['a participle cue after the clause', 'During the visit, Moreno praised the crew, saying, “The vote is close.”', 'The vote is close.', 'Moreno', 'saying'],
    ['a participle cue after a cue', 'Moreno said, adding later, “The vote is close.”', 'The vote is close.', 'Moreno', 'adding'],
    ['two verbs joined by "and"', 'Moreno laughed and said, “The vote is close.”', 'The vote is close.', 'Moreno', 'said'],
    ['a text that reads', '“The vote is close,” the letter reads.', 'The vote is close', 'the letter', 'reads'],
  ])('quotes: %s', (_, text, quoted, speaker, cue) => {
    const [q] = quotesOf(text)
    expect(q).toBeDefined()
    expect(at(text, q!.span)).toBe(quoted)
    expect(q!.direct).toBe(true)
    expect(at(text, q!.speaker.span)).toBe(speaker)
    expect(at(text, q!.cue)).toBe(cue)
  })

  it('quotes: a quote over several sentences is one quote', () => {
    const text = '“The river rose overnight. Two roads are shut. We expect more rain,” the officer warned.'
    const qs = quotesOf(text).filter((q) => q.direct)
    expect(qs).toHaveLength(1)
    expect(at(text, qs[0]!.span)).toBe('The river rose overnight. Two roads are shut. We expect more rain')
  })

  it('quotes: a paragraph left open continues into the next one that opens with a mark', () => {
    const text = 'Moreno said: “The first phase is done.\n“The second starts in June.”'
    const [q] = quotesOf(text).filter((x) => x.direct)
    expect(q!.parts.map((p) => at(text, p))).toEqual(['The first phase is done.', 'The second starts in June.'])
    expect(at(text, q!.speaker.span)).toBe('Moreno')
  })

  it('quotes: a quote split around its attribution is one quote with two parts', () => {
    const text = '“We have the funds,” she added, “and the plans are ready.”'
    const qs = quotesOf(text)
    expect(qs).toHaveLength(1)
    expect(qs[0]!.parts.map((p) => at(text, p))).toEqual(['We have the funds', 'and the plans are ready.'])
    expect(at(text, qs[0]!.cue)).toBe('added')
  })

  it('quotes: a quote opening the sentence after its attribution, in the same paragraph, goes on with it', () => {
    const text = '“The dam held,” said Ada Moreno, an engineer who inspected it in May. “We were lucky this time.”'
    const qs = quotesOf(text).filter((q) => q.direct)
    expect(qs).toHaveLength(1)
    expect(qs[0]!.parts.map((p) => at(text, p))).toEqual(['The dam held', 'We were lucky this time.'])
    expect(at(text, qs[0]!.speaker.span)).toBe('Ada Moreno')
  })

  it('quotes: a quote resumed after its attribution and a place in the same sentence is one quote', () => {
    const text = '“The dam held,” Moreno said during a visit to Salem, Ore., “but the road did not.”'
    const qs = quotesOf(text).filter((q) => q.direct)
    expect(qs).toHaveLength(1)
    expect(qs[0]!.parts.map((p) => at(text, p))).toEqual(['The dam held', 'but the road did not.'])
  })

  it.each([
    ['another cue between', '“The dam held,” Moreno said, and the mayor added, “it will not hold twice.”'],
    ['its own attribution', '“The dam held,” Moreno said. “It will not hold twice,” the mayor replied.'],
    ['the next paragraph', '“The dam held,” Moreno said.\n“It will not hold twice.”'],
    ['words before it in its sentence', '“The dam held,” Moreno said. Later the mayor wrote “it will not hold twice.”'],
  ])('quotes: a quote after an attributed one with %s is a quote of its own', (_, text) => {
    expect(quotesOf(text).filter((q) => q.direct)).toHaveLength(2)
  })

  it.each([
    ['a cue inside the aside', 'Ada Moreno, who said the vote was lost, told us: “The count goes on.”'],
    ['no name before the aside', 'Even the report of the Budget and Audit Office, part of the treasury, notes: “The count goes on.”'],
  ])('quotes: the speaker before %s is unknown', (_, text) => {
    const [q] = quotesOf(text).filter((x) => x.direct)
    expect(q!.speaker.span).toBeNull()
  })

  it('quotes: each transcript line is a direct quote of its labelled speaker', () => {
    const text = 'Ada Moreno spoke to the host.\n"HOST: Will the dam hold?\n"MORENO: It held last spring. It will hold again."'
    const entities = personLayer(text, [['Ada Moreno', 'name']])
    const qs = quotesOf(text, entities).filter((q) => q.direct)
    expect(qs.map((q) => at(text, q.span))).toEqual(['Will the dam hold?', 'It held last spring. It will hold again.'])
    expect(qs.map((q) => at(text, q.speaker.span))).toEqual(['HOST', 'MORENO'])
    expect(qs[1]!.speaker.entity).toBe('person:~ada-moreno')
    expect(qs[0]!.speaker.entity).toBeNull()
  })

  it.each([
    ['one labelled line', 'MORENO: It held last spring.\nThe mayor agreed.'],
    ['labels that name no speaker', 'UPDATE: The road is open.\nDEAR ABBY: My neighbour sings at night.'],
  ])('quotes: %s is no transcript', (_, text) => {
    expect(quotesOf(text).filter((q) => q.direct)).toEqual([])
  })

  it('quotes: first person inside the quote is not the speaker', () => {
    const text = '“I said we would win,” the captain said.'
    const [q] = quotesOf(text)
    expect(at(text, q!.speaker.span)).toBe('the captain')
  })
})

describe('quotes: partial quotes and what is not a quote', () => {
  it.each([
    ['naming verb', 'The minister called the plan “a serious mistake” on Friday.', 'a serious mistake', 'The minister', 'called'],
    ['by + gerund', 'Moreno responded by calling the offer “generous,” but signed nothing.', 'generous', 'Moreno', 'calling'],
    ['belief verb with a clause between', 'The governor considers the lake to be a “shared treasure” of the region.', 'shared treasure', 'The governor', 'considers'],
  ])('quotes: partial quote with a cue in its sentence (%s)', (_, text, quoted, speaker, cue) => {
    const q = quotesOf(text).find((x) => x.direct)
    expect(at(text, q!.span)).toBe(quoted)
    expect(q!.partial).toBe(true)
    expect(at(text, q!.speaker.span)).toBe(speaker)
    expect(at(text, q!.cue)).toBe(cue)
  })

  it.each([
    ['a channel name', 'He spoke to the channel “River-7” about the floods.'],
    ['a film title after "called"', 'They watched a film called “Northern Lights” last night.'],
    ['a capitalised title with no cue', 'Her new book “Salt And Iron” sold well.'],
    ['a disclaimer phrase', 'The site provides its data “as is” without any warranty.'],
    ['a scare-quoted word with no cue', 'The so-called “reform” changed little.'],
  ])('quotes: %s is not a quote', (_, text) => {
    expect(quotesOf(text).filter((q) => q.direct)).toEqual([])
  })

  it('quotes: an apostrophe does not close a single-quoted passage', () => {
    const text = '‘The town’s water is safe,’ the engineer said.'
    const [q] = quotesOf(text)
    expect(at(text, q!.span)).toBe('The town’s water is safe')
  })
})

describe('quotes: speaker resolution', () => {
  it.each([
    ['name', '“The vote is on Tuesday,” Ada Moreno said.', [['Ada Moreno', 'name']], 'named'],
    ['pronoun the entities layer resolved', 'Ada Moreno arrived. “We are ready,” she said.', [['Ada Moreno', 'name'], ['she', 'pronoun']], 'pronoun'],
    ['role the entities layer resolved', 'Ada Moreno arrived. “We are ready,” the mayor said.', [['Ada Moreno', 'name'], ['the mayor', 'role']], 'role'],
  ] as const)('quotes: speaker through a %s', (_, text, forms, resolution) => {
    const entities = personLayer(text, forms as unknown as [string, Mention['kind']][])
    const q = quotesOf(text, entities).find((x) => x.direct)
    expect(q!.speaker.resolution).toBe(resolution)
    expect(q!.speaker.entity).toBe('person:~ada-moreno')
  })

  it.each([
    ['an unresolved pronoun is unclear', '“We are ready,” she said.', 'unclear', 'she'],
    ['an unresolved role is unclear', '“We are ready,” the mayor said.', 'unclear', 'the mayor'],
    ['no cue at all is unclear', '“We are ready.”', 'unclear', null],
    ['a speaker that is no entity is unnamed', '“We are ready,” two officials said.', 'unnamed', 'two officials'],
  ])('quotes: %s', (_, text, resolution, span) => {
    const q = quotesOf(text, { entities: [], mentions: [] }).find((x) => x.direct)
    expect(q!.speaker.resolution).toBe(resolution)
    expect(q!.speaker.entity).toBeNull()
    expect(at(text, q!.speaker.span)).toBe(span)
  })

  it.each([
    ['a person head noun', 'The master of the palace said that the gates stay shut.', 'unclear'],
    ['another head noun', 'A report for the palace said that the gates stay shut.', 'unnamed'],
    ['a document published by it (issue 15: narration is not its speech)', 'The mayor signed the decree on Tuesday, according to a document published by the palace.', 'unnamed'],
  ])('quotes: a government named only inside the speaker phrase is not the speaker (%s)', (_, text, resolution) => {
    const palace = text.indexOf('palace')
    const entities: EntitiesLayer = {
      entities: [{ id: 'country:XA', type: 'country', name: 'Aland', aliases: [], roles: [], known: false }],
      mentions: [{ span: { start: palace, end: palace + 'palace'.length }, entity: 'country:XA', kind: 'metonym', use: 'government', sentence: 0 }],
    }
    const q = quotesOf(text, entities)[0]
    expect(q!.speaker.entity).toBeNull()
    expect(q!.speaker.resolution).toBe(resolution)
  })

  it('quotes: a quote paragraph with no cue after a quote by someone carries that speaker', () => {
    const text = '“The dam held,” Ada Moreno said.\n“Repairs start next week.”'
    const entities = personLayer(text, [['Ada Moreno', 'name']])
    const [, second] = quotesOf(text, entities)
    expect(second!.speaker.resolution).toBe('carried')
    expect(second!.speaker.entity).toBe('person:~ada-moreno')
    expect(second!.cue).toBeNull()
  })
})
