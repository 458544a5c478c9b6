import { createHash } from 'node:crypto'
import type { DocumentId } from '../../document/index.js'

/** Hex digits of a document id: 96 bits, far past any corpus's collision range. */
export const DOCUMENT_ID_HEX_CHARS = 24

/** SHA-256 (hex) of the bytes exactly as read, before any decompression. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * The id of a single-document input (a page, a text file): the same bytes always give the same id.
 * Items of a container (feed, JSON Lines, WARC) take `makeItemId` instead.
 *
 * @example
 * makeDocumentId(hashBytes(bytes), '')        // the page itself
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

/**
 * The id of one item of a container: its own key (feed guid or link, JSON Lines `id` or `url`,
 * WARC record id; none when it has no key) and its own content, never the container's bytes or
 * the item's position, so a feed that gains an item or a JSON Lines file with another line edited
 * keeps the ids of every unchanged item. An item whose content changes is a new version: new id.
 *
 * @example
 * makeItemId('https://desk.example/a', { kind: 'html', body: '<p>…</p>' })
 * makeItemId(undefined, { kind: 'text', body: 'Talks ended.' })   // keyed by content alone
 */
export function makeItemId(key: string | undefined, content: { readonly kind: string; readonly body: string }): DocumentId {
  const body = createHash('sha256').update(content.body).digest('hex')
  return createHash('sha256').update(`item\u0000${key ?? ''}\u0000${content.kind}\u0000${body}`).digest('hex').slice(0, DOCUMENT_ID_HEX_CHARS)
}
