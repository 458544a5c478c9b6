import type { ItemRef } from './items.js'

/**
 * What a worker does with one delivered message. Resolving acknowledges it; throwing hands it back
 * to the broker to deliver again (after a short delay), to this worker or another.
 */
export type JobHandler = (job: ItemRef) => Promise<void>

/**
 * A durable work queue, as Dossier uses one: messages naming an item, each delivered to one
 * consumer at a time and again if its consumer dies before acknowledging it. The items table
 * (items.ts) decides whether a delivery is still work to do, so a broker that delivers twice
 * costs a lookup, never a second result.
 */
export interface JobQueue {
  /** `pg-boss` or `amqp`: printed by `dossier worker` and the benchmarks. */
  readonly kind: string
  /**
   * True when the broker delivers a consumer's unacknowledged messages again as soon as its
   * connection drops (RabbitMQ); false when only an expiry does (pg-boss), and workers then
   * publish a dead worker's items again themselves (`requeueAbandoned`).
   */
  readonly redeliversOnDisconnect: boolean
  /** Publishes one message per item, durably (they survive a broker restart). */
  send(jobs: readonly ItemRef[]): Promise<void>
  /** Starts consuming with at most `concurrency` handlers at once; returns once consuming. */
  work(handler: JobHandler, options: { readonly concurrency: number }): Promise<void>
  /** Stops taking messages; handlers running go on to their end. */
  stopWorking(): Promise<void>
  /** Messages published and not yet acknowledged (best effort, for progress lines). */
  pending(): Promise<number>
  close(): Promise<void>
}

/** The queue's name in every broker. */
export const QUEUE_NAME = 'dossier-items'

/** The delay before a message whose handler threw is delivered again, in milliseconds. */
export const RETRY_DELAY_MS = 1_000
