/*
 * The shapes of the watch, alert and source routes (`/api/watches`, `/api/alerts`, `/api/sources`).
 * The engine's own types, with the envelopes the routes add.
 */
export type { Alert, AlertKind, Delivery, Watch, WatchInput, WatchTarget } from '../../watches/types.js'

/** `GET /api/alerts`, `GET /api/watches/:id/alerts`: alerts and the store's newest alert seq. */
export interface AlertList {
  readonly alerts: ReadonlyArray<import('../../watches/types.js').Alert>
  readonly last: number
}

/** A followed source as `GET /api/sources` lists it (`dossier watch` polls it): the store's own type. */
export type Source = import('../../store/sources.js').WatchSource

/** `POST /api/sources` with `{ opml }`. */
export interface OpmlImport {
  readonly added: readonly Source[]
  readonly existing: number
  readonly rejected: ReadonlyArray<{ readonly outline: string; readonly reason: string }>
}
