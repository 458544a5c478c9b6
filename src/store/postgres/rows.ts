import type { Document, Layers } from '../../document/index.js'
import type { DocumentSummary } from '../store.js'
import { toExactJson } from '../sqlite/json.js'
import { documentFromColumns, toDocumentWrite, toSummary, type EntityIndexRow } from '../sqlite/rows.js'
import { fromStoredText, type StoredText } from '../sqlite/text.js'
import { fromPgText, fromPgTextOrNull, toPgText } from './text.js'
import { toTsvector } from './tsquery.js'

/**
 * Documents in PostgreSQL: the SQLite store's row model (`sqlite/rows.ts`) derives the summary
 * columns, the `extra` JSON, the search text and the entity index rows, so both stores derive the
 * same values from a document. The text, markup and layers are kept plain here (text columns, one
 * JSON row per layer): PostgreSQL compresses large values itself (TOAST), where the SQLite store
 * packs them (`sqlite/packed.ts`).
 */

/** One layer of a document, as `document_layers` holds it. */
export interface LayerRow {
  readonly name: string
  readonly json: string
}

/** A `documents` row as the store's SELECTs name it (free text still encoded, see `text.ts`). */
export interface PgDocumentRow {
  readonly id: string
  readonly blobSha256: string
  readonly input: string
  readonly record: string | null
  readonly url: string | null
  readonly container: string
  readonly capturedAt: string | null
  readonly charset: string
  readonly hints: string
  readonly markup: string | null
  readonly source: string
  readonly messages: string
  readonly extra: string | null
  readonly title: string | null
  readonly published: string | null
  readonly publisher: string | null
  readonly language: string | null
  readonly chars: number
  readonly storedAt: string
}

/** Everything one document writes. */
export interface PgDocumentWrite {
  readonly id: string
  /** The `documents` row's values, in DOCUMENT_COLUMNS order. */
  readonly params: readonly unknown[]
  readonly messages: string
  readonly layers: readonly LayerRow[]
  readonly fts: { readonly title: string; readonly body: string }
  readonly entities: readonly EntityIndexRow[]
}

/** The columns of a `documents` row, in the order of `PgDocumentWrite.params`. */
export const DOCUMENT_COLUMNS = [
  'id', 'blob_sha256', 'input', 'record', 'url', 'container', 'captured_at', 'charset', 'hints', 'markup', 'source',
  'messages', 'extra', 'title', 'published', 'publisher', 'language', 'chars', 'stored_at', 'search',
] as const

/** SELECT list of a whole `documents` row, named as `PgDocumentRow`. */
export const DOCUMENT_SELECT = `d.id, d.blob_sha256 AS "blobSha256", d.input, d.record, d.url, d.container, d.captured_at AS "capturedAt", d.charset,
  d.hints, d.markup, d.source, d.messages, d.extra, d.title, d.published, d.publisher, d.language, d.chars, d.stored_at AS "storedAt"`

/** SELECT list of a document's summary. */
export const SUMMARY_SELECT = 'd.id, d.input, d.url, d.container, d.title, d.published, d.publisher, d.chars, d.stored_at AS "storedAt"'

function pgText(value: StoredText | null): string | null {
  return value === null ? null : toPgText(fromStoredText(value))
}

/**
 * What saving `doc` writes. Throws `UnstorableValueError` (from the row model) when a value would
 * not come back deep-equal.
 */
export function toPgDocumentWrite(doc: Document, storedAt: string): PgDocumentWrite {
  // Without its markup, which no derived value reads: the row model would pack (deflate) it for nothing.
  const { markup, ...withoutMarkup } = doc
  const { row, fts, entities } = toDocumentWrite(withoutMarkup, storedAt)
  const layers = Object.entries(doc.layers)
    .filter(([, layer]) => layer !== undefined)
    .map(([name, layer]) => ({ name, json: toExactJson(layer, `layers.${name}`) }))
  const params = [
    row.id, row.blobSha256, pgText(row.input), pgText(row.record), pgText(row.url), row.container, pgText(row.capturedAt), row.charset, row.hints,
    markup === undefined ? null : toPgText(markup), toPgText(doc.source), row.messages, row.extra, pgText(row.title), pgText(row.published),
    pgText(row.publisher), pgText(row.language), row.chars, row.storedAt, toTsvector(fts.title, fts.body),
  ]
  return { id: row.id, params, messages: row.messages, layers, fts, entities }
}

/** The value of one column of a write. */
export function paramOf(write: PgDocumentWrite, column: (typeof DOCUMENT_COLUMNS)[number]): unknown {
  return write.params[DOCUMENT_COLUMNS.indexOf(column)]
}

/** Rebuilds the document a row and its layers came from (the SQLite store's rebuild, with PostgreSQL's text decoding). */
export function documentOf(row: PgDocumentRow, layerRows: readonly LayerRow[]): Document {
  const layers: Record<string, unknown> = {}
  for (const layer of layerRows) layers[layer.name] = JSON.parse(layer.json)
  return documentFromColumns(row, layers as Layers, fromPgText)
}

type SummaryColumns = Pick<PgDocumentRow, 'id' | 'input' | 'url' | 'container' | 'title' | 'published' | 'publisher' | 'chars' | 'storedAt'>

export function summaryOf(row: SummaryColumns): DocumentSummary {
  return toSummary({
    ...row,
    input: fromPgText(row.input),
    url: fromPgTextOrNull(row.url),
    title: fromPgTextOrNull(row.title),
    published: fromPgTextOrNull(row.published),
    publisher: fromPgTextOrNull(row.publisher),
  })
}

export { toPgText }
