import type { ActorEvent, Document, Entity, EntityId, EventsLayer, Quote, Sentence, TimeExpression, TimesLayer } from '../../document/index.js'
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
  let current = 0
  const ctx: DocumentContext = {
    entity: (id) => byId.get(id),
    quoteAt: (offset) => quoteAt(quotes, offset),
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
  return { events: found.map(({ event, sentence }, i) => toActorEvent(event, i, sentence, sentences[sentence]!, times, quotes)) }
}

function quoteAt(quotes: readonly Quote[], offset: number): QuoteHit | null {
  let hit: Quote | null = null
  const at = { start: offset, end: offset + 1 }
  for (const q of quotes) {
    // A direct quote's span runs over its attribution ("…,” he added, “…"): only its parts are quoted.
    const pieces = q.direct && q.parts.length > 0 ? q.parts : [q.span]
    if (pieces.some((p) => contains(p, at)) && (hit === null || q.span.end - q.span.start < hit.span.end - hit.span.start)) hit = q
  }
  return hit === null ? null : { id: hit.id, speaker: hit.speaker.entity, direct: hit.direct }
}

function toActorEvent(e: FoundEvent, i: number, index: number, sentence: Sentence, times: TimesLayer, quotes: readonly Quote[]): ActorEvent {
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
    date: dateOf(e, index, times, quotes),
    sentence: index,
    span: sentence.span,
  }
}

/**
 * The event's date: the time expression in its sentence nearest the trigger (a future one only
 * for a future event); else, for a speaker's statement made in the article's reported event, the
 * event date; else null.
 */
function dateOf(e: FoundEvent, index: number, times: TimesLayer, quotes: readonly Quote[]): ActorEvent['date'] {
  let best: TimeExpression | null = null
  for (const t of times.times) {
    if (t.sentence !== index || t.value === null) continue
    if (t.role === 'future' && e.modality !== 'future') continue
    if (best === null || distance(t, e) < distance(best, e)) best = t
  }
  if (best !== null && best.value !== null) return { value: best.value, time: best.id }
  const eventDate = times.eventDate
  const speaker = e.quote?.speaker ?? null
  if (eventDate === undefined || speaker === null) return null
  const eventTime = times.times.find((t) => t.id === eventDate.time)
  if (eventTime === undefined) return null
  const statedThen = quotes.some((q) => q.sentence === eventTime.sentence && q.speaker.entity === speaker)
  return statedThen ? { value: eventDate.value, time: eventDate.time } : null
}

function distance(t: TimeExpression, e: FoundEvent): number {
  return t.span.start >= e.trigger.end ? t.span.start - e.trigger.end : e.trigger.start - t.span.end
}
