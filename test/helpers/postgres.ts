import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * PostgreSQL for tests. A test file makes its own database with `createTestDatabase` (a unique
 * name, dropped by `drop()`), and may make many empty stores inside it with `newStoreUrl` (each a
 * schema of its own, named in the URL's search_path), since creating and dropping a database per
 * test would take a second each. A machine without PostgreSQL skips these tests:
 *
 * @example
 * const unavailable = await postgresUnavailable()
 * describe.skipIf(unavailable !== undefined)('on PostgreSQL', () => {
 *   let db: TestDatabase
 *   beforeAll(async () => { db = await createTestDatabase('contract') })
 *   afterAll(() => db.drop())
 *   it('…', async () => { const store = await PostgresStore.open(await db.newStoreUrl()) })
 * })
 */

/** The server tests use: `DOSSIER_TEST_PG` (a URL naming any database the user may connect to), else the local one. */
export const TEST_SERVER_URL = process.env.DOSSIER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** Undefined when the test server answers; else why not, printed once so a skipped run says why. */
export async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL, connectionTimeoutMillis: 3_000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
    return undefined
  } catch (error) {
    const reason = `PostgreSQL tests skipped: no server at ${TEST_SERVER_URL} (${error instanceof Error ? error.message : String(error)}); set DOSSIER_TEST_PG or run scripts/start-services.sh`
    console.warn(reason)
    return reason
  } finally {
    await client.end().catch(() => {})
  }
}

export interface TestDatabase {
  /** The database's URL. */
  readonly url: string
  readonly name: string
  /** A URL of a new, empty schema in the database: an empty store each call. */
  newStoreUrl(): Promise<string>
  /** Runs SQL on the database (to look at or break what a store wrote). */
  query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>
  /** Drops the database, ending any session still on it. */
  drop(): Promise<void>
}

/** A new database named `dossier_test_<label>_<random>`. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `dossier_test_${label.replace(/\W/g, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE "${name}"`))
  const url = urlOf(name)
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => {})
  await client.connect()
  let schemas = 0
  return {
    url,
    name,
    async newStoreUrl() {
      const schema = `store_${++schemas}`
      await client.query(`CREATE SCHEMA ${schema}`)
      const withPath = new URL(url)
      withPath.searchParams.set('options', `-c search_path=${schema}`)
      return withPath.toString()
    },
    query: (sql, params) => client.query(sql, params),
    async drop() {
      await client.end().catch(() => {})
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    },
  }
}

/** The URL of database `name` on the test server. */
export function urlOf(name: string): string {
  const url = new URL(TEST_SERVER_URL)
  url.pathname = `/${name}`
  return url.toString()
}

/** A unique database name that does not exist yet (for tests of creating one); drop it with `dropDatabase`. */
export function uniqueDatabaseName(label: string): string {
  return `dossier_test_${label}_${randomBytes(4).toString('hex')}`
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}

async function admin(fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL })
  client.on('error', () => {})
  await client.connect()
  try {
    await fn(client)
  } finally {
    await client.end()
  }
}
