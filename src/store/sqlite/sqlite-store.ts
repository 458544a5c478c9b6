import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { Document, DocumentId } from '../../document/index.js'
import { StoreError, UsageError } from '../../errors.js'
import type { Blob, DocumentSummary, ListOptions, SaveResult, Store } from '../store.js'
import { messageOf, openConnection } from './connection.js'
import { UnstorableValueError } from './json.js'
import { applyMigrations } from './migrate.js'
import { MIGRATIONS, type Migration } from './migrations/index.js'
import { fromDocumentRow, toDocumentWrite, toSummary, type DocumentWrite } from './rows.js'
import { prepareStatements, type Statements } from './statements.js'
import { toStoredText } from './text.js'

/** The store file when the caller names none. */
export const DEFAULT_STORE_PATH = './dossier.db'

/** Results per page of `search` when the caller gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 20

export interface SqliteStoreOptions {
  /** The schema to migrate to; tests pass a longer list to exercise upgrades. */
  readonly migrations?: readonly Migration[]
}

export interface SearchOptions {
  readonly limit?: number
  readonly offset?: number
}

/** A document that matched a search, best first; `score` is higher for a better match. */
export interface SearchHit extends DocumentSummary {
  readonly score: number
}

/**
 * The embedded store: one SQLite file (WAL) holding raw bytes, documents, their layers and a
 * full-text index of title and clean text.
 *
 * @example
 * const store = await SqliteStore.open('dossier.db')
 * await store.save(blob, docs)
 * const hits = await store.search('"central bank" rates', { limit: 10 })
 * await store.close()
 */
export class SqliteStore implements Store {
  private readonly sql: Statements
  private closed = false

  private constructor(
    private readonly db: Database.Database,
    /** The file as messages name it. */
    readonly file: string,
    /** The schema version the store is at after opening. */
    readonly schemaVersion: number,
  ) {
    this.sql = prepareStatements(db)
  }

  /** Opens the store at `path` (`:memory:` for one that lives as long as the process), creating and migrating it as needed. */
  static async open(path: string = DEFAULT_STORE_PATH, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const db = openConnection(path)
    try {
      const version = applyMigrations(db, options.migrations ?? MIGRATIONS, path)
      return new SqliteStore(db, path, version)
    } catch (error) {
      db.close()
      if (error instanceof StoreError || error instanceof UsageError) throw error
      throw new StoreError(`Cannot open the store ${path}: ${messageOf(error)}.`, 'STORE_OPEN_FAILED', { cause: error })
    }
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return this.read('look up a blob', () => this.sql.hasBlob.get(sha256) !== undefined)
  }

  async getBlob(sha256: string): Promise<Uint8Array | undefined> {
    return this.read('read a blob', () => {
      const bytes = this.sql.getBlob.get(sha256)
      return bytes === undefined ? undefined : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    })
  }

  /**
   * Writes the blob and every document read from it in one transaction. A document whose id is
   * already stored is left as it was and counted as `existing`.
   */
  async save(blob: Blob, docs: readonly Document[]): Promise<SaveResult> {
    this.checkOpen()
    checkBlobMatchesDocuments(blob, docs)
    const storedAt = new Date().toISOString()
    const writes = docs.map((doc) => this.prepareWrite(doc, storedAt))
    try {
      return this.writeAll(blob, writes, storedAt)
    } catch (error) {
      throw new StoreError(`${this.file}: could not save ${blob.input}: ${messageOf(error)}.`, 'STORE_WRITE_FAILED', { cause: error })
    }
  }

  async getDocument(id: DocumentId): Promise<Document | undefined> {
    return this.read('read a document', () => {
      const row = this.sql.getDocument.get(id)
      return row === undefined ? undefined : fromDocumentRow(row, this.sql.getLayers.all(id))
    })
  }

  async listDocuments(options: ListOptions = {}): Promise<DocumentSummary[]> {
    const { limit, offset } = checkPage(options, 'listDocuments')
    return this.read('list documents', () => this.sql.listDocuments.all(limit, offset).map(toSummary))
  }

  async countDocuments(): Promise<number> {
    return this.read('count documents', () => this.sql.countDocuments.get() ?? 0)
  }

  /**
   * Full-text search over title and clean text, in FTS5 query syntax (words, "phrases", AND, OR,
   * NOT, prefix*). A blank query finds nothing; a malformed one throws StoreError `SEARCH_SYNTAX`.
   *
   * @example
   * await store.search('flood* NOT "weather forecast"', { limit: 20, offset: 40 })
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const { limit, offset } = checkPage({ limit: DEFAULT_SEARCH_LIMIT, ...options }, 'search')
    if (query.trim() === '') return []
    return this.read('search', () => {
      try {
        return this.sql.search.all(query, limit, offset).map((row) => ({ ...toSummary(row), score: row.score }))
      } catch (error) {
        if (isQuerySyntaxError(error)) {
          throw new StoreError(
            `Cannot search for ${JSON.stringify(query)}: it is not a valid search query (check that quotes are paired and that AND, OR, NOT have words on both sides). Put words in double quotes to search for them as written.`,
            'SEARCH_SYNTAX',
            { cause: error },
          )
        }
        throw error
      }
    })
  }

  /**
   * Checks the file and the full-text index, returning what is wrong (empty when sound): SQLite's
   * integrity check, documents or layers pointing at nothing, and the FTS5 index's own check.
   */
  async checkIntegrity(): Promise<string[]> {
    return this.read('check integrity', () => {
      const problems = (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>)
        .map((r) => r.integrity_check)
        .filter((r) => r !== 'ok')
      for (const r of this.db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>) {
        problems.push(`${r.table} row ${r.rowid} refers to a missing ${r.parent} row`)
      }
      try {
        this.db.prepare("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')").run()
      } catch (error) {
        problems.push(`full-text index: ${messageOf(error)}`)
      }
      return problems
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.db.close()
  }

  private prepareWrite(doc: Document, storedAt: string): DocumentWrite {
    try {
      return toDocumentWrite(doc, storedAt)
    } catch (error) {
      if (!(error instanceof UnstorableValueError)) throw error
      throw new StoreError(
        `${this.file}: cannot store document ${doc.id} from ${doc.origin.input}: ${error.message}; nothing from this input was saved.`,
        'STORE_UNSTORABLE_VALUE',
        { cause: error },
      )
    }
  }

  private writeAll(blob: Blob, writes: readonly DocumentWrite[], storedAt: string): SaveResult {
    const run = this.db.transaction((): SaveResult => {
      this.sql.insertBlob.run({
        sha256: blob.sha256,
        bytes: Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength),
        input: toStoredText(blob.input),
        mediaType: blob.mediaType ?? null,
        size: blob.bytes.byteLength,
        storedAt,
      })
      let added = 0
      for (const { row, layers, fts } of writes) {
        const inserted = this.sql.insertDocument.run(row)
        if (inserted.changes === 0) continue
        added++
        for (const layer of layers) this.sql.insertLayer.run(row.id, layer.name, layer.json)
        this.sql.insertFts.run(inserted.lastInsertRowid, fts.title, fts.body)
      }
      return { added, existing: writes.length - added }
    })
    // IMMEDIATE takes the write lock up front, so a concurrent writer waits (busy timeout)
    // instead of failing half-way with SQLITE_BUSY on lock upgrade.
    return run.immediate()
  }

  private read<T>(action: string, fn: () => T): T {
    this.checkOpen()
    try {
      return fn()
    } catch (error) {
      if (error instanceof StoreError) throw error
      throw new StoreError(`${this.file}: could not ${action}: ${messageOf(error)}.`, 'STORE_READ_FAILED', { cause: error })
    }
  }

  private checkOpen(): void {
    if (this.closed) throw new UsageError(`The store ${this.file} is closed; open it again with SqliteStore.open().`)
  }
}

// A mismatch here is a caller's bug, and storing it would break the address every reader trusts.
function checkBlobMatchesDocuments(blob: Blob, docs: readonly Document[]): void {
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

function checkPage(options: ListOptions, method: string): { limit: number; offset: number } {
  const limit = options.limit ?? -1 // SQLite: a negative LIMIT means no limit
  const offset = options.offset ?? 0
  for (const [name, value] of [['limit', options.limit], ['offset', offset]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new UsageError(`${method}: ${name} must be a whole number >= 0, got ${value}.`)
    }
  }
  return { limit, offset }
}

function isQuerySyntaxError(error: unknown): boolean {
  if (!(error instanceof Error) || (error as { code?: string }).code !== 'SQLITE_ERROR') return false
  return /^fts5:|no such column|unknown special query|unterminated string/.test(error.message)
}
