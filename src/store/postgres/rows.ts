import type { Document } from '../../document/index.js'
import type { DocumentSummary } from '../store.js'
import { fromDocumentRow, toSummary, type DocumentRow, type DocumentWrite, type LayerRow } from '../sqlite/rows.js'
import { fromStoredText, type StoredText } from '../sqlite/text.js'
import { fromPgText, fromPgTextOrNull, toPgText, toPgTextOrNull } from './text.js'
import { toTsvector } from './tsquery.js'

/**
 * Documents go in and out of PostgreSQL through the SQLite store's row model (`sqlite/rows.ts`:
 * the summary columns, the `extra` JSON, the entity index rows), so both stores derive the same
 * values from a document; only the text encoding differs (`postgres/text.ts`).
 */

/** Free-text columns of `documents`, which `toPgText` encodes. */
const TEXT_COLUMNS = ['input', 'record', 'url', 'capturedAt', 'markup', 'source', 'title', 'published', 'publisher', 'language'] as const

/** The columns of a `documents` row, in the order `documentParams` gives their values. */
export const DOCUMENT_COLUMNS = [
  'id', 'blob_sha256', 'input', 'record', 'url', 'container', 'captured_at', 'charset', 'hints', 'markup', 'source',
  'messages', 'extra', 'title', 'published', 'publisher', 'language', 'chars', 'stored_at', 'search',
] as const

/** SELECT list of a whole `documents` row, named as `DocumentRow`. */
export const DOCUMENT_SELECT = `d.id, d.blob_sha256 AS "blobSha256", d.input, d.record, d.url, d.container, d.captured_at AS "capturedAt", d.charset,
  d.hints, d.markup, d.source, d.messages, d.extra, d.title, d.published, d.publisher, d.language, d.chars, d.stored_at AS "storedAt"`

/** SELECT list of a document's summary. */
export const SUMMARY_SELECT = 'd.id, d.input, d.url, d.container, d.title, d.published, d.publisher, d.chars, d.stored_at AS "storedAt"'

function pgText(value: StoredText | null): string | null {
  return value === null ? null : toPgText(fromStoredText(value))
}

/** The values of a `documents` row (DOCUMENT_COLUMNS order), its search vector last. */
export function documentParams(write: DocumentWrite): unknown[] {
  const r = write.row
  return [
    r.id, r.blobSha256, pgText(r.input), pgText(r.record), pgText(r.url), r.container, pgText(r.capturedAt), r.charset, r.hints,
    pgText(r.markup), pgText(r.source), r.messages, r.extra, pgText(r.title), pgText(r.published), pgText(r.publisher),
    pgText(r.language), r.chars, r.storedAt, toTsvector(write.fts.title, write.fts.body),
  ]
}

/** A row as PostgreSQL returns it, its text decoded: the SQLite row model reads it from there. */
export function decodeRow<T extends Partial<DocumentRow>>(row: T): T {
  const out: Record<string, unknown> = { ...row }
  for (const column of TEXT_COLUMNS) {
    if (column in out) out[column] = column === 'input' || column === 'source' ? fromPgText(out[column] as string) : fromPgTextOrNull(out[column] as string | null)
  }
  return out as T
}

export function documentOf(row: DocumentRow, layers: readonly LayerRow[]): Document {
  return fromDocumentRow(decodeRow(row), layers)
}

export function summaryOf(row: Parameters<typeof toSummary>[0]): DocumentSummary {
  return toSummary(decodeRow(row))
}

export { toPgText, toPgTextOrNull }
