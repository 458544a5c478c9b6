import type { ActorEvent, Entity, EntityId, EventAction, EventRole, Span } from '../../document/index.js'
import { PREPOSITIONS, clauseEnd, clauseStart, nounPhraseEnd, wordBefore } from './clause.js'
import { readModality } from './modality.js'
import { readPolarity } from './polarity.js'
import { findObjects, findSubject, type Participant, type RoleContext } from './roles.js'
import { findTriggers, type Trigger } from './triggers.js'
import { mentionStart, type SentenceView } from './view.js'

/** The quote a position lies in, as the events rules need it. */
export interface QuoteHit {
  readonly id: string
  readonly speaker: EntityId | null
  readonly direct: boolean
}

/** What a sentence's events need from the rest of the document. */
export interface DocumentContext {
  readonly entity: (id: EntityId) => Entity | undefined
  /** The quote (direct in its quoted parts, indirect in its statement span) that covers `offset`, if any. */
  readonly quoteAt: (offset: number) => QuoteHit | null
  /** The latest nominal event found before `offset` within reach ("an alliance between China and Russia"), for "rule it out". */
  readonly antecedent: (offset: number) => FoundEvent | null
}

/** An event as read from one sentence, before ids and dates. */
export interface FoundEvent extends Pick<ActorEvent, 'action' | 'trigger' | 'actor' | 'target' | 'against' | 'polarity' | 'modality'> {
  readonly quote: QuoteHit | null
  /** From a noun ("alliance"): what "it" in "rule it out" can stand for. */
  readonly nominal: boolean
}

/** Actions with two sides of equal standing: "Russia and China signed" makes China the partner. */
const SYMMETRIC: ReadonlySet<EventAction> = new Set(['ally', 'cooperate'])
/** Actions whose noun names a state the subject enters or holds ("an alliance", "an intention"), not a deed of someone else's ("the offer"). */
const JOINT: ReadonlySet<EventAction> = new Set(['ally', 'cooperate', 'intend'])

/**
 * The events of one sentence: each lexicon trigger with its actor, target, "against" phrase,
 * polarity and modality. A rejection that governs another trigger is part of that event, not an
 * event of its own; an event with no participant at all is dropped.
 *
 * @example
 * eventsInSentence(view, ctx) // "Russia will not ally with anyone against China."
 * // [{ action: 'ally', actor: Russia, target: anyone (null entity), against: China, polarity: 'negative', modality: 'future' }]
 */
export function eventsInSentence(view: SentenceView, ctx: DocumentContext): FoundEvent[] {
  const triggers = findTriggers(view)
  const governed = new Set<number>()
  const found = new Map<number, FoundEvent>()
  const actors = new Map<number, EventRole>()
  // Rejections last: whether one is an event of its own depends on what the others found.
  const order = triggers.map((_, k) => k).sort((a, b) => Number(triggers[a]!.action === 'reject') - Number(triggers[b]!.action === 'reject'))
  for (const k of order) {
    if (governed.has(k)) continue
    const event = readEvent(view, triggers, k, ctx, governed, actors)
    if (event !== null) found.set(k, event)
    if (event?.actor != null) actors.set(k, event.actor)
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e)
}

function spanOf(view: SentenceView, first: number, last: number): Span {
  return { start: view.tokens[first]!.start, end: view.tokens[last]!.end }
}

function role(p: Participant | null | undefined): EventRole | null {
  return p === null || p === undefined ? null : p.role
}

/** How far back (in tokens) a purpose clause looks for the event whose actor it shares: "Russia collaborating with the US to pressure China". */
const PURPOSE_REACH = 8

function purposeActor(view: SentenceView, triggers: readonly Trigger[], k: number, actors: ReadonlyMap<number, EventRole>): EventRole | null {
  const t = triggers[k]!
  if (t.nominal || view.words[t.first - 1] !== 'to' || k === 0) return null
  // "urged Peru to sanction": a name right before "to", outside a prepositional phrase, is the subject.
  const object = view.mentionAt[t.first - 2]
  if (object !== undefined && !PREPOSITIONS.has(wordBefore(view, mentionStart(view, t.first - 2, object)))) return null
  const before = triggers[k - 1]!
  return t.first - before.last <= PURPOSE_REACH ? actors.get(k - 1) ?? null : null
}

/** Actions whose object is an action not yet done: "pressure from the West to align", "plans to ally". */
const WISHING: ReadonlySet<EventAction> = new Set(['propose', 'demand', 'intend'])
/** An actor-less noun after these is a kind of event talked about, not one that happened: "an alliance aimed at containing China could…". */
const INDEFINITE_ARTICLES = new Set(['a', 'an', 'any'])

/** A verb in an infinitive after a proposal, demand or plan is what is wished for, not what happened. */
function isWishedFor(view: SentenceView, triggers: readonly Trigger[], k: number): boolean {
  const t = triggers[k]!
  if (t.nominal || view.words[t.first - 1] !== 'to') return false
  for (let j = k - 1; j >= 0 && t.first - triggers[j]!.last <= PURPOSE_REACH; j--) if (WISHING.has(triggers[j]!.action)) return true
  return false
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't"])
const IRREGULAR_PARTICIPLES = new Set(['sought', 'built', 'made', 'put'])
const REDUCED_PASSIVE_OPENERS = new Set(['when', 'if', 'once', 'unless', 'until', 'as'])

/** A past participle after a form of "be" (adverbs and "not" may stand between). */
function isPassive(view: SentenceView, at: number): boolean {
  const w = view.words[at]!
  if (!w.endsWith('ed') && !IRREGULAR_PARTICIPLES.has(w)) return false
  let j = at - 1
  while (j >= 0 && (view.words[j]!.endsWith('ly') || view.words[j] === 'not' || view.words[j] === 'never')) j--
  // "When pressed by the host, …": a participle opening a clause is passive too.
  return j >= 0 && (BE_FORMS.has(view.words[j]!) || (REDUCED_PASSIVE_OPENERS.has(view.words[j]!) && view.words[at + 1] === 'by'))
}

interface Roles {
  actor: EventRole | null
  target: EventRole | null
  against: EventRole | null
  /** The actor is the clause's subject, not a name inside the trigger's own phrase. */
  actorFromClause: boolean
  /** The actor stands for both sides ("the two countries"): the event is between them, with no target apart. */
  bothSides: boolean
}

/** Actor, target and "against" of one trigger, from its own phrase first, then its clause. */
function readRoles(
  view: SentenceView, triggers: readonly Trigger[], k: number, roleContext: RoleContext, actors: ReadonlyMap<number, EventRole>,
): Roles {
  const t = triggers[k]!
  const bare = t.nominal && !t.lightVerb
  let actor: EventRole | null = null
  let target: EventRole | null = null
  let partner: EventRole | null = null
  let actorFromClause = false
  let bothSides = false
  if (t.possessive !== null) actor = { entity: t.possessive.entity, span: t.possessive.span }
  else if (bare && t.modifiers.length > 0) actor = { entity: t.modifiers[0]!.entity, span: t.modifiers[0]!.span }
  else actor = purposeActor(view, triggers, k, actors)
  // A bare noun takes the clause's subject only for a joint state ("considering an alliance with
  // China"): "Beijing welcomed the offer" does not make Beijing the one who offered.
  if (actor === null && (!bare || (!t.inPhrase && JOINT.has(t.action)))) {
    const subject = findSubject(view, t.anchor, roleContext)
    actor = role(subject?.actor)
    partner = role(subject?.partner)
    actorFromClause = actor !== null
    bothSides = subject?.bothSides ?? false
  }
  const inner = t.modifiers.find((m) => m.entity !== actor?.entity)
  if (inner !== undefined) target = { entity: inner.entity, span: inner.span }

  // After a bare noun a comma or a verb ends its phrase: "Military cooperation has grown, with Russia selling…".
  const forwardEnd = bare ? nounPhraseEnd(view, t.last + 1) : clauseEnd(view, t.last + 1)
  const nextTrigger = triggers[k + 1]?.head ?? view.words.length
  const objects = findObjects(view, t.last + 1, Math.min(forwardEnd, nextTrigger), roleContext, !t.nominal)
  if (objects.between !== null) {
    const [a, b] = objects.between
    if (actor === null) [actor, target] = [a.role, b.role]
    else target = (a.role.entity === actor.entity ? b : a).role
  }
  target = role(objects.target) ?? target ?? (SYMMETRIC.has(t.action) ? partner : null)
  if (actor === null && bare) actor = role(objects.source)
  if (!t.nominal && isPassive(view, t.first)) {
    // "Obama was criticized by Congress": the subject is the target, the "by" phrase the actor.
    target = actor
    actor = role(objects.agent)
  }
  const anti = t.antiModifiers[0]
  const against = role(objects.against) ?? (anti === undefined ? null : { entity: anti.entity, span: anti.span })
  return { actor, target, against, actorFromClause, bothSides }
}

/**
 * "we are not going to rule it out": the event "it" stands for, with this clause's actor; its
 * other side becomes the target.
 */
function takeAntecedent(roles: Roles, antecedent: FoundEvent): { action: EventAction; roles: Roles } {
  const others = [antecedent.actor, antecedent.target].filter((r): r is EventRole => r !== null && r.entity !== null && r.entity !== roles.actor?.entity)
  return { action: antecedent.action, roles: { ...roles, target: others[0] ?? null, against: antecedent.against } }
}

function readEvent(
  view: SentenceView, triggers: readonly Trigger[], k: number, ctx: DocumentContext, governed: Set<number>, actors: ReadonlyMap<number, EventRole>,
): FoundEvent | null {
  const t = triggers[k]!
  const triggerSpan = spanOf(view, t.first, t.last)
  const quote = ctx.quoteAt(triggerSpan.start)
  const roleContext: RoleContext = { entity: ctx.entity, quoteSpeaker: quote?.direct === true ? quote.speaker : null, speaker: quote?.speaker ?? null }
  const windowStart = clauseStart(view, t.anchor)
  const bare = t.nominal && !t.lightVerb
  const reading = readPolarity(view, triggers, k, windowStart, clauseEnd(view, t.last + 1))
  for (const g of reading.governors) governed.add(g)
  // Someone's proposal or demand exists whatever the clause around it says ("Washington will
  // answer Putin's proposal"): only its own phrase ("a potential offer") bears on it.
  const ownPhraseOnly = bare && (t.possessive !== null || !JOINT.has(t.action))
  let modality = readModality(view, ownPhraseOnly ? t.first : windowStart, reading.modalEnd, t.first, reading.negatedGovernor)
  if (reading.hedgedGovernor && modality === 'asserted') modality = 'possible'
  let roles = readRoles(view, triggers, k, roleContext, actors)
  let action = t.action
  let polarity = reading.polarity

  const antecedent = t.anaphoric ? ctx.antecedent(triggerSpan.start) : null
  if (antecedent !== null) {
    ({ action, roles } = takeAntecedent(roles, antecedent))
  } else if (t.anaphoric) {
    // "rule it out" with nothing for "it" to stand for is a rejection of its own: positive unless negated.
    modality = readModality(view, windowStart, t.first, t.first, false)
    polarity = polarity === 'negative' ? 'positive' : 'negative'
  }
  const { actor, against } = roles
  const target = roles.target?.entity != null && roles.target.entity === actor?.entity ? null : roles.target
  if (actor === null && target === null && against === null) return null
  // "underscoring a commitment to strategic partnerships": a bare noun whose only participant is
  // the clause's subject says too little to be an event between actors.
  if (bare && roles.actorFromClause && !roles.bothSides && target === null && against === null) return null
  const indefinite = bare && actor === null && polarity === 'positive' && INDEFINITE_ARTICLES.has(view.words[t.first]!)
  if (modality === 'asserted' && (isWishedFor(view, triggers, k) || indefinite)) modality = 'possible'
  return {
    action, trigger: triggerSpan, actor, target, against, polarity, modality,
    // A question put to someone is not their statement.
    quote: modality === 'question' ? null : quote,
    nominal: bare && antecedent === null,
  }
}
