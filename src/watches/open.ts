import { UsageError } from '../errors.js'
import type { Store } from '../store/index.js'
import { SqliteStore } from '../store/sqlite/sqlite-store.js'
import { SqliteWatchStore } from './sqlite.js'
import type { WatchStore } from './store.js'

/**
 * The watches and alerts kept in `store`, on its own connection.
 *
 * @example
 * const watches = watchStoreOf(await openStore({ path: 'dossier.db' }))
 */
export function watchStoreOf(store: Store): WatchStore {
  if (store instanceof SqliteStore) return store.tablesOf('watches', (db, readOnly) => new SqliteWatchStore(db, store.file, readOnly))
  throw new UsageError('Watches and alerts are kept in the SQLite store; this store does not keep them yet.')
}

/** True when `store` keeps watches (`watchStoreOf` works on it). */
export function keepsWatches(store: Store): boolean {
  return store instanceof SqliteStore
}
