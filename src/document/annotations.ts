import type { Span } from './span.js'
import type { BlockKind } from './clean.js'

/*
 * The understanding layers. Every span is a half-open range of `Document.source` (UTF-16 code
 * units), so `source.slice(span.start, span.end)` is always the words the annotation rests on.
 * Values not in the text (a canonical name, a normalised date) carry no span of their own.
 *
 * Ids (`q3`, `c1`, `t2`, `e4`) are local to one document: the index in their layer, prefixed.
 * Entity ids are global: the same id in two documents is the same entity.
 */

// ---------------------------------------------------------------- sentences

/** One sentence (or one heading, list item or table row, which may lack final punctuation). */
export interface Sentence {
  readonly span: Span
  /** Index of the clean block the sentence lies in. */
  readonly block: number
  /** The kind of that block: prose sentences are `paragraph` or `quote`. */
  readonly kind: BlockKind
}

export interface SentencesLayer {
  readonly sentences: readonly Sentence[]
}

// ---------------------------------------------------------------- times

/** How precise a normalised time is. */
export type TimePrecision = 'day' | 'month' | 'season' | 'year' | 'decade'

/**
 * What a time expression dates:
 * - `reported-event`: the event the article reports (the interview "on Wednesday");
 * - `past`: an earlier event given as background ("in late September Putin proposed…");
 * - `future`: something scheduled or expected ("expires on February 5, 2026");
 * - `as-of`: the date a figure holds for ("as of early 2025", "in 2024");
 * - `dateline`: the article's own date line;
 * - `other`: anything else (a duration's anchor, a period discussed in general).
 */
export type TimeRole = 'reported-event' | 'past' | 'future' | 'as-of' | 'dateline' | 'other'

/** What a relative expression was resolved against. */
export type TimeAnchor =
  | 'absolute'          // "February 5, 2026": needs nothing
  | 'publication'       // "on Wednesday", "last month": the article's publication date
  | 'event'             // "several weeks before the U.S. presidential election": a dated event the engine knows
  | 'context'           // "in September" with the year taken from the surrounding text
  | 'unresolved'        // found, but nothing to resolve it against: `value` is null

export interface TimeExpression {
  readonly id: string
  readonly span: Span
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (the first day/month of the period for a season or decade); null when unresolved. */
  readonly value: string | null
  readonly precision: TimePrecision
  /** "early", "mid", "late", "before", "after", "about": a qualifier the value does not carry. */
  readonly modifier?: 'early' | 'mid' | 'late' | 'before' | 'after' | 'about'
  readonly anchor: TimeAnchor
  readonly role: TimeRole
  /** Index of the sentence it lies in. */
  readonly sentence: number
}

export interface TimesLayer {
  readonly times: readonly TimeExpression[]
  /**
   * The date the article's main reported event happened, when the text says so (the time of its
   * lead statement), with the id of the time expression it came from.
   */
  readonly eventDate?: { readonly value: string; readonly precision: TimePrecision; readonly time: string }
}

// ---------------------------------------------------------------- entities

export type EntityType = 'person' | 'country' | 'organization' | 'treaty' | 'event' | 'place' | 'group'

/**
 * Global entity id, stable across documents:
 * - gazetteer entities: `person:<gazetteer id>`, `country:<alpha-2>`, `org:<gazetteer id>`, `treaty:<gazetteer id>`;
 * - others: `<type>:~<name key>` from the fullest name seen (`person:~omar-el-sayed`).
 */
export type EntityId = string

/** A role a person holds, as the text states it or the gazetteer knows it for the article's date. */
export interface EntityRole {
  /** Lower-case title: "foreign minister", "president", "spokesman". */
  readonly title: string
  /** Alpha-2 code of the country the role is of, when known. */
  readonly country?: string
  /** Entity id of the organisation the role is in, when known. */
  readonly organization?: EntityId
  readonly basis: 'text' | 'gazetteer'
  /** Where the text states it ("Russian Foreign Minister"). */
  readonly span?: Span
}

export interface Entity {
  readonly id: EntityId
  readonly type: EntityType
  /** Canonical name: the gazetteer's, or the fullest form seen in the document. */
  readonly name: string
  /** Every distinct surface form that refers to it in this document. */
  readonly aliases: readonly string[]
  /** Alpha-2 code of the country it belongs to (a ministry, a newspaper, a citizen), when known. */
  readonly country?: string
  readonly roles: readonly EntityRole[]
  /** True when the gazetteer knows it. */
  readonly known: boolean
}

/**
 * How a mention names its entity:
 * `name` (full name), `partial-name` ("Lavrov"), `acronym` ("SIPRI"), `demonym` ("Russian", "the Chinese"),
 * `metonym` ("the Kremlin", "Beijing" as the government), `role` ("the foreign minister"), `pronoun` ("he").
 */
export type MentionKind = 'name' | 'partial-name' | 'acronym' | 'demonym' | 'metonym' | 'role' | 'pronoun'

export interface Mention {
  readonly span: Span
  readonly entity: EntityId
  readonly kind: MentionKind
  /**
   * For countries and their capitals: `place` (the territory: "in Moscow"), `government` (acting:
   * "Moscow said", "the Kremlin"), `attribute` (an adjective: "Russian Foreign Minister").
   */
  readonly use?: 'place' | 'government' | 'attribute'
  readonly sentence: number
}

export interface EntitiesLayer {
  readonly entities: readonly Entity[]
  /** In source order. */
  readonly mentions: readonly Mention[]
}

// ---------------------------------------------------------------- quotes

/**
 * Who a quote is attributed to. `entity` is null when the text names a speaker the engine cannot
 * tie to an entity ("officials", "a source") or when the speaker is unclear; `resolution` says which.
 */
export interface Speaker {
  readonly entity: EntityId | null
  /** The words that name the speaker at the attribution ("Lavrov", "he", "the foreign minister", "officials"). */
  readonly span: Span | null
  /**
   * `named`: a name at the cue; `pronoun`/`role`: resolved through a pronoun or role noun;
   * `carried`: no attribution of its own, the previous quote's speaker continues (a paragraph of
   * quotation); `unnamed`: a speaker span that is no entity ("sources said"); `unclear`: none found.
   */
  readonly resolution: 'named' | 'pronoun' | 'role' | 'carried' | 'unnamed' | 'unclear'
}

export interface Quote {
  readonly id: string
  /** From the first to the last quoted word (for a direct quote, inside the marks). */
  readonly span: Span
  /** The quoted pieces, when the quote is split around its attribution ("…," he added, "…"). */
  readonly parts: readonly Span[]
  /** Words in quote marks (true), or reported speech (false). */
  readonly direct: boolean
  /** A direct fragment inside a sentence of the writer's own ("called the proposal “a good idea”"). */
  readonly partial: boolean
  readonly speaker: Speaker
  /** The speech verb or phrase: "said", "told reporters", "according to"; null when there is none. */
  readonly cue: Span | null
  /** Index of the sentence the quote starts in. */
  readonly sentence: number
}

export interface QuotesLayer {
  readonly quotes: readonly Quote[]
}

// ---------------------------------------------------------------- claims

/** How the number relates to the true value: "more than 400" is `gt`, "about 600" is `approx`. */
export type Comparator = 'eq' | 'approx' | 'gt' | 'gte' | 'lt' | 'lte'

export interface NumericClaim {
  readonly id: string
  /** The quantity phrase: "5,459 warheads", "$220 billion", "18 percent". */
  readonly span: Span
  /** The value with its scale applied: "$220 billion" is 220000000000. */
  readonly value: number
  /**
   * Unit: an ISO 4217 code for money (`USD`), `percent`, a time unit (`year`, `month`), or the
   * counted noun in singular ("warhead", "fighter"); null for a bare number.
   */
  readonly unit: string | null
  readonly comparator: Comparator
  /** What it measures, in the text's words ("nuclear warheads", "bilateral trade"), and where. */
  readonly measure: { readonly text: string; readonly span: Span } | null
  /** Of whom: the entity the quantity belongs to (Russia's warheads), and the mention's span. */
  readonly subject: { readonly entity: EntityId; readonly span: Span } | null
  /** The time the figure refers to: id of a time expression in the times layer, and its value. */
  readonly time: { readonly id: string; readonly value: string | null } | null
  /**
   * Who the figure is attributed to ("according to estimates by SIPRI"): the entity when known,
   * the span naming it, and the cue; null when the text gives no source.
   */
  readonly source: { readonly entity: EntityId | null; readonly span: Span; readonly cue: Span | null } | null
  readonly sentence: number
}

export interface ClaimsLayer {
  readonly claims: readonly NumericClaim[]
}

// ---------------------------------------------------------------- events

/**
 * The event ontology (documented in the README):
 * `cooperate` (cooperate, agree, partner, sign), `ally` (ally, align, form a bloc or alliance, join
 * forces), `reject` (reject, refuse, rule out, deny), `propose` (propose, offer, suggest), `demand`
 * (demand, pressure, urge, insist), `threaten`, `sanction`, `criticize` (criticise, condemn,
 * accuse), `praise` (praise, welcome, support), `intend` (express intent: plan, seek, aim).
 */
export type EventAction =
  | 'cooperate' | 'ally' | 'reject' | 'propose' | 'demand' | 'threaten' | 'sanction' | 'criticize' | 'praise' | 'intend'

/**
 * `asserted`: stated as fact, past or present; `future`: stated as what will (not) happen;
 * `possible`: open or hypothetical ("we are not going to rule it out", "could"); `question`: asked, not stated.
 */
export type Modality = 'asserted' | 'future' | 'possible' | 'question'

export interface EventRole {
  readonly entity: EntityId | null
  /** The words naming the participant ("anyone" has a span and a null entity). */
  readonly span: Span
}

export interface ActorEvent {
  readonly id: string
  readonly action: EventAction
  /** The word or phrase that expresses the action ("ally", "rule it out", "proposed"). */
  readonly trigger: Span
  readonly actor: EventRole | null
  /** Whom the action is done to or with (the partner of an alliance, the one pressured). */
  readonly target: EventRole | null
  /** Whom an alliance or action is directed against ("against China"), when stated apart from the target. */
  readonly against: EventRole | null
  /** `negative` when the text negates the action: "will not ally" is an `ally` event with negative polarity. */
  readonly polarity: 'positive' | 'negative'
  readonly modality: Modality
  /** Whose claim it is: the quote's speaker when the event is stated inside a quote or reported speech; null when it is the writer's. */
  readonly speaker: EntityId | null
  /** The quote it was found in, if any. */
  readonly quote: string | null
  /** The date of the event: from a time in the sentence, else the article's event date; null when unknown. */
  readonly date: { readonly value: string; readonly time: string | null } | null
  readonly sentence: number
  /** The sentence's span, so the event can be shown in its source. */
  readonly span: Span
}

export interface EventsLayer {
  readonly events: readonly ActorEvent[]
}
