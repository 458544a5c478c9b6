/**
 * Save throughput of SqliteStore beside a bare better-sqlite3 peer that writes the same blobs and
 * documents as one JSON value per document (no layers table, no full-text index, no checks):
 * the floor of what storing these documents costs on this disk.
 *
 *   npx tsx bench/store.ts [documents=6000] [docsPerBlob=3]
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Document } from '../src/document/index.js'
import type { Blob } from '../src/store/store.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'

const DOCUMENTS = Number(process.argv[2] ?? 6000)
const DOCS_PER_BLOB = Number(process.argv[3] ?? 3)
/** Paragraphs per document: about 4,000 characters of source, a typical news article. */
const PARAGRAPHS = 12
const ROUNDS = 2

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex')

function buildBatch(b: number): { blob: Blob; docs: Document[] } {
  const bytes = new TextEncoder().encode(`bench input ${b}`)
  const blob: Blob = { sha256: sha256(bytes), bytes, input: `bench/${b}.html`, mediaType: 'text/html' }
  const docs = Array.from({ length: DOCS_PER_BLOB }, (_, i): Document => {
    const paragraphs = Array.from({ length: PARAGRAPHS }, (_, p) =>
      `Paragraph ${p} of item ${i} in input ${b}: the committee met on Tuesday and agreed to review the harbour budget before spring, members said.`.repeat(2))
    const source = paragraphs.join('\n')
    let at = 0
    const blocks = paragraphs.map((text) => {
      const block = { kind: 'paragraph' as const, spans: [{ start: at, end: at + text.length }] }
      at += text.length + 1
      return block
    })
    return {
      id: sha256(`${blob.sha256}#${i}`),
      origin: { input: blob.input, record: String(i), blob: blob.sha256, container: 'rss', url: `https://news.example/${b}/${i}` },
      charset: { name: 'utf-8', basis: 'valid-utf8', confidence: 1 },
      hints: { title: `Item ${i} of input ${b}` },
      source,
      layers: {
        clean: { blocks, removed: [], flags: [] },
        page: { candidates: [{ field: 'title', value: `Item ${i}`, basis: 'title' }] },
        metadata: {
          title: { value: `Item ${i} of input ${b}`, basis: 'feed:title', confidence: 0.9 },
          authors: [],
          published: { value: { date: '2024-05-01', precision: 'day' }, basis: 'feed:pubDate', confidence: 0.9 },
        },
      },
      messages: [],
    }
  })
  return { blob, docs }
}

async function timeStore(path: string, batches: ReturnType<typeof buildBatch>[]): Promise<number> {
  const store = await SqliteStore.open(path)
  const start = performance.now()
  for (const { blob, docs } of batches) await store.save(blob, docs)
  const ms = performance.now() - start
  await store.close()
  return ms
}

function timePeer(path: string, batches: ReturnType<typeof buildBatch>[]): number {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(`CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, bytes BLOB, input TEXT);
    CREATE TABLE documents (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, blob TEXT, json TEXT)`)
  const insertBlob = db.prepare('INSERT OR IGNORE INTO blobs VALUES (?, ?, ?)')
  const insertDoc = db.prepare('INSERT OR IGNORE INTO documents (id, blob, json) VALUES (?, ?, ?)')
  const save = db.transaction((blob: Blob, docs: Document[]) => {
    insertBlob.run(blob.sha256, Buffer.from(blob.bytes), blob.input)
    for (const doc of docs) insertDoc.run(doc.id, blob.sha256, JSON.stringify(doc))
  })
  const start = performance.now()
  for (const { blob, docs } of batches) save(blob, docs)
  const ms = performance.now() - start
  db.close()
  return ms
}

const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-store-'))
try {
  const batches = Array.from({ length: Math.ceil(DOCUMENTS / DOCS_PER_BLOB) }, (_, b) => buildBatch(b))
  const total = batches.length * DOCS_PER_BLOB
  // Interleaved rounds, best of each: the machine is shared, and neither side should be the one
  // that ran while the other engineers' jobs did.
  let storeMs = Infinity
  let peerMs = Infinity
  for (let round = 0; round < ROUNDS; round++) {
    for (const file of ['store.db', 'peer.db']) rmSync(join(dir, file), { force: true })
    storeMs = Math.min(storeMs, await timeStore(join(dir, 'store.db'), batches))
    peerMs = Math.min(peerMs, timePeer(join(dir, 'peer.db'), batches))
  }
  // Both are closed, so their WAL is checkpointed into the file.
  const sizeMb = (file: string): number => statSync(join(dir, file)).size / 1e6
  const rows = [
    ['documents/s (one transaction per blob)', total / (storeMs / 1000), total / (peerMs / 1000)],
    ['ms per blob save', storeMs / batches.length, peerMs / batches.length],
    ['database MB', sizeMb('store.db'), sizeMb('peer.db')],
  ] as const
  console.log(`${total} documents, ${batches.length} blobs of ${DOCS_PER_BLOB}, ~${batches[0]!.docs[0]!.source.length} chars each, best of ${ROUNDS} interleaved rounds`)
  console.log(['figure'.padEnd(40), 'SqliteStore'.padStart(12), 'bare peer'.padStart(12), 'ratio'.padStart(8)].join(''))
  for (const [name, ours, peer] of rows) {
    console.log([name.padEnd(40), ours.toFixed(2).padStart(12), peer.toFixed(2).padStart(12), (ours / peer).toFixed(2).padStart(8)].join(''))
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
