import type { Document, DocumentId, ContainerFormat } from '../document/index.js'

/** The raw bytes of one input, kept verbatim and addressed by their SHA-256. */
export interface Blob {
  readonly sha256: string
  readonly bytes: Uint8Array
  /** The input as the user named it (path, URL, `-`). */
  readonly input: string
  readonly mediaType?: string
}

/** One row of `dossier list`. */
export interface DocumentSummary {
  readonly id: DocumentId
  readonly input: string
  readonly url?: string
  readonly container: ContainerFormat
  readonly title?: string
  readonly published?: string
  readonly publisher?: string
  readonly chars: number
  readonly storedAt: string
}

export interface SaveResult {
  /** Documents written by this call. */
  readonly added: number
  /** Documents that were already stored (same id) and left as they were. */
  readonly existing: number
}

export interface ListOptions {
  readonly limit?: number
  readonly offset?: number
}

/**
 * Where Dossier keeps what it read. Narrow on purpose: a second backend implements these
 * methods and passes the same contract suite (`store/contract.ts`).
 *
 * @example
 * const store = await openStore({ path: 'dossier.db' })
 * if (!(await store.hasBlob(blob.sha256))) await store.save(blob, docs)
 */
export interface Store {
  /** True when these exact bytes were stored before. */
  hasBlob(sha256: string): Promise<boolean>
  /** The stored bytes, verbatim. */
  getBlob(sha256: string): Promise<Uint8Array | undefined>
  /**
   * Stores a blob and the documents read from it, all or nothing: after a crash the store holds
   * either the blob with all its documents or neither.
   */
  save(blob: Blob, docs: readonly Document[]): Promise<SaveResult>
  getDocument(id: DocumentId): Promise<Document | undefined>
  listDocuments(options?: ListOptions): Promise<DocumentSummary[]>
  countDocuments(): Promise<number>
  close(): Promise<void>
}
