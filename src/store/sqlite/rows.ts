import { cleanTextOf, type Document, type Layers, type Origin } from '../../document/index.js'
import type { DocumentSummary } from '../store.js'
import { toExactJson } from './json.js'
import { fromStoredText, toStoredText, toStoredTextOrNull, type StoredText } from './text.js'

/**
 * A `documents` row in the stores' shared row model (column names in camelCase), its text as
 * text. The SQLite store packs the text and layers on the way in (`packed-rows.ts`); the
 * PostgreSQL store encodes the text its own way.
 */
export interface DocumentRow {
  readonly id: string
  readonly blobSha256: string
  readonly input: StoredText
  readonly record: StoredText | null
  readonly url: StoredText | null
  readonly container: string
  readonly capturedAt: StoredText | null
  readonly charset: string
  readonly hints: string
  readonly markup: StoredText | null
  readonly source: StoredText
  readonly messages: string
  readonly extra: string | null
  readonly title: StoredText | null
  readonly published: StoredText | null
  readonly publisher: StoredText | null
  readonly language: StoredText | null
  readonly chars: number
  readonly storedAt: string
}

export interface LayerRow {
  readonly name: string
  readonly json: string
}

/** An `entity_index` row: one entity of one document. */
export interface EntityIndexRow {
  readonly entityId: string
  readonly type: string
  readonly name: string
  readonly documentId: string
  readonly mentions: number
}

/** Everything one document writes: its row, its layers, its full-text entry and its entity index rows. */
export interface DocumentWrite {
  readonly row: DocumentRow
  readonly layers: readonly LayerRow[]
  readonly fts: { readonly title: string; readonly body: string }
  readonly entities: readonly EntityIndexRow[]
}

// Fields with a column of their own; any other field (a later, additive change to the model)
// goes to `extra` as JSON, so a round trip never drops what it does not know.
const DOCUMENT_COLUMNS = new Set(['id', 'origin', 'charset', 'hints', 'markup', 'source', 'layers', 'messages'])
const ORIGIN_COLUMNS = new Set(['input', 'record', 'url', 'blob', 'container', 'capturedAt'])

/**
 * Turns a document into what the store writes, deriving the summary columns (title, published,
 * publisher, language, chars) once here so that listing never parses JSON. Throws
 * `UnstorableValueError` when a value would not come back deep-equal.
 *
 * @example
 * const { row, layers, fts } = toDocumentWrite(doc, new Date().toISOString())
 */
export function toDocumentWrite(doc: Document, storedAt: string): DocumentWrite {
  const meta = doc.layers.metadata
  // `chars` is what a reader gets: the clean text's length in UTF-16 code units (the whole
  // source before cleaning has run). The same text is what search indexes.
  const cleanText = doc.layers.clean ? cleanTextOf(doc.source, doc.layers.clean) : doc.source
  // The container's title stands in until a metadata stage has weighed it: a feed item's title
  // beats an empty row. Dates and publishers do not: they must be normalised first.
  const title = meta?.title?.value ?? doc.hints.title
  const row: DocumentRow = {
    id: doc.id,
    blobSha256: doc.origin.blob,
    input: toStoredText(doc.origin.input),
    record: toStoredTextOrNull(doc.origin.record),
    url: toStoredTextOrNull(doc.origin.url),
    container: doc.origin.container,
    capturedAt: toStoredTextOrNull(doc.origin.capturedAt),
    charset: toExactJson(doc.charset, 'charset'),
    hints: toExactJson(doc.hints, 'hints'),
    markup: toStoredTextOrNull(doc.markup),
    source: toStoredText(doc.source),
    messages: toExactJson(doc.messages, 'messages'),
    extra: extraJson(doc),
    title: toStoredTextOrNull(title),
    published: toStoredTextOrNull(meta?.published?.value.date),
    publisher: toStoredTextOrNull(meta?.publisher?.value),
    language: toStoredTextOrNull(meta?.language?.value ?? doc.hints.language),
    chars: cleanText.length,
    storedAt,
  }
  const layers = Object.entries(doc.layers)
    .filter(([, layer]) => layer !== undefined)
    .map(([name, layer]) => ({ name, json: toExactJson(layer, `layers.${name}`) }))
  return { row, layers, fts: { title: title ?? '', body: cleanText }, entities: toEntityIndexRows(doc) }
}

// One row per distinct entity of the entities layer (its first listing), with the number of
// mentions that name it: a layer listing an entity twice still counts its mentions once.
function toEntityIndexRows(doc: Document): EntityIndexRow[] {
  const layer = doc.layers.entities
  if (!layer) return []
  const counts = new Map<string, number>()
  for (const m of layer.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1)
  const rows = new Map<string, EntityIndexRow>()
  for (const e of layer.entities) {
    if (!rows.has(e.id)) rows.set(e.id, { entityId: e.id, type: e.type, name: e.name, documentId: doc.id, mentions: counts.get(e.id) ?? 0 })
  }
  return [...rows.values()]
}

/** Rebuilds the document a `toDocumentWrite` row and its layers came from. */
export function fromDocumentRow(row: DocumentRow, layerRows: readonly LayerRow[]): Document {
  const layers: Record<string, unknown> = {}
  for (const layer of layerRows) layers[layer.name] = JSON.parse(layer.json)
  return assembleDocument(row, layers as Layers)
}

/** The document of a row whose layers were read already (all in one value). */
export function assembleDocument(row: DocumentRow, layers: Layers): Document {
  return documentFromColumns(row, layers, fromStoredText)
}

/** The columns a document is rebuilt from, their free text in a store's own encoding `T`. */
export interface DocumentColumns<T> {
  readonly id: string
  readonly blobSha256: string
  readonly input: T
  readonly record: T | null
  readonly url: T | null
  readonly container: string
  readonly capturedAt: T | null
  readonly charset: string
  readonly hints: string
  readonly markup: T | null
  readonly source: T
  readonly messages: string
  readonly extra: string | null
}

/**
 * Rebuilds a document from its columns, decoding free text with `text`: one rebuild for both
 * stores (SQLite's `StoredText`, PostgreSQL's marked strings), so a field added to the model is
 * read back the same way by each.
 */
export function documentFromColumns<T>(row: DocumentColumns<T>, layers: Layers, text: (value: T) => string): Document {
  const optional = <K extends string>(key: K, value: T | null): { [P in K]?: string } =>
    (value === null ? {} : ({ [key]: text(value) } as { [P in K]: string }))
  const extra = row.extra === null ? {} : (JSON.parse(row.extra) as { doc?: object; origin?: object })
  const origin: Origin = {
    input: text(row.input),
    blob: row.blobSha256,
    container: row.container as Origin['container'],
    ...optional('record', row.record),
    ...optional('url', row.url),
    ...optional('capturedAt', row.capturedAt),
    ...extra.origin,
  }
  return {
    ...extra.doc,
    id: row.id,
    origin,
    charset: JSON.parse(row.charset) as Document['charset'],
    hints: JSON.parse(row.hints) as Document['hints'],
    ...optional('markup', row.markup),
    source: text(row.source),
    layers,
    messages: JSON.parse(row.messages) as Document['messages'],
  }
}

/** The list row of a stored document. */
export function toSummary(row: Pick<DocumentRow, 'id' | 'input' | 'url' | 'container' | 'title' | 'published' | 'publisher' | 'chars' | 'storedAt'>): DocumentSummary {
  return {
    id: row.id,
    input: fromStoredText(row.input),
    container: row.container as DocumentSummary['container'],
    ...optional('url', row.url),
    ...optional('title', row.title),
    ...optional('published', row.published),
    ...optional('publisher', row.publisher),
    chars: row.chars,
    storedAt: row.storedAt,
  }
}

/** `{ [key]: text }` for a stored value, `{}` for NULL, so absent fields stay absent. */
function optional<K extends string>(key: K, value: StoredText | null): { [P in K]?: string } {
  return value === null ? {} : ({ [key]: fromStoredText(value) } as { [P in K]: string })
}

function extraJson(doc: Document): string | null {
  const docExtra = pickUnknown(doc, DOCUMENT_COLUMNS)
  const originExtra = pickUnknown(doc.origin, ORIGIN_COLUMNS)
  if (!docExtra && !originExtra) return null
  return toExactJson({ doc: docExtra, origin: originExtra }, 'document')
}

function pickUnknown(value: object, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {}
  let any = false
  for (const [key, item] of Object.entries(value)) {
    if (known.has(key) || item === undefined) continue
    out[key] = item
    any = true
  }
  return any ? out : undefined
}
