/**
 * Writes the documents, blobs and story tables of a store into a new store of the previous layout
 * (schema 5: one JSON row per layer, text as TEXT, 4 KB pages), so a benchmark can run the same
 * articles in both layouts: `bench:store-size` does it in-process; for the API,
 *
 *   npx tsx bench/legacy-copy.ts compact.db legacy.db
 *   npm run bench:api -- --store compact.db
 *   npm run bench:api -- --store legacy.db --server-root <a checkout of the previous code>
 *
 * Documents are read in storage order a page at a time and written a blob at a time (the documents
 * of one input are stored together), so the copy never holds the whole store.
 */
import { copyFileSync, existsSync } from 'node:fs'
import type Database from 'better-sqlite3'
import type { Document } from '../src/document/index.js'
import { unpackJson } from '../src/store/sqlite/packed.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { createLegacyStore, saveLegacy } from '../test/helpers/legacy-store.js'

/** Story tables, copied row for row: the layout change does not touch them but for the packed JSON of stories and checks. */
export const STORY_TABLES = ['stories', 'story_members', 'story_checks', 'story_actors', 'threads', 'term_frequencies', 'story_counters', 'minhash_signatures', 'minhash_bands']
/** The columns of story tables whose JSON is packed, read back as text. */
const UNPACKED_COLUMNS: Readonly<Record<string, string>> = {
  stories: 'id, seq, title, event_date, sort_date, articles, outlets, thread, updated_at, window_from, window_to, dossier_json(json), dossier_json(state)',
  story_checks: 'story_id, dossier_json(json)',
}

/**
 * Copies the story tables of the store at `from` into `db`, a store of the previous layout: row for
 * row, the stories, checks and states as JSON text, as schema 5 kept them (packed since migration 9).
 */
export function copyStoryTables(db: Database.Database, from: string): void {
  db.exec(`ATTACH '${from.replaceAll("'", "''")}' AS compact`)
  db.function('dossier_json', { deterministic: true }, (value: unknown) => unpackJson(value as string | Buffer))
  db.transaction(() => {
    for (const table of STORY_TABLES) db.exec(`INSERT INTO main.${table} SELECT ${UNPACKED_COLUMNS[table] ?? '*'} FROM compact.${table}`)
  })()
  db.exec('DETACH compact')
}

/**
 * Copies the store at `from` into a new store of the previous layout at `to`; returns the documents copied.
 *
 * @example
 * await copyToLegacyLayout('compact.db', 'legacy.db') // 100000
 */
export async function copyToLegacyLayout(from: string, to: string): Promise<number> {
  if (existsSync(to)) throw new Error(`legacy-copy: ${to} exists; name a new file`)
  const store = await SqliteStore.open(from, { readOnly: true })
  const db = createLegacyStore(to)
  let copied = 0
  try {
    let group: Document[] = []
    const flush = async (): Promise<void> => {
      if (group.length === 0) return
      const blob = group[0]!.origin.blob
      saveLegacy(db, { sha256: blob, bytes: (await store.getBlob(blob))!, input: group[0]!.origin.input }, group)
      copied += group.length
      group = []
    }
    for await (const doc of store.iterateDocuments({ pageSize: 500 })) {
      if (group.length > 0 && group[0]!.origin.blob !== doc.origin.blob) await flush()
      group.push(doc)
    }
    await flush()
    copyStoryTables(db, from)
  } finally {
    db.close()
    await store.close()
  }
  return copied
}

if (process.argv[1] === import.meta.filename) {
  const [from, to] = process.argv.slice(2)
  if (from === undefined || to === undefined) throw new Error('usage: npx tsx bench/legacy-copy.ts <store.db> <new legacy store.db>')
  const started = performance.now()
  const n = await copyToLegacyLayout(from, to)
  if (existsSync(`${from}.queries.json`)) copyFileSync(`${from}.queries.json`, `${to}.queries.json`)
  console.log(`legacy-copy: ${n.toLocaleString('en-US')} documents written in the previous layout to ${to} in ${((performance.now() - started) / 1000).toFixed(0)} s`)
}
