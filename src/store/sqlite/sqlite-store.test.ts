import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Document } from '../../document/index.js'
import { SearchSyntaxError, StoreError, UsageError } from '../../errors.js'
import type { SearchQuery } from '../search-query.js'
import { blobOf, entitiesLayer, makeDocument, runStoreContract } from '../contract.js'
import { createLegacyStore, saveLegacy } from '../../../test/helpers/legacy-store.js'
import { PAGE_BYTES } from './connection.js'
import { MIGRATIONS, type Migration } from './migrations/index.js'
import { SEARCH_CANDIDATES, SqliteStore } from './sqlite-store.js'

const dir = mkdtempSync(join(tmpdir(), 'dossier-store-'))
let files = 0
const tempPath = (): string => join(dir, `store-${files++}.db`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

runStoreContract('SqliteStore on a file', () => SqliteStore.open(tempPath()))
runStoreContract('SqliteStore in memory', () => SqliteStore.open(':memory:'))

const opened: SqliteStore[] = []
async function open(path: string, migrations?: readonly Migration[]): Promise<SqliteStore> {
  const store = await SqliteStore.open(path, migrations ? { migrations } : {})
  opened.push(store)
  return store
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})

const textBlob = (text: string, input = 'notes/a.txt') => blobOf(new TextEncoder().encode(text), input)

function withText(doc: Document, title: string, body: string): Document {
  return {
    ...doc,
    source: body,
    hints: { title },
    layers: { clean: { blocks: [{ kind: 'paragraph', spans: [{ start: 0, end: body.length }] }], removed: [], flags: [] } },
  }
}

async function expectStoreError(promise: Promise<unknown>, code: string): Promise<StoreError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(StoreError)
  expect((error as StoreError).code).toBe(code)
  return error as StoreError
}

const NEXT_VERSION = MIGRATIONS.length + 1
const NOTE_COLUMN: Migration = { version: NEXT_VERSION, name: 'test-only note column', sql: 'ALTER TABLE documents ADD COLUMN note TEXT;' }

describe('SqliteStore: opening and migrations', () => {
  it('migrates an empty file to the latest schema', async () => {
    const path = tempPath()
    const store = await open(path)
    expect(store.schemaVersion).toBe(MIGRATIONS.length)
    const db = new Database(path, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_BYTES)
    db.close()
  })

  it('keeps the page size of a store created with other pages', async () => {
    const path = tempPath()
    const legacy = createLegacyStore(path)
    const size = legacy.pragma('page_size', { simple: true })
    legacy.close()
    await (await open(path)).close()
    const db = new Database(path, { readonly: true })
    expect(db.pragma('page_size', { simple: true })).toBe(size)
    db.close()
  })

  it('re-opens a migrated file without changing its schema or data', async () => {
    const path = tempPath()
    const first = await open(path)
    const blob = textBlob('Kept across re-opening.')
    const doc = makeDocument(blob, 0, { full: true })
    await first.save(blob, [doc])
    await first.close()
    const schemaOf = () => {
      const db = new Database(path, { readonly: true })
      const rows = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all()
      db.close()
      return rows
    }
    const before = schemaOf()
    const again = await open(path)
    expect(again.schemaVersion).toBe(MIGRATIONS.length)
    expect(schemaOf()).toEqual(before)
    expect(await again.getDocument(doc.id)).toEqual(doc)
  })

  it('upgrades a file at the current schema when a newer migration appears', async () => {
    const path = tempPath()
    await (await open(path)).close()
    const upgraded = await open(path, [...MIGRATIONS, NOTE_COLUMN])
    expect(upgraded.schemaVersion).toBe(NEXT_VERSION)
    const db = new Database(path, { readonly: true })
    const columns = db.prepare("SELECT name FROM pragma_table_info('documents')").pluck().all()
    db.close()
    expect(columns).toContain('note')
  })

  it('refuses a file written by a newer schema', async () => {
    const path = tempPath()
    await (await open(path, [...MIGRATIONS, NOTE_COLUMN])).close()
    const error = await expectStoreError(SqliteStore.open(path), 'STORE_SCHEMA_TOO_NEW')
    expect(error.message).toContain(path)
  })

  it('rolls back a migration that fails, leaving the version as it was', async () => {
    const path = tempPath()
    await (await open(path)).close()
    const broken: Migration = { version: NEXT_VERSION, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' }
    await expectStoreError(SqliteStore.open(path, { migrations: [...MIGRATIONS, broken] }), 'STORE_MIGRATION_FAILED')
    const db = new Database(path, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0)
    db.close()
  })

  it('makes a new store in one transaction: a migration that fails leaves the file empty, not at an old schema', async () => {
    const path = tempPath()
    const broken: Migration = { version: NEXT_VERSION, name: 'broken', sql: 'SELECT * FROM no_such_table;' }
    const error = await expectStoreError(SqliteStore.open(path, { migrations: [...MIGRATIONS, broken] }), 'STORE_MIGRATION_FAILED')
    expect(error.message).toContain(`migration ${NEXT_VERSION} (broken)`)
    const db = new Database(path, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    expect(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()).toBe(0)
    db.close()
    // The empty file is made again on the next open.
    const store = await open(path)
    expect(store.schemaVersion).toBe(MIGRATIONS.length)
  })

  it('rejects a migration list that skips a version', async () => {
    const skipping = [...MIGRATIONS, { ...NOTE_COLUMN, version: NEXT_VERSION + 1 }]
    await expect(SqliteStore.open(':memory:', { migrations: skipping })).rejects.toBeInstanceOf(UsageError)
  })

  it.each([
    ['a text file', (path: string) => writeFileSync(path, 'these are not database pages '.repeat(200)), 'STORE_CORRUPT'],
    ['a path in a missing folder', () => {}, 'STORE_OPEN_FAILED'],
    ['another program\'s SQLite file', (path: string) => {
      const db = new Database(path)
      db.exec('CREATE TABLE contacts (name TEXT)')
      db.close()
    }, 'STORE_NOT_DOSSIER'],
  ])('refuses %s with a typed error naming the file', async (label, prepare, code) => {
    const path = label.includes('missing') ? join(dir, 'missing', 'store.db') : tempPath()
    prepare(path)
    const error = await expectStoreError(SqliteStore.open(path), code)
    expect(error.message).toContain(path)
  })
})

describe('SqliteStore: saving', () => {
  it('keeps what was saved after the store is closed and re-opened', async () => {
    const path = tempPath()
    const store = await open(path)
    const blob = textBlob('Durable words.')
    const docs = [0, 1].map((i) => makeDocument(blob, i, { full: true }))
    await store.save(blob, docs)
    await store.close()
    const again = await open(path)
    expect(await again.countDocuments()).toBe(2)
    expect(await again.getDocument(docs[1]!.id)).toEqual(docs[1])
  })

  it('lets a second store on the same file read what the first saves', async () => {
    const path = tempPath()
    const writer = await open(path)
    const reader = await open(path)
    expect(await reader.countDocuments()).toBe(0)
    const blob = textBlob('Seen by another connection.')
    await writer.save(blob, [makeDocument(blob, 0)])
    expect(await reader.countDocuments()).toBe(1)
  })

  it('rolls back the whole save when the database fails mid-way', async () => {
    const path = tempPath()
    const store = await open(path)
    const blob = textBlob('The third document trips a trigger.')
    const docs = [0, 1, 2].map((i) => makeDocument(blob, i, { full: true }))
    const db = new Database(path)
    db.exec(`CREATE TRIGGER fail_third AFTER INSERT ON documents WHEN NEW.id = '${docs[2]!.id}'
      BEGIN SELECT RAISE(ABORT, 'forced failure'); END`)
    db.close()
    const error = await expectStoreError(store.save(blob, docs), 'STORE_WRITE_FAILED')
    expect(error.message).toContain(blob.input)
    expect(await store.hasBlob(blob.sha256)).toBe(false)
    expect(await store.countDocuments()).toBe(0)
    expect(await store.search('river')).toEqual([])
    expect(await store.checkIntegrity()).toEqual([])
  })

  it('rolls back a layer update when the database fails mid-way', async () => {
    const path = tempPath()
    const store = await open(path)
    const blob = textBlob('An update that trips on its entity index.')
    const doc = makeDocument(blob, 0, { full: true })
    await store.save(blob, [doc])
    const db = new Database(path)
    db.exec(`CREATE TRIGGER fail_index AFTER INSERT ON entity_index BEGIN SELECT RAISE(ABORT, 'forced failure'); END`)
    db.close()
    const update = { sentences: { sentences: [] }, entities: entitiesLayer([['person:~ada-brennan', 'person', 'Ada Brennan', 1]]) }
    await expectStoreError(store.updateLayers(doc.id, update), 'STORE_WRITE_FAILED')
    expect(await store.getDocument(doc.id)).toEqual(doc)
    expect(await store.listEntities()).toEqual([])
  })

  it('indexes the entities of documents stored before the entity index existed', async () => {
    const path = tempPath()
    const db = createLegacyStore(path, 1)
    const blob = textBlob('Stored by schema version 1.')
    const doc = { ...makeDocument(blob, 0), layers: { entities: entitiesLayer([['person:~ada-brennan', 'person', 'Ada Brennan', 2]]) } }
    saveLegacy(db, blob, [doc])
    db.close()
    const upgraded = await open(path)
    expect(await upgraded.listEntities()).toEqual([{ id: 'person:~ada-brennan', type: 'person', name: 'Ada Brennan', documents: 1, mentions: 2 }])
  })

  it('names the document and the value that cannot be stored', async () => {
    const store = await open(':memory:')
    const blob = textBlob('A layer with a NaN in it.')
    const doc = makeDocument(blob, 0, { full: true })
    const bad = { ...doc, layers: { ...doc.layers, page: { candidates: [{ field: 'title', value: 'x', basis: Number.NaN }] } } } as unknown as Document
    const error = await expectStoreError(store.save(blob, [bad]), 'STORE_UNSTORABLE_VALUE')
    expect(error.message).toContain(doc.id)
    expect(error.message).toContain('layers.page.candidates[0].basis')
  })

  it.each([
    ['a blob whose label is not the hash of its bytes', (blob: ReturnType<typeof textBlob>) => ({ blob: { ...blob, sha256: 'a'.repeat(64) }, docs: [] })],
    ['a document read from another blob', (blob: ReturnType<typeof textBlob>) => ({ blob, docs: [makeDocument(textBlob('other bytes'), 0)] })],
  ])('rejects %s as misuse', async (_label, build) => {
    const store = await open(':memory:')
    const { blob, docs } = build(textBlob('Mislabelled.'))
    await expect(store.save(blob, docs)).rejects.toBeInstanceOf(UsageError)
    expect(await store.countDocuments()).toBe(0)
  })

  it('round-trips fields the schema has no column for', async () => {
    const store = await open(':memory:')
    const blob = textBlob('A document from a newer model.')
    const doc = makeDocument(blob, 0)
    const newer = { ...doc, futureField: { kept: [1, 2] }, origin: { ...doc.origin, fetchedVia: 'proxy' } } as Document
    await store.save(blob, [newer])
    expect(await store.getDocument(doc.id)).toEqual(newer)
  })

  it('refuses calls after close with a usage error', async () => {
    const store = await SqliteStore.open(':memory:')
    await store.close()
    await store.close()
    await expect(store.countDocuments()).rejects.toBeInstanceOf(UsageError)
  })
})

describe('SqliteStore: search', () => {
  async function storeWith(entries: ReadonlyArray<readonly [string, string]>): Promise<{ store: SqliteStore; ids: string[] }> {
    const store = await open(':memory:')
    const ids: string[] = []
    for (const [i, [title, body]] of entries.entries()) {
      const blob = textBlob(`${title}\n${body}`, `inputs/${i}.txt`)
      const doc = withText(makeDocument(blob, 0), title, body)
      await store.save(blob, [doc])
      ids.push(doc.id)
    }
    return { store, ids }
  }

  const ENTRIES = [
    ['Harbour reopens', 'Ferries sailed again after the storm passed.'],
    ['Council budget', 'The harbour fund was cut by a tenth.'],
    ['Café owners protest', 'Owners of the old market cafés met the mayor.'],
  ] as const

  it.each([
    ['a body word', 'ferries', [0]],
    ['a title word, ranked above a body mention', 'harbour', [0, 1]],
    ['a phrase', '"harbour fund"', [1]],
    ['a prefix', { text: 'ferr*', mode: 'advanced' }, [0]],
    ['a word without its accent', 'cafe', [2]],
    ['NOT', { text: 'harbour NOT ferries', mode: 'advanced' }, [1]],
    ['nothing', 'volcano', []],
    ['a blank query', '   ', []],
  ] as const)('finds documents by %s', async (_label, query: SearchQuery, expected) => {
    const { store, ids } = await storeWith(ENTRIES)
    expect((await store.search(query)).map((h) => h.id)).toEqual(expected.map((i) => ids[i]))
  })

  it('pages results and gives summaries with a score', async () => {
    const { store, ids } = await storeWith(ENTRIES)
    const [hit] = await store.search('harbour', { limit: 1, offset: 1 })
    expect(hit).toMatchObject({ id: ids[1], title: 'Council budget' })
    expect(hit!.score).toBeGreaterThan(0)
  })

  it.each([
    ['every match under the cap', 'harbour', 10, 2],
    ['up to the cap', 'harbour', 1, 1],
    ['a phrase', '"harbour fund"', 10, 1],
    ['nothing', 'volcano', 10, 0],
    ['a blank query', '  ', 10, 0],
  ])('countSearch counts %s', async (_label, query, cap, expected) => {
    const { store } = await storeWith(ENTRIES)
    expect(await store.countSearch(query, cap)).toBe(expected)
  })

  it.each([
    ['at the limit: ranked, the best match first, each scored', 0],
    ['past it: newest first, unranked (score 0)', 1],
  ])('a query matching SEARCH_CANDIDATES documents, %s', async (_label, extra) => {
    // The oldest document is the best match: its title holds the word.
    const notes = Array.from({ length: SEARCH_CANDIDATES - 1 + extra }, (_, i) => [`Note ${i}`, `ferries, item ${i}.`] as const)
    const { store, ids } = await storeWith([['Ferries everywhere', 'ferries ferries ferries'], ...notes])
    const hits = await store.search('ferries', { limit: 3 })
    expect(hits[0]!.id).toBe(extra === 0 ? ids[0] : ids.at(-1))
    expect(hits.map((h) => h.score > 0)).toEqual(Array(3).fill(extra === 0))
    if (extra === 1) expect(hits.map((h) => h.id)).toEqual(ids.slice(-3).reverse())
  })

  it('counts a query again once a save or a layer update changes what it finds', async () => {
    const { store, ids } = await storeWith(ENTRIES)
    expect(await store.countSearch('ferries', 10)).toBe(1)
    const blob = textBlob('More ferries\nThe ferries ran late.', 'inputs/late.txt')
    await store.save(blob, [withText(makeDocument(blob, 0), 'More ferries', 'The ferries ran late.')])
    expect(await store.countSearch('ferries', 10)).toBe(2)
    // The first article's body is all removed: only its title ("Harbour reopens") is searched now.
    const source = (await store.getDocument(ids[0]!))!.source
    await store.updateLayers(ids[0]!, { clean: { blocks: [], removed: [{ span: { start: 0, end: source.length }, reason: 'navigation' }], flags: [] } })
    expect(await store.countSearch('ferries', 10)).toBe(1)
  })

  it('counts a query again once another connection saves what it finds', async () => {
    const path = tempPath()
    const reader = await open(path)
    const writer = await open(path)
    const save = async (text: string, input: string): Promise<void> => {
      const blob = textBlob(text, input)
      await writer.save(blob, [withText(makeDocument(blob, 0), 'Ferry news', text)])
    }
    await save('The ferries ran late.', 'inputs/a.txt')
    expect(await reader.countSearch('ferries', 10)).toBe(1)
    await save('The ferries ran early.', 'inputs/b.txt')
    expect(await reader.countSearch('ferries', 10)).toBe(2)
  })

  it('pages a broad query newest first', async () => {
    const notes = Array.from({ length: SEARCH_CANDIDATES + 5 }, (_, i) => [`Note ${i}`, `ferries, item ${i}.`] as const)
    const { store, ids } = await storeWith(notes)
    const second = await store.search('ferries', { limit: 3, offset: 3 })
    expect(second.map((h) => h.id)).toEqual(ids.slice(-6, -3).reverse())
  })

  it('countSearch refuses a malformed advanced query with SEARCH_SYNTAX', async () => {
    const { store } = await storeWith(ENTRIES)
    await expect(store.countSearch({ text: '"unclosed', mode: 'advanced' }, 10)).rejects.toMatchObject({ code: 'SEARCH_SYNTAX' })
  })

  it('indexes a re-saved document once', async () => {
    const { store } = await storeWith(ENTRIES)
    const blob = textBlob(`${ENTRIES[0][0]}\n${ENTRIES[0][1]}`, 'inputs/0.txt')
    await store.save(blob, [withText(makeDocument(blob, 0), ...ENTRIES[0])])
    expect(await store.search('ferries')).toHaveLength(1)
  })

  it.each(['"unclosed phrase', 'harbour AND', 'NEAR(', 'NEAR(a, b)', 'NEAR(a b, x)'])(
    'refuses a malformed advanced query with SEARCH_SYNTAX, never an FTS5 error: %s',
    async (text) => {
      const { store } = await storeWith(ENTRIES)
      const error = await store.search({ text, mode: 'advanced' }).then(() => undefined, (e: unknown) => e)
      expect(error).toBeInstanceOf(SearchSyntaxError)
      expect((error as Error).message).toContain(JSON.stringify(text))
      expect((error as Error).message).not.toMatch(/fts5|sqlite/i)
    },
  )

  it.each(['"unclosed phrase', 'harbour AND', 'nosuchcolumn:word', 'NEAR(', 'NEAR(a, b)', 'NEAR(a b, x)', '*', '"" ^ -'])(
    'reads what a person types as words, never a syntax error: %s',
    async (query) => {
      const { store } = await storeWith(ENTRIES)
      expect(await store.search(query)).toEqual([])
    },
  )
})

describe('SqliteStore: read-only', () => {
  it('a read-only open of a missing file is STORE_MISSING and creates nothing', async () => {
    const path = tempPath()
    await expectStoreError(SqliteStore.open(path, { readOnly: true }), 'STORE_MISSING')
    expect(existsSync(path)).toBe(false)
  })

  it('reads a store opened read-only, and refuses every write with STORE_READ_ONLY', async () => {
    const path = tempPath()
    const blob = textBlob('The pier reopened.')
    const doc = makeDocument(blob, 0)
    await (await open(path)).save(blob, [doc])
    const store = await SqliteStore.open(path, { readOnly: true })
    opened.push(store)
    expect(await store.getDocument(doc.id)).toEqual(doc)
    await expectStoreError(store.acquireWriter(), 'STORE_READ_ONLY')
    const other = textBlob('The ferry was late.', 'notes/b.txt')
    await expectStoreError(store.save(other, [makeDocument(other, 0)]), 'STORE_READ_ONLY')
  })

  it('reads a store that lacks only a migration writers use, and refuses one that lacks what readers need', async () => {
    const path = tempPath()
    await (await open(path)).close()
    const readable = await SqliteStore.open(path, { readOnly: true, migrations: [...MIGRATIONS, { ...NOTE_COLUMN, writersOnly: true }] })
    opened.push(readable)
    expect(await readable.countStories()).toBe(0)
    const old = tempPath()
    createLegacyStore(old, 2).close()
    const error = await expectStoreError(SqliteStore.open(old, { readOnly: true }), 'STORE_SCHEMA_OLD')
    expect(error.message).toContain('3 (stories)')
  })
})

describe('SqliteStore: the writer lease', () => {
  it('is taken over from a holder whose process has ended (killed, crashed)', async () => {
    const path = tempPath()
    const store = await open(path)
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    const db = new Database(path)
    db.prepare("INSERT INTO writer_lease (slot, token, pid, host, since) VALUES (1, 'gone', ?, ?, '2025-01-01T00:00:00Z')").run(dead, hostname())
    db.close()
    const told: unknown[] = []
    await (await store.acquireWriter({ waitMs: 0, onWait: (h) => told.push(h) })).release()
    expect(told).toEqual([])
  })

  it('names a holder on another host, and waits for it', async () => {
    const path = tempPath()
    const store = await open(path)
    const db = new Database(path)
    db.prepare("INSERT INTO writer_lease (slot, token, pid, host, since) VALUES (1, 'far', 1, 'elsewhere', '2025-01-01T00:00:00Z')").run()
    db.close()
    const error = await expectStoreError(store.acquireWriter({ waitMs: 0 }), 'STORE_BUSY')
    expect(error.message).toContain('pid 1 on elsewhere')
  })
})

describe('SqliteStore: checks', () => {
  it('finds a story whose article count differs from its members', async () => {
    const path = tempPath()
    await open(path)
    const db = new Database(path)
    db.exec(`INSERT INTO stories (id, seq, title, articles, outlets, updated_at, json, state) VALUES ('st-x', 1, 't', 3, 0, 'now', '{"articles":[]}', '{}');
      INSERT INTO story_checks (story_id, json) VALUES ('st-x', '{}')`)
    db.close()
    const store = await open(path)
    expect(await store.checkIntegrity()).toEqual([
      'stories whose article count differs from their members: 1 (st-x (3 counted, 0 members))',
      'stories whose article list differs from their article count: 1 (st-x)',
    ])
  })

  it('finds a signature without band keys (the bands have no index by document since migration 9)', async () => {
    const path = tempPath()
    const store = await open(path)
    const blob = textBlob('A signed document whose bands were lost.')
    const doc = makeDocument(blob, 0)
    await store.save(blob, [doc])
    await store.close()
    const db = new Database(path)
    db.prepare('INSERT INTO minhash_signatures (document_id, signature) VALUES (?, ?)').run(doc.id, Buffer.alloc(16))
    db.close()
    const reopened = await open(path)
    expect(await reopened.checkIntegrity()).toEqual([
      `signatures of documents in no story: 1 (${doc.id})`,
      `signatures without band keys: 1 (${doc.id})`,
    ])
  })
})
