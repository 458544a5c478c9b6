import type { StoryId } from '../document/index.js'
import type { Alert, AlertDraft, AlertId, Delivery, Watch, WatchId } from './types.js'

/** What a watch has seen so far (baseline) or newly fires, by key. */
export interface WatchKeys {
  readonly watch: WatchId
  readonly keys: readonly string[]
}

export interface AlertListOptions {
  readonly watch?: WatchId
  /** Only alerts fired after this seq (`dossier alerts --follow`, the web app's polling). */
  readonly after?: number
  readonly limit?: number
  /** `asc` (default): oldest first; `desc`: newest first (a feed, a page). */
  readonly order?: 'asc' | 'desc'
}

/** A webhook delivery taken for one attempt, with what sending it needs. */
export interface ClaimedDelivery extends Delivery {
  readonly body: Alert
  readonly secret: string | null
}

/**
 * Where watches, their alerts and webhook deliveries are kept: beside the stories, in the same
 * store. Each write is one transaction, so a killed process leaves each alert with its delivery
 * stored whole or not at all.
 *
 * @example
 * const watches = watchStoreOf(store)
 * for (const w of await watches.listWatches()) console.log(w.id, w.name)
 */
export interface WatchStore {
  listWatches(): Promise<Watch[]>
  getWatch(id: WatchId): Promise<Watch | undefined>
  /**
   * Saves a new or changed watch with its webhook secret (`undefined`: keep the stored one) and
   * marks `baseline` keys as seen, without alerts: what matched when it was saved is not news.
   */
  saveWatch(watch: Watch, secret: string | null | undefined, baseline: readonly string[]): Promise<void>
  /** Deletes a watch with its alerts and deliveries; false when there was none. */
  removeWatch(id: WatchId): Promise<boolean>
  /** Which of these keys the watch has not seen yet. */
  unseenKeys(watch: WatchId, keys: readonly string[]): Promise<Set<string>>
  /**
   * Stores the drafts whose key their watch has not seen (others are left out), each with a
   * pending delivery when its watch has a webhook, and moves the evaluation cursor to `cursor`,
   * all in one transaction. Returns the alerts stored.
   */
  recordAlerts(drafts: readonly AlertDraft[], cursor: string | null, now: Date): Promise<Alert[]>
  listAlerts(options?: AlertListOptions): Promise<Alert[]>
  getAlert(id: AlertId): Promise<Alert | undefined>
  /** The newest alert's seq (0 when none). */
  lastAlertSeq(): Promise<number>
  /** Where the last evaluation stopped (a story `updatedAt`), null before the first. */
  cursor(): Promise<string | null>
  /** Stories written at or after `since` (every story when null), oldest write first. */
  storiesWrittenSince(since: string | null): Promise<Array<{ id: StoryId; updatedAt: string }>>
  /**
   * Takes up to `limit` pending deliveries due at `now` for `leaseMs`: another process does not
   * take them meanwhile, and a process killed while holding them frees them when the lease ends.
   */
  claimDeliveries(now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>
  /** Records one attempt: delivered, or failed with when to try again (null: no more tries). */
  finishDelivery(alert: AlertId, outcome: { delivered: true; at: Date } | { delivered: false; error: string; retryAt: Date | null }): Promise<void>
  listDeliveries(options?: { watch?: WatchId; alert?: AlertId }): Promise<Delivery[]>
}
