import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const storeModule = pathToFileURL(join(repoRoot, 'src/store/sqlite/sqlite-store.ts')).href

/** Inputs the writer saves in all; each yields DOCS_PER_BLOB documents, as a feed with three items would. */
const BLOBS = 1500
const DOCS_PER_BLOB = 3
/** Blobs the writer must have committed before each kill, so the kill lands mid-run. */
const KILL_AFTER_BLOBS = [200, 600, 1000]

// The writer, run as its own process so that SIGKILL stops it wherever it is, as a crash would.
// It skips stored blobs and saves one blob per transaction, as ingest does.
const WRITER = `
import { createHash } from 'node:crypto'
const { SqliteStore } = await import(${JSON.stringify(storeModule)})
const [path, total] = process.argv.slice(2)
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')
const store = await SqliteStore.open(path)
const paragraph = 'Water levels along the lower valley kept rising through the night. '.repeat(40)
for (let b = 0; b < Number(total); b++) {
  const bytes = new TextEncoder().encode('input ' + b + '\\n' + paragraph)
  const blob = { sha256: sha256(bytes), bytes, input: 'inputs/' + b + '.txt' }
  if (await store.hasBlob(blob.sha256)) continue
  const docs = [0, 1, 2].map((i) => {
    const source = 'item ' + i + ' of input ' + b + '\\n' + paragraph
    return {
      id: sha256(new TextEncoder().encode(blob.sha256 + '#' + i)),
      origin: { input: blob.input, record: String(i), blob: blob.sha256, container: 'text' },
      charset: { name: 'utf-8', basis: 'valid-utf8', confidence: 1 },
      hints: {},
      source,
      layers: {
        clean: { blocks: [{ kind: 'paragraph', spans: [{ start: 0, end: source.length }] }], removed: [], flags: [] },
        entities: {
          entities: [{ id: 'place:~lower-valley', type: 'place', name: 'lower valley', aliases: ['lower valley'], roles: [], known: false }],
          mentions: [{ span: { start: source.indexOf('lower valley'), end: source.indexOf('lower valley') + 12 }, entity: 'place:~lower-valley', kind: 'name', sentence: 0 }],
        },
      },
      messages: [],
    }
  })
  await store.save(blob, docs)
  process.stdout.write('saved ' + (b + 1) + '\\n')
}
await store.close()
process.stdout.write('done\\n')
`

const dir = mkdtempSync(join(tmpdir(), 'dossier-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const writerPath = join(dir, 'writer.mjs')
writeFileSync(writerPath, WRITER)

function startWriter(dbPath: string): ChildProcess {
  // node --import tsx in this one process: the tsx CLI would run a grandchild that SIGKILL misses.
  return spawn(process.execPath, ['--import', 'tsx', writerPath, dbPath, String(BLOBS)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Resolves with the writer's last "saved N" count once `until` is true of it, or at exit. */
function watchWriter(child: ChildProcess, until: (saved: number) => boolean): Promise<{ saved: number; done: boolean; stderr: string }> {
  return new Promise((resolvePromise) => {
    let saved = 0
    let done = false
    let stderr = ''
    let buffer = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        if (line === 'done') done = true
        else saved = Number(line.slice('saved '.length))
      }
      if (until(saved)) resolvePromise({ saved, done, stderr })
    })
    child.on('exit', () => resolvePromise({ saved, done, stderr }))
  })
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())))
}

interface Census {
  integrity: string
  documents: number
  blobs: number
  orphanDocuments: number
  blobsWithWrongCount: number
  duplicateIds: number
  documentsWithoutLayers: number
  documentsWithoutIndex: number
}

function takeCensus(dbPath: string): Census {
  const db = new Database(dbPath)
  const one = (sql: string): number => db.prepare(sql).pluck().get() as number
  const census = {
    integrity: db.pragma('integrity_check', { simple: true }) as string,
    documents: one('SELECT count(*) FROM documents'),
    blobs: one('SELECT count(*) FROM blobs'),
    orphanDocuments: one('SELECT count(*) FROM documents d LEFT JOIN blobs b ON b.sha256 = d.blob_sha256 WHERE b.sha256 IS NULL'),
    blobsWithWrongCount: one(`SELECT count(*) FROM blobs b WHERE (SELECT count(*) FROM documents d WHERE d.blob_sha256 = b.sha256) != ${DOCS_PER_BLOB}`),
    duplicateIds: one('SELECT count(*) FROM (SELECT id FROM documents GROUP BY id HAVING count(*) > 1)'),
    documentsWithoutLayers: one('SELECT count(*) FROM documents WHERE layers IS NULL'),
    // The entity index is written in the document's transaction: a kill never leaves one without the other.
    documentsWithoutIndex: one('SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM entity_index e WHERE e.document_id = d.id)'),
  }
  db.close()
  return census
}

describe('store: survives kill -9 of the writer', () => {
  it('keeps every committed blob whole, and a re-run completes the rest exactly once', async () => {
    const dbPath = join(dir, 'crash.db')
    let committedBeforeKills = 0
    for (const threshold of KILL_AFTER_BLOBS) {
      const child = startWriter(dbPath)
      const seen = await watchWriter(child, (saved) => saved >= threshold)
      expect(seen.done, `writer finished before it could be killed: ${seen.stderr}`).toBe(false)
      child.kill('SIGKILL')
      await exited(child)
      expect(child.signalCode).toBe('SIGKILL')

      const census = takeCensus(dbPath)
      expect(census.integrity).toBe('ok')
      expect(census.orphanDocuments).toBe(0)
      expect(census.blobsWithWrongCount).toBe(0)
      expect(census.documents).toBe(census.blobs * DOCS_PER_BLOB)
      expect(census.documentsWithoutIndex).toBe(0)
      // Every commit the writer reported survives the kill (synchronous=NORMAL in WAL mode).
      expect(census.blobs).toBeGreaterThanOrEqual(seen.saved)
      committedBeforeKills = census.blobs
    }
    expect(committedBeforeKills).toBeLessThan(BLOBS)

    const store = await SqliteStore.open(dbPath)
    expect(await store.checkIntegrity()).toEqual([])
    await store.close()

    const finisher = startWriter(dbPath)
    const last = await watchWriter(finisher, () => false)
    await exited(finisher)
    expect(last.done, last.stderr).toBe(true)

    const census = takeCensus(dbPath)
    expect(census).toEqual({
      integrity: 'ok',
      documents: BLOBS * DOCS_PER_BLOB,
      blobs: BLOBS,
      orphanDocuments: 0,
      blobsWithWrongCount: 0,
      duplicateIds: 0,
      documentsWithoutLayers: 0,
      documentsWithoutIndex: 0,
    })
  })
})
