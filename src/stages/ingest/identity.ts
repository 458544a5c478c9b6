import { createHash } from 'node:crypto'
import type { DocumentId } from '../../document/index.js'

/** Hex digits of a document id: 96 bits, far past any corpus's collision range. */
export const DOCUMENT_ID_HEX_CHARS = 24

/** SHA-256 (hex) of the bytes exactly as read, before any decompression. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * The id of one document read from a blob: the same bytes and record key always give the same id.
 * `recordKey` is '' for a single-document input, else the item's guid, link, line number or WARC record id.
 *
 * @example
 * makeDocumentId(hashBytes(bytes), '')        // the page itself
 * makeDocumentId(blobSha, 'urn:uuid:…')       // one WARC record in it
 */
export function makeDocumentId(blobSha256: string, recordKey: string): DocumentId {
  return createHash('sha256').update(`${blobSha256}\u0000${recordKey}`).digest('hex').slice(0, DOCUMENT_ID_HEX_CHARS)
}

/**
 * Makes record keys unique within one input: a feed that repeats a guid would otherwise give two
 * documents one id, and the store would keep only the first.
 */
export function uniqueRecordKeys(keys: readonly string[]): string[] {
  const taken = new Set<string>()
  return keys.map((key) => {
    // A suffixed key may itself be a key of the input ("x", "x", "x#2"): skip past every taken one.
    let candidate = key
    for (let n = 2; taken.has(candidate); n++) candidate = `${key}#${n}`
    taken.add(candidate)
    return candidate
  })
}
