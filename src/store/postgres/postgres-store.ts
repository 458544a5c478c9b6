import type pg from 'pg'
import type {
  Document, DocumentId, DocumentMessage, EntityId, EntityType, LayerName, Layers, Story, StoryCheck, StoryId, StorySummary, Thread, ThreadId,
} from '../../document/index.js'
import { StoreError, UsageError } from '../../errors.js'
import type {
  Blob, DocumentSummary, EntityDocument, EntityListOptions, EntitySummary, IterateOptions, ListOptions, SaveResult, SearchHit,
  SignatureCandidate, Store, StoredStoryState, StoryListOptions, StoryStateSelect, StoryUpdate, WriterLease, WriterOptions,
} from '../store.js'
import { checkBlobMatchesDocuments } from '../blob-check.js'
import { prepareDocument } from '../sqlite/json.js'
import type { EntityIndexRow } from '../sqlite/rows.js'
import { SEARCH_CANDIDATES } from '../sqlite/statements.js'
import { checkStoryOrder } from '../sqlite/stories.js'
import type { SearchQuery } from '../search-query.js'
import { createDatabaseIfMissing, createPool, redactUrl } from './connection.js'
import { codeOf, lostConnection, pgFailure } from './failures.js'
import { checkPgInvariants } from './invariants.js'
import { LOCKS, LOCK_SPACE } from './locks.js'
import { applyPgMigrations, checkPgReadable } from './migrate.js'
import { PG_MIGRATIONS, type PgMigration } from './migrations/index.js'
import {
  DOCUMENT_COLUMNS, DOCUMENT_SELECT, SUMMARY_SELECT, documentOf, paramOf, summaryOf, toPgDocumentWrite, toPgText,
  type LayerRow, type PgDocumentRow, type PgDocumentWrite,
} from './rows.js'
import { PgStoryTables, type PgStoryFilters, type Queryable } from './stories.js'
import { toTsquery } from './tsquery.js'
import { acquirePgWriter } from './writer.js'

/** Documents per query of `iterateDocuments` when the caller names no page size. */
const DEFAULT_ITERATE_PAGE = 200
/** Connections of the search pool at most. */
const SEARCH_POOL_SIZE = 4
/** Results per page of `search` when the caller gives no limit. */
const DEFAULT_SEARCH_LIMIT = 20
/** Layers the summary columns and the search vector are derived from. */
const SUMMARY_LAYERS: ReadonlySet<string> = new Set<LayerName>(['clean', 'metadata'])
/**
 * `ts_rank` weights {D, C, B, A}: the body is weight D, the title A. A title hit counts three
 * times a body hit, as the SQLite store's bm25 column weights (ts_rank takes weights up to 1).
 */
const RANK_WEIGHTS = "'{0.333333, 0, 0, 1}'"

export interface PostgresStoreOptions {
  /** The schema to migrate to; tests pass a longer list to exercise upgrades. */
  readonly migrations?: readonly PgMigration[]
  /**
   * An existing store, read only: the database is never created or migrated, every transaction
   * is read-only, and a write throws StoreError `STORE_READ_ONLY`.
   */
  readonly readOnly?: boolean
}

type SummaryRow = Parameters<typeof summaryOf>[0]

/**
 * The store in a PostgreSQL database, for Dossier on several machines: the tables, meanings and
 * messages of the SQLite store (it passes the same contract suite), reached through a pool of
 * node-postgres connections. Full-text search is a tsvector with a GIN index, built and queried
 * word for word as FTS5 reads them (`tsquery.ts`); the writer lease is an advisory lock, so it
 * holds across machines and a writer that dies frees it.
 *
 * @example
 * const store = await PostgresStore.open('postgres://127.0.0.1:5432/dossier')
 * await store.save(blob, docs)
 * const hits = await store.search('"central bank" rates', { limit: 10 })
 * await store.close()
 */
export class PostgresStore implements Store {
  private readonly stories = new PgStoryTables()
  private closed = false
  /** Leases not given back yet: closing the store gives them back, or the pool would wait for their connections. */
  private readonly leases = new Set<WriterLease>()

  private constructor(
    private readonly pool: pg.Pool,
    private readonly searchPool: pg.Pool,
    /** The URL as messages name it (password hidden). */
    readonly file: string,
    readonly schemaVersion: number,
    readonly readOnly: boolean,
  ) {}

  /**
   * Opens the store at `url`, creating the database (when the user may) and migrating it as
   * needed; with `readOnly`, an existing store as it is (StoreError `STORE_MISSING` when the
   * database or its tables are not there).
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const where = redactUrl(url)
    const readOnly = options.readOnly ?? false
    const migrations = options.migrations ?? PG_MIGRATIONS
    let pool = createPool(url, { readOnly })
    try {
      let version: number
      if (readOnly) {
        version = await checkPgReadable(pool, migrations, where)
      } else {
        try {
          version = await applyPgMigrations(pool, migrations, where)
        } catch (error) {
          if (codeOf(error) !== '3D000' && !(error instanceof StoreError && codeOf(error.cause) === '3D000')) throw error
          await pool.end()
          await createDatabaseIfMissing(url)
          pool = createPool(url, { readOnly })
          version = await applyPgMigrations(pool, migrations, where)
        }
      }
      // Searches run on connections of their own where sequential scans are discouraged: the
      // planner does not count the cost of decompressing each document's vector, so on a store of
      // a few thousand documents it scans them all (20 ms per thousand) where the GIN index finds a
      // name's dozen matches in a millisecond. Where no index serves a query, the scan still runs.
      // A pool rather than SET LOCAL per search: that would cost three more round trips each.
      const searchPool = createPool(url, { readOnly: true, settings: ['enable_seqscan=off'], max: SEARCH_POOL_SIZE })
      return new PostgresStore(pool, searchPool, where, version, readOnly)
    } catch (error) {
      await pool.end().catch(() => {})
      if (error instanceof UsageError) throw error
      throw pgFailure(error, where, 'cannot open the store', 'STORE_OPEN_FAILED')
    }
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return this.read('look up a blob', async (db) => (await db.query('SELECT 1 FROM blobs WHERE sha256 = $1', [sha256])).rowCount !== 0)
  }

  async getBlob(sha256: string): Promise<Uint8Array | undefined> {
    return this.read('read a blob', async (db) => {
      const { rows } = await db.query<{ bytes: Buffer }>('SELECT bytes FROM blobs WHERE sha256 = $1', [sha256])
      const bytes = rows[0]?.bytes
      return bytes === undefined ? undefined : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    })
  }

  /** Writes the blob and every document read from it in one transaction; a stored id is left as it was (`existing`). */
  async save(blob: Blob, docs: readonly Document[]): Promise<SaveResult> {
    this.checkOpen()
    checkBlobMatchesDocuments(blob, docs)
    const storedAt = new Date().toISOString()
    const writes = docs.map((doc) => this.prepareWrite(doc, storedAt))
    return this.transaction(`could not save ${blob.input}`, 'STORE_WRITE_FAILED', async (db) => {
      await db.query(
        'INSERT INTO blobs (sha256, bytes, input, media_type, size, stored_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING',
        [blob.sha256, Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength), toPgText(blob.input), blob.mediaType ?? null, blob.bytes.byteLength, storedAt],
      )
      const added = await insertDocuments(db, writes)
      return { added, existing: writes.length - added }
    })
  }

  async getDocument(id: DocumentId): Promise<Document | undefined> {
    return this.read('read a document', async (db) => {
      const { rows } = await db.query<PgDocumentRow>(`SELECT ${DOCUMENT_SELECT} FROM documents d WHERE d.id = $1`, [id])
      if (rows[0] === undefined) return undefined
      return documentOf(rows[0], (await layersOf(db, [id])).get(id) ?? [])
    })
  }

  async getDocuments(ids: readonly DocumentId[]): Promise<Document[]> {
    if (ids.length === 0) return []
    return this.read('read documents', async (db) => {
      const { rows } = await db.query<PgDocumentRow>(`SELECT ${DOCUMENT_SELECT} FROM documents d WHERE d.id = ANY($1::text[])`, [ids])
      const layers = await layersOf(db, rows.map((r) => r.id))
      const byId = new Map(rows.map((r) => [r.id, r]))
      const out: Document[] = []
      for (const id of ids) {
        const row = byId.get(id)
        if (row !== undefined) out.push(documentOf(row, layers.get(id) ?? []))
      }
      return out
    })
  }

  async listDocuments(options: ListOptions = {}): Promise<DocumentSummary[]> {
    const { limit, offset } = checkPage(options, 'listDocuments')
    return this.read('list documents', async (db) =>
      (await db.query<SummaryRow>(`SELECT ${SUMMARY_SELECT} FROM documents d ORDER BY d.seq LIMIT $1 OFFSET $2`, [limit, offset])).rows.map(summaryOf))
  }

  async countDocuments(): Promise<number> {
    return this.read('count documents', async (db) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0]?.n ?? 0)
  }

  /**
   * Replaces the given layers of a stored document in one transaction (the row locked while it is
   * read and written); the others stay. Summary columns and search vector follow a new clean or
   * metadata layer, the entity index a new entities layer; `messages`, when given, are replaced.
   */
  async updateLayers(id: DocumentId, layers: Partial<Layers>, messages?: readonly DocumentMessage[]): Promise<void> {
    this.checkOpen()
    const names = Object.keys(layers).filter((name) => layers[name as LayerName] !== undefined)
    if (names.length === 0 && messages === undefined) return
    await this.transaction(`could not update layers ${names.join(', ')} of document ${id}`, 'STORE_WRITE_FAILED', async (db) => {
      const { rows } = await db.query<PgDocumentRow>(`SELECT ${DOCUMENT_SELECT} FROM documents d WHERE d.id = $1 FOR UPDATE`, [id])
      const row = rows[0]
      if (row === undefined) throw new StoreError(`${this.file}: no document ${id} to update; save it first.`, 'STORE_NO_DOCUMENT')
      const stored = documentOf(row, (await layersOf(db, [id])).get(id) ?? [])
      const merged: Document = { ...stored, layers: { ...stored.layers, ...layers }, messages: messages ?? stored.messages }
      const write = this.prepareWrite(merged, row.storedAt)
      if (messages !== undefined) await db.query('UPDATE documents SET messages = $1 WHERE id = $2', [write.messages, id])
      const changed = write.layers.filter((layer) => names.includes(layer.name))
      if (changed.length > 0) {
        await db.query(
          `INSERT INTO document_layers (document_id, name, json) SELECT $1, n, j FROM unnest($2::text[], $3::text[]) AS l (n, j)
           ON CONFLICT (document_id, name) DO UPDATE SET json = excluded.json`,
          [id, changed.map((l) => l.name), changed.map((l) => l.json)],
        )
      }
      if (names.some((n) => SUMMARY_LAYERS.has(n))) {
        const at = (column: (typeof DOCUMENT_COLUMNS)[number]): unknown => paramOf(write, column)
        await db.query('UPDATE documents SET title = $1, published = $2, publisher = $3, language = $4, chars = $5, search = $6::tsvector WHERE id = $7',
          [at('title'), at('published'), at('publisher'), at('language'), at('chars'), at('search'), id])
      }
      if (names.includes('entities')) {
        await db.query('DELETE FROM entity_index WHERE document_id = $1', [id])
        await insertEntities(db, write)
      }
    })
  }

  /** Every stored document in storage order, a page per query (keyed on the storage sequence). */
  async *iterateDocuments(options: IterateOptions = {}): AsyncGenerator<Document> {
    yield* this.pages('iterateDocuments', 'read documents', options, '')
  }

  async listEntities(options: EntityListOptions = {}): Promise<EntitySummary[]> {
    const { limit, offset } = checkPage(options, 'listEntities')
    return this.read('list entities', async (db) => {
      // The fullest name (and its type), ties to the first document id: the row SQLite's max() picks.
      const { rows } = await db.query<EntitySummary>(
        `SELECT entity_id AS id, (array_agg(type ORDER BY length(name) DESC, document_id))[1] AS type,
           (array_agg(name ORDER BY length(name) DESC, document_id))[1] AS name, count(*)::int AS documents, sum(mentions)::int AS mentions
         FROM entity_index WHERE $1::text IS NULL OR type = $1
         GROUP BY entity_id ORDER BY documents DESC, mentions DESC, entity_id LIMIT $2 OFFSET $3`,
        [options.type ?? null, limit, offset],
      )
      return rows.map((r) => ({ id: r.id, type: r.type as EntityType, name: r.name, documents: r.documents, mentions: r.mentions }))
    })
  }

  async documentsMentioning(entityId: EntityId, options: ListOptions = {}): Promise<EntityDocument[]> {
    const { limit, offset } = checkPage(options, 'documentsMentioning')
    return this.read('list documents mentioning an entity', async (db) => {
      const { rows } = await db.query<SummaryRow & { mentions: number }>(
        `SELECT ${SUMMARY_SELECT}, e.mentions FROM entity_index e JOIN documents d ON d.id = e.document_id
         WHERE e.entity_id = $1 ORDER BY d.seq LIMIT $2 OFFSET $3`,
        [entityId, limit, offset],
      )
      return rows.map((row) => ({ ...summaryOf(row), mentions: row.mentions }))
    })
  }

  /**
   * Full-text search over title and clean text, best match first, as the SQLite store reads it
   * (see `Store.search`). A query matching more than SEARCH_CANDIDATES documents lists its matches
   * newest first, each scored: ranking every match of a broad word would score the whole index.
   *
   * @example
   * await store.search({ text: 'flood* NOT "weather forecast"', mode: 'advanced' }, { limit: 20 })
   */
  async search(query: SearchQuery, options: ListOptions = {}): Promise<SearchHit[]> {
    const { limit, offset } = checkPage({ limit: DEFAULT_SEARCH_LIMIT, ...options }, 'search')
    const tsquery = toTsquery(query)
    if (tsquery === undefined) return []
    return this.searchRead('search', async (db) => {
      const broad = (await countMatches(db, tsquery, SEARCH_CANDIDATES + 1)) > SEARCH_CANDIDATES
      const order = broad ? 'd.seq DESC' : 'score DESC, d.seq'
      const { rows } = await db.query<SummaryRow & { score: number }>(
        `SELECT ${SUMMARY_SELECT}, ts_rank(${RANK_WEIGHTS}, d.search, q.q)::float8 AS score
         FROM documents d, (SELECT $1::tsquery AS q) AS q WHERE d.search @@ q.q ORDER BY ${order} LIMIT $2 OFFSET $3`,
        [tsquery, limit, offset],
      )
      return rows.map((row) => ({ ...summaryOf(row), score: row.score }))
    })
  }

  async countSearch(query: SearchQuery, cap: number): Promise<number> {
    if (!Number.isInteger(cap) || cap < 0) throw new UsageError(`countSearch: cap must be a whole number of documents, got ${cap}.`)
    const tsquery = toTsquery(query)
    if (tsquery === undefined) return 0
    return this.searchRead('count search hits', (db) => countMatches(db, tsquery, cap))
  }

  async listStories(options: StoryListOptions = {}): Promise<StorySummary[]> {
    const { limit, offset } = checkPage(options, 'listStories')
    checkStoryOrder(options.order)
    const filter = storyTextFilter(options)
    if (filter === undefined) return []
    const read = filter.text === undefined ? this.read.bind(this) : this.searchRead.bind(this)
    return read('list stories', (db) => this.stories.list(db, filter, limit, offset))
  }

  async countStories(options: StoryListOptions = {}): Promise<number> {
    const filter = storyTextFilter(options)
    if (filter === undefined) return 0
    const read = filter.text === undefined ? this.read.bind(this) : this.searchRead.bind(this)
    return read('count stories', (db) => this.stories.count(db, filter))
  }

  async getStory(id: StoryId): Promise<Story | undefined> {
    return this.read('read a story', (db) => this.stories.get(db, id))
  }

  async getStoryCheck(id: StoryId): Promise<StoryCheck | undefined> {
    return this.read('read a story check', (db) => this.stories.check(db, id))
  }

  async storyOf(documentId: DocumentId): Promise<StoryId | undefined> {
    return this.read("read a document's story", (db) => this.stories.storyOf(db, documentId))
  }

  async listThreads(options: ListOptions = {}): Promise<Thread[]> {
    const { limit, offset } = checkPage(options, 'listThreads')
    return this.read('list threads', (db) => this.stories.threads(db, limit, offset))
  }

  async getThread(id: ThreadId): Promise<Thread | undefined> {
    return this.read('read a thread', (db) => this.stories.thread(db, id))
  }

  async *iterateUnplacedDocuments(options: IterateOptions = {}): AsyncGenerator<Document> {
    yield* this.pages('iterateUnplacedDocuments', 'read unplaced documents', options,
      'AND NOT EXISTS (SELECT 1 FROM story_members m WHERE m.document_id = d.id)')
  }

  async signatureCandidates(bands: readonly number[]): Promise<SignatureCandidate[]> {
    return this.read('look up near-duplicate candidates', (db) => this.stories.signatureCandidates(db, bands))
  }

  async documentFrequencies(terms: readonly string[]): Promise<{ documents: number; terms: Map<string, number> }> {
    return this.read('read term frequencies', (db) => this.stories.documentFrequencies(db, terms))
  }

  async loadStoryStates(select: StoryStateSelect): Promise<StoredStoryState[]> {
    return this.read('read story states', (db) => this.stories.states(db, select))
  }

  /** Writes one step of story placement in one transaction, serialised with every other (an advisory lock, SQLite's write lock). */
  async applyStoryUpdate(update: StoryUpdate): Promise<void> {
    this.checkOpen()
    const ids = update.stories.map((w) => w.story.id).join(', ') || '(none)'
    try {
      await this.transaction(`could not write stories ${ids}; nothing of this update was stored`, 'STORE_WRITE_FAILED', async (db) => {
        await db.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, LOCKS.stories])
        await this.stories.apply(db, update)
      })
    } catch (error) {
      if (error instanceof StoreError && error.code === 'STORE_CONFLICT') {
        throw new StoreError(`${this.file}: could not write stories ${ids}: ${error.message}.`, error.code, { cause: error })
      }
      throw error
    }
  }

  /**
   * Runs `fn` in one write transaction on this store's database, for a bulk import (`copy.ts`):
   * committed whole or not at all. The caller holds the writer lease.
   */
  async importTransaction<T>(doing: string, fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.readOnly) throw new StoreError(`${this.file}: the store was opened read-only; nothing can be written to it.`, 'STORE_READ_ONLY')
    return this.transaction(doing, 'STORE_WRITE_FAILED', fn)
  }

  /** Takes the writer lease (see `Store.acquireWriter` and `postgres/writer.ts`); a read-only store has none. */
  async acquireWriter(options: WriterOptions = {}): Promise<WriterLease> {
    this.checkOpen()
    if (this.readOnly) throw new StoreError(`${this.file}: the store was opened read-only; nothing can be written to it.`, 'STORE_READ_ONLY')
    const lease = await retryOnce(() => acquirePgWriter(this.pool, this.file, options)).catch((error: unknown) => {
      throw pgFailure(error, this.file, 'cannot take the write lease', 'STORE_WRITE_FAILED')
    })
    this.leases.add(lease)
    return {
      release: async () => {
        this.leases.delete(lease)
        await lease.release()
      },
    }
  }

  /**
   * Checks the store: Dossier's invariants (every counter equals what its members say, every
   * document has its search vector). PostgreSQL keeps its own pages and references sound (page
   * checksums, foreign keys), so there is no file check to run here.
   */
  async checkIntegrity(): Promise<string[]> {
    this.checkOpen()
    try {
      return await checkPgInvariants(this.pool)
    } catch (error) {
      return [`invariants: cannot be read: ${pgFailure(error, this.file, 'check', 'STORE_READ_FAILED').message}`]
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await Promise.all([...this.leases].map((lease) => lease.release()))
    this.leases.clear()
    await Promise.all([this.pool.end(), this.searchPool.end()])
  }

  private async *pages(method: string, action: string, options: IterateOptions, where: string): AsyncGenerator<Document> {
    const pageSize = options.pageSize ?? DEFAULT_ITERATE_PAGE
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new UsageError(`${method}: pageSize must be a whole number >= 1, got ${pageSize}.`)
    let after = 0
    for (;;) {
      const page = await this.read(action, async (db) => {
        const { rows } = await db.query<PgDocumentRow & { seq: number }>(
          `SELECT d.seq, ${DOCUMENT_SELECT} FROM documents d WHERE d.seq > $1 ${where} ORDER BY d.seq LIMIT $2`, [after, pageSize])
        const layers = await layersOf(db, rows.map((r) => r.id))
        return rows.map((row) => ({ seq: row.seq, doc: documentOf(row, layers.get(row.id) ?? []) }))
      })
      for (const { doc } of page) yield doc
      if (page.length < pageSize) return
      after = page[page.length - 1]!.seq
    }
  }

  private prepareWrite(doc: Document, storedAt: string): PgDocumentWrite {
    return prepareDocument(this.file, doc, () => toPgDocumentWrite(doc, storedAt))
  }

  private async read<T>(action: string, fn: (db: Queryable) => Promise<T>): Promise<T> {
    this.checkOpen()
    try {
      return await retryOnce(() => fn(this.pool))
    } catch (error) {
      throw pgFailure(error, this.file, `could not ${action}`, 'STORE_READ_FAILED')
    }
  }

  /** A read that matches the search vector: on the search pool (see `open`). */
  private async searchRead<T>(action: string, fn: (db: Queryable) => Promise<T>): Promise<T> {
    this.checkOpen()
    try {
      return await retryOnce(() => fn(this.searchPool))
    } catch (error) {
      throw pgFailure(error, this.file, `could not ${action}`, 'STORE_READ_FAILED')
    }
  }

  /**
   * Runs `fn` in one transaction on one connection: committed whole, or rolled back whole. A
   * connection the server ended while it sat in the pool fails at BEGIN, before anything was
   * written: the transaction runs again once on a new one.
   */
  private async transaction<T>(doing: string, fallback: string, fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    this.checkOpen()
    let client: pg.PoolClient
    let broken: unknown
    const onError = (error: unknown): void => {
      broken = error
    }
    try {
      client = await retryOnce(async () => {
        const fresh = await this.pool.connect()
        try {
          await fresh.query('BEGIN')
          return fresh
        } catch (error) {
          fresh.release(true)
          throw error
        }
      })
    } catch (error) {
      throw pgFailure(error, this.file, doing, fallback)
    }
    client.on('error', onError)
    try {
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch((e: unknown) => (broken ??= e))
      throw pgFailure(error, this.file, doing, fallback)
    } finally {
      client.off('error', onError)
      client.release(broken !== undefined)
    }
  }

  private checkOpen(): void {
    if (this.closed) throw new UsageError(`The store ${this.file} is closed; open it again with PostgresStore.open().`)
  }
}

/**
 * Inserts documents with their layers and entity rows, three statements however many there are
 * (each statement is a round trip to the server); returns how many were new. A document whose id
 * is stored already, or came earlier in `writes`, is left out, as SQLite's row-by-row insert does.
 */
export async function insertDocuments(db: Queryable, writes: readonly PgDocumentWrite[]): Promise<number> {
  if (writes.length === 0) return 0
  const rows = writes.map((w) => w.params)
  const columns = DOCUMENT_COLUMNS.map((c, i) => (c === 'search' ? `$${i + 1}::text[]` : `$${i + 1}::${DOCUMENT_TYPES[c]}[]`)).join(', ')
  const select = DOCUMENT_COLUMNS.map((c) => (c === 'search' ? 'v.search::tsvector' : `v.${c}`)).join(', ')
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')})
     SELECT ${select} FROM unnest(${columns}) WITH ORDINALITY AS v (${DOCUMENT_COLUMNS.join(', ')}, n) ORDER BY v.n
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    DOCUMENT_COLUMNS.map((_, i) => rows.map((r) => r[i])),
  )
  const added = new Set(inserted.rows.map((r) => r.id))
  const stored = [...new Map(writes.filter((w) => added.has(w.id)).reverse().map((w) => [w.id, w])).values()].reverse()
  const layers = stored.flatMap((w) => w.layers.map((l) => [w.id, l.name, l.json] as const))
  if (layers.length > 0) {
    await db.query('INSERT INTO document_layers (document_id, name, json) SELECT d, n, j FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS l (d, n, j, i) ORDER BY i',
      [layers.map((l) => l[0]), layers.map((l) => l[1]), layers.map((l) => l[2])])
  }
  await insertEntityRows(db, stored.flatMap((w) => w.entities))
  return added.size
}

/** PostgreSQL types of the document columns, for the arrays `insertDocuments` sends. */
const DOCUMENT_TYPES: Record<(typeof DOCUMENT_COLUMNS)[number], string> = {
  id: 'text', blob_sha256: 'text', input: 'text', record: 'text', url: 'text', container: 'text', captured_at: 'text', charset: 'text',
  hints: 'text', markup: 'text', source: 'text', messages: 'text', extra: 'text', title: 'text', published: 'text', publisher: 'text',
  language: 'text', chars: 'int', stored_at: 'text', search: 'text',
}

async function insertEntities(db: Queryable, write: PgDocumentWrite): Promise<void> {
  await insertEntityRows(db, write.entities)
}

async function insertEntityRows(db: Queryable, rows: readonly EntityIndexRow[]): Promise<void> {
  if (rows.length === 0) return
  await db.query(
    'INSERT INTO entity_index (entity_id, type, name, document_id, mentions) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])',
    [rows.map((r) => r.entityId), rows.map((r) => r.type), rows.map((r) => toPgText(r.name)), rows.map((r) => r.documentId), rows.map((r) => r.mentions)],
  )
}

/** The layers of some documents, each document's in the order they were first stored. */
async function layersOf(db: Queryable, ids: readonly string[]): Promise<Map<string, LayerRow[]>> {
  const byDocument = new Map<string, LayerRow[]>()
  if (ids.length === 0) return byDocument
  const { rows } = await db.query<LayerRow & { document: string }>(
    'SELECT document_id AS document, name, json FROM document_layers WHERE document_id = ANY($1::text[]) ORDER BY seq', [ids])
  for (const { document, name, json } of rows) {
    let list = byDocument.get(document)
    if (list === undefined) byDocument.set(document, (list = []))
    list.push({ name, json })
  }
  return byDocument
}

/**
 * Runs `fn` again once when the connection it used was lost (a pooled connection the server ended
 * while idle: after a restart every pooled one is). Only for what is safe to run twice: a read, a
 * transaction that failed at BEGIN, taking the lease.
 */
async function retryOnce<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (!lostConnection(error)) throw error
    return fn()
  }
}

async function countMatches(db: Queryable, tsquery: string, cap: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM documents WHERE search @@ $1::tsquery LIMIT $2) AS m', [tsquery, cap])
  return rows[0]?.n ?? 0
}

/** Limit (null: none) and offset of a page, checked. */
function checkPage(options: ListOptions, method: string): { limit: number | null; offset: number } {
  const offset = options.offset ?? 0
  for (const [name, value] of [['limit', options.limit], ['offset', offset]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new UsageError(`${method}: ${name} must be a whole number >= 0, got ${value}.`)
  }
  return { limit: options.limit ?? null, offset }
}

function storyTextFilter(options: StoryListOptions): PgStoryFilters | undefined {
  if (options.text === undefined) return { ...options, text: undefined }
  const text = toTsquery(options.text)
  return text === undefined ? undefined : { ...options, text }
}
