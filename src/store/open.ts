import { StoreError, UsageError } from '../errors.js'
import type { SourceStore } from './sources.js'
import type { Store } from './store.js'
import { SqliteStore } from './sqlite/sqlite-store.js'
import { isPostgresUrl } from './postgres/connection.js'
import { PostgresStore } from './postgres/postgres-store.js'

export interface OpenStoreOptions {
  /**
   * SQLite file (`:memory:` for a store that lives as long as the process), or a PostgreSQL URL
   * (`postgres://user:password@host:5432/database`). Default: `$DOSSIER_DB`, else `dossier.db`.
   */
  readonly path?: string
  /**
   * `write` (default): create and migrate the store as needed. `read`: an existing store, read
   * only (never created; StoreError `STORE_MISSING` when absent). `auto`: write when the store
   * can be written, else read (a server on a store on read-only media serves it without imports).
   */
  readonly mode?: 'write' | 'read' | 'auto'
}

/**
 * Opens (creating and migrating if needed, unless read-only) the store at `path`: the embedded
 * SQLite store, or the PostgreSQL store when `path` is a `postgres://` URL.
 *
 * @example
 * const store = await openStore({ path: 'postgres://127.0.0.1:5432/dossier', mode: 'read' })
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const path = options.path ?? (process.env.DOSSIER_DB || 'dossier.db')
  const mode = options.mode ?? 'write'
  if (isPostgresUrl(path)) return openPostgres(path, mode)
  if (mode === 'read') return SqliteStore.open(path, { readOnly: true })
  try {
    return await SqliteStore.open(path)
  } catch (error) {
    if (mode === 'auto' && error instanceof StoreError && (error.code === 'STORE_READ_ONLY' || error.code === 'STORE_OPEN_FAILED')) {
      return SqliteStore.open(path, { readOnly: true })
    }
    throw error
  }
}

// `auto` falls back to reading when this user may not write (or the server is a read-only standby).
async function openPostgres(url: string, mode: 'write' | 'read' | 'auto'): Promise<Store> {
  if (mode === 'read') return PostgresStore.open(url, { readOnly: true })
  try {
    return await PostgresStore.open(url)
  } catch (error) {
    if (mode === 'auto' && error instanceof StoreError && error.code === 'STORE_READ_ONLY') return PostgresStore.open(url, { readOnly: true })
    throw error
  }
}

/**
 * The watch state (sources, items seen, hosts) of a store. Kept apart from `Store` so a backend
 * without it still passes the store contract; the embedded SQLite store has it.
 *
 * @example
 * const sources = sourceStoreOf(await openStore({ path: 'dossier.db' }))
 * for (const s of await sources.listSources()) console.log(s.url, s.status)
 */
export function sourceStoreOf(store: Store): SourceStore {
  if (store instanceof SqliteStore) return store.sources
  throw new UsageError('This store does not keep watched sources; `dossier watch` and `dossier sources` need the SQLite store (--db <file>).')
}
