import type Database from 'better-sqlite3'
import { packBytes, packLayers, packText } from '../packed.js'

/**
 * The compact layout (issue 11): a document's text, markup and layers are packed (`packed.ts`), and
 * its layers are one packed column of its row instead of one JSON row per layer. A JSON row per
 * layer cost its text twice (each key and each copied word) and a second key of ~60 bytes in the
 * primary-key index; deflate against the document's own text packs all of them in a sixth of the
 * room. Blobs keep their bytes packed the same way (given back verbatim).
 *
 * Stored documents are packed here, a page at a time (`packDocuments`); then `document_layers` is
 * dropped. The space the old rows held is free pages that later writes reuse; `VACUUM` returns it
 * to the filesystem at once.
 */
export const COMPACT_DOCUMENTS_SQL = `
ALTER TABLE documents ADD COLUMN layers BLOB;
`

/** Documents packed per read of the old rows: bounds the memory the conversion holds. */
const DOCUMENTS_PER_PAGE = 256
/** Blobs packed per read: a blob may be a whole feed or archive. */
const BLOBS_PER_PAGE = 8

/**
 * Packs every stored document and blob written in the layout of migrations 1–5, in storage order,
 * a page at a time; runs inside the migration's transaction, so a store is converted whole or not
 * at all.
 *
 * @example
 * db.transaction(() => { db.exec(COMPACT_DOCUMENTS_SQL); packDocuments(db) }).immediate()
 */
export function packDocuments(db: Database.Database): void {
  packDocumentRows(db)
  packBlobRows(db)
}

// Old rows hold text as TEXT, or as its UTF-16LE bytes when it has a lone surrogate (sqlite/text.ts).
type OldText = string | Buffer
const oldText = (value: OldText): string => (typeof value === 'string' ? value : value.toString('utf16le'))

function packDocumentRows(db: Database.Database): void {
  const page = db.prepare<[number, number], { seq: number; id: string; source: OldText; markup: OldText | null }>(
    'SELECT seq, id, source, markup FROM documents WHERE seq > ? ORDER BY seq LIMIT ?',
  )
  // Ordered by rowid: the order the layers were saved in, which is the order they read back in.
  const layersOf = db.prepare<[string], { name: string; json: string }>('SELECT name, json FROM document_layers WHERE document_id = ? ORDER BY rowid')
  const update = db.prepare<[Buffer, Buffer | null, Buffer, number]>('UPDATE documents SET source = ?, markup = ?, layers = ? WHERE seq = ?')
  let after = 0
  for (;;) {
    const rows = page.all(after, DOCUMENTS_PER_PAGE)
    for (const row of rows) {
      const source = oldText(row.source)
      // Each stored value is already JSON written by toExactJson: joined, not parsed and written again.
      const json = `{${layersOf.all(row.id).map((l) => `${JSON.stringify(l.name)}:${l.json}`).join(',')}}`
      update.run(packText(source), row.markup === null ? null : packText(oldText(row.markup)), packLayers(json, source), row.seq)
    }
    if (rows.length < DOCUMENTS_PER_PAGE) break
    after = rows[rows.length - 1]!.seq
  }
}

function packBlobRows(db: Database.Database): void {
  const page = db.prepare<[number, number], { rowid: number; bytes: Buffer }>('SELECT rowid, bytes FROM blobs WHERE rowid > ? ORDER BY rowid LIMIT ?')
  const update = db.prepare<[Buffer, number]>('UPDATE blobs SET bytes = ? WHERE rowid = ?')
  let after = 0
  for (;;) {
    const rows = page.all(after, BLOBS_PER_PAGE)
    for (const row of rows) update.run(packBytes(row.bytes), row.rowid)
    if (rows.length < BLOBS_PER_PAGE) break
    after = rows[rows.length - 1]!.rowid
  }
}
