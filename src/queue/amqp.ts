import amqp from 'amqplib'
import { QueueError } from '../errors.js'
import { redact, sleep } from './db.js'
import type { ItemRef } from './items.js'
import { QUEUE_NAME, RETRY_DELAY_MS, type JobHandler, type JobQueue } from './queue.js'
import { Slots } from './slots.js'

export interface AmqpOptions {
  /** Heartbeat in seconds: a consumer cut off is seen gone after about two of them. Default 5. */
  readonly heartbeatSeconds?: number
  /** The queue's name on the broker; default `QUEUE_NAME`. One per deployment (or per test). */
  readonly queueName?: string
  readonly onError?: (error: Error) => void
}

/**
 * The queue on RabbitMQ through amqplib: a durable queue, persistent messages published with
 * confirms, manual acknowledgements with a prefetch of the worker's concurrency. A consumer whose
 * connection closes (killed, or silent past two heartbeats) has its unacknowledged messages
 * delivered again at once, which is what makes it quick to recover a dead worker's jobs.
 */
export class AmqpQueue implements JobQueue {
  readonly redeliversOnDisconnect = true
  readonly kind = 'amqp'
  private stopping = false
  private slots?: Slots
  private consumer?: { channel: amqp.Channel; tag: string }
  private readonly name: string

  private constructor(private readonly connection: amqp.ChannelModel, private readonly publisher: amqp.ConfirmChannel, private readonly options: AmqpOptions) {
    this.name = options.queueName ?? QUEUE_NAME
  }

  static async open(url: string, options: AmqpOptions = {}): Promise<AmqpQueue> {
    let connection: amqp.ChannelModel
    try {
      const withHeartbeat = new URL(url)
      if (!withHeartbeat.searchParams.has('heartbeat')) withHeartbeat.searchParams.set('heartbeat', String(options.heartbeatSeconds ?? 5))
      connection = await amqp.connect(withHeartbeat.toString())
    } catch (error) {
      throw new QueueError(`Cannot reach RabbitMQ at ${redact(url)}: ${error instanceof Error ? error.message : String(error)}`, 'QUEUE_UNAVAILABLE', { cause: error })
    }
    connection.on('error', (error: Error) => options.onError?.(error))
    const publisher = await connection.createConfirmChannel()
    publisher.on('error', (error: Error) => options.onError?.(error))
    await publisher.assertQueue(options.queueName ?? QUEUE_NAME, { durable: true })
    return new AmqpQueue(connection, publisher, options)
  }

  async send(jobs: readonly ItemRef[]): Promise<void> {
    for (const job of jobs) {
      const body = Buffer.from(JSON.stringify({ run: job.run, seq: job.seq }))
      // Honour back-pressure: wait for the channel to drain when its buffer is full.
      if (!this.publisher.sendToQueue(this.name, body, { persistent: true, contentType: 'application/json' })) {
        await new Promise((resolve) => this.publisher.once('drain', resolve))
      }
    }
    await this.publisher.waitForConfirms()
  }

  async work(handler: JobHandler, options: { readonly concurrency: number }): Promise<void> {
    const slots = new Slots(options.concurrency)
    this.slots = slots
    const channel = await this.connection.createChannel()
    channel.on('error', (error: Error) => this.options.onError?.(error))
    await channel.assertQueue(this.name, { durable: true })
    await channel.prefetch(options.concurrency)
    const { consumerTag } = await channel.consume(this.name, (message) => {
      if (message === null) return // the queue was deleted
      slots.run(async () => {
        let job: ItemRef
        try {
          job = JSON.parse(message.content.toString('utf8')) as ItemRef
        } catch {
          channel.nack(message, false, false) // not ours: dropped
          return
        }
        try {
          await handler(job)
          channel.ack(message)
        } catch {
          if (this.stopping) return // unacknowledged: redelivered when the channel closes
          await sleep(RETRY_DELAY_MS)
          channel.nack(message, false, true)
        }
      })
    }, { noAck: false })
    this.consumer = { channel, tag: consumerTag }
  }

  async stopWorking(): Promise<void> {
    this.stopping = true
    if (this.consumer) await this.consumer.channel.cancel(this.consumer.tag).catch(() => {})
    await this.slots?.idle()
  }

  async pending(): Promise<number> {
    return (await this.publisher.checkQueue(this.name)).messageCount
  }

  /** Deletes the queue on the broker (tests and benchmarks clean up with it). */
  async deleteQueue(): Promise<void> {
    await this.publisher.deleteQueue(this.name)
  }

  async close(): Promise<void> {
    await this.stopWorking()
    await this.connection.close().catch(() => {})
  }
}
