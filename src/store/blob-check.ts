import { createHash } from 'node:crypto'
import type { Document } from '../document/index.js'
import { UsageError } from '../errors.js'
import type { Blob } from './store.js'

// A mismatch here is a caller's bug, and storing it would break the address every reader trusts.
export function checkBlobMatchesDocuments(blob: Blob, docs: readonly Document[]): void {
  const actual = createHash('sha256').update(blob.bytes).digest('hex')
  if (actual !== blob.sha256) {
    throw new UsageError(`Blob of ${blob.input} is labelled ${blob.sha256} but its bytes hash to ${actual}; pass the SHA-256 (lowercase hex) of the bytes.`)
  }
  for (const doc of docs) {
    if (doc.origin.blob !== blob.sha256) {
      throw new UsageError(`Document ${doc.id} says it was read from blob ${doc.origin.blob}, but it is being saved with blob ${blob.sha256}; save each document with the bytes it was read from.`)
    }
  }
}
