/**
 * npm run bench:store-size — bytes per article on disk, the compact layout (migrations 6 and 9) beside
 * the layout before it, in the same run on the same articles (issue 11: goal ≤ 8 KB an article of
 * about 2.5 KB of text).
 *
 * Generated news (bench/lib/news.ts) goes through the real `analyze` (every stage, stories placed)
 * into a store of the current layout. The same documents and blobs are then written into a store of
 * the previous layout (schema 5, `test/helpers/legacy-store.ts`: one JSON row per layer, text as
 * TEXT), and the story tables copied over with stories, checks and states as JSON text (packed
 * since migration 9). Both are
 * measured as built and after VACUUM, table by table (SQLite's dbstat). Then the old store is
 * upgraded by migrations 6–9, timed, and measured again; and every document is read back from each
 * layout, timed.
 *
 *   npm run bench:store-size -- [--articles 4000]
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { analyze } from '../src/api/analyze.js'
import type { Document } from '../src/document/index.js'
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js'
import type { Blob } from '../src/store/store.js'
import { createLegacyStore, readLegacyDocument, saveLegacy } from '../test/helpers/legacy-store.js'
import { copyStoryTables } from './legacy-copy.js'
import { generateNews } from './lib/news.js'
import { printTable, ratio } from './lib/table.js'

const { values: args } = parseArgs({ options: { articles: { type: 'string', default: '4000' } } })
const ARTICLES = Number(args.articles)
const WORKERS = 2
const GOAL_BYTES = 8 * 1024

/** Tables and indexes by what they hold, so the two layouts' rows line up. */
const GROUPS: ReadonlyArray<readonly [group: string, test: (name: string) => boolean]> = [
  ['documents (text, markup, summary columns; now also layers)', (n) => n === 'documents' || n.startsWith('documents_by') || n === 'sqlite_autoindex_documents_1'],
  ['document_layers (one JSON row per layer) and its key', (n) => n.startsWith('document_layers') || n === 'sqlite_autoindex_document_layers_1'],
  ['blobs (raw input bytes)', (n) => n.includes('blobs')],
  ['full-text index', (n) => n.startsWith('documents_fts')],
  ['entity index', (n) => n.startsWith('entity_index')],
  ['stories (composed, and their clustering state), members, checks, threads', (n) => /^(stories|story_|threads|sqlite_autoindex_(stories|story_|threads))/.test(n)],
  ['MinHash signatures and bands, term frequencies, counters', (n) => /(minhash|term_frequencies|story_counters)/.test(n)],
]

await main()

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-store-size-'))
  try {
    const corpus = generateNews(join(dir, 'news'), ARTICLES)
    const inputs = readdirSync(join(dir, 'news')).sort().map((f) => join(dir, 'news', f))
    console.log(`bench:store-size: ${corpus.articles.toLocaleString('en-US')} generated articles, ${(corpus.bytes / corpus.articles / 1024).toFixed(2)} KB each as JSON Lines; analysing…`)

    const compact = join(dir, 'compact.db')
    const store = await SqliteStore.open(compact)
    const started = performance.now()
    const report = await analyze(inputs, { store, workers: WORKERS })
    console.log(`  analysed and placed ${report.documentsAdded.toLocaleString('en-US')} articles in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    const { docs, blobs } = await readAll(store)
    await store.close()

    const legacy = join(dir, 'legacy.db')
    const saveTimes = writeLegacy(legacy, compact, docs, blobs)
    const saveCompact = await timeCompactSave(join(dir, 'compact-save.db'), docs, blobs)

    const migrated = join(dir, 'migrated.db')
    copyFileSync(legacy, migrated)
    const migrateStarted = performance.now()
    await (await SqliteStore.open(migrated)).close()
    const migrateMs = performance.now() - migrateStarted

    const n = docs.length
    const sizes = { legacy: measure(legacy), compact: measure(compact), migrated: measure(migrated) }
    vacuum(legacy)
    vacuum(compact)
    vacuum(migrated)
    const packed = { legacy: measure(legacy), compact: measure(compact), migrated: measure(migrated) }

    printTable(
      `Store bytes per article by what they hold, after VACUUM (${n.toLocaleString('en-US')} articles; dbstat pages)`,
      ['tables', 'previous layout (schema 5)', 'compact layout (schema 9)', 'compact ÷ previous'],
      GROUPS.map(([group]) => [group, perArticle(packed.legacy.groups.get(group), n), perArticle(packed.compact.groups.get(group), n), ratio(packed.compact.groups.get(group) ?? 0, packed.legacy.groups.get(group) ?? 0)]),
    )
    const row = (label: string, legacyBytes: number, compactBytes: number): (string | number)[] =>
      [label, Math.round(legacyBytes / n), Math.round(compactBytes / n), ratio(compactBytes, legacyBytes), compactBytes / n <= GOAL_BYTES ? 'yes' : 'no']
    printTable(
      `Whole store, bytes per article (goal ≤ ${GOAL_BYTES.toLocaleString('en-US')})`,
      ['figure', 'previous layout', 'compact layout', 'compact ÷ previous', 'compact meets the goal'],
      [
        row('file as built (pages in use + free)', sizes.legacy.file, sizes.compact.file),
        row('file after VACUUM', packed.legacy.file, packed.compact.file),
        row('upgraded by migrations 6–9 (before VACUUM / after)', sizes.migrated.file, packed.migrated.file),
        row('documents, layers, blobs, full-text and entity index only', documentBytes(packed.legacy), documentBytes(packed.compact)),
      ],
    )
    const readLegacyMs = timeLegacyRead(legacy, docs)
    const readCompactMs = await timeCompactRead(compact, docs)
    printTable(
      'Time (ms per article, one thread)',
      ['figure', 'previous layout', 'compact layout', 'compact ÷ previous'],
      [
        ['save (blobs and documents, one transaction per input)', saveTimes / n, saveCompact / n, ratio(saveCompact, saveTimes)],
        ['read a whole document by id', readLegacyMs / n, readCompactMs / n, ratio(readCompactMs, readLegacyMs)],
        ['upgrade by migrations 6–9 (per article stored)', '—', migrateMs / n, '—'],
      ],
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function readAll(store: SqliteStore): Promise<{ docs: Document[]; blobs: Map<string, Blob> }> {
  const docs: Document[] = []
  const blobs = new Map<string, Blob>()
  for await (const doc of store.iterateDocuments()) {
    docs.push(doc)
    if (!blobs.has(doc.origin.blob)) {
      const bytes = (await store.getBlob(doc.origin.blob))!
      blobs.set(doc.origin.blob, { sha256: doc.origin.blob, bytes, input: doc.origin.input })
    }
  }
  return { docs, blobs }
}

/** The previous layout: documents written as schema 5 wrote them, story tables copied from the compact store. Returns the save time. */
function writeLegacy(path: string, compact: string, docs: readonly Document[], blobs: ReadonlyMap<string, Blob>): number {
  const db = createLegacyStore(path)
  const started = performance.now()
  for (const [sha, group] of groupByBlob(docs)) saveLegacy(db, blobs.get(sha)!, group)
  const ms = performance.now() - started
  copyStoryTables(db, compact)
  db.close()
  return ms
}

async function timeCompactSave(path: string, docs: readonly Document[], blobs: ReadonlyMap<string, Blob>): Promise<number> {
  const store = await SqliteStore.open(path)
  const started = performance.now()
  for (const [sha, group] of groupByBlob(docs)) await store.save(blobs.get(sha)!, group)
  const ms = performance.now() - started
  await store.close()
  return ms
}

function timeLegacyRead(path: string, docs: readonly Document[]): number {
  const db = new Database(path, { readonly: true })
  const started = performance.now()
  for (const doc of docs) readLegacyDocument(db, doc.id)
  const ms = performance.now() - started
  db.close()
  return ms
}

async function timeCompactRead(path: string, docs: readonly Document[]): Promise<number> {
  const store = await SqliteStore.open(path, { readOnly: true })
  const started = performance.now()
  for (const doc of docs) await store.getDocument(doc.id)
  const ms = performance.now() - started
  await store.close()
  return ms
}

function groupByBlob(docs: readonly Document[]): Map<string, Document[]> {
  const groups = new Map<string, Document[]>()
  for (const doc of docs) groups.set(doc.origin.blob, [...(groups.get(doc.origin.blob) ?? []), doc])
  return groups
}

interface Measured { readonly file: number; readonly groups: Map<string, number> }

function measure(path: string): Measured {
  const db = new Database(path)
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
    const groups = new Map<string, number>()
    for (const { name, bytes } of db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as Array<{ name: string; bytes: number }>) {
      const group = GROUPS.find(([, test]) => test(name))?.[0]
      if (group !== undefined) groups.set(group, (groups.get(group) ?? 0) + bytes)
    }
    return { file: statSync(path).size, groups }
  } finally {
    db.close()
  }
}

function vacuum(path: string): void {
  const db = new Database(path)
  db.exec('VACUUM')
  db.close()
}

function documentBytes(m: Measured): number {
  return GROUPS.slice(0, 5).reduce((sum, [group]) => sum + (m.groups.get(group) ?? 0), 0)
}

function perArticle(bytes: number | undefined, n: number): number {
  return Math.round((bytes ?? 0) / n)
}
