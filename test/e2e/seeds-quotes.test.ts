import { describe, expect, it } from 'vitest'
import type { Document, Quote } from '../../src/document/index.js'
import { sentences } from '../../src/stages/sentences/index.js'
import { entities } from '../../src/stages/entities/index.js'
import { quotes } from '../../src/stages/quotes/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { annotateSeed, textAt } from '../helpers/seeds.js'

const present = sharedAvailable('seeds-quotes')

const cache = new Map<string, Document>()

/** A seed annotated up to quotes, once per run. */
function quotesOf(prefix: string): { doc: Document; list: readonly Quote[] } {
  let doc = cache.get(prefix)
  if (doc === undefined) {
    doc = annotateSeed(prefix, [sentences, entities, quotes])
    cache.set(prefix, doc)
  }
  return { doc, list: doc.layers.quotes!.quotes }
}

/** The quote whose text starts with `opening` (hard-wrapped lines read as spaces). */
function find(doc: Document, list: readonly Quote[], opening: string, direct = true): Quote | undefined {
  return list.find((q) => q.direct === direct && textAt(doc, q.span).replace(/\s+/g, ' ').startsWith(opening))
}

function speakerName(doc: Document, q: Quote): string | undefined {
  return doc.layers.entities!.entities.find((e) => e.id === q.speaker.entity)?.name
}

describe.skipIf(!present)('quotes on the seed pages', () => {
  it.each([
    ['001', 'Russia will not ally with anyone against anyone', 'stated', /Lavrov/, false],
    ['001', 'a good idea', 'calling', /Trump/, true],
    ['002', 'Russia will not ally with anyone against anyone', 'responded', /Lavrov/, false],
    ['002', 'clearly define our relationship', 'added', /Lavrov/, true],
    ['002', 'The Americans have been pushing', 'stressed', /Lavrov/, false],
    ['002', 'Sitting on the world’s biggest nuclear arsenal', 'said', /Guo Jiakun/, false],
    ['003', 'It is possible to imagine anything', 'replied', /Putin/, false],
    ['004', 'No, these allegations absolutely do not correspond to reality.', 'added', /Putin/, false],
  ] as const)('seed %s: “%s” is a direct quote with its speaker', (prefix, opening, cue, speaker, partial) => {
    const { doc, list } = quotesOf(prefix)
    const q = find(doc, list, opening)
    expect(q, `no quote starting “${opening}”`).toBeDefined()
    expect(textAt(doc, q!.cue!)).toBe(cue)
    expect(q!.partial).toBe(partial)
    expect(speakerName(doc, q!) ?? '').toMatch(speaker)
  })

  it('seed 003: the multi-sentence reply is one quote to its last sentence', () => {
    const { doc, list } = quotesOf('003')
    const q = find(doc, list, 'It is possible to imagine anything')
    expect(textAt(doc, q!.span).replace(/\s+/g, ' ')).toMatch(/we are not going to rule it out, either\.$/)
  })

  it('seed 002: the indirect statement is Lavrov’s, with its cue', () => {
    const { doc, list } = quotesOf('002')
    const q = find(doc, list, 'Moscow will never form alliances that target other countries', false)
    expect(q).toBeDefined()
    expect(textAt(doc, q!.cue!)).toBe('said')
    expect(speakerName(doc, q!)).toMatch(/Lavrov/)
  })

  it('seed 004: the channel name in quote marks is not a quote', () => {
    const { doc, list } = quotesOf('004')
    expect(list.filter((q) => q.direct && textAt(doc, q.span).includes('Russia-24'))).toEqual([])
  })

  it.each([
    ['000', []],
    ['001', [['Russia will not ally', 'Sergey Lavrov'], ['a good idea', 'Donald Trump']]],
    ['002', [['a good idea', 'Donald Trump'], ['Russia will not ally', 'Sergey Lavrov'], ['clearly define', 'Sergey Lavrov'], ['The Americans', 'Sergey Lavrov'], ['Sitting on', 'Guo Jiakun']]],
    ['003', [['It is possible', 'Vladimir Putin'], ['serious competitor', 'Joe Biden'], ['opponent', 'Joe Biden']]],
    ['004', [['No, these allegations', 'Vladimir Putin']]],
  ] as const)('seed %s: the direct quotes given to a person, in order, each to the right one', (prefix, expected) => {
    const { doc, list } = quotesOf(prefix)
    const attributed = list.filter((q) => q.direct && q.speaker.entity !== null)
    const got = attributed.map((q, i) => [textAt(doc, q.span).replace(/\s+/g, ' ').slice(0, expected[i]?.[0].length), speakerName(doc, q)])
    expect(got).toEqual(expected)
  })
})
