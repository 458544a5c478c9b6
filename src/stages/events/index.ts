import type { ActorEvent, Document, Entity, EntityId, EventsLayer, Quote, Sentence, Span, TimeExpression, TimesLayer } from '../../document/index.js'
import { contains } from '../../document/index.js'
import type { Stage } from '../../pipeline/stage.js'
import { mentionsIn } from '../entities/lookup.js'
import { eventsInSentence, type DocumentContext, type FoundEvent, type QuoteHit } from './extract.js'
import { mayHoldTrigger } from './triggers.js'
import { viewSentence } from './view.js'

export { ONTOLOGY, LIGHT_VERBS } from './ontology.js'

/** How many sentences back "it" in "rule it out" may find the event it stands for. */
const ANAPHORA_SENTENCES = 3

/**
 * Actor–action–target events between the people, countries and organisations of an article, in
 * the action lexicon of `ontology.ts`, each with polarity, modality, the speaker whose claim it is,
 * its date and its sentence.
 *
 * @example
 * const { events } = runStages(doc, [sentences, times, entities, quotes, events]).layers.events!
 * // "Russia will not ally with anyone against China," Lavrov said.
 * // → { action: 'ally', actor: Russia, against: China, polarity: 'negative', modality: 'future', speaker: Lavrov }
 */
export const events: Stage = {
  name: 'events',
  requires: ['sentences', 'times', 'entities', 'quotes'],
  produces: ['events'],
  // The action lexicon (ontology.ts) is English.
  languages: { codes: ['en'], otherwise: { events: { events: [] } }, what: 'events' },
  run(doc) {
    return { events: readEvents(doc) }
  },
}

/** The events layer of a document that has sentences, times, entities and quotes. */
export function readEvents(doc: Document): EventsLayer {
  const sentences = doc.layers.sentences?.sentences ?? []
  const entities = doc.layers.entities ?? { entities: [], mentions: [] }
  const quotes = doc.layers.quotes?.quotes ?? []
  const times = doc.layers.times ?? { times: [] }
  const byId = new Map<EntityId, Entity>(entities.entities.map((e) => [e.id, e]))
  const found: { event: FoundEvent; sentence: number }[] = []
  const quoteIndex = new QuoteIndex(quotes)
  let current = 0
  const ctx: DocumentContext = {
    entity: (id) => byId.get(id),
    quoteAt: (offset) => quoteIndex.at(offset),
    antecedent: (offset) => {
      for (let i = found.length - 1; i >= 0; i--) {
        const { event, sentence } = found[i]!
        if (sentence < current - ANAPHORA_SENTENCES) break
        if (event.nominal && event.trigger.end <= offset) return event
      }
      return null
    },
  }
  sentences.forEach((sentence, index) => {
    current = index
    if (!mayHoldTrigger(doc.source.slice(sentence.span.start, sentence.span.end))) return
    const view = viewSentence(doc.source, sentence, index, mentionsIn(entities, sentence.span))
    for (const event of eventsInSentence(view, ctx)) found.push({ event, sentence: index })
  })
  const dates = new DateIndex(times, quotes)
  return { events: found.map(({ event, sentence }, i) => toActorEvent(event, i, sentence, sentences[sentence]!, dates)) }
}

/**
 * The innermost quote holding an offset. Pieces sorted by start, with the furthest end reached so
 * far, so a lookup reads only the pieces that may hold it: a scan of every quote for every event
 * made a long article quadratic.
 */
class QuoteIndex {
  private readonly pieces: Array<{ readonly span: Span; readonly quote: Quote; readonly order: number }> = []
  private readonly reach: number[] = []

  constructor(quotes: readonly Quote[]) {
    quotes.forEach((q, order) => {
      // A direct quote's span runs over its attribution ("…,” he added, “…"): only its parts are quoted.
      for (const span of q.direct && q.parts.length > 0 ? q.parts : [q.span]) this.pieces.push({ span, quote: q, order })
    })
    this.pieces.sort((a, b) => a.span.start - b.span.start)
    let furthest = -Infinity
    for (const p of this.pieces) this.reach.push((furthest = Math.max(furthest, p.span.end)))
  }

  at(offset: number): QuoteHit | null {
    const at = { start: offset, end: offset + 1 }
    let hit: { quote: Quote; order: number } | null = null
    let lo = 0
    let hi = this.pieces.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.pieces[mid]!.span.start <= offset) lo = mid + 1
      else hi = mid
    }
    for (let i = lo - 1; i >= 0 && this.reach[i]! > offset; i--) {
      const p = this.pieces[i]!
      if (!contains(p.span, at)) continue
      const length = p.quote.span.end - p.quote.span.start
      const best = hit === null ? Infinity : hit.quote.span.end - hit.quote.span.start
      // The shortest quote wins; among equals, the first listed (as a scan in order would find).
      if (length < best || (length === best && hit !== null && p.order < hit.order)) hit = p
    }
    return hit === null ? null : { id: hit.quote.id, speaker: hit.quote.speaker.entity, direct: hit.quote.direct }
  }
}

/** The times by sentence and the speakers by sentence, read once for every event's date. */
class DateIndex {
  readonly bySentence = new Map<number, TimeExpression[]>()
  readonly eventDate: TimesLayer['eventDate']
  readonly eventTime: TimeExpression | undefined
  private readonly speakers = new Set<EntityId>()

  constructor(times: TimesLayer, quotes: readonly Quote[]) {
    for (const t of times.times) {
      const list = this.bySentence.get(t.sentence)
      if (list) list.push(t)
      else this.bySentence.set(t.sentence, [t])
    }
    this.eventDate = times.eventDate
    this.eventTime = this.eventDate === undefined ? undefined : times.times.find((t) => t.id === this.eventDate!.time)
    for (const q of quotes) if (q.speaker.entity !== null && q.sentence === this.eventTime?.sentence) this.speakers.add(q.speaker.entity)
  }

  /** Whether `speaker` is quoted in the sentence of the article's event date. */
  spokeThen(speaker: EntityId): boolean {
    return this.speakers.has(speaker)
  }
}

function toActorEvent(e: FoundEvent, i: number, index: number, sentence: Sentence, dates: DateIndex): ActorEvent {
  return {
    id: `e${i}`,
    action: e.action,
    trigger: e.trigger,
    actor: e.actor,
    target: e.target,
    against: e.against,
    polarity: e.polarity,
    modality: e.modality,
    speaker: e.quote?.speaker ?? null,
    quote: e.quote?.id ?? null,
    date: dateOf(e, index, dates),
    sentence: index,
    span: sentence.span,
  }
}

/**
 * The event's date: the time expression in its sentence nearest the trigger (a future one only
 * for a future event); else, for a speaker's statement made in the article's reported event, the
 * event date; else null.
 */
function dateOf(e: FoundEvent, index: number, dates: DateIndex): ActorEvent['date'] {
  let best: TimeExpression | null = null
  for (const t of dates.bySentence.get(index) ?? []) {
    if (t.value === null) continue
    if (t.role === 'future' && e.modality !== 'future') continue
    if (best === null || distance(t, e) < distance(best, e)) best = t
  }
  if (best !== null && best.value !== null) return { value: best.value, time: best.id }
  const eventDate = dates.eventDate
  const speaker = e.quote?.speaker ?? null
  if (eventDate === undefined || speaker === null || dates.eventTime === undefined) return null
  return dates.spokeThen(speaker) ? { value: eventDate.value, time: eventDate.time } : null
}

function distance(t: TimeExpression, e: FoundEvent): number {
  return t.span.start >= e.trigger.end ? t.span.start - e.trigger.end : e.trigger.start - t.span.end
}
