import { StoreError } from '../errors.js'
import type { Store } from './store.js'
import { SqliteStore } from './sqlite/sqlite-store.js'

export interface OpenStoreOptions {
  /** SQLite file; `:memory:` for a store that lives as long as the process. Default `dossier.db`. */
  readonly path?: string
  /**
   * `write` (default): create and migrate the store as needed. `read`: an existing store, read
   * only (never created; StoreError `STORE_MISSING` when absent). `auto`: write when the store
   * can be written, else read (a server on a store on read-only media serves it without imports).
   */
  readonly mode?: 'write' | 'read' | 'auto'
}

/** Opens (creating and migrating if needed, unless read-only) the default embedded store. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const path = options.path ?? 'dossier.db'
  const mode = options.mode ?? 'write'
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
