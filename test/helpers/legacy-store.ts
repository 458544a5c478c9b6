import Database from 'better-sqlite3'
import type { Document } from '../../src/document/index.js'
import type { Blob } from '../../src/store/store.js'
import { toExactJson } from '../../src/store/sqlite/json.js'
import { MIGRATIONS } from '../../src/store/sqlite/migrations/index.js'
import { toDocumentWrite } from '../../src/store/sqlite/rows.js'
import { fromStoredText, toStoredText } from '../../src/store/sqlite/text.js'

/** The last schema version of the layout before the compact one (migration 6). */
export const LEGACY_VERSION = 5

/**
 * Creates a store at schema `version` (1–5): the layout Dossier wrote before documents were
 * packed, for tests and benches that upgrade or compare with it.
 *
 * @example
 * const db = createLegacyStore('old.db')
 * saveLegacy(db, blob, docs)
 */
export function createLegacyStore(path: string, version = LEGACY_VERSION): Database.Database {
  if (version < 1 || version > LEGACY_VERSION) throw new Error(`createLegacyStore: version ${version} is not a layout before the compact one (1–${LEGACY_VERSION})`)
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  for (const migration of MIGRATIONS.slice(0, version)) {
    db.exec(migration.sql)
    db.pragma(`user_version = ${migration.version}`)
  }
  return db
}

/**
 * Saves a blob and its documents as the store did at schema 5: the raw bytes, text columns as
 * TEXT (UTF-16LE bytes for text with a lone surrogate), one JSON row per layer in the layers'
 * order, the full-text row and, from schema 2, the entity index. The summary columns, full-text
 * body and entity rows are the ones the store derives today (they did not change).
 */
export function saveLegacy(db: Database.Database, blob: Blob, docs: readonly Document[]): void {
  const version = db.pragma('user_version', { simple: true }) as number
  const storedAt = '2026-01-01T00:00:00.000Z'
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, blob_sha256, input, record, url, container, captured_at, charset,
       hints, markup, source, messages, extra, title, published, publisher, language, chars, stored_at)
     VALUES (@id, @blobSha256, @input, @record, @url, @container, @capturedAt, @charset,
       @hints, @markup, @source, @messages, @extra, @title, @published, @publisher, @language, @chars, @storedAt)`,
  )
  const insertLayer = db.prepare('INSERT INTO document_layers (document_id, name, json) VALUES (?, ?, ?)')
  const insertFts = db.prepare('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)')
  const insertEntity = version >= 2
    ? db.prepare('INSERT INTO entity_index (entity_id, type, name, document_id, mentions) VALUES (@entityId, @type, @name, @documentId, @mentions)')
    : undefined
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes, input, media_type, size, stored_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(blob.sha256, Buffer.from(blob.bytes), toStoredText(blob.input), blob.mediaType ?? null, blob.bytes.byteLength, storedAt)
    for (const doc of docs) {
      const { row, fts, entities } = toDocumentWrite(doc, storedAt)
      const inserted = insertDocument.run({ ...row, source: toStoredText(doc.source), markup: doc.markup === undefined ? null : toStoredText(doc.markup) })
      for (const [name, layer] of Object.entries(doc.layers)) {
        if (layer !== undefined) insertLayer.run(doc.id, name, toExactJson(layer, `layers.${name}`))
      }
      insertFts.run(inserted.lastInsertRowid, fts.title, fts.body)
      for (const entity of entities) insertEntity?.run(entity)
    }
  }).immediate()
}

type LegacyRow = Record<'id' | 'blob_sha256' | 'container' | 'charset' | 'hints' | 'messages', string> &
  Record<'input' | 'source', string | Buffer> & Record<'record' | 'url' | 'captured_at' | 'markup', string | Buffer | null> & { extra: string | null }

/**
 * Reads a document from a store of the previous layout as the store did at schema 5 (its row,
 * then one JSON row per layer): the peer `bench:store-size` times the compact layout's read against.
 */
export function readLegacyDocument(db: Database.Database, id: string): Document | undefined {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as LegacyRow | undefined
  if (row === undefined) return undefined
  const layers: Record<string, unknown> = {}
  for (const layer of db.prepare('SELECT name, json FROM document_layers WHERE document_id = ? ORDER BY rowid').all(id) as Array<{ name: string; json: string }>) {
    layers[layer.name] = JSON.parse(layer.json)
  }
  const extra = row.extra === null ? {} : (JSON.parse(row.extra) as { doc?: object; origin?: object })
  const text = (value: string | Buffer): string => fromStoredText(value)
  const optional = (key: string, value: string | Buffer | null): Record<string, string> => (value === null ? {} : { [key]: text(value) })
  return {
    ...extra.doc,
    id: row.id,
    origin: {
      input: text(row.input), blob: row.blob_sha256, container: row.container as Document['origin']['container'],
      ...optional('record', row.record), ...optional('url', row.url), ...optional('capturedAt', row.captured_at), ...extra.origin,
    },
    charset: JSON.parse(row.charset) as Document['charset'],
    hints: JSON.parse(row.hints) as Document['hints'],
    ...optional('markup', row.markup),
    source: text(row.source),
    layers: layers as Document['layers'],
    messages: JSON.parse(row.messages) as Document['messages'],
  }
}
