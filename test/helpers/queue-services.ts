import { randomBytes } from 'node:crypto'
import amqp from 'amqplib'
import pg from 'pg'

/** The services the queue tests use, where `.ci/run` starts them. */
export const PG_ADMIN_URL = process.env.DOSSIER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'
export const AMQP_URL = process.env.DOSSIER_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672'

async function reachable(what: string, probe: () => Promise<void>): Promise<boolean> {
  try {
    await probe()
    return true
  } catch (error) {
    console.log(`skipping ${what}: not reachable (${error instanceof Error ? error.message : String(error)})`)
    return false
  }
}

/** True when PostgreSQL answers; else prints why the tests that need it skip. */
export function postgresAvailable(what: string): Promise<boolean> {
  return reachable(`${what} (PostgreSQL at ${PG_ADMIN_URL})`, async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2_000 })
    await client.connect()
    await client.end()
  })
}

/** True when RabbitMQ answers; else prints why the tests that need it skip. */
export function rabbitAvailable(what: string): Promise<boolean> {
  return reachable(`${what} (RabbitMQ at ${AMQP_URL})`, async () => {
    const connection = await amqp.connect(AMQP_URL)
    await connection.close()
  })
}

/** A database of its own for one test file, and how to drop it (closing what is still connected). */
export async function createTestDatabase(prefix: string): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_')
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(PG_ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}

/** A RabbitMQ queue name no other test uses. */
export function uniqueQueueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`
}
