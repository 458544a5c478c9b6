import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateNews } from '../../bench/lib/news.js'
import { storeInputs } from '../../src/api/ingest.js'
import { updateStories } from '../../src/api/stories.js'
import { allStageNames } from '../../src/pipeline/process.js'
import { openStore, type Store } from '../../src/store/index.js'
import { PICTURE_DIR, PICTURE_NEWS_ARTICLES, PICTURE_NEWS_SEED, pictureInputs } from '../helpers/story-picture-inputs.js'
import { digestPicture, storyPicture } from '../helpers/story-picture.js'

// The story step's run workspace (issue 11) under pressure: emptied again and again by a tiny
// memory limit, and thrown away by a failed write, placement still gives the picture recorded on
// main before the workspace existed (test/fixtures/story-picture/news.json), each article once.

let dir = ''
/** A store holding the generated news annotated and in no story yet; each test places a copy of it. */
let annotated = ''
const recorded = JSON.parse(readFileSync(join(PICTURE_DIR, 'news.json'), 'utf8')) as unknown

async function withCopy<T>(name: string, run: (store: Store, path: string) => Promise<T>): Promise<T> {
  const path = join(dir, `${name}.db`)
  copyFileSync(annotated, path)
  const store = await openStore({ path })
  try {
    return await run(store, path)
  } finally {
    await store.close()
  }
}

describe('story workspace: same stories when it empties itself or a write fails', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-workspace-'))
    generateNews(join(dir, 'news'), PICTURE_NEWS_ARTICLES, PICTURE_NEWS_SEED)
    annotated = join(dir, 'annotated.db')
    const store = await openStore({ path: annotated })
    try {
      await storeInputs(pictureInputs(join(dir, 'news')).news!, { store, workers: 0 }, { stages: allStageNames(), complete: 'missing' })
    } finally {
      await store.close()
    }
    expect(existsSync(`${annotated}-wal`) ? readFileSync(`${annotated}-wal`).length : 0).toBe(0)
  }, 900_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('a workspace emptied after every page (each page reads the store afresh, as before issue 11) places as the long-lived one does', async () => {
    const fresh = await withCopy('fresh', async (store) => {
      await updateStories(store, { memory: { maxStories: 0, maxMembers: 0 } })
      return storyPicture(store)
    })
    const kept = await withCopy('kept', async (store) => {
      await updateStories(store)
      return storyPicture(store)
    })
    expect(kept).toEqual(fresh)
    expect(digestPicture(kept)).toEqual(recorded)
  }, 900_000)

  it('a workspace holding at most 40 stories and 10 members (emptied every page or two) places as recorded', async () => {
    await withCopy('small', async (store) => {
      const report = await updateStories(store, { memory: { maxStories: 40, maxMembers: 10 } })
      expect(report.placed).toBe(PICTURE_NEWS_ARTICLES)
      expect(digestPicture(await storyPicture(store))).toEqual(recorded)
    })
  }, 900_000)

  it('a story write that fails midway stops the run with nothing of that page stored; the next run finishes it as recorded', async () => {
    await withCopy('fault', async (store, path) => {
      // A real failure inside the store's transaction: SQLite refuses the 701st membership row.
      const db = new Database(path)
      db.exec(`CREATE TRIGGER refuse_members BEFORE INSERT ON story_members WHEN (SELECT count(*) FROM story_members) >= 700
        BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
      db.close()
      await expect(updateStories(store)).rejects.toThrow(/injected failure/)
      const members = (): number => {
        const check = new Database(path, { readonly: true })
        try {
          return check.prepare('SELECT count(*) FROM story_members').pluck().get() as number
        } finally {
          check.close()
        }
      }
      const before = members()
      expect(before).toBeGreaterThan(0)
      expect(before).toBeLessThanOrEqual(700)
      const fix = new Database(path)
      fix.exec('DROP TRIGGER refuse_members')
      fix.close()
      const report = await updateStories(store)
      expect(report.placed).toBe(PICTURE_NEWS_ARTICLES - before)
      expect(members()).toBe(PICTURE_NEWS_ARTICLES)
      expect(digestPicture(await storyPicture(store))).toEqual(recorded)
    })
  }, 900_000)
})
