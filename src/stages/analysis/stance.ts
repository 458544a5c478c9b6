import type { ActorEvent, Citation, Document, Entity, EntityId, EventAction, Quote, StanceStatement, Span, Timeline } from '../../document/index.js'
import { citationOf, contains, outletOf, textOf } from '../../document/index.js'
import { UsageError } from '../../errors.js'
import { dateOf, type Period } from './stance-dates.js'
import { assembleTimeline } from './stance-merge.js'
import { positionOf } from './stance-position.js'

/**
 * The topics a stance timeline can be asked for, each with the actions of the event ontology
 * (`stages/events/ontology.ts`) that take a position on it. An action name itself (`ally`) is
 * accepted as a topic too.
 *
 * | topic        | actions     | e.g.                                        |
 * |--------------|-------------|---------------------------------------------|
 * | alliance     | ally        | "will not form a military alliance with …"  |
 * | cooperation  | cooperate   | "agreed to cooperate with …"                |
 * | sanctions    | sanction    | "could impose sanctions on …"               |
 * | threats      | threaten    | "does not threaten …"                       |
 * | proposals    | propose     | "proposed to … that …"                      |
 * | demands      | demand      | "urged … to …"                              |
 * | criticism    | criticize   | "condemned …"                               |
 * | praise       | praise      | "welcomed …'s offer"                        |
 * | rejection    | reject      | "rejected …'s allegations"                  |
 * | intentions   | intend      | "seeks stable relations with …"             |
 */
export const TOPICS: Readonly<Record<string, readonly EventAction[]>> = {
  alliance: ['ally'],
  cooperation: ['cooperate'],
  sanctions: ['sanction'],
  threats: ['threaten'],
  proposals: ['propose'],
  demands: ['demand'],
  criticism: ['criticize'],
  praise: ['praise'],
  rejection: ['reject'],
  intentions: ['intend'],
}

/** Who takes the position, toward whom, and on what (`null`: every action). */
export interface TimelineQuery {
  readonly actor: { readonly id: EntityId; readonly name: string }
  readonly counterpart: { readonly id: EntityId; readonly name: string }
  readonly topic: string | null
}

/** Actions done with someone rather than to someone: "China and Russia could ally" is a stance of either side's speaker. */
const MUTUAL_ACTIONS: ReadonlySet<EventAction> = new Set(['ally', 'cooperate'])
/** A participant in these words is the speaker's own side ("we are not going to rule it out"). */
const FIRST_PERSON = new Set(['we', 'us', 'our', 'i', 'me', 'my'])

/**
 * One actor's ordered positions toward a counterpart, from the events layers of the given documents.
 *
 * An event counts when its actor is the query actor, or a person of the actor's country (by a role
 * of that country, else the person's own country), or when its actor is unstated or "we" and its
 * speaker speaks for the actor (Lavrov, Putin → Russia), or, for a person asked about, when they
 * say it of their own country; and when its target or its `against` is
 * the counterpart or a person of it (for `ally` and `cooperate`, also the reverse, when said by
 * the actor's speaker). Questions are no positions. Position: a condition in the clause
 * ("if …", "provided that") → `conditional`; else `possible` → `open`; else positive → `for`,
 * negative → `against`. The position is on the action as stated: "will not ally with anyone
 * against China" is `against` (an alliance against China), with `counterpartRole: 'against'`.
 *
 * Writer's narration (an event with no speaker) is used only from an article that reports no
 * speaker's statement for the query: where a speaker is quoted, the writer's paraphrases of the
 * same position add nothing, and their analysis ("could end up …") is no statement of the actor.
 * A narration row has `speaker: null`.
 *
 * Reports of one statement in several articles (same speaker, or actor when there is none; same
 * action, position and counterpart role; dates within `SAME_STATEMENT_DAYS` of stance-merge.ts) are one row with a
 * citation per article; a date's precision counts (`2025-10` holds `2025-10-15`).
 *
 * @example
 * timelineFrom(docs, { actor: { id: 'country:RU', name: 'Russia' }, counterpart: { id: 'country:CN', name: 'China' }, topic: 'alliance' })
 * // { statements: [{ date: '2020-10', speaker: { name: 'Vladimir Putin', … }, position: 'open', shift: null }, …] }
 */
export function timelineFrom(docs: readonly Document[], query: TimelineQuery): Timeline {
  topicActions(query.topic) // an unknown topic throws before any document is read
  const found = docs.flatMap((doc) => findStatements(doc, query))
  return assembleTimeline(query, found)
}

/** A statement as one article reports it, before reports of it in other articles are merged. */
export interface FoundStatement {
  readonly statement: Omit<StanceStatement, 'citations' | 'shift'>
  readonly citation: Citation
  /** The period the date allows; null when undated. */
  readonly period: Period | null
  /** The speaker's own words in quote marks: the best wording to show for a row. */
  readonly direct: boolean
}

/**
 * The statements one article reports for a query, with the narration rule of {@link timelineFrom}.
 *
 * @example
 * findStatements(doc, query).map((f) => f.statement.position) // ['against']
 */
export function findStatements(doc: Document, query: TimelineQuery): FoundStatement[] {
  const actions = topicActions(query.topic)
  const entities = new Map<EntityId, Entity>((doc.layers.entities?.entities ?? []).map((e) => [e.id, e]))
  const actor = sideOf(query.actor.id, entities)
  const counterpart = sideOf(query.counterpart.id, entities)
  const found: FoundStatement[] = []
  for (const event of doc.layers.events?.events ?? []) {
    if (event.modality === 'question' || (actions !== null && !actions.includes(event.action))) continue
    const match = matchEvent(event, actor, counterpart, doc)
    if (match !== null) found.push(toFound(doc, event, match, query, entities))
  }
  return found.some((f) => f.statement.speaker !== null) ? found.filter((f) => f.statement.speaker !== null) : found
}


/**
 * The topic's name in {@link TOPICS}, from the name in any case or one of its actions. Throws
 * UsageError naming the topics for an unknown one.
 *
 * @example
 * topicNamed('Ally') // 'alliance'
 */
export function topicNamed(topic: string): string {
  const key = topic.trim().toLowerCase()
  if (TOPICS[key] !== undefined) return key
  const named = topicOf(key as EventAction)
  if (named === null) throw new UsageError(`Unknown topic "${topic}". Topics: ${Object.keys(TOPICS).join(', ')}.`)
  return named
}

function topicActions(topic: string | null): readonly EventAction[] | null {
  return topic === null ? null : TOPICS[topicNamed(topic)]!
}

/** The topic an action takes a position on. */
function topicOf(action: EventAction): string | null {
  return Object.keys(TOPICS).find((name) => TOPICS[name]!.includes(action)) ?? null
}

/**
 * Every (actor, counterpart, topic) an article's events take a position on, people counted as
 * the countries they act for (Putin → Russia), as `findStatements` would match them. Names are the
 * article's; a country known only through a person's role is named by its id.
 *
 * @example
 * stanceQueriesIn(doc) // [{ actor: { id: 'country:RU', name: 'Russia' }, counterpart: { id: 'country:CN', … }, topic: 'alliance' }]
 */
export function stanceQueriesIn(doc: Document): TimelineQuery[] {
  const entities = new Map<EntityId, Entity>((doc.layers.entities?.entities ?? []).map((e) => [e.id, e]))
  const sidesOf = (id: EntityId | null | undefined): EntityId[] => {
    if (id === null || id === undefined) return []
    const countries = countriesOf(entities.get(id))
    return countries.length > 0 ? countries.map((c) => `country:${c}`) : [id]
  }
  const named = (id: EntityId): { id: EntityId; name: string } => ({ id, name: entities.get(id)?.name ?? id })
  const out = new Map<string, TimelineQuery>()
  for (const e of doc.layers.events?.events ?? []) {
    const topic = topicOf(e.action)
    if (e.modality === 'question' || topic === null) continue
    const actors = [...sidesOf(e.actor?.entity), ...(actorUnstated(doc, e) ? sidesOf(e.speaker) : [])]
    const counterparts = [...sidesOf(e.target?.entity), ...sidesOf(e.against?.entity)]
    const pairs = actors.flatMap((a) => counterparts.map((c) => [a, c] as const))
    if (MUTUAL_ACTIONS.has(e.action)) pairs.push(...pairs.map(([a, c]) => [c, a] as const))
    for (const [a, c] of pairs) {
      if (a !== c) out.set(`${a}|${c}|${topic}`, { actor: named(a), counterpart: named(c), topic })
    }
  }
  return [...out.values()]
}

// ---------------------------------------------------------------- who the event is about

/** An entity asked about, and its country's alpha-2 code when it is a country (people of it count as it). */
interface Side {
  readonly id: EntityId
  readonly country: string | null
  readonly entities: ReadonlyMap<EntityId, Entity>
}

function sideOf(id: EntityId, entities: ReadonlyMap<EntityId, Entity>): Side {
  return { id, country: id.startsWith('country:') ? id.slice('country:'.length) : null, entities }
}

/** The countries a person acts for: those of their roles, else their own. */
function countriesOf(entity: Entity | undefined): string[] {
  if (entity === undefined || entity.type !== 'person') return []
  const byRole = [...new Set(entity.roles.flatMap((r) => (r.country === undefined ? [] : [r.country])))]
  if (byRole.length > 0) return byRole
  return entity.country === undefined ? [] : [entity.country]
}

function belongsTo(id: EntityId | null | undefined, side: Side): boolean {
  if (id === null || id === undefined) return false
  if (id === side.id) return true
  return side.country !== null && countriesOf(side.entities.get(id)).includes(side.country)
}

interface EventMatch {
  /** The entity whose position it is as the event names it (Russia, or Putin), else null (the speaker's side). */
  readonly actorId: EntityId | null
  readonly counterpartRole: 'target' | 'against'
}

function matchEvent(e: ActorEvent, actor: Side, counterpart: Side, doc: Document): EventMatch | null {
  const speakerSpeaks = e.speaker !== null && belongsTo(e.speaker, actor)
  const unstated = actorUnstated(doc, e)
  const role = belongsTo(e.against?.entity, counterpart) ? 'against' : belongsTo(e.target?.entity, counterpart) ? 'target' : null
  // Asked about a person: their country's acts in their own words count ("Russia does not form…", Putin said).
  const ownCountry = e.speaker === actor.id && countriesOf(actor.entities.get(actor.id)).some((c) => e.actor?.entity === `country:${c}`)
  if (role !== null) {
    if (belongsTo(e.actor?.entity, actor) || ownCountry) return { actorId: e.actor!.entity, counterpartRole: role }
    if (unstated && speakerSpeaks) return { actorId: null, counterpartRole: role }
  }
  // "a military alliance between China and Russia", in the words of Russia's speaker.
  if (MUTUAL_ACTIONS.has(e.action) && speakerSpeaks && belongsTo(e.actor?.entity, counterpart) && belongsTo(e.target?.entity, actor)) {
    return { actorId: null, counterpartRole: 'target' }
  }
  return null
}

/** The event names no actor, or only "we": its speaker's side acts. */
function actorUnstated(doc: Document, e: ActorEvent): boolean {
  return e.actor === null || (e.actor.entity === null && FIRST_PERSON.has(textOf(doc.source, e.actor.span).trim().toLowerCase()))
}

// ---------------------------------------------------------------- one report

function toFound(doc: Document, e: ActorEvent, match: EventMatch, query: TimelineQuery, entities: ReadonlyMap<EntityId, Entity>): FoundStatement {
  const quote = quoteOf(doc, e)
  const scope = quoteScope(quote, e) ?? e.span
  const { date, dateBasis, period } = dateOf(doc, e)
  const actorId = match.actorId ?? query.actor.id
  const speaker = e.speaker === null ? undefined : entities.get(e.speaker)
  const statement: FoundStatement['statement'] = {
    date,
    dateBasis,
    actor: { id: actorId, name: entities.get(actorId)?.name ?? query.actor.name },
    speaker: e.speaker === null ? null : { id: e.speaker, name: speaker?.name ?? e.speaker, role: roleOf(speaker, query.actor.id) },
    action: e.action,
    polarity: e.polarity,
    modality: e.modality,
    position: positionOf(doc.source, e, scope),
    quote: citationOf(doc, scope, outletOf(doc)),
    counterpartRole: match.counterpartRole,
  }
  return { statement, citation: statement.quote, period, direct: quote?.direct === true }
}

function quoteOf(doc: Document, e: ActorEvent): Quote | null {
  return e.quote === null ? null : doc.layers.quotes?.quotes.find((q) => q.id === e.quote) ?? null
}

/** The quoted words the event lies in (the part of a split quote that holds the trigger), if any. */
function quoteScope(quote: Quote | null, e: ActorEvent): Span | null {
  if (quote === null) return null
  return quote.parts.find((p) => contains(p, e.trigger)) ?? quote.span
}

/** The speaker's role title, one of the actor's country first ("foreign minister"). */
function roleOf(speaker: Entity | undefined, actorId: EntityId): string | null {
  const roles = speaker?.roles ?? []
  const country = actorId.startsWith('country:') ? actorId.slice('country:'.length) : null
  return (roles.find((r) => r.country === country) ?? roles[0])?.title ?? null
}

