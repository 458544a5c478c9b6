import type Database from 'better-sqlite3'
import type { DocumentRow, EntityIndexRow } from './rows.js'
import type { StoredText } from './text.js'

/** How much more a search term found in the title counts than one in the body (bm25 column weight). */
const TITLE_WEIGHT = 3.0

/**
 * Matches of one search that are ranked, at most: a query matching more (a word most articles
 * contain) lists its matches newest first, unscored; a name or a phrase matches fewer and is
 * ranked best first. FTS5's bm25 weighs each word by the number of documents holding it, which it
 * counts by walking the word's whole list of documents on every query: for a word in every article
 * that is the whole index per request (6–14 ms at 100k articles, linear in the store), even to
 * score one page.
 */
export const SEARCH_CANDIDATES = 500

const SUMMARY_COLUMNS = ['id', 'input', 'url', 'container', 'title', 'published', 'publisher', 'chars', 'stored_at AS storedAt']
  .map((c) => `documents.${c}`)
  .join(', ')

/** Named parameters of a `blobs` row. */
export interface BlobParams {
  readonly sha256: string
  readonly bytes: Buffer
  readonly input: StoredText
  readonly mediaType: string | null
  readonly size: number
  readonly storedAt: string
}

/** Named parameters of a new `documents` row: the row and its packed layers. */
export type DocumentParams = DocumentRow & { readonly layers: Buffer }

/** Named parameters of the summary columns a layer update re-derives. */
export interface SummaryParams {
  readonly id: string
  readonly title: StoredText | null
  readonly published: StoredText | null
  readonly publisher: StoredText | null
  readonly language: StoredText | null
  readonly chars: number
}

export interface EntityListParams { readonly type: string | null; readonly limit: number; readonly offset: number }

/** A row of the entity listing, before the helper column is dropped. */
export interface EntityListRow {
  readonly id: string
  readonly type: string
  readonly name: string
  readonly documents: number
  readonly mentions: number
}

export type SummaryRow = Pick<DocumentRow, 'id' | 'input' | 'url' | 'container' | 'title' | 'published' | 'publisher' | 'chars' | 'storedAt'>

/**
 * Every statement the store runs, prepared once per connection: preparing is a large share of
 * the cost of a small insert, and ingest saves tens of thousands of documents.
 *
 * @example
 * const sql = prepareStatements(db)
 * sql.hasBlob.get('ab12…')
 */
export function prepareStatements(db: Database.Database): Statements {
  return {
    hasBlob: db.prepare<[string], 1>('SELECT 1 FROM blobs WHERE sha256 = ?').pluck(),
    getBlob: db.prepare<[string], Buffer>('SELECT bytes FROM blobs WHERE sha256 = ?').pluck(),
    insertBlob: db.prepare<[BlobParams]>(
      // ON CONFLICT rather than OR IGNORE: OR IGNORE would also skip rows failing NOT NULL or CHECK.
      `INSERT INTO blobs (sha256, bytes, input, media_type, size, stored_at)
       VALUES (@sha256, @bytes, @input, @mediaType, @size, @storedAt) ON CONFLICT (sha256) DO NOTHING`,
    ),
    insertDocument: db.prepare<[DocumentParams]>(
      `INSERT INTO documents (id, blob_sha256, input, record, url, container, captured_at, charset,
         hints, markup, source, messages, extra, title, published, publisher, language, chars, stored_at, layers)
       VALUES (@id, @blobSha256, @input, @record, @url, @container, @capturedAt, @charset,
         @hints, @markup, @source, @messages, @extra, @title, @published, @publisher, @language, @chars, @storedAt, @layers)
       ON CONFLICT (id) DO NOTHING`,
    ),
    insertFts: db.prepare<[number | bigint, string, string]>('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)'),
    getDocument: db.prepare<[string], DocumentRow & { layers: Buffer }>(
      `SELECT id, blob_sha256 AS blobSha256, input, record, url, container, captured_at AS capturedAt, charset,
         hints, markup, source, messages, extra, title, published, publisher, language, chars, stored_at AS storedAt, layers
       FROM documents WHERE id = ?`,
    ),
    getLayers: db.prepare<[number], Buffer>('SELECT layers FROM documents WHERE seq = ?').pluck(),
    listDocuments: db.prepare<[number, number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY seq LIMIT ? OFFSET ?`,
    ),
    countDocuments: db.prepare<[], number>('SELECT count(*) FROM documents').pluck(),
    pageDocuments: db.prepare<[number, number], DocumentRow & { seq: number; layers: Buffer }>(
      `SELECT seq, id, blob_sha256 AS blobSha256, input, record, url, container, captured_at AS capturedAt, charset,
         hints, markup, source, messages, extra, title, published, publisher, language, chars, stored_at AS storedAt, layers
       FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`,
    ),
    documentSeq: db.prepare<[string], number>('SELECT seq FROM documents WHERE id = ?').pluck(),
    updateLayers: db.prepare<[Buffer, string]>('UPDATE documents SET layers = ? WHERE id = ?'),
    updateSummary: db.prepare<[SummaryParams]>(
      `UPDATE documents SET title = @title, published = @published, publisher = @publisher, language = @language, chars = @chars
       WHERE id = @id`,
    ),
    updateMessages: db.prepare<[string, string]>('UPDATE documents SET messages = ? WHERE id = ?'),
    deleteFts: db.prepare<[number | bigint]>('DELETE FROM documents_fts WHERE rowid = ?'),
    insertEntity: db.prepare<[EntityIndexRow]>(
      // Rows come one per entity and document (toEntityIndexRows), so no conflict is expected.
      'INSERT INTO entity_index (entity_id, type, name, document_id, mentions) VALUES (@entityId, @type, @name, @documentId, @mentions)',
    ),
    deleteEntities: db.prepare<[string]>('DELETE FROM entity_index WHERE document_id = ?'),
    listEntities: db.prepare<[EntityListParams], EntityListRow>(
      // SQLite takes the bare columns (type, name) from the row holding max(length(name)): the fullest name.
      `SELECT entity_id AS id, type, name, count(*) AS documents, sum(mentions) AS mentions, max(length(name)) AS fullest
       FROM entity_index WHERE @type IS NULL OR type = @type
       GROUP BY entity_id ORDER BY documents DESC, mentions DESC, entity_id LIMIT @limit OFFSET @offset`,
    ),
    documentsMentioning: db.prepare<[string, number, number], SummaryRow & { mentions: number }>(
      `SELECT ${SUMMARY_COLUMNS}, entity_index.mentions AS mentions
       FROM entity_index JOIN documents ON documents.id = entity_index.document_id
       WHERE entity_index.entity_id = ? ORDER BY documents.seq LIMIT ? OFFSET ?`,
    ),
    search: db.prepare<[string, number, number], SummaryRow & { score: number }>(
      // Title hits weigh more than body hits; bm25 is lower for better matches, so negate it.
      `SELECT ${SUMMARY_COLUMNS}, -bm25(documents_fts, ${TITLE_WEIGHT}, 1.0) AS score
       FROM documents_fts JOIN documents ON documents.seq = documents_fts.rowid
       WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts, ${TITLE_WEIGHT}, 1.0) LIMIT ? OFFSET ?`,
    ),
    // FTS5 walks a match newest first and stops at the page; no bm25 (see SEARCH_CANDIDATES), so 0.
    searchNewest: db.prepare<[string, number, number], SummaryRow & { score: number }>(
      `SELECT ${SUMMARY_COLUMNS}, 0 AS score
       FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?) AS hits
       JOIN documents ON documents.seq = hits.rowid ORDER BY hits.rowid DESC`,
    ),
    // Counting walks the match without scoring it, and stops at the cap.
    countSearch: db.prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)'),
  }
}

type Statement<P extends unknown[] | object, R = unknown> = Database.Statement<P, R>

/** Named explicitly: declaration emit cannot name better-sqlite3's inferred statement types. */
export interface Statements {
  readonly hasBlob: Statement<[string], 1>
  readonly getBlob: Statement<[string], Buffer>
  readonly insertBlob: Statement<[BlobParams]>
  readonly insertDocument: Statement<[DocumentParams]>
  readonly insertFts: Statement<[number | bigint, string, string]>
  readonly getDocument: Statement<[string], DocumentRow & { layers: Buffer }>
  readonly getLayers: Statement<[number], Buffer>
  readonly listDocuments: Statement<[number, number], SummaryRow>
  readonly countDocuments: Statement<[], number>
  readonly pageDocuments: Statement<[number, number], DocumentRow & { seq: number; layers: Buffer }>
  readonly documentSeq: Statement<[string], number>
  readonly updateLayers: Statement<[Buffer, string]>
  readonly updateSummary: Statement<[SummaryParams]>
  readonly updateMessages: Statement<[string, string]>
  readonly deleteFts: Statement<[number | bigint]>
  readonly insertEntity: Statement<[EntityIndexRow]>
  readonly deleteEntities: Statement<[string]>
  readonly listEntities: Statement<[EntityListParams], EntityListRow>
  readonly documentsMentioning: Statement<[string, number, number], SummaryRow & { mentions: number }>
  readonly search: Statement<[string, number, number], SummaryRow & { score: number }>
  readonly searchNewest: Statement<[string, number, number], SummaryRow & { score: number }>
  readonly countSearch: Statement<[string, number], { n: number }>
}
