/**
 * Advisory lock keys of a Dossier database: (`DOSS` in ASCII, purpose). PostgreSQL scopes them to
 * the database, so two stores on one server never wait for each other.
 */
export const LOCK_SPACE = 0x444f5353
export const LOCKS = {
  /** Held while a migration runs, so two processes opening a new store apply it once. */
  migrate: 1,
  /** The writer lease: held by one session for a writer's whole run. */
  writer: 2,
  /** Held by each story update's transaction, so two updates never interleave (SQLite's write lock). */
  stories: 3,
} as const
