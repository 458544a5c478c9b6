import type Database from 'better-sqlite3'
import type {
  Document, DocumentId, DocumentMessage, EntityId, EntityType, LayerName, Layers, Story, StoryCheck, StoryId, StorySummary, Thread, ThreadId,
} from '../../document/index.js'
import { StoreError, UsageError } from '../../errors.js'
import type {
  Blob, DocumentSummary, EntityDocument, EntityListOptions, EntitySummary, IterateOptions, ListOptions, SaveResult, SearchHit,
  SignatureCandidate, Store, StoredStoryState, StoryListOptions, StoryStateSelect, StoryUpdate, WriterLease, WriterOptions,
} from '../store.js'
import { messageOf, openConnection, type Connection } from './connection.js'
import { storeFailure } from './failures.js'
import { checkDocumentInvariants } from './document-invariants.js'
import { checkInvariants } from './invariants.js'
import { prepareDocument } from './json.js'
import { applyMigrations, checkReadable } from './migrate.js'
import { MIGRATIONS, type Migration } from './migrations/index.js'
import { packBytes, unpackBytes } from './packed.js'
import { readDocument, toPackedWrite, unpackStored, type PackedDocumentWrite } from './packed-rows.js'
import { toSummary } from './rows.js'
import { prepareStatements, SEARCH_CANDIDATES, type Statements } from './statements.js'
import { StoryTables, checkStoryOrder, type StoryFilters } from './stories.js'
import { toStoredText } from './text.js'
import { toFts5Match } from './fts5-query.js'
import { SearchCounts } from './search-counts.js'
import type { SearchQuery } from '../search-query.js'
import { acquireWriter } from './writer.js'
import { checkBlobMatchesDocuments } from '../blob-check.js'
import { SqliteSourceStore } from './sources.js'
import type { SourceStore } from '../sources.js'

/** The store file when the caller names none. */
export const DEFAULT_STORE_PATH = './dossier.db'

/** Documents per query of `iterateDocuments` when the caller names no page size. */
export const DEFAULT_ITERATE_PAGE = 200

/** Layers the summary columns and the search text are derived from: replacing one re-derives them. */
const SUMMARY_LAYERS: ReadonlySet<string> = new Set<LayerName>(['clean', 'metadata'])

/** Results per page of `search` when the caller gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 20

export interface SqliteStoreOptions {
  /** The schema to migrate to; tests pass a longer list to exercise upgrades. */
  readonly migrations?: readonly Migration[]
  /**
   * Open an existing store for reading only: it is not created or migrated, and a write throws
   * StoreError `STORE_READ_ONLY`. A store on a read-only file, folder or filesystem reads this way.
   */
  readonly readOnly?: boolean
}

export type SearchOptions = ListOptions
export { SEARCH_CANDIDATES }
export type { SearchHit }

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
  private readonly searchCounts: SearchCounts
  private storyTables: StoryTables | undefined
  private sourceTables: SqliteSourceStore | undefined
  private readonly extraTables = new Map<string, unknown>()
  private closed = false

  private readonly db: Database.Database

  private constructor(
    private readonly connection: Connection,
    /** The file as messages name it. */
    readonly file: string,
    /** The schema version the store is at after opening. */
    readonly schemaVersion: number,
    /** Opened for reading only. */
    readonly readOnly: boolean,
  ) {
    this.db = connection.db
    this.sql = prepareStatements(this.db)
    this.searchCounts = new SearchCounts(this.db, (match, cap) => this.sql.countSearch.get(match, cap)?.n ?? 0)
  }

  // Prepared on first use: a store opened at an older schema (upgrade tests) has no story tables.
  private get stories(): StoryTables {
    this.storyTables ??= new StoryTables(this.db)
    return this.storyTables
  }

  /**
   * What `dossier watch` keeps (sources, items seen, hosts), on this store's connection. A store
   * opened read-only before it had those tables: StoreError `STORE_SCHEMA_OLD`.
   */
  get sources(): SourceStore {
    this.checkOpen()
    if (this.sourceTables) return this.sourceTables
    const present = this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sources'").get() !== undefined
    if (!present) throw new StoreError(`${this.file} has no watch tables yet; run a write command on it (\`dossier sources list\` upgrades it).`, 'STORE_SCHEMA_OLD')
    this.sourceTables = new SqliteSourceStore(this.db, this.file)
    return this.sourceTables
  }

  /**
   * Opens the store at `path` (`:memory:` for one that lives as long as the process), creating and
   * migrating it as needed; with `readOnly`, an existing store as it is. Either way it checks
   * quickly that the file is a readable Dossier store with all its tables (a damaged header or
   * schema: StoreError `STORE_CORRUPT`); `checkIntegrity` checks the rest.
   */
  static async open(path: string = DEFAULT_STORE_PATH, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const readOnly = options.readOnly ?? false
    const connection = openConnection(path, { readOnly })
    try {
      const migrations = options.migrations ?? MIGRATIONS
      const version = readOnly ? checkReadable(connection.db, migrations, path) : applyMigrations(connection.db, migrations, path)
      return new SqliteStore(connection, path, version, readOnly)
    } catch (error) {
      connection.db.close()
      connection.cleanup()
      if (error instanceof UsageError) throw error
      throw storeFailure(error, path, 'cannot open the store', 'STORE_OPEN_FAILED')
    }
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return this.read('look up a blob', () => this.sql.hasBlob.get(sha256) !== undefined)
  }

  async getBlob(sha256: string): Promise<Uint8Array | undefined> {
    return this.read('read a blob', () => {
      const packed = this.sql.getBlob.get(sha256)
      if (packed === undefined) return undefined
      const bytes = unpackStored(() => unpackBytes(packed), this.file, `blob ${sha256}`)
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
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
      throw storeFailure(error, this.file, `could not save ${blob.input}`, 'STORE_WRITE_FAILED')
    } finally {
      this.searchCounts.forget()
    }
  }

  async getDocument(id: DocumentId): Promise<Document | undefined> {
    return this.read('read a document', () => {
      const row = this.sql.getDocument.get(id)
      return row === undefined ? undefined : readDocument(row, row.layers, this.file)
    })
  }

  async getDocuments(ids: readonly DocumentId[]): Promise<Document[]> {
    // One read of the file per id: SQLite is in process, so a batch saves no round trip.
    return this.read('read documents', () => {
      const out: Document[] = []
      for (const id of ids) {
        const row = this.sql.getDocument.get(id)
        if (row !== undefined) out.push(readDocument(row, row.layers, this.file))
      }
      return out
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
   * Replaces the given layers of a stored document in one transaction; the others stay as they
   * are. The summary columns and search text follow a new clean or metadata layer, the entity
   * index a new entities layer. A layer given as `undefined` is left alone. `messages`, when
   * given, replace the document's messages.
   *
   * @example
   * await store.updateLayers(doc.id, { quotes: { quotes: [] } })
   */
  async updateLayers(id: DocumentId, layers: Partial<Layers>, messages?: readonly DocumentMessage[]): Promise<void> {
    this.checkOpen()
    const names = Object.keys(layers).filter((name) => layers[name as LayerName] !== undefined)
    if (names.length === 0 && messages === undefined) return
    try {
      this.db.transaction(() => this.replaceLayers(id, layers, names, messages)).immediate()
    } catch (error) {
      throw storeFailure(error, this.file, `could not update layers ${names.join(', ')} of document ${id}`, 'STORE_WRITE_FAILED')
    } finally {
      this.searchCounts.forget()
    }
  }

  /**
   * Every stored document in storage order, a page per query (keyed on the storage sequence, so
   * documents saved meanwhile come at the end and none is read twice).
   *
   * @example
   * for await (const doc of store.iterateDocuments()) console.log(doc.id)
   */
  async *iterateDocuments(options: IterateOptions = {}): AsyncGenerator<Document> {
    const pageSize = options.pageSize ?? DEFAULT_ITERATE_PAGE
    if (!Number.isInteger(pageSize) || pageSize < 1) {
      throw new UsageError(`iterateDocuments: pageSize must be a whole number >= 1, got ${pageSize}.`)
    }
    let after = 0
    for (;;) {
      const page = this.read('read documents', () =>
        this.sql.pageDocuments.all(after, pageSize).map((row) => ({ seq: row.seq, doc: readDocument(row, row.layers, this.file) })),
      )
      for (const { doc } of page) yield doc
      if (page.length < pageSize) return
      after = page[page.length - 1]!.seq
    }
  }

  /**
   * Entities across the store, most widely mentioned first: by documents, then mentions.
   *
   * @example
   * await store.listEntities({ type: 'person', limit: 10 }) // [{ id, type, name, documents, mentions }, …]
   */
  async listEntities(options: EntityListOptions = {}): Promise<EntitySummary[]> {
    const { limit, offset } = checkPage(options, 'listEntities')
    return this.read('list entities', () =>
      this.sql.listEntities.all({ type: options.type ?? null, limit, offset }).map((r) => ({
        id: r.id,
        type: r.type as EntityType,
        name: r.name,
        documents: r.documents,
        mentions: r.mentions,
      })),
    )
  }

  /** The documents that mention an entity, in storage order, each with its mention count. */
  async documentsMentioning(entityId: EntityId, options: ListOptions = {}): Promise<EntityDocument[]> {
    const { limit, offset } = checkPage(options, 'documentsMentioning')
    return this.read('list documents mentioning an entity', () =>
      this.sql.documentsMentioning.all(entityId, limit, offset).map((row) => ({ ...toSummary(row), mentions: row.mentions })),
    )
  }

  /**
   * Full-text search over title and clean text, best match first: a string is a person's words,
   * `{ text, mode: 'advanced' }` reads operators (see search-query.ts). A query without words
   * finds nothing; a malformed advanced one throws SearchSyntaxError. A query matching more than
   * `SEARCH_CANDIDATES` (500) documents, a word most articles contain, lists its matches newest
   * first with score 0 (unranked): scoring even one page of them costs a walk of the whole index
   * (see SEARCH_CANDIDATES), so its first page costs the same at 1k or 1M articles.
   *
   * @example
   * await store.search({ text: 'flood* NOT "weather forecast"', mode: 'advanced' }, { limit: 20, offset: 40 })
   */
  async search(query: SearchQuery, options: SearchOptions = {}): Promise<SearchHit[]> {
    const { limit, offset } = checkPage({ limit: DEFAULT_SEARCH_LIMIT, ...options }, 'search')
    const match = toFts5Match(query)
    if (match === undefined) return []
    return this.read('search', () => {
      const broad = this.searchCounts.count(match, SEARCH_CANDIDATES + 1) > SEARCH_CANDIDATES
      return (broad ? this.sql.searchNewest : this.sql.search).all(match, limit, offset).map((row) => ({ ...toSummary(row), score: row.score }))
    })
  }

  /**
   * How many documents `search` matches, counted up to `cap` (a broad word stops there): cheaper
   * than the search, which scores what it finds. Counts are remembered until the store changes, so
   * the count `search` made for the same query, or the last page's, is not walked again.
   *
   * @example
   * const total = await store.countSearch('"central bank"', 10_000) // 10_000 means "at least"
   */
  async countSearch(query: SearchQuery, cap: number): Promise<number> {
    if (!Number.isInteger(cap) || cap < 0) throw new UsageError(`countSearch: cap must be a whole number of documents, got ${cap}.`)
    const match = toFts5Match(query)
    if (match === undefined) return 0
    return this.read('count search hits', () => this.searchCounts.count(match, cap))
  }

  /**
   * Stories matching every given filter: `top` order by default (outlets, articles, event date).
   *
   * @example
   * await store.listStories({ entity: 'country:RU', from: '2025', order: 'recent', limit: 20 })
   */
  async listStories(options: StoryListOptions = {}): Promise<StorySummary[]> {
    const { limit, offset } = checkPage(options, 'listStories')
    checkStoryOrder(options.order)
    const filter = storyTextFilter(options)
    return filter === undefined ? [] : this.read('list stories', () => this.stories.list(filter, limit, offset))
  }

  async countStories(options: StoryListOptions = {}): Promise<number> {
    const filter = storyTextFilter(options)
    return filter === undefined ? 0 : this.read('count stories', () => this.stories.count(filter))
  }

  async getStory(id: StoryId): Promise<Story | undefined> {
    return this.read('read a story', () => this.stories.get(id))
  }

  async getStoryCheck(id: StoryId): Promise<StoryCheck | undefined> {
    return this.read('read a story check', () => this.stories.check(id))
  }

  async storyOf(documentId: DocumentId): Promise<StoryId | undefined> {
    return this.read("read a document's story", () => this.stories.storyOf(documentId))
  }

  async listThreads(options: ListOptions = {}): Promise<Thread[]> {
    const { limit, offset } = checkPage(options, 'listThreads')
    return this.read('list threads', () => this.stories.threads(limit, offset))
  }

  async getThread(id: ThreadId): Promise<Thread | undefined> {
    return this.read('read a thread', () => this.stories.thread(id))
  }

  /** Stored documents in no story yet, in storage order, a page per query (keyed on the storage sequence). */
  async *iterateUnplacedDocuments(options: IterateOptions = {}): AsyncGenerator<Document> {
    const pageSize = options.pageSize ?? DEFAULT_ITERATE_PAGE
    if (!Number.isInteger(pageSize) || pageSize < 1) {
      throw new UsageError(`iterateUnplacedDocuments: pageSize must be a whole number >= 1, got ${pageSize}.`)
    }
    let after = 0
    for (;;) {
      const page = this.read('read unplaced documents', () =>
        this.stories.unplacedPage(after, pageSize).map((row) => ({ seq: row.seq, doc: readDocument(row, this.sql.getLayers.get(row.seq) ?? null, this.file) })),
      )
      for (const { doc } of page) yield doc
      if (page.length < pageSize) return
      after = page[page.length - 1]!.seq
    }
  }

  async signatureCandidates(bands: readonly number[]): Promise<SignatureCandidate[]> {
    return this.read('look up near-duplicate candidates', () => this.stories.signatureCandidates(bands))
  }

  async documentFrequencies(terms: readonly string[]): Promise<{ documents: number; terms: Map<string, number> }> {
    return this.read('read term frequencies', () => this.stories.documentFrequencies(terms))
  }

  async loadStoryStates(select: StoryStateSelect): Promise<StoredStoryState[]> {
    return this.read('read story states', () => this.stories.states(select))
  }

  /**
   * Writes one step of story placement in one IMMEDIATE transaction: all of it or none.
   *
   * @example
   * await store.applyStoryUpdate({ stories, threads, removedThreads: [], termFrequencies, signatures })
   */
  async applyStoryUpdate(update: StoryUpdate): Promise<void> {
    this.checkOpen()
    try {
      this.db.transaction(() => this.stories.apply(update)).immediate()
    } catch (error) {
      const ids = update.stories.map((w) => w.story.id).join(', ')
      if (error instanceof StoreError) throw new StoreError(`${this.file}: could not write stories ${ids || '(none)'}: ${error.message}.`, error.code, { cause: error })
      throw storeFailure(error, this.file, `could not write stories ${ids || '(none)'}; nothing of this update was stored`, 'STORE_WRITE_FAILED')
    }
  }

  /**
   * Takes the writer lease (see `Store.acquireWriter` and `sqlite/writer.ts`). A read-only store
   * has no writer: StoreError `STORE_READ_ONLY` at once.
   *
   * @example
   * const lease = await store.acquireWriter({ waitMs: 10_000, onWait: ({ pid }) => console.error(`waiting for pid ${pid}…`) })
   * try { await ingestSomething(store) } finally { await lease.release() }
   */
  async acquireWriter(options: WriterOptions = {}): Promise<WriterLease> {
    this.checkOpen()
    if (this.readOnly) {
      throw new StoreError(`${this.file}: the store was opened read-only; nothing can be written to it.`, 'STORE_READ_ONLY')
    }
    return acquireWriter(this.db, this.file, options)
  }

  /**
   * Checks the whole store, returning what is wrong (empty when sound): SQLite's integrity check,
   * documents or layers pointing at nothing, the FTS5 index's own check, and Dossier's invariants
   * (`invariants.ts`: every counter equals what its members say; `document-invariants.ts`: every
   * document unpacks and its entity index matches its entities layer). Each part runs even when one
   * before it failed on a damaged page, so the list says as much as can be read.
   */
  async checkIntegrity(): Promise<string[]> {
    this.checkOpen()
    const problems: string[] = []
    const part = (name: string, fn: () => string[]): void => {
      try {
        problems.push(...fn())
      } catch (error) {
        problems.push(`${name}: cannot be read: ${messageOf(error)}`)
      }
    }
    // Row by row: on a damaged page SQLite reports some findings, then fails; keep those it gave.
    const file: string[] = []
    part('file', () => {
      for (const row of this.db.prepare('PRAGMA integrity_check').pluck().iterate() as IterableIterator<string>) if (row !== 'ok') file.push(row)
      return []
    })
    problems.unshift(...file)
    part('references', () => (this.db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>)
      .map((r) => `${r.table} row ${r.rowid} refers to a missing ${r.parent} row`))
    // FTS5's check is an INSERT of a command row: it writes nothing, but a read-only connection refuses it.
    if (!this.readOnly) part('full-text index', () => {
      this.db.prepare("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')").run()
      return []
    })
    if (this.hasTable('stories')) part('invariants', () => checkInvariants(this.db))
    part('documents', () => checkDocumentInvariants(this.db, this.sql.pageDocuments))
    return problems
  }

  /**
   * Tables kept beside the documents by another part of Dossier (watches and alerts), made on this
   * store's connection by `make` once per key; a closed store refuses.
   *
   * @example
   * const watches = store.tablesOf('watches', (db) => new SqliteWatchStore(db, store.file))
   */
  tablesOf<T>(key: string, make: (db: Database.Database, readOnly: boolean) => T): T {
    this.checkOpen()
    if (!this.extraTables.has(key)) this.extraTables.set(key, make(this.db, this.readOnly))
    return this.extraTables.get(key) as T
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.db.close()
    this.connection.cleanup()
  }

  private hasTable(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined
  }

  private prepareWrite(doc: Document, storedAt: string): PackedDocumentWrite {
    return prepareDocument(this.file, doc, () => toPackedWrite(doc, storedAt))
  }

  private writeAll(blob: Blob, writes: readonly PackedDocumentWrite[], storedAt: string): SaveResult {
    const run = this.db.transaction((): SaveResult => {
      this.sql.insertBlob.run({
        sha256: blob.sha256,
        bytes: packBytes(blob.bytes),
        input: toStoredText(blob.input),
        mediaType: blob.mediaType ?? null,
        size: blob.bytes.byteLength,
        storedAt,
      })
      let added = 0
      for (const { row, layers, fts, entities } of writes) {
        const inserted = this.sql.insertDocument.run({ ...row, layers })
        if (inserted.changes === 0) continue
        added++
        this.sql.insertFts.run(inserted.lastInsertRowid, fts.title, fts.body)
        for (const entity of entities) this.sql.insertEntity.run(entity)
      }
      return { added, existing: writes.length - added }
    })
    // IMMEDIATE takes the write lock up front, so a concurrent writer waits (busy timeout)
    // instead of failing half-way with SQLITE_BUSY on lock upgrade.
    return run.immediate()
  }

  // Runs inside the write transaction: the document is read under the same lock it is written in.
  private replaceLayers(id: DocumentId, layers: Partial<Layers>, names: readonly string[], messages: readonly DocumentMessage[] | undefined): void {
    const row = this.sql.getDocument.get(id)
    if (row === undefined) {
      throw new StoreError(`${this.file}: no document ${id} to update; save it first.`, 'STORE_NO_DOCUMENT')
    }
    const stored = readDocument(row, row.layers, this.file)
    const merged: Document = { ...stored, layers: { ...stored.layers, ...layers }, messages: messages ?? stored.messages }
    const write = this.prepareWrite(merged, row.storedAt)
    if (messages !== undefined) this.sql.updateMessages.run(write.row.messages, id)
    // The layers are one packed value: the unchanged ones are packed again beside the new.
    if (names.length > 0) this.sql.updateLayers.run(write.layers, id)
    if (names.some((n) => SUMMARY_LAYERS.has(n))) {
      const { title, published, publisher, language, chars } = write.row
      this.sql.updateSummary.run({ id, title, published, publisher, language, chars })
      const seq = this.sql.documentSeq.get(id)!
      this.sql.deleteFts.run(seq)
      this.sql.insertFts.run(seq, write.fts.title, write.fts.body)
    }
    if (names.includes('entities')) {
      this.sql.deleteEntities.run(id)
      for (const entity of write.entities) this.sql.insertEntity.run(entity)
    }
  }

  private read<T>(action: string, fn: () => T): T {
    this.checkOpen()
    try {
      return fn()
    } catch (error) {
      throw storeFailure(error, this.file, `could not ${action}`, 'STORE_READ_FAILED')
    }
  }

  private checkOpen(): void {
    if (this.closed) throw new UsageError(`The store ${this.file} is closed; open it again with SqliteStore.open().`)
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

/** The options with their text search as an FTS5 match; undefined when the search has no words (no story matches). */
function storyTextFilter(options: StoryListOptions): StoryFilters | undefined {
  if (options.text === undefined) return { ...options, text: undefined }
  const text = toFts5Match(options.text)
  return text === undefined ? undefined : { ...options, text }
}
