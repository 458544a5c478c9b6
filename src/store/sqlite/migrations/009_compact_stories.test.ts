import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { analyze } from '../../../api/analyze.js'
import type { StoryCheck } from '../../../document/index.js'
import type { StoredStoryState } from '../../store.js'
import { unpackJson } from '../packed.js'
import { SqliteStore } from '../sqlite-store.js'
import { MIGRATIONS } from './index.js'

const EXAMPLES = resolve(import.meta.dirname, '../../../../examples')
const dir = mkdtempSync(join(tmpdir(), 'dossier-009-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Picture { stories: unknown[]; checks: Array<StoryCheck | undefined>; states: StoredStoryState[] }

async function pictureOf(store: SqliteStore): Promise<Picture> {
  const ids = (await store.listStories({ order: 'recent', limit: 100 })).map((s) => s.id).sort()
  return {
    stories: await Promise.all(ids.map((id) => store.getStory(id))),
    checks: await Promise.all(ids.map((id) => store.getStoryCheck(id))),
    states: (await store.loadStoryStates({ ids })).sort((a, b) => a.id.localeCompare(b.id)),
  }
}

/** The story columns of a store, raw: packed values are Buffers, JSON text strings. */
function rawColumns(path: string): Array<string | Buffer> {
  const db = new Database(path, { readonly: true })
  try {
    const stories = db.prepare('SELECT json, state FROM stories').raw().all() as Array<Array<string | Buffer>>
    return [...stories.flat(), ...(db.prepare('SELECT json FROM story_checks').pluck().all() as Array<string | Buffer>)]
  } finally {
    db.close()
  }
}

describe('migration 009: compact stories', () => {
  it('packs the stories, checks and states a schema-8 store kept as JSON text; they read back equal, read-only before it and after it', async () => {
    const path = join(dir, 'examples.db')
    const store = await SqliteStore.open(path)
    await analyze([EXAMPLES], { store, workers: 0 })
    const before = await pictureOf(store)
    await store.close()
    expect(before.stories.length).toBeGreaterThan(3)
    expect(rawColumns(path).every((v) => Buffer.isBuffer(v) && v[0] === 0x30)).toBe(true)

    // The same store as schema 8 wrote it: JSON text in the story columns.
    const db = new Database(path)
    db.function('dossier_json', { deterministic: true }, (value: unknown) => unpackJson(value as string | Buffer))
    db.exec(`UPDATE stories SET json = dossier_json(json), state = dossier_json(state); UPDATE story_checks SET json = dossier_json(json);
      CREATE INDEX minhash_bands_by_document ON minhash_bands (document_id); PRAGMA user_version = 8`)
    db.close()
    expect(rawColumns(path).every((v) => typeof v === 'string')).toBe(true)

    const readOnly = await SqliteStore.open(path, { readOnly: true })
    expect(readOnly.schemaVersion).toBe(8)
    expect(await pictureOf(readOnly)).toEqual(before)
    expect(await readOnly.checkIntegrity()).toEqual([])
    await readOnly.close()

    const upgraded = await SqliteStore.open(path)
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.at(-1)!.version)
    expect(await pictureOf(upgraded)).toEqual(before)
    expect(await upgraded.checkIntegrity()).toEqual([])
    await upgraded.close()
    expect(rawColumns(path).every((v) => Buffer.isBuffer(v) && v[0] === 0x30)).toBe(true)
    const schema = new Database(path, { readonly: true })
    expect(schema.prepare("SELECT name FROM sqlite_schema WHERE name = 'minhash_bands_by_document'").all()).toEqual([])
    schema.close()
  }, 60_000)
})
