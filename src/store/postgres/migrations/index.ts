import { INITIAL_SQL } from './001_initial.js'

/**
 * The schema of the PostgreSQL store, as an ordered list of migrations. Each runs in its own
 * transaction and records itself in `dossier_schema`; a change is a new entry at the end, never
 * an edit of an old one (databases in use already ran it). Numbered on their own: the SQLite
 * store's versions are its own.
 */
export interface PgMigration {
  /** 1, 2, 3, …: contiguous, ascending. */
  readonly version: number
  readonly name: string
  readonly sql: string
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: 'initial', sql: INITIAL_SQL },
]

/** The table recording applied migrations; a database holding tables but not this one is not a Dossier store. */
export const SCHEMA_TABLE = 'dossier_schema'
