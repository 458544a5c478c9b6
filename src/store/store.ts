import type { Document, DocumentId, DocumentMessage, ContainerFormat, EntityId, EntityType, Layers } from '../document/index.js'

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

export interface IterateOptions {
  /** Documents read from the store per query; memory holds at most one page. Default 200. */
  readonly pageSize?: number
}

export interface EntityListOptions extends ListOptions {
  readonly type?: EntityType
}

/** One entity across the store: how many documents mention it, and how often in all. */
export interface EntitySummary {
  readonly id: EntityId
  readonly type: EntityType
  /** The fullest canonical name any document gives it. */
  readonly name: string
  readonly documents: number
  readonly mentions: number
}

/** A document that mentions an entity, with how many times it does. */
export interface EntityDocument extends DocumentSummary {
  readonly mentions: number
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
  /**
   * Replaces some layers of a stored document (others are kept), all or nothing, and re-derives
   * what depends on them (summary columns, search text, entity index). `messages`, when given,
   * replace the document's messages in the same transaction (a re-run stage's failure message
   * goes or comes with its layers). Throws StoreError `STORE_NO_DOCUMENT` when the id is not stored.
   */
  updateLayers(id: DocumentId, layers: Partial<Layers>, messages?: readonly DocumentMessage[]): Promise<void>
  /** Every stored document, in storage order, read a page at a time. */
  iterateDocuments(options?: IterateOptions): AsyncIterable<Document>
  /** Entities of every stored document, most widely mentioned first (documents, then mentions). */
  listEntities(options?: EntityListOptions): Promise<EntitySummary[]>
  /** The documents that mention an entity, in storage order. */
  documentsMentioning(entityId: EntityId, options?: ListOptions): Promise<EntityDocument[]>
  close(): Promise<void>
}
