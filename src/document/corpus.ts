/**
 * The corpus-level model: what Dossier derives across articles. Stories group the articles that
 * report one event, threads link stories over time, a story's check compares what its outlets
 * say, and stance timelines order what an actor said about a counterpart. Every value here cites
 * the exact span of the exact article it comes from.
 */
import type { Document, DocumentId } from './document.js'
import type { EntityId, EventAction, Modality } from './annotations.js'
import type { Span } from './span.js'

/** Stable id of a story: `st-` and the first 12 hex digits of the id of the article that opened it. */
export type StoryId = string
/**
 * Stable id of a thread: `th-` and 12 hex digits of the founding article of the story that opened it.
 * A thread that grows or merges keeps the id most of its stories already carry, so links to it hold.
 */
export type ThreadId = string

/**
 * Where a line of Dossier's output comes from: the article and the exact characters
 * (`source.slice(span.start, span.end) === text`).
 */
export interface Citation {
  readonly article: DocumentId
  /** The outlet: the publisher when known, else the URL's host, else the input as named. */
  readonly source: string
  readonly span: Span
  readonly text: string
}

// ---------------------------------------------------------------- stories

export interface StoryArticle {
  readonly id: DocumentId
  /** The outlet, as in `Citation.source`. */
  readonly source: string
  readonly title: string | null
  readonly url: string | null
  /** Publication date as the metadata gives it (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or null. */
  readonly published: string | null
  /** The reported event's date from the article's own times layer, or null. */
  readonly eventDate: string | null
  /**
   * Set when the article is a near-copy of an earlier one (republished wire copy, one text on two
   * sites): the original and the estimated Jaccard similarity of their shingles. A copy is not an
   * independent source: agreement counts it once, with its original.
   */
  readonly duplicateOf: { readonly id: DocumentId; readonly similarity: number } | null
  /** The article's language (ISO 639-1, from its metadata), or null; absent on stories stored before it was kept. */
  readonly language?: string | null
}

export interface Story {
  readonly id: StoryId
  /** A headline of one of its articles (the most central one whose headline has no mismatch note). */
  readonly title: string
  /** The article whose headline `title` is. */
  readonly titleFrom: DocumentId
  /** When the reported event happened: the members' reported-event date, else their earliest publication date; null when neither is known. */
  readonly eventDate: string | null
  readonly eventDateBasis: 'reported-event' | 'published' | 'none'
  /** Earliest and latest dates of its members (event date, else publication date). */
  readonly first: string | null
  readonly last: string | null
  /** Members in the order they joined: the founding article first. */
  readonly articles: readonly StoryArticle[]
  /** Distinct outlets, copies counted with their originals. */
  readonly outlets: number
  /**
   * The languages its articles are written in (ISO 639-1), most articles first; absent on stories
   * stored before it was kept.
   */
  readonly languages?: readonly string[]
  /** The actors most of its articles name (people, countries, organisations), most shared first. */
  readonly actors: ReadonlyArray<{ readonly id: EntityId; readonly name: string; readonly articles: number }>
  readonly thread: ThreadId | null
  /** ISO 8601 time the story last gained an article. */
  readonly updatedAt: string
}

/** One row of a story list. */
export interface StorySummary {
  readonly id: StoryId
  readonly title: string
  readonly eventDate: string | null
  readonly articles: number
  readonly outlets: number
  readonly thread: ThreadId | null
  readonly updatedAt: string
}

/** Stories linked by shared actors and topic across time (the Russia–China alliance question, 2020 to 2025). */
export interface Thread {
  readonly id: ThreadId
  /** Its shared actors and strongest topic words: "Russia, China: alliance, military". */
  readonly title: string
  readonly actors: ReadonlyArray<{ readonly id: EntityId; readonly name: string }>
  readonly terms: readonly string[]
  /** Its stories, earliest event first. */
  readonly stories: ReadonlyArray<{ readonly id: StoryId; readonly title: string; readonly eventDate: string | null }>
}

/**
 * A document's language as its metadata found it, as the primary subtag ("de" of "de-AT"), or
 * undefined: what picks a lexicon, a gazetteer matcher and story terms, and what a story lists.
 *
 * @example
 * languageOf(doc) // 'ru'
 */
export function languageOf(doc: Pick<Document, 'layers'>): string | undefined {
  return doc.layers.metadata?.language?.value.toLowerCase().split(/[-_]/)[0]
}

/**
 * A language code as English names it: `ru` → "Russian"; the code itself when the runtime has no name for it.
 *
 * @example
 * languageName('zh') // 'Chinese'
 */
export function languageName(code: string): string {
  try {
    englishNames ??= new Intl.DisplayNames(['en'], { type: 'language' })
    return englishNames.of(code) ?? code
  } catch {
    return code
  }
}

/** Made on first use and kept: a message for every page in another language names its language. */
let englishNames: Intl.DisplayNames | undefined

/** Whether a story's languages are worth saying: more than one, or one that is not English. */
export function tellsLanguages(story: Pick<Story, 'languages'>): boolean {
  const languages = story.languages ?? []
  return languages.length > 1 || (languages.length === 1 && languages[0] !== 'en')
}

// ---------------------------------------------------------------- quality notes

/**
 * Signals about one article's quality, each tied to the span it concerns. They describe the
 * article in hand, never the outlet.
 */
export type QualityNoteKind =
  | 'boilerplate-share'   // much of the page is not the article
  | 'repeated-content'    // the body appears more than once
  | 'machine-filler'      // generated filler or a leftover generation prompt
  | 'unattributed-figure' // a number with no source
  | 'factual-slip'        // the text contradicts the gazetteer ("then-President" for a sitting president)
  | 'headline-mismatch'   // the headline says more than, or other than, what the body's quotes and events support

export interface QualityNote {
  readonly kind: QualityNoteKind
  readonly note: string
  readonly span?: Span
  /** The measure behind the note, when there is one (a share, a count). */
  readonly value?: number
  /** What the span was compared with, when the note compares two places (a headline and the body sentence it was checked against). */
  readonly compared?: Span
}

export interface ArticleQuality {
  readonly article: DocumentId
  readonly source: string
  readonly title: string | null
  readonly notes: readonly QualityNote[]
  /** Where a reader finds it: the article's URL, else its input as the user named it (a brief's sources list shows it). */
  readonly location?: string
}

// ---------------------------------------------------------------- cross-checking

export type FactKind = 'quote' | 'figure' | 'event'

/**
 * `agreed`: two or more independent outlets carry it; `single-source`: one outlet (copies of it
 * included); `conflict`: outlets give different values or wordings for the same thing (see
 * `StoryCheck.conflicts`).
 */
export type FactStatus = 'agreed' | 'single-source' | 'conflict'

/**
 * The same quote as another outlet prints it: in other words, or in another language. A version in
 * another language carries `language`, and its words are not compared (`added` and `missing` are
 * empty): it is matched as the same statement through its speaker, the names, figures and dates
 * it holds, and its polarity.
 */
export interface QuoteVariant {
  readonly citation: Citation
  /** Words this version has that the fact's reference wording lacks, and words it lacks. */
  readonly added: readonly string[]
  readonly missing: readonly string[]
  /** The version's language (ISO 639-1) when it is the statement in translation; absent for the reference's language. */
  readonly language?: string
}

/** One row of a story's facts table. */
export interface Fact {
  /** Stable within the story: `q1`, `f2`, `e3`. */
  readonly id: string
  readonly kind: FactKind
  /** One readable line: `Sergey Lavrov: “…”`, `Russia: 4,477 warheads (as of early 2025; FAS)`, `Russia will not ally against China`. */
  readonly statement: string
  readonly status: FactStatus
  /** Every article that carries it, with the span where it does; the first is the reference wording. */
  readonly citations: readonly Citation[]
  /** Independent outlets that carry it (copies counted once). */
  readonly outlets: number
  /** For a quote: its speaker. For an event: its actor. */
  readonly who: { readonly id: EntityId | null; readonly name: string; readonly role: string | null } | null
  /** For a figure: the sources the articles cite for it (none when it is unattributed). */
  readonly attributions: readonly string[]
  /** A figure no article attributes to a source. */
  readonly unattributed: boolean
  /** For a quote: the versions whose words differ from the reference. */
  readonly variants: readonly QuoteVariant[]
  /** The conflict it belongs to, if any. */
  readonly conflict: string | null
}

/** One side of a conflict: a value, who gives it and for when. */
export interface ConflictValue {
  readonly value: number
  /** As printed: "5,459 warheads". */
  readonly text: string
  readonly unit: string | null
  /** The time the figure refers to, when stated (`2025`, `2025-01`), else null. */
  readonly asOf: string | null
  /** The cited source's name ("Stockholm International Peace Research Institute"), null when none is cited. */
  readonly attribution: string | null
  /** The words around the figure that say what it counts ("stockpile", "arsenal"). */
  readonly definition: string | null
  readonly citations: readonly Citation[]
}

/**
 * How values of one measure of one subject differ, typed for what it is:
 * - `contradiction`: the same period (or none stated) and definition, and values that differ
 *   beyond rounding and stated bounds, so they cannot both be right as stated;
 * - `different-definitions`: they count different things ("stockpile" vs "total inventory");
 * - `different-subjects`: the measure names different owners ("Peru's exports" vs "Chile's exports");
 * - `different-periods`: each is for its own time, a series over time, and both may be right;
 * - `consistent-bounds`: bounds or estimates that can all hold (">$200 bn in 2023", ">$220 bn in 2024").
 */
export type ConflictKind = 'contradiction' | 'different-definitions' | 'different-subjects' | 'different-periods' | 'consistent-bounds'

/** Values given for one measure of one subject that differ as printed, typed by {@link ConflictKind}. */
export interface Conflict {
  readonly id: string
  readonly kind: ConflictKind
  /**
   * The type and why, in one line: `different definitions: "stockpile" (4,477 warheads) vs
   * "arsenal" (5,459 warheads)`.
   */
  readonly reason: string
  /** What is measured and of whom: "nuclear warheads of Russia". */
  readonly measure: string
  readonly subject: { readonly id: EntityId; readonly name: string } | null
  readonly values: readonly ConflictValue[]
  /** Why they may differ: different sources, definitions, periods. */
  readonly notes: readonly string[]
}

export interface StoryCheck {
  readonly story: StoryId
  readonly facts: readonly Fact[]
  readonly conflicts: readonly Conflict[]
  readonly quality: readonly ArticleQuality[]
}

// ---------------------------------------------------------------- stances

/** An actor's position on a topic with a counterpart: for it, against it, open to it, or for it on a condition. */
export type StancePosition = 'for' | 'against' | 'open' | 'conditional'

export interface StanceStatement {
  /** When it was said or done: the event's date, else the article's event date, else its publication date. */
  readonly date: string | null
  readonly dateBasis: 'event' | 'reported-event' | 'published' | 'none'
  /** Whose position it is (a country, or a person speaking for one). */
  readonly actor: { readonly id: EntityId; readonly name: string }
  readonly speaker: { readonly id: EntityId; readonly name: string; readonly role: string | null } | null
  readonly action: EventAction
  readonly polarity: 'positive' | 'negative'
  readonly modality: Modality
  readonly position: StancePosition
  /**
   * How the counterpart takes part: `target` (an alliance with China), or `against` (an alliance
   * against China). The position is on the action as stated, so "will not ally against China" is
   * `against` with `counterpartRole: 'against'`.
   */
  readonly counterpartRole?: 'target' | 'against'
  /** The quote it rests on, when it is one; else the sentence. */
  readonly quote: Citation
  /** Every article reporting this statement (the same statement in three outlets is one row). */
  readonly citations: readonly Citation[]
  /** Set when the position differs from the previous statement's. */
  readonly shift: { readonly from: StancePosition } | null
}

export interface Timeline {
  readonly actor: { readonly id: EntityId; readonly name: string }
  readonly counterpart: { readonly id: EntityId; readonly name: string }
  /** The topic asked for (`alliance`), or null for every action. */
  readonly topic: string | null
  /** Earliest first; undated statements last. */
  readonly statements: readonly StanceStatement[]
}

// ---------------------------------------------------------------- the brief

/** A sentence of the brief and the articles that support it. Every sentence has at least one citation. */
export interface BriefSentence {
  readonly text: string
  readonly citations: readonly Citation[]
}

export interface Brief {
  readonly story: Story
  /** A few extractive sentences: each is a source sentence, cited to every article that carries it. */
  readonly summary: readonly BriefSentence[]
  readonly quotes: readonly Fact[]
  readonly facts: readonly Fact[]
  readonly conflicts: readonly Conflict[]
  /** Stance timelines of the story's main actor pairs, across the story's thread. */
  readonly timelines: readonly Timeline[]
  readonly sources: readonly ArticleQuality[]
}
