import type Database from 'better-sqlite3'
import { INITIAL_SQL } from './001_initial.js'
import { ENTITY_INDEX_SQL } from './002_entity_index.js'
import { STORIES_SQL } from './003_stories.js'
import { WRITER_LEASE_SQL } from './004_writer_lease.js'
import { STORY_SEQ_SQL } from './005_story_seq.js'
import { COMPACT_DOCUMENTS_SQL, packDocuments } from './006_compact_documents.js'
import { WATCH_SQL } from './007_watch.js'
import { WATCHES_SQL } from './008_watches.js'
import { COMPACT_STORIES_SQL, packStories } from './009_compact_stories.js'

export { DOSSIER_APPLICATION_ID } from './application-id.js'

/**
 * The schema of the SQLite store, as an ordered list of migrations. Each one runs in its own
 * transaction and sets `PRAGMA user_version` to its `version`; a new table or column is a new
 * entry at the end, never an edit of an old one (stores in the wild already ran it).
 *
 * One numbered module per migration, holding its SQL as a string: `tsc` does not copy `.sql`
 * files into `dist/`.
 */
export interface Migration {
  /** 1, 2, 3, …: contiguous, ascending. */
  readonly version: number
  readonly name: string
  readonly sql: string
  /** Only writers use what it adds: a read-only open of a store that lacks it still reads (it cannot migrate). */
  readonly writersOnly?: boolean
  /** Rewrites stored rows after `sql`, in the same transaction: what SQL alone cannot compute (packing). */
  readonly convert?: (db: Database.Database) => void
  /** Tables dropped once `convert` has run (in the same transaction), so the open check no longer expects them. */
  readonly drops?: readonly string[]
}

/** Every migration of the store, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: INITIAL_SQL },
  { version: 2, name: 'entity index', sql: ENTITY_INDEX_SQL },
  { version: 3, name: 'stories', sql: STORIES_SQL },
  { version: 4, name: 'writer lease', sql: WRITER_LEASE_SQL, writersOnly: true },
  { version: 5, name: 'story order index', sql: STORY_SEQ_SQL, writersOnly: true },
  { version: 6, name: 'compact documents', sql: COMPACT_DOCUMENTS_SQL, convert: packDocuments, drops: ['document_layers'] },
  { version: 7, name: 'watch sources', sql: WATCH_SQL, writersOnly: true },
  { version: 8, name: 'watches and alerts', sql: WATCHES_SQL, writersOnly: true },
  { version: 9, name: 'compact stories', sql: COMPACT_STORIES_SQL, convert: packStories, writersOnly: true },
]
