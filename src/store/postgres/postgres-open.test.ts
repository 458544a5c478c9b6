import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, dropDatabase, postgresUnavailable, uniqueDatabaseName, urlOf, type TestDatabase } from '../../../test/helpers/postgres.js'
import { SearchSyntaxError, StoreError } from '../../errors.js'
import { blobOf, makeDocument } from '../contract.js'
import { openStore } from '../open.js'
import { redactUrl } from './connection.js'
import { PG_MIGRATIONS } from './migrations/index.js'
import { PostgresStore } from './postgres-store.js'

const unavailable = await postgresUnavailable()

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(StoreError)
  return error as StoreError
}

const blobOfText = (text: string) => blobOf(new TextEncoder().encode(text), `notes/${text.length}.txt`)

describe.skipIf(unavailable !== undefined)('PostgresStore: opening, failures and recovery', () => {
  let db: TestDatabase
  const opened: PostgresStore[] = []
  const open = async (url: string, options: { readOnly?: boolean } = {}): Promise<PostgresStore> => {
    const store = await PostgresStore.open(url, options)
    opened.push(store)
    return store
  }
  beforeAll(async () => {
    db = await createTestDatabase('open')
  })
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()))
    await db?.drop()
  })

  it('a read never creates a store: a missing database is STORE_MISSING and stays missing', async () => {
    const name = uniqueDatabaseName('missing')
    const error = await storeError(openStore({ path: urlOf(name), mode: 'read' }))
    expect(error.code).toBe('STORE_MISSING')
    expect(error.message).toContain(name)
    const found = await db.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    expect(found.rowCount).toBe(0)
  })

  it('a write creates the database and migrates it; a read then opens it', async () => {
    const name = uniqueDatabaseName('created')
    try {
      const store = await open(urlOf(name))
      expect(store.schemaVersion).toBe(PG_MIGRATIONS.length)
      const reader = await open(urlOf(name), { readOnly: true })
      expect(await reader.countDocuments()).toBe(0)
    } finally {
      await Promise.all(opened.splice(0).map((s) => s.close()))
      await dropDatabase(name)
    }
  })

  it('an empty schema read is STORE_MISSING; a database of other tables is STORE_NOT_DOSSIER', async () => {
    const empty = await db.newStoreUrl()
    expect((await storeError(PostgresStore.open(empty, { readOnly: true }))).code).toBe('STORE_MISSING')
    const foreign = await db.newStoreUrl()
    const schema = new URL(foreign).searchParams.get('options')!.split('=')[1]!
    await db.query(`CREATE TABLE ${schema}.invoices (id int)`)
    expect((await storeError(PostgresStore.open(foreign))).code).toBe('STORE_NOT_DOSSIER')
  })

  it('a store written by a newer Dossier is refused, not half-read', async () => {
    const url = await db.newStoreUrl()
    await (await open(url)).close()
    const schema = new URL(url).searchParams.get('options')!.split('=')[1]!
    await db.query(`INSERT INTO ${schema}.dossier_schema (version, name) VALUES (99, 'from the future')`)
    expect((await storeError(PostgresStore.open(url))).code).toBe('STORE_SCHEMA_TOO_NEW')
  })

  it('a read-only store refuses the writer lease and every write with STORE_READ_ONLY', async () => {
    const url = await db.newStoreUrl()
    await (await open(url)).close()
    const reader = await open(url, { readOnly: true })
    expect((await storeError(reader.acquireWriter())).code).toBe('STORE_READ_ONLY')
    const blob = blobOfText('Read-only stores keep nothing.')
    expect((await storeError(reader.save(blob, [makeDocument(blob, 0)]))).code).toBe('STORE_READ_ONLY')
    expect(await reader.countDocuments()).toBe(0)
  })

  it('a server that cannot be reached is STORE_UNREACHABLE, and the message hides the password', async () => {
    const error = await storeError(PostgresStore.open('postgres://dossier:s3cret@127.0.0.1:1/nowhere'))
    expect(error.code).toBe('STORE_UNREACHABLE')
    expect(error.message).not.toContain('s3cret')
    expect(redactUrl('postgres://dossier:s3cret@db:5432/news')).toBe('postgres://dossier:***@db:5432/news')
  })

  it('keeps NUL characters and lone surrogates code unit for code unit, in text and in listings', async () => {
    const store = await open(await db.newStoreUrl())
    const blob = blobOfText('{"text": "a \\u0000 b"}')
    const base = makeDocument(blob, 0, { full: true })
    const doc = { ...base, source: `${base.source} nul \0 here \ud800`, origin: { ...base.origin, input: 'feed\0\udc00.jsonl' } }
    await store.save(blob, [doc])
    expect(await store.getDocument(doc.id)).toEqual(doc)
    expect((await store.listDocuments())[0]?.input).toBe(doc.origin.input)
  })

  it('lives through the server ending its idle connections: the next call reconnects', async () => {
    const url = await db.newStoreUrl()
    const store = await open(url)
    const blob = blobOfText('Connections come and go.')
    await store.save(blob, [makeDocument(blob, 0)])
    // An administrator (or a restart) ends every session of the store; the pool's idle clients get an error event.
    await db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'dossier' AND pid <> pg_backend_pid()")
    await new Promise((r) => setTimeout(r, 200))
    expect(await store.countDocuments()).toBe(1)
  })

  it('frees the writer lease when its holder\'s session dies, as a killed writer would', async () => {
    const url = await db.newStoreUrl()
    const store = await open(url)
    await store.acquireWriter()
    await expect(store.acquireWriter({ waitMs: 0 })).rejects.toMatchObject({ code: 'STORE_BUSY' })
    await db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'dossier' AND pid <> pg_backend_pid()")
    const next = await store.acquireWriter({ waitMs: 5_000 })
    await next.release()
  })

  it('a writer on another connection waits for the lease and is named (pid, host) while it does', async () => {
    const url = await db.newStoreUrl()
    const first = await open(url)
    const second = await open(url)
    const lease = await first.acquireWriter()
    const error = await storeError(second.acquireWriter({ waitMs: 200 }))
    expect(error.code).toBe('STORE_BUSY')
    expect(error.message).toContain(`pid ${process.pid}`)
    await lease.release()
    await (await second.acquireWriter({ waitMs: 0 })).release()
  })

  it('no search makes the server fail: any text in either mode finds documents or is a SEARCH_SYNTAX error', async () => {
    const store = await open(await db.newStoreUrl())
    const blob = blobOfText('Ferry strike ends at the harbour; U.S. officials said 5,459 crossed.')
    await store.save(blob, [{ ...makeDocument(blob, 0), source: 'Ferry strike ends at the harbour; U.S. officials said 5,459 crossed.' }])
    const pieces = fc.constantFrom('ferry', 'strike', 'AND', 'OR', 'NOT', 'NEAR(', '(', ')', '"', '*', ',', ' ', '5', "'", '\\', ':', '&', '|', '!', '<->', '\0', 'é', '\ud800')
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 12 }), fc.boolean(), async (parts, advanced) => {
        const text = parts.join(advanced ? ' ' : '')
        const query = advanced ? { text, mode: 'advanced' as const } : text
        try {
          await store.search(query)
          await store.countSearch(query, 10)
        } catch (error) {
          expect(error).toBeInstanceOf(SearchSyntaxError)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('ranks the document with more of the words first', async () => {
    const store = await open(await db.newStoreUrl())
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const blob = blobOfText(`Harbour report ${i}`)
      const doc = { ...makeDocument(blob, 0), source: `harbour ${'harbour '.repeat(i)}report ${i}` }
      await store.save(blob, [doc])
      ids.push(doc.id)
    }
    const ranked = (await store.search('harbour')).map((h) => h.id)
    expect(ranked).toHaveLength(3)
    expect(ranked[0]).toBe(ids[2])
  })
})
