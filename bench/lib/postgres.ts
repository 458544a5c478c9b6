import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The server benches use: `DOSSIER_TEST_PG` (any database the user may connect to), else the local one. */
export const ADMIN_URL = process.env.DOSSIER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * Runs `work` on a new database of its own (named `dossier_bench_<label>_<random>`), dropped after.
 *
 * @example
 * await withDatabase('queue', async (url) => measure(url))
 */
export async function withDatabase<T>(label: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `dossier_bench_${label}_${randomBytes(4).toString('hex')}`
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  try {
    return await work(url.toString())
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
}
