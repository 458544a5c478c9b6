/*
 * The shapes of the watch, alert and source routes (`/api/watches`, `/api/alerts`, `/api/sources`).
 * Watches and alerts are the engine's own types; sources are declared here as the API answers them.
 */
export type { Alert, AlertKind, Delivery, Watch, WatchInput, WatchTarget } from '../../watches/types.js'

/** `GET /api/alerts`, `GET /api/watches/:id/alerts`: alerts and the store's newest alert seq. */
export interface AlertList {
  readonly alerts: ReadonlyArray<import('../../watches/types.js').Alert>
  readonly last: number
}

/** A followed source as `GET /api/sources` lists it (`dossier watch` polls it). */
export interface Source {
  readonly id: number
  readonly url: string
  readonly kind: 'feed' | 'sitemap' | 'page'
  readonly title: string | null
  readonly addedAt: string
  readonly lastFetchAt: string | null
  readonly lastStatus: number | null
  readonly lastOkAt: string | null
  readonly nextFetchAt: string
  readonly failures: number
  readonly lastError: string | null
  readonly lastErrorAt: string | null
  readonly items: number
  readonly documents: number
  readonly lastNewAt: string | null
  /** new: never fetched; failing: its last fetches failed (retried less often, never dropped). */
  readonly status: 'new' | 'ok' | 'failing'
}

/** `POST /api/sources` with `{ opml }`. */
export interface OpmlImport {
  readonly added: readonly Source[]
  readonly existing: number
  readonly rejected: ReadonlyArray<{ readonly outline: string; readonly reason: string }>
}
