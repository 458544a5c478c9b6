import type { DocumentId } from '../document/index.js'

/** What a source is: a feed (RSS, Atom, JSON Feed), a sitemap (news or plain, or an index of them), or a page whose new links are followed. */
export type SourceKind = 'feed' | 'sitemap' | 'page'

export const SOURCE_KINDS: readonly SourceKind[] = ['feed', 'sitemap', 'page']

/** A followed source with its schedule and health, as `dossier sources list` and `GET /api/sources` show it. */
export interface WatchSource {
  readonly id: number
  readonly url: string
  readonly kind: SourceKind
  readonly title: string | null
  readonly addedAt: string
  /** Validators of its last full answer, sent on the next poll (conditional GET). */
  readonly etag: string | null
  readonly lastModified: string | null
  readonly lastFetchAt: string | null
  /** HTTP status of the last poll (304: unchanged), null when it never answered. */
  readonly lastStatus: number | null
  readonly lastOkAt: string | null
  readonly nextFetchAt: string
  /** Polls failed in a row; reset by the next success. */
  readonly failures: number
  /** The last failure, kept until a poll succeeds: a failing source is never dropped silently. */
  readonly lastError: string | null
  readonly lastErrorAt: string | null
  /** Items seen in all, and documents stored from them. */
  readonly items: number
  readonly documents: number
  readonly lastNewAt: string | null
  /** `new`: never polled; `failing`: its last poll failed; else `ok`. */
  readonly status: 'new' | 'ok' | 'failing'
}

export type ItemState = 'pending' | 'done' | 'failed'

/** One item seen on a source: an article to fetch, then fetched (or failed, with why). */
export interface SourceItem {
  /** The article URL (normalised), else the feed's id for it: one key across every source. */
  readonly key: string
  readonly source: number
  readonly link: string | null
  readonly title: string | null
  readonly published: string | null
  readonly state: ItemState
  readonly attempts: number
  readonly document: DocumentId | null
  /** A fallback taken (the feed's text stored because the page failed) or the last error. */
  readonly note: string | null
  readonly seenAt: string
  readonly doneAt: string | null
}

/** An item found on a poll, before it is stored. */
export interface FoundItem {
  readonly key: string
  readonly link?: string
  readonly title?: string
  readonly published?: string
  /** The feed's own body for the item: stored instead of the article when its page cannot be fetched. */
  readonly body?: { readonly kind: 'html' | 'text'; readonly text: string }
}

/** A pending item with what its fetch needs. */
export interface PendingItem extends SourceItem {
  readonly body: FoundItem['body'] | null
}

/** What one poll of a source came to. */
export type PollOutcome =
  | {
    readonly kind: 'ok'; readonly status: number; readonly etag?: string; readonly lastModified?: string; readonly title?: string
    readonly found: readonly FoundItem[]
    /** New items recorded at most, in `found`'s order; the rest are left unseen. */
    readonly maxNew?: number
  }
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'failed'; readonly status?: number; readonly error: string }
  /** Not asked this time (its host is backing off): only the schedule moves, no failure is counted. */
  | { readonly kind: 'deferred' }

export interface AddSource {
  readonly url: string
  readonly kind: SourceKind
  readonly title?: string
}

/**
 * Where `dossier watch` keeps its state, beside the documents: sources, their validators and
 * schedule, failures, every item seen, and per-host robots.txt and back-off. Every method is one
 * transaction, so a watch killed at any point resumes where it stopped.
 *
 * @example
 * const sources = sourceStoreOf(await openStore({ path: 'dossier.db' }))
 * await sources.addSource({ url: 'https://news.example/feed.xml', kind: 'feed' })
 */
export interface SourceStore {
  /** Adds a source, due now; the same URL again returns the one stored (`added: false`). */
  addSource(source: AddSource, now?: Date): Promise<{ source: WatchSource; added: boolean }>
  listSources(): Promise<WatchSource[]>
  getSource(id: number): Promise<WatchSource | undefined>
  /** Removes a source and the items seen on it; false when there is none with that id. */
  removeSource(id: number): Promise<boolean>
  /** Sources whose next poll is due at `now`, soonest first. */
  dueSources(now: Date): Promise<WatchSource[]>
  /**
   * Records a poll: validators and schedule, failure count and last error, and the items not seen
   * before on any source (returned, as stored: pending). All in one transaction.
   */
  recordPoll(id: number, outcome: PollOutcome, at: Date, nextFetchAt: Date): Promise<FoundItem[]>
  /** Items waiting for their article, oldest first. */
  pendingItems(limit: number): Promise<PendingItem[]>
  /** Marks an item done (its document stored) or failed; a failure below `maxAttempts` stays pending. */
  finishItem(key: string, result: { readonly document: DocumentId; readonly note?: string } | { readonly error: string; readonly maxAttempts: number }, at: Date): Promise<void>
  listItems(source: number, options?: { readonly limit?: number }): Promise<SourceItem[]>
  /** The cached robots.txt of a host (`''` for none) and when it was fetched. */
  getHost(host: string): Promise<{ robots: string | null; robotsAt: string | null; blockedUntil: string | null } | undefined>
  setHostRobots(host: string, robots: string, at: Date): Promise<void>
  setHostBlockedUntil(host: string, until: Date | null): Promise<void>
}
