import { randomBytes } from 'node:crypto'
import amqp from 'amqplib'

/** The RabbitMQ the queue tests use (PostgreSQL: test/helpers/postgres.ts), where `.ci/run` starts it. */
export const AMQP_URL = process.env.DOSSIER_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672'

/** True when RabbitMQ answers; else prints why the tests that need it skip. */
export async function rabbitAvailable(what: string): Promise<boolean> {
  try {
    const connection = await amqp.connect(AMQP_URL)
    await connection.close()
    return true
  } catch (error) {
    console.log(`skipping ${what}: RabbitMQ at ${AMQP_URL} not reachable (${error instanceof Error ? error.message : String(error)})`)
    return false
  }
}

/** A RabbitMQ queue name no other test uses. */
export function uniqueQueueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`
}
