import type Database from 'better-sqlite3'
import type pg from 'pg'
import { StoreError } from '../../errors.js'
import { openConnection } from '../sqlite/connection.js'
import { storeFailure } from '../sqlite/failures.js'
import { checkReadable } from '../sqlite/migrate.js'
import { MIGRATIONS } from '../sqlite/migrations/index.js'
import { readDocument, unpackStored, type PackedDocumentRow } from '../sqlite/packed-rows.js'
import { unpackBytes, unpackJson } from '../sqlite/packed.js'
import { fromStoredText, type StoredText } from '../sqlite/text.js'
import { insertDocuments, PostgresStore } from './postgres-store.js'
import { toPgDocumentWrite } from './rows.js'
import { toPgText } from './text.js'

/** Rows per INSERT of a copied table. */
const BATCH = 500

export interface CopyReport {
  /** Rows copied per table, in the order the tables were copied. */
  readonly tables: ReadonlyArray<readonly [table: string, rows: number]>
  /** Rows of SQLite-only tables (`dossier watch`'s sources, watches and alerts) left behind: the PostgreSQL store has none yet. */
  readonly notCopied: ReadonlyArray<readonly [table: string, rows: number]>
}

/** Tables of the SQLite store that the PostgreSQL store does not have yet (`dossier watch`, migrations 7 and 8). */
const SQLITE_ONLY = ['sources', 'source_items', 'watch_hosts', 'watches', 'watch_seen', 'alerts', 'alert_deliveries', 'watch_cursor']

export interface CopyOptions {
  /** How long to wait for the target's writer lease, in milliseconds. */
  readonly waitMs?: number
  /** Called after each table with its row count. */
  readonly onTable?: (table: string, rows: number) => void
}

type Convert = (value: unknown) => unknown
const asIs: Convert = (v) => v
const text: Convert = (v) => (v === null ? null : toPgText(fromStoredText(v as StoredText)))
/** A story's, check's or state's JSON: packed in SQLite since its migration 9, text in PostgreSQL. */
const json: Convert = (v) => (v === null ? null : unpackJson(v as string | Buffer))

/**
 * Tables copied row for row after the documents, with each column's PostgreSQL array type: the
 * stories, their members, checks, actors and threads, the clustering state (term frequencies,
 * counters, MinHash signatures and bands). Their JSON is copied byte for byte (unpacked where the
 * SQLite store packs it: stories, checks, states); the story order
 * (`seq`) is kept.
 */
const TABLES: ReadonlyArray<{ readonly name: string; readonly order: string; readonly columns: ReadonlyArray<readonly [column: string, type: string, convert?: Convert]> }> = [
  { name: 'stories', order: 'seq', columns: [['id', 'text'], ['seq', 'bigint'], ['title', 'text'], ['event_date', 'text'], ['sort_date', 'text'], ['articles', 'int'], ['outlets', 'int'], ['thread', 'text'], ['updated_at', 'text'], ['window_from', 'text'], ['window_to', 'text'], ['json', 'text', json], ['state', 'text', json]] },
  { name: 'story_members', order: 'rowid', columns: [['document_id', 'text'], ['story_id', 'text'], ['source', 'text', text], ['duplicate_of', 'text']] },
  { name: 'story_checks', order: 'rowid', columns: [['story_id', 'text'], ['json', 'text', json]] },
  { name: 'story_actors', order: 'entity_id, story_id', columns: [['entity_id', 'text'], ['story_id', 'text']] },
  { name: 'threads', order: 'rowid', columns: [['id', 'text'], ['stories', 'int'], ['json', 'text']] },
  { name: 'term_frequencies', order: 'term', columns: [['term', 'text'], ['documents', 'int']] },
  { name: 'story_counters', order: 'rowid', columns: [['name', 'text'], ['value', 'bigint']] },
  { name: 'minhash_signatures', order: 'rowid', columns: [['document_id', 'text'], ['signature', 'bytea']] },
  { name: 'minhash_bands', order: 'band_key, document_id', columns: [['band_key', 'bigint'], ['document_id', 'text']] },
]

/**
 * Copies a SQLite store into an empty PostgreSQL store, all of it in one transaction: blobs
 * (bytes verbatim), documents in storage order with their layers (the search vector and entity
 * index derived as a save derives them), then every story table row for row. The target's writer
 * lease is held throughout; after a failure nothing of the copy is stored. Each table's row count
 * is checked against the source before the commit.
 *
 * @example
 * const report = await copySqliteToPostgres('dossier.db', 'postgres://127.0.0.1/dossier')
 */
export async function copySqliteToPostgres(from: string, to: string, options: CopyOptions = {}): Promise<CopyReport> {
  const source = openConnection(from, { readOnly: true })
  try {
    try {
      checkReadable(source.db, MIGRATIONS, from)
    } catch (error) {
      throw storeFailure(error, from, 'cannot read the store to copy', 'STORE_OPEN_FAILED')
    }
    const target = await PostgresStore.open(to)
    try {
      const lease = await target.acquireWriter({ waitMs: options.waitMs ?? 0 })
      try {
        return await target.importTransaction('could not copy the store; nothing of it was stored', async (db) => {
          await checkEmpty(db, target.file)
          const tables: Array<[string, number]> = []
          const done = (table: string, rows: number): void => {
            tables.push([table, rows])
            options.onTable?.(table, rows)
          }
          done('blobs', await copyBlobs(source.db, db, from))
          done('documents', await copyDocuments(source.db, db, from))
          for (const table of TABLES) done(table.name, await copyTable(source.db, db, table))
          await checkCounts(source.db, db, tables, from, target.file)
          return { tables, notCopied: notCopied(source.db) }
        })
      } finally {
        await lease.release()
      }
    } finally {
      await target.close()
    }
  } finally {
    source.db.close()
    source.cleanup()
  }
}

async function checkEmpty(db: pg.PoolClient, where: string): Promise<void> {
  const { rows } = await db.query<{ n: number }>('SELECT (SELECT count(*) FROM blobs) + (SELECT count(*) FROM stories) AS n')
  if ((rows[0]?.n ?? 0) > 0) {
    throw new StoreError(`${where} already holds a store; copy into an empty database (a new database name in the URL), so nothing stored there is mixed or lost.`, 'STORE_NOT_EMPTY')
  }
}

async function copyBlobs(source: Database.Database, db: pg.PoolClient, from: string): Promise<number> {
  const rows = source.prepare('SELECT sha256, bytes, input, media_type AS mediaType, size, stored_at AS storedAt FROM blobs ORDER BY rowid')
    .iterate() as IterableIterator<{ sha256: string; bytes: Buffer; input: StoredText; mediaType: string | null; size: number; storedAt: string }>
  let count = 0
  for (const batch of batches(rows, BATCH)) {
    await db.query(
      `INSERT INTO blobs (sha256, bytes, input, media_type, size, stored_at)
       SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[], $5::bigint[], $6::text[])`,
      [batch.map((b) => b.sha256), batch.map((b) => unpackStored(() => unpackBytes(b.bytes), from, `blob ${b.sha256}`)), batch.map((b) => toPgText(fromStoredText(b.input))), batch.map((b) => b.mediaType), batch.map((b) => b.size), batch.map((b) => b.storedAt)],
    )
    count += batch.length
  }
  return count
}

// Through both row models: the SQLite store's reads the document (unpacking it), the PostgreSQL
// store's writes it, so the copy derives exactly what a save derives.
async function copyDocuments(source: Database.Database, db: pg.PoolClient, from: string): Promise<number> {
  const page = source.prepare<[number, number], PackedDocumentRow & { seq: number; layers: Buffer | null }>(
    `SELECT seq, id, blob_sha256 AS blobSha256, input, record, url, container, captured_at AS capturedAt, charset,
       hints, markup, source, messages, extra, title, published, publisher, language, chars, stored_at AS storedAt, layers
     FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`,
  )
  let count = 0
  for (let after = 0; ;) {
    const rows = page.all(after, BATCH)
    count += await insertDocuments(db, rows.map((row) => toPgDocumentWrite(readDocument(row, row.layers, from), row.storedAt)))
    if (rows.length < BATCH) return count
    after = rows[rows.length - 1]!.seq
  }
}

async function copyTable(source: Database.Database, db: pg.PoolClient, table: (typeof TABLES)[number]): Promise<number> {
  const names = table.columns.map(([c]) => c)
  const rows = source.prepare(`SELECT ${names.join(', ')} FROM ${table.name} ORDER BY ${table.order}`).raw().iterate() as IterableIterator<unknown[]>
  const unnest = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')
  let count = 0
  for (const batch of batches(rows, BATCH)) {
    const params = table.columns.map(([, , convert], i) => batch.map((row) => (convert ?? asIs)(row[i])))
    await db.query(`INSERT INTO ${table.name} (${names.join(', ')}) SELECT * FROM unnest(${unnest})`, params)
    count += batch.length
  }
  return count
}

async function checkCounts(source: Database.Database, db: pg.PoolClient, copied: ReadonlyArray<readonly [string, number]>, from: string, to: string): Promise<void> {
  for (const [table, rows] of [...copied, ['entity_index', -1]] as const) {
    const expected = source.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
    const { rows: found } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
    const stored = found[0]?.n ?? 0
    if (stored !== expected || (rows >= 0 && rows !== expected)) {
      throw new StoreError(`${to}: the copy of ${from} holds ${stored} ${table} rows where the source holds ${expected}; nothing of the copy was stored.`, 'STORE_COPY_MISMATCH')
    }
  }
}

function notCopied(source: Database.Database): Array<[string, number]> {
  const present = new Set(source.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[])
  return SQLITE_ONLY.filter((t) => present.has(t))
    .map((t): [string, number] => [t, source.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number])
    .filter(([, n]) => n > 0)
}

function* batches<T>(rows: IterableIterator<T>, size: number): Generator<T[]> {
  let batch: T[] = []
  for (const row of rows) {
    batch.push(row)
    if (batch.length === size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}
