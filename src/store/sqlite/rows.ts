import { cleanTextOf, type Document, type Layers, type Origin } from '../../document/index.js'
import type { DocumentSummary } from '../store.js'
import { toExactJson } from './json.js'

/** A `documents` row as the statements bind and read it (column names in camelCase). */
export interface DocumentRow {
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

export interface LayerRow {
  readonly name: string
  readonly json: string
}

/** Everything one document writes: its row, its layers, and its full-text entry. */
export interface DocumentWrite {
  readonly row: DocumentRow
  readonly layers: readonly LayerRow[]
  readonly fts: { readonly title: string; readonly body: string }
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
  const cleanText = doc.layers.clean ? cleanTextOf(doc.source, doc.layers.clean) : doc.source
  // The container's title stands in until a metadata stage has weighed it: a feed item's title
  // beats an empty row. Dates and publishers do not: they must be normalised first.
  const title = meta?.title?.value ?? doc.hints.title ?? null
  const row: DocumentRow = {
    id: doc.id,
    blobSha256: doc.origin.blob,
    input: doc.origin.input,
    record: doc.origin.record ?? null,
    url: doc.origin.url ?? null,
    container: doc.origin.container,
    capturedAt: doc.origin.capturedAt ?? null,
    charset: toExactJson(doc.charset, 'charset'),
    hints: toExactJson(doc.hints, 'hints'),
    markup: doc.markup ?? null,
    source: doc.source,
    messages: toExactJson(doc.messages, 'messages'),
    extra: extraJson(doc),
    title,
    published: meta?.published?.value.date ?? null,
    publisher: meta?.publisher?.value ?? null,
    language: meta?.language?.value ?? doc.hints.language ?? null,
    chars: cleanText.length,
    storedAt,
  }
  const layers = Object.entries(doc.layers)
    .filter(([, layer]) => layer !== undefined)
    .map(([name, layer]) => ({ name, json: toExactJson(layer, `layers.${name}`) }))
  return { row, layers, fts: { title: title ?? '', body: cleanText } }
}

/** Rebuilds the document a `toDocumentWrite` row and its layers came from. */
export function fromDocumentRow(row: DocumentRow, layerRows: readonly LayerRow[]): Document {
  const extra = row.extra === null ? {} : (JSON.parse(row.extra) as { doc?: object; origin?: object })
  const origin: Origin = {
    input: row.input,
    blob: row.blobSha256,
    container: row.container as Origin['container'],
    ...(row.record === null ? {} : { record: row.record }),
    ...(row.url === null ? {} : { url: row.url }),
    ...(row.capturedAt === null ? {} : { capturedAt: row.capturedAt }),
    ...extra.origin,
  }
  const layers: Record<string, unknown> = {}
  for (const layer of layerRows) layers[layer.name] = JSON.parse(layer.json)
  return {
    ...extra.doc,
    id: row.id,
    origin,
    charset: JSON.parse(row.charset) as Document['charset'],
    hints: JSON.parse(row.hints) as Document['hints'],
    ...(row.markup === null ? {} : { markup: row.markup }),
    source: row.source,
    layers: layers as Layers,
    messages: JSON.parse(row.messages) as Document['messages'],
  }
}

/** The list row of a stored document. */
export function toSummary(row: Pick<DocumentRow, 'id' | 'input' | 'url' | 'container' | 'title' | 'published' | 'publisher' | 'chars' | 'storedAt'>): DocumentSummary {
  return {
    id: row.id,
    input: row.input,
    container: row.container as DocumentSummary['container'],
    ...(row.url === null ? {} : { url: row.url }),
    ...(row.title === null ? {} : { title: row.title }),
    ...(row.published === null ? {} : { published: row.published }),
    ...(row.publisher === null ? {} : { publisher: row.publisher }),
    chars: row.chars,
    storedAt: row.storedAt,
  }
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
