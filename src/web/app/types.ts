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
  Brief, Citation, Conflict, Fact, Story, StoryCheck, StorySummary, Timeline, StanceStatement, StancePosition, QualityNote,
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
