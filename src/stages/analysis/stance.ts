import type {
  ActorEvent, Citation, Document, Entity, EntityId, EventAction, Quote, StancePosition, StanceStatement, Span, Timeline,
} from '../../document/index.js'
import { citationOf, contains, outletOf } from '../../document/index.js'
import { UsageError } from '../../errors.js'

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

/** Two reports of one statement may date it this many days apart (a dateline the day after an interview). */
export const SAME_STATEMENT_DAYS = 2
/**
 * An inferred publication date (metadata `inferred:latest-past-event`, `inferred:last-year`,
 * `inferred:president-elect`) is a lower bound: the article is no older than the latest past event
 * it reports. We read it as "within this many days after": news seldom reports, as its latest
 * past event, one more than a quarter old.
 */
export const INFERRED_DATE_SLACK_DAYS = 92
const LOWER_BOUND_BASES = ['inferred:latest-past-event', 'inferred:last-year', 'inferred:president-elect']
/** Actions done with someone rather than to someone: "China and Russia could ally" is a stance of either side's speaker. */
const MUTUAL_ACTIONS: ReadonlySet<EventAction> = new Set(['ally', 'cooperate'])
/** A participant in these words is the speaker's own side ("we are not going to rule it out"). */
const FIRST_PERSON = new Set(['we', 'us', 'our', 'i', 'me', 'my'])

/**
 * The words that make a position conditional, as word sequences ("provided that"); an alternative
 * word is written `a|b`. "even if" and "as if" are no condition and are skipped.
 */
const CONDITION_CUES: readonly (readonly ReadonlySet<string>[])[] = [
  'if', 'unless', 'provided that', 'providing that', 'on condition', 'on the condition', 'as long as', 'so long as',
  'contingent on|upon', 'conditional on|upon', 'in exchange for', 'in return for',
].map((cue) => cue.split(' ').map((word) => new Set(word.split('|'))))
const NOT_CONDITION_BEFORE_IF = new Set(['even', 'as'])
/** A clause boundary a condition does not reach across. */
const CLAUSE_BREAKS = new Set([';', ':', '—', '–'])

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
 * action, position and counterpart role; dates within {@link SAME_STATEMENT_DAYS}) are one row with a
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
  /** Days since 1970-01-01, first and last, of the period the date allows; null when undated. */
  readonly period: { readonly from: number; readonly to: number } | null
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
 * Merges reports of one statement and orders the rows: by date, undated last, each marked with
 * the position it shifts from.
 */
export function assembleTimeline(query: TimelineQuery, found: readonly FoundStatement[]): Timeline {
  const rows = mergeReports(found)
  rows.sort((a, b) => (a.period?.from ?? Infinity) - (b.period?.from ?? Infinity) || a.first - b.first)
  const statements: StanceStatement[] = []
  for (const row of rows) {
    const previous = statements[statements.length - 1]
    const { statement } = row.members[0]!
    const shift = previous !== undefined && previous.position !== statement.position ? { from: previous.position } : null
    statements.push({ ...statement, citations: citationsOf(row.members), shift })
  }
  return { actor: query.actor, counterpart: query.counterpart, topic: query.topic, statements }
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
  const named = Object.keys(TOPICS).find((name) => TOPICS[name]!.includes(key as EventAction))
  if (named === undefined) throw new UsageError(`Unknown topic "${topic}". Topics: ${Object.keys(TOPICS).join(', ')}.`)
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
    const unstated = e.actor === null || (e.actor.entity === null && FIRST_PERSON.has(wordsOf(doc, e.actor.span)))
    const actors = [...sidesOf(e.actor?.entity), ...(unstated ? sidesOf(e.speaker) : [])]
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
export function countriesOf(entity: Entity | undefined): string[] {
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
  const unstated = e.actor === null || (e.actor.entity === null && FIRST_PERSON.has(wordsOf(doc, e.actor.span)))
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

function wordsOf(doc: Document, span: Span): string {
  return doc.source.slice(span.start, span.end).trim().toLowerCase()
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

/**
 * Conditional when a condition cue lies in the clause of the trigger; else open for a possible
 * event; else for or against by polarity.
 *
 * @example
 * positionOf('We could ally with them if they asked.', event, sentence) // 'conditional'
 */
export function positionOf(source: string, e: Pick<ActorEvent, 'trigger' | 'polarity' | 'modality'>, scope: Span): StancePosition {
  if (hasCondition(source, scope, e.trigger)) return 'conditional'
  if (e.modality === 'possible') return 'open'
  return e.polarity === 'positive' ? 'for' : 'against'
}

function hasCondition(source: string, scope: Span, trigger: Span): boolean {
  const tokens = [...source.slice(scope.start, scope.end).matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[;:—–]/gu)]
    .map((m) => ({ word: m[0].toLowerCase(), at: scope.start + m.index }))
  for (let i = 0; i < tokens.length; i++) {
    const cue = CONDITION_CUES.find((words) => words.every((set, k) => set.has(tokens[i + k]?.word ?? '')))
    if (cue === undefined || (cue.length === 1 && NOT_CONDITION_BEFORE_IF.has(tokens[i - 1]?.word ?? ''))) continue
    const at = tokens[i]!.at
    const [from, to] = at < trigger.start ? [at, trigger.start] : [trigger.end, at]
    if (!tokens.some((t) => CLAUSE_BREAKS.has(t.word) && t.at >= from && t.at < to)) return true
  }
  return false
}

// ---------------------------------------------------------------- dates

function dateOf(doc: Document, e: ActorEvent): Pick<StanceStatement, 'date' | 'dateBasis'> & { period: FoundStatement['period'] } {
  if (e.date !== null) return { date: e.date.value, dateBasis: 'event', period: periodOf(e.date.value) }
  const reported = doc.layers.times?.eventDate
  if (reported !== undefined) return { date: reported.value, dateBasis: 'reported-event', period: periodOf(reported.value) }
  const published = doc.layers.metadata?.published
  if (published === undefined) return { date: null, dateBasis: 'none', period: null }
  const period = periodOf(published.value.date)
  const lowerBound = LOWER_BOUND_BASES.some((b) => published.basis.startsWith(b))
  return {
    date: published.value.date,
    dateBasis: 'published',
    period: period !== null && lowerBound ? { from: period.from, to: period.to + INFERRED_DATE_SLACK_DAYS } : period,
  }
}

const DAY_MS = 86_400_000

/** `2025` → all of 2025, `2025-10` → all of October, `2025-10-15` → that day; days since the epoch. */
function periodOf(value: string): FoundStatement['period'] {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value)
  if (m === null) return null
  const year = Number(m[1])
  const day = (y: number, mo: number, d: number): number => Math.floor(Date.UTC(y, mo, d) / DAY_MS)
  if (m[2] === undefined) return { from: day(year, 0, 1), to: day(year, 11, 31) }
  const month = Number(m[2]) - 1
  if (m[3] === undefined) return { from: day(year, month, 1), to: day(year, month + 1, 0) }
  const at = day(year, month, Number(m[3]))
  return { from: at, to: at }
}

// ---------------------------------------------------------------- merging reports

interface Row {
  readonly key: string
  readonly period: FoundStatement['period']
  readonly members: FoundStatement[]
  /** Input position of its earliest report, to keep rows of one date in the order given. */
  first: number
}

function keyOf(f: FoundStatement): string {
  const s = f.statement
  return [s.speaker?.id ?? s.actor.id, s.action, s.position, s.counterpartRole].join('|')
}

/**
 * The most precisely dated report of a statement opens its row, so vaguer reports ("October
 * 2025") join the row they fit rather than swallowing several distinct days; among equally
 * precise ones, a direct quote first, so the row shows the speaker's own words.
 */
function mergeReports(found: readonly FoundStatement[]): Row[] {
  const width = (f: FoundStatement): number => (f.period === null ? Infinity : f.period.to - f.period.from)
  const byPrecision = found.map((f, index) => ({ f, index }))
    .sort((a, b) => width(a.f) - width(b.f) || Number(b.f.direct) - Number(a.f.direct) || a.index - b.index)
  const rows: Row[] = []
  for (const { f, index } of byPrecision) {
    const key = keyOf(f)
    const row = rows.find((r) => r.key === key && sameTime(r, f))
    if (row === undefined) rows.push({ key, period: f.period, members: [f], first: index })
    else {
      row.members.push(f)
      row.first = Math.min(row.first, index)
    }
  }
  return rows
}

function sameTime(row: Row, f: FoundStatement): boolean {
  if (row.period === null || f.period === null) {
    return row.period === f.period && row.members.some((m) => m.citation.article === f.citation.article)
  }
  return f.period.from <= row.period.to + SAME_STATEMENT_DAYS && row.period.from <= f.period.to + SAME_STATEMENT_DAYS
}

/** One citation per article: the row's first report in it. */
function citationsOf(members: readonly FoundStatement[]): Citation[] {
  const seen = new Set<string>()
  const out: Citation[] = []
  for (const m of members) {
    if (seen.has(m.citation.article)) continue
    seen.add(m.citation.article)
    out.push(m.citation)
  }
  return out
}
