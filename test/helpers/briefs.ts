import type {
  Brief, Citation, Conflict, Document, Fact, RawDocument, StancePosition, StanceStatement, Story, StoryCheck, Timeline,
} from '../../src/document/index.js'
import { citationOf, outletOf } from '../../src/document/index.js'
import { runStages } from '../../src/pipeline/run.js'
import { STAGES } from '../../src/pipeline/stages.js'
import { composeBrief } from '../../src/stages/brief/compose.js'
import { extractDocument } from '../../src/stages/clean/index.js'
import { spanIn } from './documents.js'

/**
 * An article in our own words, read and annotated by the real engine: the first line is its
 * headline, blank lines part paragraphs, and the URL's host names its outlet.
 *
 * @example
 * const doc = annotatedArticle('a1', 'https://harbour.example/a', 'Bridge reopens\n\nThe bridge …')
 */
export function annotatedArticle(id: string, url: string, text: string): Document {
  const raw: RawDocument = {
    id,
    origin: { input: `${id}.txt`, url, blob: 'b'.repeat(64), container: 'text' },
    charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {},
    content: { kind: 'text', body: text },
  }
  return runStages(extractDocument(raw), STAGES)
}

/** A story made of these articles, in this order, as the story step would describe it. */
export function storyOf(docs: readonly Document[], id = 'st-000000000001'): Story {
  const first = docs[0]!
  return {
    id,
    title: first.layers.metadata?.title?.value ?? first.id,
    titleFrom: first.id,
    eventDate: first.layers.times?.eventDate?.value ?? null,
    eventDateBasis: first.layers.times?.eventDate !== undefined ? 'reported-event' : 'none',
    first: null,
    last: null,
    articles: docs.map((d) => ({
      id: d.id,
      source: outletOf(d),
      title: d.layers.metadata?.title?.value ?? null,
      url: d.origin.url ?? null,
      published: d.layers.metadata?.published?.value.date ?? null,
      eventDate: d.layers.times?.eventDate?.value ?? null,
      duplicateOf: null,
    })),
    outlets: new Set(docs.map((d) => outletOf(d))).size,
    actors: [],
    thread: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
  }
}

/** A check that found nothing: no facts, no conflicts, no notes. */
export function emptyCheck(story: string): StoryCheck {
  return { story, facts: [], conflicts: [], quality: [] }
}

/**
 * A brief on articles in our own words, annotated by the engine, with a hand-made check and
 * timeline whose citations point at real spans: a quote two outlets carry, two figures that
 * disagree, a stance that shifts, and source text full of markup characters.
 */
export function sampleBrief(): { brief: Brief; docs: Document[] } {
  const a1 = annotatedArticle('a1', 'https://harbour.example/ferry', [
    'Ferry returns to Port Alder <script>alert(1)</script> & [7] | *stars*',
    '',
    'The ferry between Port Alder and Kessing will resume daily crossings on Monday after a six-month repair of its only vessel.',
    '',
    '“The hull is sound,” harbour master Ines Valk said on Friday.',
    '',
    'The repair cost $2 million, according to the operator.',
    '',
    'Before the repair, 340 passengers a day used the crossing.',
  ].join('\n'))
  const a2 = annotatedArticle('a2', 'https://coastnews.example/ferry', [
    'Kessing ferry back on Monday',
    '',
    'The ferry between Port Alder and Kessing will resume daily crossings on Monday after a six-month repair of its single vessel.',
    '',
    '“The hull is sound and ready,” Valk said.',
    '',
    'The council put the repair bill at $3 million.',
  ].join('\n'))
  const a3 = annotatedArticle('a3', 'https://valleypost.example/subsidy', [
    'Council weighs ferry subsidy',
    '',
    'Mayor Ola Brant said the council would not pay for the ferry in 2024.',
  ].join('\n'))
  const at = (doc: Document, words: string): Citation => citationOf(doc, spanIn(doc.source, words))
  const story = storyOf([a1, a2])
  const valk = { id: 'person:~ines-valk', name: 'Ines Valk', role: 'harbour master' }
  const quote: Fact = {
    id: 'q1', kind: 'quote', statement: 'Ines Valk: “The hull is sound”', status: 'agreed',
    citations: [at(a1, 'The hull is sound'), at(a2, 'The hull is sound and ready')], outlets: 2, who: valk,
    attributions: [], unattributed: false,
    variants: [{ citation: at(a2, 'The hull is sound and ready'), added: ['and', 'ready'], missing: [] }], conflict: null,
  }
  const figure = (id: string, doc: Document, words: string, attributions: string[]): Fact => ({
    id, kind: 'figure', statement: `ferry repair: ${words}`, status: 'conflict', citations: [at(doc, words)], outlets: 1, who: null,
    attributions, unattributed: attributions.length === 0, variants: [], conflict: 'k1',
  })
  const conflict: Conflict = {
    id: 'k1', kind: 'contradiction', reason: 'contradiction: $2 million vs $3 million for the same measure and definition, 33% apart, beyond rounding and stated bounds',
    measure: 'cost of the ferry repair', subject: null,
    values: [
      { value: 2e6, text: '$2 million', unit: 'USD', asOf: null, attribution: 'the operator', definition: 'repair cost', citations: [at(a1, '$2 million')] },
      { value: 3e6, text: '$3 million', unit: 'USD', asOf: null, attribution: null, definition: 'repair bill', citations: [at(a2, '$3 million')] },
    ],
    notes: ['the values come from different sources (the operator; none named)'],
  }
  const council = { id: 'org:~port-alder-council', name: 'Port Alder council' }
  const ferry = { id: 'org:~ferry-operator', name: 'the ferry operator' }
  const statement = (doc: Document, words: string, date: string, position: StancePosition, shift: StancePosition | null): StanceStatement => ({
    date, dateBasis: 'event', actor: council, speaker: { id: 'person:~ola-brant', name: 'Ola Brant', role: 'mayor' },
    action: 'cooperate', polarity: position === 'against' ? 'negative' : 'positive', modality: 'asserted', position,
    quote: at(doc, words), citations: [at(doc, words)], shift: shift === null ? null : { from: shift },
  })
  const timeline: Timeline = {
    actor: council, counterpart: ferry, topic: 'cooperation',
    statements: [statement(a3, 'the council would not pay for the ferry in 2024', '2024', 'against', null)],
  }
  const check: StoryCheck = {
    story: story.id,
    facts: [quote, figure('f1', a1, '$2 million', ['the operator']), figure('f2', a2, '$3 million', [])],
    conflicts: [conflict],
    quality: [{ article: 'a2', source: 'coastnews.example', title: 'Kessing ferry back on Monday', notes: [{ kind: 'unattributed-figure', note: '"$3 million" has no source' }] }],
  }
  const docs = [a1, a2, a3]
  return { brief: composeBrief(story, docs, check, [timeline]), docs }
}
