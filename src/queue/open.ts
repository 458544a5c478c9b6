import { QueueError } from '../errors.js'
import { AmqpQueue } from './amqp.js'
import { isPostgresUrl } from './db.js'
import { PgBossQueue, type PgBossOptions } from './pgboss.js'
import type { JobQueue } from './queue.js'

/** The brokers `--broker` names: pg-boss in the queue's database, or RabbitMQ at an amqp(s) URL. */
export const BROKER_PGBOSS = 'pg-boss'

export interface OpenQueueOptions extends PgBossOptions {
  /** `pg-boss` (default) or an `amqp://` / `amqps://` URL. */
  readonly broker?: string
  /** RabbitMQ's queue name (pg-boss's lives in the queue database's own schema). */
  readonly queueName?: string
}

/**
 * Opens the job queue: pg-boss in the queue database `dbUrl` (nothing else to run), or RabbitMQ.
 *
 * @example
 * const queue = await openJobQueue('postgres://localhost/dossier', { broker: 'amqp://localhost' })
 */
export async function openJobQueue(dbUrl: string, options: OpenQueueOptions = {}): Promise<JobQueue> {
  const broker = options.broker ?? BROKER_PGBOSS
  if (broker === BROKER_PGBOSS) {
    if (!isPostgresUrl(dbUrl)) throw new QueueError(`pg-boss needs a PostgreSQL queue database (postgres://…), not "${dbUrl}".`, 'QUEUE_UNAVAILABLE')
    return PgBossQueue.open(dbUrl, options)
  }
  if (/^amqps?:\/\//i.test(broker)) return AmqpQueue.open(broker, { ...(options.onError ? { onError: options.onError } : {}), ...(options.queueName ? { queueName: options.queueName } : {}) })
  throw new QueueError(`Unknown broker "${broker}": use ${BROKER_PGBOSS} or an amqp:// URL.`, 'QUEUE_UNAVAILABLE')
}
