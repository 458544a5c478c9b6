import { describe, expect, it } from 'vitest'
import type { Document, EntitiesLayer, Mention } from '../../src/document/index.js'
import { entities } from '../../src/stages/entities/index.js'
import { sentences } from '../../src/stages/sentences/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { annotateSeed, textAt } from '../helpers/seeds.js'

const present = sharedAvailable('seeds-entities')

const cache = new Map<string, Document>()
function seed(prefix: string): { doc: Document; layer: EntitiesLayer } {
  let doc = cache.get(prefix)
  if (doc === undefined) {
    doc = annotateSeed(prefix, [sentences, entities])
    cache.set(prefix, doc)
  }
  return { doc, layer: doc.layers.entities! }
}

/** Mentions whose text matches, in order. */
function mentionsOf(prefix: string, words: string | RegExp): Mention[] {
  const { doc, layer } = seed(prefix)
  return layer.mentions.filter((m) => (typeof words === 'string' ? textAt(doc, m.span) === words : words.test(textAt(doc, m.span))))
}

describe.skipIf(!present)('entities on the seed pages', () => {
  it('seeds: Lavrov has one id across 000, 001 and 002, with both spellings as aliases', () => {
    const aliases = ['000', '001', '002'].flatMap((p) => seed(p).layer.entities.filter((e) => e.id === 'person:sergey-lavrov').flatMap((e) => e.aliases))
    expect(['000', '001', '002'].every((p) => seed(p).layer.entities.some((e) => e.id === 'person:sergey-lavrov'))).toBe(true)
    expect(aliases).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Sergei Lavrov', 'Lavrov']))
  })

  it.each([
    ['002', 'the foreign minister', 'role'],
    ['002', 'he', 'pronoun'],
    ['002', 'Lavrov', 'partial-name'],
    ['001', 'His', 'pronoun'],
    ['000', 'The Russian Foreign Minister', 'role'],
  ])('seeds: in %s, %j refers to Lavrov as a %s', (prefix, words, kind) => {
    const [m] = mentionsOf(prefix, words)
    expect(m?.entity).toBe('person:sergey-lavrov')
    expect(m?.kind).toBe(kind)
  })

  it('seeds: "Moscow will never form alliances" uses Moscow as the government', () => {
    const { doc, layer } = seed('002')
    const at = doc.source.indexOf('Moscow will never')
    const m = layer.mentions.find((x) => x.span.start === at)
    expect(m).toMatchObject({ entity: 'country:RU', kind: 'metonym', use: 'government' })
  })

  it('seeds: SIPRI is an organisation named in full and by acronym', () => {
    expect(mentionsOf('002', 'SIPRI')[0]).toMatchObject({ entity: 'org:sipri', kind: 'acronym' })
    expect(mentionsOf('002', 'Stockholm International Peace Research Institute')[0]?.entity).toBe('org:sipri')
    expect(seed('002').layer.entities.find((e) => e.id === 'org:sipri')?.type).toBe('organization')
  })

  it('seeds: New START is a treaty in 000, 001 and 002', () => {
    for (const p of ['000', '001', '002']) {
      expect(seed(p).layer.entities.find((e) => e.id === 'treaty:new-start')?.type).toBe('treaty')
    }
  })

  it('seeds: Guo Jiakun is a spokesman of China\'s foreign ministry by the text', () => {
    const guo = seed('002').layer.entities.find((e) => e.id === 'person:guo-jiakun')
    expect(guo?.roles).toContainEqual(expect.objectContaining({ title: 'spokesman', country: 'CN', organization: 'org:cn-mfa', basis: 'text' }))
  })

  it('seeds: "The president-elect" in 003 is Joe Biden, by the gazetteer and the article date', () => {
    expect(mentionsOf('003', 'The president-elect')[0]).toMatchObject({ entity: 'person:joe-biden', kind: 'role' })
  })

  it('seeds: Putin in 004 is the Russian president of the text and of the gazetteer', () => {
    const putin = seed('004').layer.entities.find((e) => e.id === 'person:vladimir-putin')
    expect(putin?.roles.map((r) => r.basis)).toEqual(expect.arrayContaining(['text', 'gazetteer']))
    expect(mentionsOf('004', /^The Russian president$/)[0]?.entity).toBe('person:vladimir-putin')
  })

  it('seeds: Trump is one person in 001 and 002 with "then-U.S. President" as his text role in 001', () => {
    expect(mentionsOf('002', 'Trump').map((m) => m.entity)).toEqual(['person:donald-trump', 'person:donald-trump'])
    const trump = seed('001').layer.entities.find((e) => e.id === 'person:donald-trump')
    expect(trump?.roles).toContainEqual(expect.objectContaining({ title: 'president', country: 'US', basis: 'text' }))
  })

  it('seeds: the Valdai meeting in 003 is an event', () => {
    expect(seed('003').layer.entities.find((e) => e.type === 'event')?.name).toBe('Valdai Discussion Club meeting')
  })

  it('seeds: every resolved pronoun points to a person', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const { layer } = seed(p)
      for (const m of layer.mentions.filter((x) => x.kind === 'pronoun')) expect(m.entity).toMatch(/^person:/)
    }
  })

  it('seeds: every mention span lies inside its sentence', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const { doc, layer } = seed(p)
      const list = doc.layers.sentences!.sentences
      for (const m of layer.mentions) {
        const s = list[m.sentence]!.span
        expect(m.span.start >= s.start && m.span.end <= s.end).toBe(true)
      }
    }
  })
})
