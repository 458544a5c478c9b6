import pg from 'pg'
import { StoreError, UsageError } from '../../errors.js'
import { codeOf, pgFailure } from './failures.js'

/** Connections one store opens at most: a CLI command uses one or two, `dossier serve` a few at once. */
export const POOL_SIZE = 8

/** How long opening a connection may take before the server counts as unreachable. */
const CONNECT_TIMEOUT_MS = 10_000

/** True when `location` names a PostgreSQL store (`postgres://…` or `postgresql://…`) rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location)
}

/**
 * The URL as messages name it: its password replaced by `***`, so an error printed to a log or a
 * terminal never carries the secret.
 *
 * @example
 * redactUrl('postgres://app:s3cret@db:5432/news') // 'postgres://app:***@db:5432/news'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    return url.replace(/:\/\/([^:/@]*):[^@]*@/, '://$1:***@')
  }
}

/** The database a URL names (its path), checked: the store needs one of its own. */
export function databaseOf(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`${redactUrl(url)} is not a valid PostgreSQL URL; write it as postgres://user:password@host:5432/database.`)
  }
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
  if (name === '') throw new UsageError(`${redactUrl(url)} names no database; add one, as in postgres://host:5432/dossier.`)
  return name
}

// node-postgres returns bigint (int8) as a string, since it may pass 2^53. Every int8 the store
// reads (a storage sequence, a count, an LSH band key: band * 2^32 + bucket) stays far below it,
// so this pool reads them as numbers. Per pool, not `pg.types` (global): the job queue's pg-boss
// shares the process and keeps node-postgres's defaults.
const INT8_OID = 20
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

export interface PoolOptions {
  /** Every transaction of the pool's connections is read-only: a write fails with STORE_READ_ONLY. */
  readonly readOnly?: boolean
  /** Server settings of every connection, as `name=value` (`enable_seqscan=off`). */
  readonly settings?: readonly string[]
  /** Connections at most; default POOL_SIZE. */
  readonly max?: number
}

/**
 * A pool of connections to the store's database. An error on an idle connection (the server
 * restarted, a network cut) is reported by the pool as an event: without a listener node would end
 * the process. Here it only drops that connection; the next query opens a new one, so the store
 * reconnects by itself once the server is back.
 *
 * @example
 * const pool = createPool('postgres://127.0.0.1:5432/dossier', { readOnly: true })
 */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  databaseOf(url)
  const pool = new pg.Pool({
    connectionString: withServerOptions(url, [...(options.readOnly ? ['default_transaction_read_only=on'] : []), ...(options.settings ?? [])]),
    max: options.max ?? POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    types,
    application_name: 'dossier',
  })
  pool.on('error', () => {
    // The pool has already removed the broken idle client; nothing else holds it.
  })
  return pool
}

// Added to the URL's own `options` (a `search_path`, say): node-postgres lets the URL's win over a separate one.
function withServerOptions(url: string, settings: readonly string[]): string {
  if (settings.length === 0) return url
  const parsed = new URL(url)
  const own = parsed.searchParams.get('options')
  const added = settings.map((s) => `-c ${s}`).join(' ')
  parsed.searchParams.set('options', own === null ? added : `${own} ${added}`)
  return parsed.toString()
}

/**
 * Creates the database a URL names when it does not exist (a write command on a new store, as a
 * SQLite store's file is created), connecting to the server's `postgres` database to do it.
 * Returns true when it created it. Two processes creating it at once: the loser finds it made.
 */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const name = databaseOf(url)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  client.on('error', () => {})
  try {
    await client.connect()
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount !== 0) return false
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`)
    return true
  } catch (error) {
    if (codeOf(error) === '42P04') return false // duplicate_database: another process made it
    if (codeOf(error) === '42501') {
      throw new StoreError(`${redactUrl(url)}: the database does not exist and this user may not create it; create it (createdb ${name}) or use a user with CREATEDB.`, 'STORE_OPEN_FAILED', { cause: error })
    }
    throw pgFailure(error, redactUrl(url), 'cannot create the database', 'STORE_OPEN_FAILED')
  } finally {
    await client.end().catch(() => {})
  }
}

/** A PostgreSQL identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
