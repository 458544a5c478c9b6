import type pg from 'pg'
import { StoreError, UsageError } from '../../errors.js'
import { pgFailure } from './failures.js'
import { LOCKS, LOCK_SPACE } from './locks.js'
import { SCHEMA_TABLE, type PgMigration } from './migrations/index.js'

/**
 * Brings the database up to the last of `migrations`, one transaction per migration under an
 * advisory lock (a second process opening the same new store waits, then finds it done), and
 * returns the schema version it ended at. A store written by newer code is refused, and so is a
 * database holding tables that are not a Dossier store's.
 *
 * @example
 * await applyPgMigrations(pool, PG_MIGRATIONS, 'postgres://127.0.0.1/dossier') // → 1
 */
export async function applyPgMigrations(pool: pg.Pool, migrations: readonly PgMigration[], where: string): Promise<number> {
  checkMigrationList(migrations)
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, LOCKS.migrate])
    let current = await readVersion(client, where, true)
    if (current > migrations.length) throw tooNew(where, current, migrations.length)
    for (const migration of migrations.slice(current)) {
      try {
        await client.query('SAVEPOINT migration')
        await client.query(migration.sql)
        await client.query(`INSERT INTO ${SCHEMA_TABLE} (version, name) VALUES ($1, $2)`, [migration.version, migration.name])
        await client.query('RELEASE SAVEPOINT migration')
      } catch (error) {
        throw pgFailure(error, where, `could not apply schema migration ${migration.version} (${migration.name})`, 'STORE_MIGRATION_FAILED')
      }
      current = migration.version
    }
    await client.query('COMMIT')
    return current
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw pgFailure(error, where, 'cannot open the store', 'STORE_OPEN_FAILED')
  } finally {
    client.release()
  }
}

/**
 * What a read-only open checks instead of migrating: the database is a Dossier store at exactly
 * this code's version (an older one needs a write command to migrate it first). Returns the version.
 */
export async function checkPgReadable(pool: pg.Pool, migrations: readonly PgMigration[], where: string): Promise<number> {
  checkMigrationList(migrations)
  const client = await pool.connect()
  try {
    const current = await readVersion(client, where, false)
    if (current === 0) throw new StoreError(`${where} is an empty database, not a store yet; \`dossier ingest\` or \`dossier analyze\` fills it.`, 'STORE_MISSING')
    if (current > migrations.length) throw tooNew(where, current, migrations.length)
    if (current < migrations.length) {
      const needed = migrations.slice(current).map((m) => `${m.version} (${m.name})`).join(', ')
      throw new StoreError(`${where} has schema version ${current} and needs migration ${needed} before it can be read; run a write command on it (\`dossier analyze\` with no new input upgrades it).`, 'STORE_SCHEMA_OLD')
    }
    return current
  } catch (error) {
    throw pgFailure(error, where, 'cannot open the store', 'STORE_OPEN_FAILED')
  } finally {
    client.release()
  }
}

// The applied version; with `create`, makes the schema table in a database with no tables at all.
async function readVersion(client: pg.PoolClient, where: string, create: boolean): Promise<number> {
  const tables = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  )
  const names = new Set(tables.rows.map((r) => r.name))
  if (!names.has(SCHEMA_TABLE)) {
    if (names.size > 0) {
      throw new StoreError(`${where} is a PostgreSQL database holding other tables (${[...names].slice(0, 3).join(', ')}…), not a Dossier store; name another database in the URL.`, 'STORE_NOT_DOSSIER')
    }
    if (!create) return 0
    await client.query(`CREATE TABLE ${SCHEMA_TABLE} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
    return 0
  }
  const row = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${SCHEMA_TABLE}`)
  return row.rows[0]?.version ?? 0
}

function tooNew(where: string, current: number, latest: number): StoreError {
  return new StoreError(`${where} has schema version ${current}, but this Dossier knows versions up to ${latest}; upgrade Dossier to open it.`, 'STORE_SCHEMA_TOO_NEW')
}

function checkMigrationList(migrations: readonly PgMigration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new UsageError(`Migration "${m.name}" has version ${m.version} at position ${i + 1}; versions must run 1, 2, 3, … in order.`)
  })
}
