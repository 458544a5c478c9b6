import PgBoss from 'pg-boss'
import { QueueError } from '../errors.js'
import { sleep } from './db.js'
import type { ItemRef } from './items.js'
import { QUEUE_NAME, RETRY_DELAY_MS, type JobHandler, type JobQueue } from './queue.js'
import { Slots } from './slots.js'

/** pg-boss keeps its tables in this schema of the queue's database. */
export const PGBOSS_SCHEMA = 'dossier_pgboss'

export interface PgBossOptions {
  /**
   * How long a delivered job may stay unacknowledged before pg-boss hands it out again, in seconds
   * (its only way to see a dead consumer). Default 60. A live worker still holding the item makes
   * the second delivery wait (items.ts), so a short expiry costs a waiting slot, never a result.
   */
  readonly expireInSeconds?: number
  /** How often pg-boss looks for expired jobs, in seconds; default 2. */
  readonly maintenanceIntervalSeconds?: number
  /** How long an idle consumer waits between fetches, in milliseconds; default 500 (pg-boss's least). */
  readonly pollMs?: number
  readonly onError?: (error: Error) => void
}

/**
 * The queue in PostgreSQL with pg-boss: no other service to run, jobs in the same database as the
 * items. Consumes with `fetch` as slots free up rather than `work()`, whose loop waits out its
 * polling interval after every batch even when more jobs are waiting.
 */
/** Tries at starting pg-boss when the database ends a start with a deadlock (see `PgBossQueue.open`). */
const START_ATTEMPTS = 5

/** A started pg-boss with Dossier's queue made; a failed start is stopped and thrown as `QUEUE_UNAVAILABLE`. */
async function startBoss(url: string, options: PgBossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: PGBOSS_SCHEMA,
    max: 4,
    application_name: 'dossier-pgboss',
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 2,
    monitorStateIntervalSeconds: 3600,
    schedule: false,
  })
  boss.on('error', (error) => options.onError?.(error))
  try {
    await boss.start()
    // The items table bounds the tries; pg-boss only redelivers.
    await boss.createQueue(QUEUE_NAME, { name: QUEUE_NAME, retryLimit: 1000, retryDelay: RETRY_DELAY_MS / 1000, expireInSeconds: options.expireInSeconds ?? 60 })
      .catch(async (error: unknown) => {
        // Two processes creating it at once: the loser finds it made.
        if ((await boss.getQueue(QUEUE_NAME)) === null) throw error
      })
    return boss
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {})
    throw new QueueError(`Cannot start pg-boss: ${error instanceof Error ? error.message : String(error)}`, 'QUEUE_UNAVAILABLE', { cause: error })
  }
}

export class PgBossQueue implements JobQueue {
  readonly redeliversOnDisconnect = false
  readonly kind = 'pg-boss'
  private stopping = false
  private slots?: Slots
  private loop?: Promise<void>

  private constructor(private readonly boss: PgBoss, private readonly options: PgBossOptions) {}

  static async open(url: string, options: PgBossOptions = {}): Promise<PgBossQueue> {
    // Workers starting at once on a new database create pg-boss's schema and queue together, and
    // PostgreSQL may end one of them with a deadlock (40P01) or a serialization failure (40001):
    // that one starts again after a short pause, a few times, before the error is the answer.
    for (let attempt = 1; ; attempt++) {
      try {
        return new PgBossQueue(await startBoss(url, options), options)
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code
        if (attempt >= START_ATTEMPTS || (code !== '40P01' && code !== '40001')) throw error
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt + Math.floor(Math.random() * 200)))
      }
    }
  }

  async send(jobs: readonly ItemRef[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 500) {
      await this.boss.insert(jobs.slice(i, i + 500).map((job) => ({ name: QUEUE_NAME, data: { run: job.run, seq: job.seq } })))
    }
  }

  async work(handler: JobHandler, options: { readonly concurrency: number }): Promise<void> {
    const slots = new Slots(options.concurrency)
    this.slots = slots
    this.loop = this.consume(handler, slots)
  }

  private async consume(handler: JobHandler, slots: Slots): Promise<void> {
    const pollMs = this.options.pollMs ?? 500
    while (!this.stopping) {
      if (slots.free === 0) {
        await slots.changed()
        continue
      }
      let jobs: Array<PgBoss.Job<ItemRef>>
      try {
        jobs = (await this.boss.fetch<ItemRef>(QUEUE_NAME, { batchSize: slots.free })) ?? []
      } catch (error) {
        // The database restarting: pg-boss's pool reconnects on the next fetch.
        this.options.onError?.(error instanceof Error ? error : new Error(String(error)))
        await sleep(RETRY_DELAY_MS)
        continue
      }
      if (jobs.length === 0) {
        await Promise.race([sleep(pollMs), slots.busy > 0 ? slots.changed() : new Promise(() => {})])
        continue
      }
      for (const job of jobs) {
        slots.run(async () => {
          try {
            await handler({ run: job.data.run, seq: job.data.seq })
            await this.settle(() => this.boss.complete(QUEUE_NAME, job.id))
          } catch (error) {
            await this.settle(() => this.boss.fail(QUEUE_NAME, job.id, { message: error instanceof Error ? error.message : String(error) }))
          }
        })
      }
    }
  }

  // An acknowledgement lost to a database restart only means pg-boss delivers the job again once
  // it expires; the items table then answers "finished" and the copy is dropped.
  private async settle(ack: () => Promise<unknown>): Promise<void> {
    try {
      await ack()
    } catch (error) {
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)))
    }
  }

  async stopWorking(): Promise<void> {
    this.stopping = true
    await this.loop
    await this.slots?.idle()
  }

  async pending(): Promise<number> {
    return this.boss.getQueueSize(QUEUE_NAME)
  }

  async close(): Promise<void> {
    await this.stopWorking()
    await this.boss.stop({ graceful: false, wait: true, close: true })
  }
}
