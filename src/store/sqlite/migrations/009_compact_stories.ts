import type Database from 'better-sqlite3'
import { packJson } from '../packed.js'

/**
 * Compact stories (issue 11): a story's composed JSON, its check and its clustering state are
 * packed (`packJson`) instead of kept as JSON text. On generated news they were 2.2, 8.5 and 8.7 KB
 * a story, about 4 KB an article of the 12 KB a store held; packed, a third of that. No column
 * changes: SQLite keeps a BLOB in a TEXT column as it is. The index of LSH bands by document goes.
 *
 * Stored rows are packed here, a page at a time (`packStories`). Readers take either form
 * (`unpackJson`), so a read-only open of a store that has not run this still reads.
 */
export const COMPACT_STORIES_SQL = `
-- Band rows by document served only a document's deletion (Dossier deletes none) and one check of
-- dossier check, which reads the bands whole instead: 0.6 KB an article.
DROP INDEX IF EXISTS minhash_bands_by_document;
`

/** Stories packed per read of the old rows: bounds the memory the conversion holds. */
const STORIES_PER_PAGE = 256

/**
 * Packs every story, check and state still held as JSON text, in id order, a page at a time;
 * runs inside the migration's transaction, so a store is converted whole or not at all.
 *
 * @example
 * db.transaction(() => packStories(db)).immediate()
 */
export function packStories(db: Database.Database): void {
  const page = db.prepare<[string, number], { id: string; json: string | Buffer; state: string | Buffer; check: string | Buffer | null }>(
    `SELECT s.id, s.json, s.state, c.json AS "check" FROM stories s LEFT JOIN story_checks c ON c.story_id = s.id
     WHERE s.id > ? ORDER BY s.id LIMIT ?`,
  )
  const story = db.prepare<[Buffer, Buffer, string]>('UPDATE stories SET json = ?, state = ? WHERE id = ?')
  const check = db.prepare<[Buffer, string]>('UPDATE story_checks SET json = ? WHERE story_id = ?')
  const packed = (value: string | Buffer): Buffer => (typeof value === 'string' ? packJson(value) : value)
  let after = ''
  for (;;) {
    const rows = page.all(after, STORIES_PER_PAGE)
    for (const row of rows) {
      story.run(packed(row.json), packed(row.state), row.id)
      if (row.check !== null) check.run(packed(row.check), row.id)
    }
    if (rows.length < STORIES_PER_PAGE) break
    after = rows[rows.length - 1]!.id
  }
}
