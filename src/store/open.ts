import type { Store } from './store.js'
import { SqliteStore } from './sqlite/sqlite-store.js'

export interface OpenStoreOptions {
  /** SQLite file; `:memory:` for a store that lives as long as the process. Default `dossier.db`. */
  readonly path?: string
}

/** Opens (creating and migrating if needed) the default embedded store. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  return SqliteStore.open(options.path ?? 'dossier.db')
}
