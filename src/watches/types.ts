import type { Citation, EntityId, StoryId } from '../document/index.js'

/** Stable id of a watch: `w-` and 12 hex digits. */
export type WatchId = string
/** Stable id of an alert: `al-` and 16 hex digits of a hash of its watch and key, so the same alert has the same id everywhere. */
export type AlertId = string

export interface NamedEntity {
  readonly id: EntityId
  readonly name: string
}

/**
 * What a watch follows:
 * - `search`: stories with an article matching a search (as `dossier stories --search` reads it);
 * - `entity`: stories with an article naming an entity;
 * - `pair`: stories with articles naming both actors, and the actor's stance on the counterpart
 *   on a topic (`alliance`, `sanctions`, …; null: every action).
 */
export type WatchTarget =
  | { readonly kind: 'search'; readonly query: string; readonly advanced: boolean }
  | { readonly kind: 'entity'; readonly entity: NamedEntity }
  | { readonly kind: 'pair'; readonly actor: NamedEntity; readonly counterpart: NamedEntity; readonly topic: string | null }

export interface Watch {
  readonly id: WatchId
  readonly name: string
  readonly target: WatchTarget
  /** A watched story reaching this many outlets fires an `outlets` alert. */
  readonly outlets: number
  /** Where alerts are POSTed, if anywhere; `signed` when a secret is set (the secret itself is never returned). */
  readonly webhook: { readonly url: string; readonly signed: boolean } | null
  readonly createdAt: string
  readonly updatedAt: string
}

/**
 * What a user gives to save or change a watch: exactly one of `query`, `entity`, or `actor` with
 * `counterpart` (and an optional `topic`). Names are resolved against the store's entities, else
 * the gazetteer.
 */
export interface WatchInput {
  readonly name?: string | undefined
  readonly query?: string | undefined
  /** Read `query` with operators (AND, OR, NOT, NEAR, …). */
  readonly advanced?: boolean | undefined
  readonly entity?: string | undefined
  readonly actor?: string | undefined
  readonly counterpart?: string | undefined
  readonly topic?: string | undefined
  readonly outlets?: number | undefined
  /** `null` removes the webhook. */
  readonly webhook?: string | null | undefined
  /** HMAC-SHA256 key the webhook's signature header is made with; `null` removes it. */
  readonly secret?: string | null | undefined
}

/**
 * - `new-story`: a story newly matching the watch;
 * - `outlets`: a watched story reached the watch's outlet threshold;
 * - `conflict`: outlets in a watched story give values that cannot all hold as stated;
 * - `stance-shift`: the watched actor's position on the counterpart changed;
 * - `headline`: an article's headline says more than, or other than, its body.
 */
export type AlertKind = 'new-story' | 'outlets' | 'conflict' | 'stance-shift' | 'headline'

export const ALERT_KINDS: readonly AlertKind[] = ['new-story', 'outlets', 'conflict', 'stance-shift', 'headline']

/** One alert: what changed, in one line, and the exact spans of the articles that show it. */
export interface Alert {
  readonly id: AlertId
  /** Order of firing across the store: 1, 2, 3, … */
  readonly seq: number
  readonly watch: WatchId
  readonly kind: AlertKind
  /** What it is about, unique within its watch: `story:st-…`, `conflict:st-…:…`. */
  readonly key: string
  readonly story: { readonly id: StoryId; readonly title: string } | null
  /** One readable line: `New story: "…"`, `Now 3 outlets: …`. */
  readonly title: string
  /** Every cited span, the way the brief cites: article, outlet, span, exact words. */
  readonly citations: readonly Citation[]
  readonly createdAt: string
}

/** An alert before it is stored: `recordAlerts` gives it its id, seq and time. */
export type AlertDraft = Omit<Alert, 'id' | 'seq' | 'createdAt'>

/** A webhook delivery of one alert. */
export interface Delivery {
  readonly alert: AlertId
  readonly url: string
  readonly state: 'pending' | 'delivered' | 'failed'
  readonly attempts: number
  /** When it is next tried (pending), ISO. */
  readonly nextAt: string
  readonly lastError: string | null
  readonly deliveredAt: string | null
}
