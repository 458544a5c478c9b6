import type Database from 'better-sqlite3'
import { StoreError, UsageError } from '../../errors.js'
import { messageOf } from './connection.js'
import { DOSSIER_APPLICATION_ID, type Migration } from './migrations/index.js'

/**
 * Brings the database at `file` up to the last of `migrations`, one transaction per migration
 * (all of them in one for a new store), and returns the schema version it ended at. A store
 * written by newer code is refused rather than half-understood, and so is a SQLite file that is
 * not a Dossier store.
 *
 * @example
 * applyMigrations(db, MIGRATIONS, 'dossier.db') // → 1
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[], file: string): number {
  checkMigrationList(migrations)
  const latest = migrations.length
  let current = readVersion(db)
  checkIsDossierStore(db, current, file)
  if (current > latest) {
    throw new StoreError(
      `${file} has schema version ${current}, but this Dossier knows versions up to ${latest}; upgrade Dossier to open it.`,
      'STORE_SCHEMA_TOO_NEW',
    )
  }
  const applyOne = (migration: Migration): void => {
    // Re-read inside the write lock: another process opening the same new file may have run it.
    if (readVersion(db) >= migration.version) return
    db.exec(migration.sql)
    migration.convert?.(db)
    for (const table of migration.drops ?? []) db.exec(`DROP TABLE ${table}`)
    db.pragma(`user_version = ${migration.version}`)
  }
  const failed = (migration: Migration, error: unknown): StoreError => new StoreError(
    `${file}: could not apply schema migration ${migration.version} (${migration.name}): ${messageOf(error)}`,
    'STORE_MIGRATION_FAILED',
    { cause: error },
  )
  if (current === 0) {
    // A new store is made in one transaction: a process killed while making it leaves an empty
    // file (made again on the next open), never a store stopped at an old schema.
    let running = migrations[0]!
    try {
      db.transaction(() => {
        for (const migration of migrations) {
          running = migration
          applyOne(migration)
        }
      }).immediate()
    } catch (error) {
      throw failed(running, error)
    }
    current = latest
  }
  for (const migration of migrations.slice(current)) {
    try {
      db.transaction(() => applyOne(migration)).immediate()
    } catch (error) {
      throw failed(migration, error)
    }
    current = migration.version
  }
  checkTables(db, migrations.slice(0, current), file)
  return current
}

/**
 * What a read-only open checks instead of migrating: the file is a Dossier store, not newer than
 * this code, and has every migration readers need (one only writers use may be missing). Returns
 * the schema version.
 *
 * @example
 * checkReadable(db, MIGRATIONS, 'dossier.db') // → 4
 */
export function checkReadable(db: Database.Database, migrations: readonly Migration[], file: string): number {
  checkMigrationList(migrations)
  const current = readVersion(db)
  checkIsDossierStore(db, current, file)
  if (current === 0) {
    throw new StoreError(`${file} is an empty file, not a store yet; \`dossier ingest\` or \`dossier analyze\` fills it.`, 'STORE_MISSING')
  }
  if (current > migrations.length) {
    throw new StoreError(
      `${file} has schema version ${current}, but this Dossier knows versions up to ${migrations.length}; upgrade Dossier to open it.`,
      'STORE_SCHEMA_TOO_NEW',
    )
  }
  const needed = migrations.slice(current).filter((m) => !m.writersOnly)
  if (needed.length > 0) {
    throw new StoreError(
      `${file} has schema version ${current} and needs migration ${needed.map((m) => `${m.version} (${m.name})`).join(', ')} before it can be read; ` +
        'run a write command on it (`dossier analyze` with no new input upgrades it), or open it where it can be written.',
      'STORE_SCHEMA_OLD',
    )
  }
  checkTables(db, migrations.slice(0, current), file)
  return current
}

function readVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

// The quick check at open: every table the applied migrations created is in the schema. Reading
// the schema also parses it, so a damaged first page or schema page fails here (SQLITE_CORRUPT or
// SQLITE_NOTADB → STORE_CORRUPT), before a command has done anything. A full check is `dossier check`.
function checkTables(db: Database.Database, applied: readonly Migration[], file: string): void {
  const present = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[])
  const dropped = new Set(applied.flatMap((m) => m.drops ?? []))
  const missing = applied.flatMap((m) => [...m.sql.matchAll(/CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?"?(\w+)/gi)].map((match) => match[1]!))
    .filter((t) => !present.has(t) && !dropped.has(t))
  if (missing.length > 0) {
    throw new StoreError(
      `${file}: the store lacks its table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the file is damaged. \`dossier check --db ${file}\` tells more.`,
      'STORE_CORRUPT',
    )
  }
}

// An empty file is ours to initialise; anything else must carry our application id.
function checkIsDossierStore(db: Database.Database, version: number, file: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number
  if (applicationId === DOSSIER_APPLICATION_ID) return
  const objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number
  if (applicationId === 0 && version === 0 && objects === 0) return
  throw new StoreError(
    `${file} is a SQLite database but not a Dossier store; choose another file for the store.`,
    'STORE_NOT_DOSSIER',
  )
}

function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new UsageError(
        `Migration "${m.name}" has version ${m.version} at position ${i + 1}; versions must run 1, 2, 3, … in order.`,
      )
    }
  })
}
