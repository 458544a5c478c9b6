import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { StoreError } from '../../errors.js'
import { blobOf, makeDocument } from '../contract.js'
import { packBytes, packJson, packLayers, packText, UnpackableValueError, unpackBytes, unpackJson, unpackLayers, unpackText } from './packed.js'
import { SqliteStore } from './sqlite-store.js'

describe('packed values', () => {
  it.each([
    ['empty text', ''],
    ['plain words', 'The ferry left at dawn.'],
    ['letters outside Latin-1 and an emoji', 'Привет, 東京 — ✓ 🚢'],
    ['lone surrogates', 'a\ud800b\udc00'],
    ['text longer than the deflate window', 'harbour '.repeat(10_000)],
  ])('text round-trips code unit for code unit: %s', (_label, text) => {
    expect(unpackText(packText(text))).toBe(text)
  })

  it.each([
    ['no bytes', new Uint8Array(0)],
    ['repetitive bytes', new TextEncoder().encode('<p>pier</p>'.repeat(500))],
    ['bytes deflate cannot shrink', Uint8Array.from({ length: 64 }, (_, i) => (i * 151 + 7) % 256)],
  ])('bytes round-trip verbatim: %s', (_label, bytes) => {
    expect(Array.from(unpackBytes(packBytes(bytes)))).toEqual(Array.from(bytes))
  })

  it('keeps bytes deflate cannot shrink at their size plus the format byte', () => {
    const bytes = Uint8Array.from([0x9f, 0x13, 0xe2, 0x44, 0x07])
    expect(packBytes(bytes).byteLength).toBe(bytes.byteLength + 1)
  })

  it.each([
    ['a short text', 'Ada Brennan said the pier would reopen.'],
    ['text longer than the deflate window', 'Ada Brennan said the pier would reopen. '.repeat(2_000)],
    ['text with a lone surrogate', 'Ada \ud800 Brennan'],
  ])('layers round-trip against their source: %s', (_label, source) => {
    const json = JSON.stringify({ entities: { entities: [{ id: 'person:~ada-brennan', name: 'Ada Brennan', aliases: ['Ada Brennan', 'Brennan'] }] } })
    expect(unpackLayers(packLayers(json, source), source)).toBe(json)
  })

  it('packs layers that copy the text smaller than the same layers packed alone', () => {
    const source = 'Ada Brennan, the harbour master of Northport, said the pier would reopen in March. '.repeat(4)
    const json = JSON.stringify({ quotes: [{ text: 'the pier would reopen in March', speaker: 'Ada Brennan, the harbour master of Northport' }] })
    expect(packLayers(json, source).byteLength).toBeLessThan(packLayers(json, '').byteLength)
  })

  it.each([
    ['an empty value', () => unpackText(Buffer.alloc(0)), 'empty'],
    ['an unknown format byte', () => unpackText(Buffer.from([0x7f, 1, 2])), '0x7f'],
    ['bytes given as text', () => unpackText(packBytes(new TextEncoder().encode('pier '.repeat(40)))), '0x10'],
    ['a damaged deflate stream', () => unpackText(Buffer.from([0x01, 0xff, 0xff, 0xff])), 'does not inflate'],
    ['text given as JSON', () => unpackJson(packText('{"id":"st-1"}')), '0x01'],
    ['a damaged JSON pack', () => unpackJson(Buffer.from([0x30, 0xff, 0xff, 0xff])), 'does not inflate'],
  ])('refuses %s with an UnpackableValueError saying why', (_label, unpack, reason) => {
    expect(unpack).toThrow(UnpackableValueError)
    expect(unpack).toThrow(reason)
  })
})

describe('packed JSON (stories, checks, states)', () => {
  it('gives back the JSON text it packed, and takes a row of JSON text (written before migration 9) as it is', () => {
    const json = JSON.stringify({ id: 'st-1', title: 'Ферри «Северный» 東京', articles: [{ id: 'a', similarity: 0.123456789012345 }], note: 'lone \ud800 escaped' })
    expect(unpackJson(packJson(json))).toBe(json)
    expect(packJson(json)[0]).toBe(0x30)
    expect(unpackJson(json)).toBe(json)
  })
})

describe('SqliteStore: a damaged packed row', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-packed-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is STORE_CORRUPT naming the document when read, and a finding of dossier check', async () => {
    const path = join(dir, 'damaged.db')
    const blob = blobOf(new TextEncoder().encode('Two documents, one damaged.'), 'notes/a.txt')
    const docs = [0, 1].map((i) => makeDocument(blob, i, { full: true }))
    const store = await SqliteStore.open(path)
    try {
      await store.save(blob, docs)
      const db = new Database(path)
      db.prepare('UPDATE documents SET layers = ? WHERE id = ?').run(Buffer.from([0x21, 0xde, 0xad]), docs[1]!.id)
      db.close()
      expect(await store.getDocument(docs[0]!.id)).toEqual(docs[0])
      const error = await store.getDocument(docs[1]!.id).then(() => undefined, (e: unknown) => e)
      expect(error).toBeInstanceOf(StoreError)
      expect((error as StoreError).code).toBe('STORE_CORRUPT')
      expect((error as StoreError).message).toContain(`document ${docs[1]!.id}`)
      const problems = await store.checkIntegrity()
      expect(problems).toHaveLength(1)
      expect(problems[0]).toContain(`documents that do not unpack: 1 (${docs[1]!.id}`)
    } finally {
      await store.close()
    }
  })
})
