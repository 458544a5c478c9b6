import { MIGRATIONS } from './index.js'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import type { Document } from '../../../document/index.js'
import { StoreError } from '../../../errors.js'
import { createLegacyStore, saveLegacy } from '../../../../test/helpers/legacy-store.js'
import { blobOf, entitiesLayer, makeDocument } from '../../contract.js'
import type { Blob } from '../../store.js'
import { SqliteStore } from '../sqlite-store.js'

const dir = mkdtempSync(join(tmpdir(), 'dossier-006-'))
let files = 0
const tempPath = (): string => join(dir, `store-${files++}.db`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const textBlob = (text: string, input = 'notes/a.txt'): Blob => blobOf(new TextEncoder().encode(text), input)

/** What a store of the old layout held: documents of every shape the old columns had to carry. */
function oldDocuments(blob: Blob): Document[] {
  const full = makeDocument(blob, 0, { full: true })
  const withEntities: Document = {
    ...makeDocument(blob, 1, { full: true }),
    layers: { ...full.layers, entities: entitiesLayer([['person:~ada-brennan', 'person', 'Ada Brennan', 2], ['country:NO', 'country', 'Norway', 1]]) },
  }
  const loneSurrogates: Document = { ...makeDocument(blob, 2, { full: true }), source: 'A broken \ud800 escape, and \udc00 another.', markup: '<p>broken \ud800</p>' }
  // Longer than deflate's 32 KB window, so the layers' dictionary holds only the end of the text.
  const long = 'The harbour authority met again on the question of the northern pier. '.repeat(600)
  const longDoc: Document = {
    ...makeDocument(blob, 3),
    source: long,
    layers: { clean: { blocks: [{ kind: 'paragraph', spans: [{ start: 0, end: long.length }] }], removed: [], flags: [] } },
  }
  const extraFields = { ...makeDocument(blob, 4), origin: { ...makeDocument(blob, 4).origin, mirror: 'b' }, later: { field: [1, 2] } } as Document
  const noLayers = makeDocument(blob, 5)
  return [full, withEntities, loneSurrogates, longDoc, extraFields, noLayers]
}

describe('migration 006: compact documents', () => {
  it('reads a store written in the layout of schema 5 back equal after the upgrade', async () => {
    const path = tempPath()
    const db = createLegacyStore(path)
    const blob = textBlob('The river rose two metres overnight.')
    const docs = oldDocuments(blob)
    saveLegacy(db, blob, docs)
    const opaque = blobOf(Uint8Array.from([0xff, 0x00, 0xfe, 0x80, 0x41]), 'input.bin')
    saveLegacy(db, opaque, [])
    db.close()

    const store = await SqliteStore.open(path)
    try {
      // Upgraded through 6 to the newest schema.
      expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)!.version)
      for (const doc of docs) expect(await store.getDocument(doc.id)).toEqual(doc)
      expect(Buffer.from((await store.getBlob(blob.sha256))!)).toEqual(Buffer.from(blob.bytes))
      expect(Array.from((await store.getBlob(opaque.sha256))!)).toEqual(Array.from(opaque.bytes))
      expect((await store.search('harbour northern pier')).map((h) => h.id)).toEqual([docs[3]!.id])
      expect(await store.listEntities()).toEqual([
        { id: 'person:~ada-brennan', type: 'person', name: 'Ada Brennan', documents: 1, mentions: 2 },
        { id: 'country:NO', type: 'country', name: 'Norway', documents: 1, mentions: 1 },
      ])
      const seen: string[] = []
      for await (const doc of store.iterateDocuments({ pageSize: 4 })) seen.push(doc.id)
      expect(seen).toEqual(docs.map((d) => d.id))
      expect(await store.checkIntegrity()).toEqual([])
    } finally {
      await store.close()
    }
    const after = new Database(path, { readonly: true })
    expect(after.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'document_layers'").pluck().get()).toBe(0)
    after.close()
  })

  it('converts a store larger than one page of its conversion', async () => {
    const path = tempPath()
    const db = createLegacyStore(path)
    const blobs = Array.from({ length: 30 }, (_, i) => textBlob(`Feed number ${i} of the harbour coverage.`, `feeds/${i}.xml`))
    const docs = blobs.map((b) => Array.from({ length: 20 }, (_, k) => makeDocument(b, k, { full: true })))
    blobs.forEach((b, i) => saveLegacy(db, b, docs[i]!))
    db.close()
    const store = await SqliteStore.open(path)
    try {
      let count = 0
      for await (const doc of store.iterateDocuments()) {
        expect(doc).toEqual(docs[Math.floor(count / 20)]![count % 20])
        count++
      }
      expect(count).toBe(600)
      for (const b of blobs) expect(Buffer.from((await store.getBlob(b.sha256))!)).toEqual(Buffer.from(b.bytes))
    } finally {
      await store.close()
    }
  })

  it('leaves the store at schema 5, every row as it was, when the conversion fails part-way', async () => {
    const path = tempPath()
    const db = createLegacyStore(path)
    const blob = textBlob('Three documents, the last one refuses its update.')
    const docs = [0, 1, 2].map((i) => makeDocument(blob, i, { full: true }))
    saveLegacy(db, blob, docs)
    db.exec(`CREATE TRIGGER refuse AFTER UPDATE ON documents WHEN NEW.id = '${docs[2]!.id}' BEGIN SELECT RAISE(ABORT, 'forced failure'); END`)
    const before = db.prepare('SELECT source, markup FROM documents ORDER BY seq').all()
    db.close()

    const error = await SqliteStore.open(path).then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe('STORE_MIGRATION_FAILED')
    expect((error as StoreError).message).toContain('6 (compact documents)')
    const check = new Database(path, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(5)
    expect(check.prepare('SELECT source, markup FROM documents ORDER BY seq').all()).toEqual(before)
    expect(check.prepare('SELECT count(*) FROM document_layers').pluck().get()).toBe(docs.length * 3)
    check.close()
  })

  it('asks for a write command when a reader opens a store of the old layout', async () => {
    const path = tempPath()
    createLegacyStore(path).close()
    const error = await SqliteStore.open(path, { readOnly: true }).then(() => undefined, (e: unknown) => e)
    expect((error as StoreError).code).toBe('STORE_SCHEMA_OLD')
    expect((error as StoreError).message).toContain('6 (compact documents)')
  })
})
