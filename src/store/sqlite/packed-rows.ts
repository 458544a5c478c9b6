import type { Document, Layers } from '../../document/index.js'
import { StoreError } from '../../errors.js'
import { packLayers, packText, UnpackableValueError, unpackLayers, unpackText } from './packed.js'
import { assembleDocument, toDocumentWrite, type DocumentRow, type DocumentWrite, type LayerRow } from './rows.js'

/** A `documents` row as the SQLite store binds and reads it: the shared row model, its text and markup packed. */
export type PackedDocumentRow = Omit<DocumentRow, 'source' | 'markup'> & { readonly source: Buffer; readonly markup: Buffer | null }

/** What the SQLite store writes for one document: the packed row, every layer in one packed value, its full-text entry and entity index rows. */
export interface PackedDocumentWrite extends Omit<DocumentWrite, 'row' | 'layers'> {
  readonly row: PackedDocumentRow
  readonly layers: Buffer
}

/**
 * `toDocumentWrite` for the SQLite store: the text and markup packed, and the layers packed as
 * one value against the source text (`packed.ts`). Throws `UnstorableValueError` as it does.
 *
 * @example
 * const { row, layers, fts, entities } = toPackedWrite(doc, new Date().toISOString())
 */
export function toPackedWrite(doc: Document, storedAt: string): PackedDocumentWrite {
  const write = toDocumentWrite(doc, storedAt)
  return {
    ...write,
    row: { ...write.row, source: packText(doc.source), markup: doc.markup === undefined ? null : packText(doc.markup) },
    layers: packLayers(joinLayers(write.layers), doc.source),
  }
}

/**
 * The JSON of a document's layers object from its layers' JSON, each already written by
 * toExactJson: joined, not parsed and written again.
 *
 * @example
 * joinLayers([{ name: 'page', json: '{"candidates":[]}' }]) // '{"page":{"candidates":[]}}'
 */
export function joinLayers(layers: readonly LayerRow[]): string {
  return `{${layers.map((l) => `${JSON.stringify(l.name)}:${l.json}`).join(',')}}`
}

/**
 * Rebuilds the document a `toPackedWrite` row and its packed layers came from. Throws
 * `UnpackableValueError` when a packed column does not unpack (a damaged row).
 */
export function fromPackedRow(row: PackedDocumentRow, packedLayers: Buffer | null): Document {
  const source = unpackText(row.source)
  const layers = packedLayers === null ? {} : parseLayers(unpackLayers(packedLayers, source))
  return assembleDocument({ ...row, source, markup: row.markup === null ? null : unpackText(row.markup) }, layers)
}

/**
 * `fromPackedRow` for a store reader: a row that does not unpack is StoreError `STORE_CORRUPT`
 * naming the file and the document.
 *
 * @example
 * const doc = readDocument(row, row.layers, 'dossier.db')
 */
export function readDocument(row: PackedDocumentRow, packedLayers: Buffer | null, file: string): Document {
  return unpackStored(() => fromPackedRow(row, packedLayers), file, `document ${row.id}`)
}

/**
 * Runs `unpack`, turning a packed value that does not unpack into StoreError `STORE_CORRUPT`
 * naming the file and what was being read.
 *
 * @example
 * const bytes = unpackStored(() => unpackBytes(packed), 'dossier.db', `blob ${sha256}`)
 */
export function unpackStored<T>(unpack: () => T, file: string, what: string): T {
  try {
    return unpack()
  } catch (error) {
    if (!(error instanceof UnpackableValueError)) throw error
    throw new StoreError(
      `${file}: ${what} cannot be read: ${error.message}; the store file is damaged; \`dossier check --db ${file}\` lists what is wrong.`,
      'STORE_CORRUPT',
      { cause: error },
    )
  }
}

function parseLayers(json: string): Layers {
  try {
    return JSON.parse(json) as Layers
  } catch (error) {
    throw new UnpackableValueError(`its layers unpack to text that is not JSON (${(error as Error).message})`)
  }
}
