/*
 * The shapes the HTTP API answers with (interfaces.md, "HTTP API"). The corpus and annotation
 * types are the engine's own; only the envelopes the server adds are declared here.
 */
import type { Span } from '../../document/span.js'
import type { RemovalReason } from '../../document/clean.js'
import type { EntitiesLayer, EntityId, EntityType, EventsLayer, QuotesLayer, ClaimsLayer, SentencesLayer, TimesLayer } from '../../document/annotations.js'
import type { QualityNote, StoryId, StorySummary } from '../../document/corpus.js'
import type { DocumentSummary, EntitySummary } from '../../store/store.js'

export type {
  Brief, Citation, Conflict, Fact, Story, StoryCheck, StorySummary, Thread, Timeline, StanceStatement, StancePosition, QualityNote,
} from '../../document/corpus.js'
export type { DocumentSummary, EntitySummary }

/** `GET /api/articles/:id`. */
export interface ArticleView {
  readonly summary: DocumentSummary
  readonly source: string
  readonly clean: {
    readonly kept: readonly Span[]
    readonly removed: ReadonlyArray<{ readonly span: Span; readonly reason: RemovalReason | string; readonly note?: string }>
  }
  readonly layers: {
    readonly sentences?: SentencesLayer | null
    readonly entities?: EntitiesLayer | null
    readonly quotes?: QuotesLayer | null
    readonly claims?: ClaimsLayer | null
    readonly events?: EventsLayer | null
    readonly times?: TimesLayer | null
  }
  readonly quality: readonly QualityNote[]
  readonly story: StoryId | null
}

/** A quote as `GET /api/entities/:id` lists it (the export's quote record, the fields the app reads). */
export interface EntityQuote {
  readonly article: string
  readonly source: string
  readonly span: Span
  readonly text: string
  readonly speaker: { readonly entity: EntityId | null; readonly name: string | null }
}

/** `GET /api/entities/:id`. */
export interface EntityView {
  readonly entity: EntitySummary
  readonly mentionsByMonth: ReadonlyArray<{ readonly month: string; readonly mentions: number; readonly documents: number }>
  readonly quotes: readonly EntityQuote[]
  readonly stories: readonly StorySummary[]
}

export interface EntityOption {
  readonly id: EntityId
  readonly type: EntityType
  readonly name: string
}

/** `GET /api/import/:job`. */
/** What became of one import input (see src/http/jobs.ts). */
export interface ImportResult {
  readonly input: string
  readonly outcome: 'waiting' | 'added' | 'skipped' | 'refused'
  readonly added: number
  readonly existing: number
  readonly code?: string
  readonly reason?: string
}

export interface ImportJob {
  readonly state: 'running' | 'done' | 'failed'
  readonly inputs: number
  readonly done: number
  /** Every input with its outcome, in the order given. */
  readonly results: readonly ImportResult[]
  readonly report?: unknown
  /** Why a failed job stopped, in a sentence. */
  readonly error?: string
}

/** The passage of a search hit with the searched words (`/api/articles?q=…&snippets=1`); spans are into the article's source. */
export interface Snippet {
  readonly span: Span
  readonly text: string
  readonly highlights: readonly Span[]
}

/** A row of `/api/articles`: with `q` and `snippets=1`, a score and a snippet. */
export type ArticleRow = DocumentSummary & { readonly score?: number; readonly snippet?: Snippet | null }

/** A row of `/api/stories?outlets=1`. */
export interface StoryRow extends StorySummary {
  readonly outletNames?: readonly string[]
  readonly first?: string | null
  readonly last?: string | null
}

/** `GET /api/outlets`. */
export interface Outlet {
  readonly name: string
  readonly spellings: readonly string[]
  readonly articles: number
}

/** `GET /api/coverage`. */
export interface Coverage {
  readonly by: 'day' | 'month'
  readonly points: ReadonlyArray<{ readonly date: string; readonly articles: number; readonly outlets: Readonly<Record<string, number>> }>
  readonly outlets: ReadonlyArray<{ readonly name: string; readonly articles: number }>
  readonly articles: number
  readonly undated: number
  readonly capped?: true
}

/** `GET /api/stories/:id/coverage`. */
export interface StoryCoverage {
  readonly story: string
  readonly actors: ReadonlyArray<{ readonly id: EntityId; readonly name: string }>
  readonly carried: ReadonlyArray<{
    readonly outlet: string
    readonly first: string | null
    readonly articles: ReadonlyArray<{ readonly id: string; readonly title: string | null; readonly url: string | null; readonly published: string | null; readonly copy: boolean }>
  }>
  readonly missing: ReadonlyArray<{ readonly outlet: string; readonly articles: number; readonly actors: readonly string[]; readonly latest: string | null }>
}
