import { describe, expect, it } from 'vitest'
import type { Document, Fact, StoryCheck } from '../../src/document/index.js'
import { STAGES } from '../../src/pipeline/stages.js'
import { checkStory } from '../../src/stages/analysis/check.js'
import { assessSourceQuality } from '../../src/stages/analysis/quality.js'
import { sharedAvailable } from '../helpers/cli.js'
import { annotateSeed, textAt } from '../helpers/seeds.js'

const present = sharedAvailable('seed cross-check tests')

// annotateSeed has run metadata already.
const AFTER_METADATA = STAGES.filter((s) => s.name !== 'metadata')
const SEEDS = ['000', '001', '002'] as const

let docs: Document[] | undefined
let check: StoryCheck | undefined
function seeds(): Document[] {
  docs ??= SEEDS.map((prefix) => annotateSeed(prefix, AFTER_METADATA))
  return docs
}
function story(): StoryCheck {
  check ??= checkStory('st-seeds', seeds().map((doc) => ({ doc, duplicateOf: null })))
  return check
}
const figure = (text: string): Fact | undefined => story().facts.find((f) => f.kind === 'figure' && f.citations.some((c) => c.text.startsWith(text)))

describe.skipIf(!present)('cross-checking the three reports of the 2025 interview', () => {
  it('seeds: Russia\'s warhead counts are different definitions, not a contradiction: 4,477 (FAS, early 2025, "stockpile") vs 5,459 (SIPRI, "arsenal") (issue 15)', () => {
    const conflict = story().conflicts.find((c) => c.subject?.id === 'country:RU')
    expect(conflict?.kind).toBe('different-definitions')
    expect(conflict?.reason).toBe('different definitions: "stockpile" (about 4,477 warheads as of early 2025) vs "arsenal" (5,459 warheads)')
    expect(conflict!.values.map((v) => [v.value, v.attribution, v.asOf]).sort()).toEqual([
      [4477, 'Federation of American Scientists', '2025'],
      [5459, 'Stockholm International Peace Research Institute', null],
    ])
    expect(conflict!.notes.find((n) => n.startsWith('sources differ'))).toMatch(/Federation of American Scientists.*vs.*Stockholm International Peace Research Institute/)
    expect(conflict!.notes.find((n) => n.startsWith('definitions differ'))).toMatch(/stockpile.*vs.*arsenal/)
    expect(conflict!.notes.find((n) => n.startsWith('periods differ'))).toMatch(/early 2025/)
  })

  it('seeds: both warhead counts are facts pointing to that conflict, not marked conflict, each citing its own article', () => {
    const conflict = story().conflicts.find((c) => c.subject?.id === 'country:RU')
    for (const [text, seed] of [['4,477', 0], ['5,459', 2]] as const) {
      const fact = figure(text)
      expect([fact?.status, fact?.conflict, fact?.citations.map((c) => c.article)]).toEqual(['single-source', conflict!.id, [seeds()[seed]!.id]])
    }
  })

  it('seeds: the trade figures are consistent bounds: more than $220 billion in 2024 (Chinese Ministry of Commerce) and more than $200 billion in 2023 (unattributed) (issue 15)', () => {
    const conflict = story().conflicts.find((c) => c.values.some((v) => v.unit === 'USD'))
    expect(conflict?.kind).toBe('consistent-bounds')
    expect(conflict?.reason).toBe('consistent bounds: more than $220 billion in 2024 and more than $200 billion in 2023 can both hold')
    expect(conflict!.values.map((v) => [v.value, v.asOf, v.attribution])).toEqual([
      [220e9, '2024', 'Ministry of Commerce of the People\'s Republic of China'],
      [200e9, '2023', null],
    ])
    expect([figure('$200 billion')?.unattributed, figure('$220 billion')?.unattributed]).toEqual([true, false])
  })

  it('seeds: the Carnegie piece\'s 10 percent in 2013 and nearly 18 percent in 2019 are one series over time, not a contradiction (issue 15)', () => {
    const carnegie = checkStory('st-carnegie', [{ doc: annotateSeed('003', AFTER_METADATA), duplicateOf: null }])
    const conflict = carnegie.conflicts.find((c) => c.values.some((v) => v.value === 10))
    expect(conflict?.kind).toBe('different-periods')
    expect(conflict?.reason).toMatch(/^different periods, a series over time: 10 percent in 2013 then less than 18 percent in 2019$/)
    expect(carnegie.facts.filter((f) => f.status === 'conflict')).toEqual([])
  })

  it('seeds: the figure given with no source is the only unattributed one, and its article is noted for it', () => {
    expect(story().facts.filter((f) => f.unattributed).map((f) => f.citations[0]!.text)).toEqual(['$200 billion'])
    const notes = assessSourceQuality(seeds()[0]!).filter((n) => n.kind === 'unattributed-figure')
    expect(notes.map((n) => textAt(seeds()[0]!, n.span!))).toEqual(['$200 billion'])
  })

  it('seeds: the US count of 5,177 is single-source, with SIPRI its attribution', () => {
    const fact = figure('5,177')
    expect([fact?.status, fact?.outlets, fact?.attributions, fact?.conflict]).toEqual(['single-source', 1, ['Stockholm International Peace Research Institute'], null])
  })

  it('seeds: Lavrov\'s "will not ally with anyone against anyone" is the first fact, agreed by two outlets, in the same words', () => {
    const [fact] = story().facts
    expect(fact).toMatchObject({ id: 'q1', kind: 'quote', status: 'agreed', outlets: 2, who: { id: 'person:sergey-lavrov', role: 'foreign minister' } })
    expect(fact!.citations.map((c) => c.article)).toEqual([seeds()[1]!.id, seeds()[2]!.id])
    expect(fact!.statement).toMatch(/^Sergey Lavrov: “Russia will not ally with anyone against anyone, especially against China/)
    // Both outlets print the quote word for word: no variant.
    expect(fact!.variants).toEqual([])
  })

  it('seeds: every citation of every fact is the exact text at its span', () => {
    const byId = new Map(seeds().map((d) => [d.id, d]))
    for (const c of story().facts.flatMap((f) => f.citations)) expect(textAt(byId.get(c.article)!, c.span)).toBe(c.text)
  })

  it('seeds: Russia not allying against China is an event three outlets report', () => {
    const fact = story().facts.find((f) => f.kind === 'event' && f.statement === 'Russia does not ally against China')
    expect([fact?.status, fact?.outlets]).toEqual(['agreed', 3])
  })

  it('seeds: 000\'s headline "… Rejects Alliances Against china or US" is a mismatch: the body has the US as a possible partner, never a side opposed', () => {
    const notes = assessSourceQuality(seeds()[0]!).filter((n) => n.kind === 'headline-mismatch')
    expect(notes.map((n) => textAt(seeds()[0]!, n.span!))).toEqual(['Russia Declares Neutral Stance, Rejects Alliances Against china or US'])
    expect(notes[0]!.note).toMatch(/names United States as the side "Alliances" is against/)
    expect(textAt(seeds()[0]!, notes[0]!.compared!)).toMatch(/including the United States/)
  })

  it.each([['001', 1], ['002', 2]] as const)('seeds: %s\'s headline is not a mismatch', (_prefix, k) => {
    expect(assessSourceQuality(seeds()[k]!).filter((n) => n.kind === 'headline-mismatch')).toEqual([])
  })
})
