import { describe, expect, it } from 'vitest'
import type { ActorEvent, Document } from '../../src/document/index.js'
import { entities } from '../../src/stages/entities/index.js'
import { events } from '../../src/stages/events/index.js'
import { quotes } from '../../src/stages/quotes/index.js'
import { sentences } from '../../src/stages/sentences/index.js'
import { times } from '../../src/stages/times/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { annotateSeed, textAt } from '../helpers/seeds.js'

const present = sharedAvailable('seed event tests')

const RU = 'country:RU'
const CN = 'country:CN'
const US = 'country:US'
const LAVROV = 'person:sergey-lavrov'
const PUTIN = 'person:vladimir-putin'

const cache = new Map<string, Document>()
function annotated(prefix: string): Document {
  let doc = cache.get(prefix)
  if (doc === undefined) {
    doc = annotateSeed(prefix, [sentences, times, entities, quotes, events])
    cache.set(prefix, doc)
  }
  return doc
}

function eventsOf(prefix: string): readonly ActorEvent[] {
  return annotated(prefix).layers.events!.events
}

/** The sides of an event, whichever is actor and whichever target. */
function sides(e: ActorEvent): (string | null)[] {
  return [e.actor?.entity ?? null, e.target?.entity ?? null]
}

describe.skipIf(!present)('events on the seed pages', () => {
  it.each(['001', '002'])('seeds: %s has Lavrov\'s "will not ally … against China": ally, Russia, against China, negative, future', (prefix) => {
    const found = eventsOf(prefix).filter((e) => e.action === 'ally' && e.actor?.entity === RU && e.against?.entity === CN && e.speaker === LAVROV)
    expect(found.map((e) => [textAt(annotated(prefix), e.trigger), e.polarity, e.modality])).toEqual([['ally', 'negative', 'future']])
  })

  it('seeds: 002 dates Lavrov\'s statement to the interview on Wednesday', () => {
    const e = eventsOf('002').find((x) => x.action === 'ally' && x.against?.entity === CN && x.speaker === LAVROV)
    expect(e?.date?.value).toBe('2025-10-15')
  })

  it('seeds: 002 has Putin proposing the treaty extension to the US', () => {
    const e = eventsOf('002').find((x) => x.action === 'propose' && textAt(annotated('002'), x.trigger) === 'proposed')
    expect([e?.actor?.entity, e?.target?.entity, e?.polarity]).toEqual([PUTIN, US, 'positive'])
  })

  it('seeds: 003 reads "not going to rule it out" as a possible alliance of Russia and China in Putin\'s words', () => {
    const doc = annotated('003')
    const e = eventsOf('003').find((x) => textAt(doc, x.trigger) === 'rule it out')
    expect(e).toBeDefined()
    expect([e!.action, e!.polarity, e!.modality, e!.speaker]).toEqual(['ally', 'positive', 'possible', PUTIN])
    expect(sides(e!).sort()).toEqual([CN, RU])
  })

  it('seeds: 003 has no alliance asserted as fact in Putin\'s words ("We have not set that goal" does not make one)', () => {
    const asserted = eventsOf('003').filter((e) => e.action === 'ally' && e.speaker === PUTIN && e.modality === 'asserted' && e.polarity === 'positive')
    expect(asserted).toEqual([])
  })

  it('seeds: 003 keeps the asked-about alliance a question, not a statement', () => {
    const e = eventsOf('003').find((x) => x.action === 'ally' && x.modality === 'question' && sides(x).includes(CN) && sides(x).includes(RU))
    expect(e?.speaker).toBeNull()
  })

  it('seeds: 004 has "Russia does not form any military alliance with China": ally Russia–China, negative, asserted', () => {
    const e = eventsOf('004').find((x) => x.action === 'ally' && x.actor?.entity === RU && x.target?.entity === CN && x.modality === 'asserted' && x.polarity === 'negative' && x.speaker === PUTIN)
    expect(e).toBeDefined()
  })

  it('seeds: negation never turns into its opposite: no seed states an alliance against China as fact or plan', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const flipped = eventsOf(prefix).filter((e) => e.action === 'ally' && e.against?.entity === CN && e.polarity === 'positive' && (e.modality === 'asserted' || e.modality === 'future'))
      expect(flipped.map((e) => textAt(annotated(prefix), e.span))).toEqual([])
    }
  })

  it('seeds: every event\'s trigger lies in its sentence, and its ids are e0, e1, …', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const doc = annotated(prefix)
      eventsOf(prefix).forEach((e, i) => {
        expect(e.id).toBe(`e${i}`)
        expect(e.trigger.start).toBeGreaterThanOrEqual(e.span.start)
        expect(e.trigger.end).toBeLessThanOrEqual(e.span.end)
        expect(doc.layers.sentences!.sentences[e.sentence]!.span).toEqual(e.span)
      })
    }
  })
})
