import { describe, expect, it } from 'vitest'
import type { Document, Entity, EntityType, Mention, NumericClaim, Sentence, TimeExpression } from '../../document/index.js'
import { claims, findClaims } from './index.js'

/*
 * Documents built by hand: our own sentences about made-up countries, with the sentences, times
 * and entities layers written out, so the claims stage is tested alone.
 */

type MentionRow = readonly [surface: string, entity: string, type: EntityType, use?: Mention['use']]
type TimeRow = readonly [surface: string, value: string]

function annotate(text: string, mentionRows: readonly MentionRow[] = [], timeRows: readonly TimeRow[] = []): Document {
  const sentences: Sentence[] = []
  let block = 0
  for (const paragraph of text.matchAll(/[^\n]+(?:\n(?!\n)[^\n]+)*/g)) {
    for (const s of paragraph[0].matchAll(/\S.*?(?:[.!?](?=\s|$)|$)/gs)) {
      const start = paragraph.index! + s.index!
      sentences.push({ span: { start, end: start + s[0].length }, block, kind: 'paragraph' })
    }
    block++
  }
  const sentenceAt = (offset: number): number => sentences.findIndex((s) => s.span.start <= offset && offset < s.span.end)
  const mentions: Mention[] = []
  const entities = new Map<string, Entity>()
  for (const [surface, id, type, use] of mentionRows) {
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${surface.replace(/[[\]]/g, '\\$&')}(?![\\p{L}])`, 'gu'))) {
      mentions.push({ span: { start: m.index!, end: m.index! + surface.length }, entity: id, kind: 'name', sentence: sentenceAt(m.index!), ...(use ? { use } : {}) })
    }
    entities.set(id, { id, type, name: surface, aliases: [surface], roles: [], known: false })
  }
  mentions.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)
  const times: TimeExpression[] = timeRows.map(([surface, value], i) => {
    const start = text.indexOf(surface)
    if (start < 0) throw new Error(`no "${surface}" in the text`)
    return { id: `t${i}`, span: { start, end: start + surface.length }, value, precision: 'year', anchor: 'absolute', role: 'as-of', sentence: sentenceAt(start) }
  })
  return {
    id: 'doc',
    origin: { input: 'test', blob: '', container: 'text' },
    charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {},
    source: text,
    layers: { sentences: { sentences }, times: { times }, entities: { entities: [...entities.values()], mentions } },
    messages: [],
  }
}

/** The claims of a document, with spans turned back into the words they name. */
function read(doc: Document) {
  const at = (s: { start: number; end: number } | null | undefined) => (s ? doc.source.slice(s.start, s.end) : null)
  return findClaims(doc).claims.map((c: NumericClaim) => ({
    text: at(c.span),
    value: c.value,
    unit: c.unit,
    comparator: c.comparator,
    measure: c.measure?.text ?? null,
    subject: c.subject?.entity ?? null,
    time: c.time?.value ?? null,
    source: c.source ? { entity: c.source.entity, words: at(c.source.span), cue: at(c.source.cue) } : null,
    sentence: c.sentence,
  }))
}

const INSTITUTE: MentionRow[] = [
  ['Northern Arms Institute', 'org:nai', 'organization'],
  ['NAI', 'org:nai', 'organization'],
  ['Freedonia', 'country:FD', 'country', 'government'],
  ['Sylvania', 'country:SY', 'country', 'government'],
  ['Ruritania', 'country:RR', 'country', 'government'],
]

describe('claims: the stage', () => {
  it('declares what it needs and makes', () => {
    expect(claims).toMatchObject({ name: 'claims', requires: ['sentences', 'times', 'entities'], produces: ['claims'] })
  })

  it('reads a list of figures with one source, carried into the next sentence', () => {
    const doc = annotate(
      'According to estimates by the Northern Arms Institute [NAI], Freedonia holds the largest fleet with 1,200 tanks, followed by Sylvania with 950. Ruritania has about 300 but is building more.',
      INSTITUTE,
    )
    const nai = { entity: 'org:nai', words: 'the Northern Arms Institute [NAI]', cue: 'According to' }
    expect(read(doc)).toEqual([
      { text: '1,200 tanks', value: 1200, unit: 'tank', comparator: 'eq', measure: 'tanks', subject: 'country:FD', time: null, source: nai, sentence: 0 },
      { text: '950', value: 950, unit: 'tank', comparator: 'eq', measure: 'tanks', subject: 'country:SY', time: null, source: nai, sentence: 0 },
      { text: '300', value: 300, unit: 'tank', comparator: 'approx', measure: 'tanks', subject: 'country:RR', time: null, source: nai, sentence: 1 },
    ])
  })

  it.each([
    ['Sylvania’s stockpile of heavy tanks had passed 400 by then.', 'tank', 'Sylvania’s stockpile of heavy tanks'],
    ['Freedonia’s arsenal of warplanes had grown to 250.', 'warplane', 'Freedonia’s arsenal of warplanes'],
  ])('a bare figure counts the plural its subject names: %s', (text, unit, measure) => {
    expect(read(annotate(text, INSTITUTE))[0]).toMatchObject({ value: Number(/\d+/.exec(text)![0]), unit, measure })
  })

  it('a bare figure after an owner counts nothing: "Ruritania has 300"', () => {
    expect(read(annotate('Ruritania has 300 and wants more.', INSTITUTE))[0]).toMatchObject({ value: 300, unit: null, measure: null })
  })

  it('reads money with its measure, time and the data it comes from', () => {
    const doc = annotate(
      'According to data from the Freedonian Ministry of Trade, bilateral trade exceeded $95 billion in 2023.',
      [['Freedonian Ministry of Trade', 'org:fmt', 'organization'], ['Freedonian', 'country:FD', 'country', 'attribute']],
      [['2023', '2023']],
    )
    expect(read(doc)).toEqual([{
      text: '$95 billion', value: 95e9, unit: 'USD', comparator: 'gt', measure: 'bilateral trade', subject: null, time: '2023',
      source: { entity: 'org:fmt', words: 'the Freedonian Ministry of Trade', cue: 'According to' }, sentence: 0,
    }])
  })

  it('gives no source when the text names none', () => {
    const doc = annotate('Bilateral trade exceeded $80 billion in 2022 and is growing.', [], [['2022', '2022']])
    expect(read(doc)[0]).toMatchObject({ value: 80e9, measure: 'Bilateral trade', time: '2022', source: null })
  })

  it('dates each figure of a from-to pair by the time after it', () => {
    const doc = annotate(
      'Energy deals nearly doubled the share of Freedonian goods in Sylvania’s imports within a decade: from 10 percent in 2012 to nearly 19 percent in 2020.',
      [['Freedonian', 'country:FD', 'country', 'attribute'], ['Sylvania', 'country:SY', 'country', 'government']],
      [['2012', '2012'], ['2020', '2020']],
    )
    const measure = 'the share of Freedonian goods in Sylvania’s imports'
    expect(read(doc)).toEqual([
      expect.objectContaining({ text: '10 percent', comparator: 'eq', time: '2012', measure, subject: 'country:SY' }),
      expect.objectContaining({ text: '19 percent', comparator: 'lt', time: '2020', measure, subject: 'country:SY' }),
    ])
  })

  it('takes the subject of a verb of possession and a trailing source', () => {
    const doc = annotate(
      'Freedonia possesses the largest fleet in the region, estimated at around 1,150 tanks as of early 2024, according to the Harbor Research Group.',
      [['Freedonia', 'country:FD', 'country', 'government'], ['Harbor Research Group', 'org:hrg', 'organization']],
      [['early 2024', '2024']],
    )
    expect(read(doc)).toEqual([expect.objectContaining({
      text: '1,150 tanks', comparator: 'approx', subject: 'country:FD', time: '2024',
      source: { entity: 'org:hrg', words: 'the Harbor Research Group', cue: 'according to' },
    })])
  })

  it.each([
    ['X said', 'Output rose to 40 million tonnes, the Statistics Office said.', 'Statistics Office', 'said'],
    ['X estimates', 'The Statistics Office estimates that 40 million tonnes were shipped.', 'Statistics Office', 'estimates'],
    ['data from X show', 'Data from the Statistics Office show that 40 million tonnes were shipped.', 'the Statistics Office', 'show'],
  ])('finds the source in "%s"', (_form, text, words, cue) => {
    const doc = annotate(text, [['Statistics Office', 'org:so', 'organization']])
    expect(read(doc)[0]?.source).toEqual({ entity: 'org:so', words, cue })
  })

  it('reads the measure and owner from an "of" phrase', () => {
    const doc = annotate('Sylvania accounts for less than 20 percent of Freedonia’s exports.', INSTITUTE)
    expect(read(doc)[0]).toMatchObject({ comparator: 'lt', measure: 'Freedonia’s exports', subject: 'country:FD' })
  })

  it('gives a figure between two countries to the first named', () => {
    const doc = annotate('Trade between Freedonia and Sylvania reached $12 billion.', INSTITUTE)
    expect(read(doc)[0]).toMatchObject({ measure: 'Trade between Freedonia and Sylvania', subject: 'country:FD' })
  })

  it('does not carry a unit into another paragraph', () => {
    const doc = annotate('Freedonia holds 1,200 tanks.\n\nSylvania has 950.', INSTITUTE)
    expect(read(doc)[1]).toMatchObject({ text: '950', unit: null, measure: null })
  })

  it('does not lend a source to a figure with its own unit in the next sentence', () => {
    const doc = annotate('According to the Northern Arms Institute, Freedonia holds 1,200 tanks. Sylvania has 40 submarines.', INSTITUTE)
    expect(read(doc).map((c) => c.source?.entity ?? null)).toEqual(['org:nai', null])
  })

  it('does not date a figure by a time in another clause after it', () => {
    const doc = annotate('Freedonia holds 1,200 tanks, a number unchanged since 2019.', INSTITUTE, [['2019', '2019']])
    expect(read(doc)[0]?.time).toBeNull()
  })

  it('skips places and sources when looking for the owner', () => {
    const doc = annotate('In Sylvania, the Northern Arms Institute counted 70 drones.', [
      ['Sylvania', 'country:SY', 'country', 'place'],
      ['Northern Arms Institute', 'org:nai', 'organization'],
    ])
    expect(read(doc)[0]).toMatchObject({ subject: null, source: { entity: 'org:nai', words: 'Northern Arms Institute', cue: 'counted' } })
  })

  it('numbers claims in document order across sentences', () => {
    const doc = annotate('Freedonia has 12 ports. Sylvania has 30 airports and 4 ports.', INSTITUTE)
    expect(findClaims(doc).claims.map((c) => [c.id, c.sentence])).toEqual([['c0', 0], ['c1', 1], ['c2', 1]])
  })

  it('dates a figure by a time opening its sentence', () => {
    const doc = annotate('In 2023, bilateral trade reached $95 billion.', [], [['2023', '2023']])
    expect(read(doc)[0]?.time).toBe('2023')
  })

  it('does not date a figure by a time in an earlier clause', () => {
    const doc = annotate('The pact expires in 2027, and Freedonia offered a two-year extension.', INSTITUTE, [['2027', '2027']])
    expect(read(doc)[0]).toMatchObject({ text: 'two-year', time: null })
  })

  it('gives a span of time no owner', () => {
    const doc = annotate('Freedonia offered a two-year extension.', INSTITUTE)
    expect(read(doc)[0]).toMatchObject({ value: 2, unit: 'year', measure: 'extension', subject: null })
  })
})

