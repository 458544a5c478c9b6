import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../bench/lib/random.js'
import { analyze } from '../../src/api/analyze.js'
import { openStore } from '../../src/store/index.js'
import { runCli } from '../helpers/cli.js'
import { exampleCorpus } from './store-harness.js'

// Issue 10, finding 7: with one page of the file overwritten, commands exited 0 and nothing said
// the store was damaged. Now `dossier check` finds it, a command that reads the page fails with
// exit 3 and a plain message pointing at `dossier check`, and a damaged header fails every
// command at open.

const dir = mkdtempSync(join(tmpdir(), 'dossier-corrupt-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const corpus = exampleCorpus(join(dir, 'corpus'))
const sound = join(dir, 'sound.db')

beforeAll(async () => {
  const store = await openStore({ path: sound })
  expect((await analyze([corpus.dir], { store, workers: 0 })).rejected).toEqual([])
  await store.close()
}, 120_000)

/** A copy of the sound store with page `page` (1-based) overwritten by seeded noise. */
function damaged(name: string, page: (db: Database.Database) => number): string {
  const path = join(dir, name)
  copyFileSync(sound, path)
  const db = new Database(path, { readonly: true })
  const size = db.pragma('page_size', { simple: true }) as number
  const target = page(db)
  db.close()
  const random = mulberry32(target)
  const noise = Buffer.from(Array.from({ length: size }, () => Math.floor(random() * 256)))
  const fd = openSync(path, 'r+')
  writeSync(fd, noise, 0, size, (target - 1) * size)
  closeSync(fd)
  return path
}

/** The page of the stories table nearest the middle of the file. */
function middleStoriesPage(db: Database.Database): number {
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'stories' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[]
  const middle = (db.pragma('page_count', { simple: true }) as number) / 2
  return pages.reduce((best, p) => (Math.abs(p - middle) < Math.abs(best - middle) ? p : best))
}

describe('store: a damaged file', () => {
  it('dossier check finds a page overwritten in the middle of the file, and a sound store checks clean', async () => {
    const ok = await runCli(['check', '--db', sound])
    expect(ok.code, ok.stdout + ok.stderr).toBe(0)
    expect(ok.stderr).toContain('sound')

    const path = damaged('middle.db', middleStoriesPage)
    const run = await runCli(['check', '--db', path])
    expect(run.code).toBe(3)
    expect(run.stdout.trim().split('\n').length).toBeGreaterThan(0)
    expect(run.stderr).toMatch(/\d+ problems? found/)
  })

  it.each([
    ['stories', ['stories']],
    ['export --what stories', ['export', '--what', 'stories']],
  ])('%s on a store with a damaged stories page: exit 3, one plain message pointing at dossier check', async (_label, args) => {
    const path = damaged(`read-${args[0]}.db`, middleStoriesPage)
    const run = await runCli([...args, '--db', path])
    expect(run.code).toBe(3)
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('the store file is damaged')
    expect(errors[0]).toContain(`dossier check --db ${path}`)
    expect(errors[0]).toContain('[STORE_CORRUPT]')
  })

  it.each([
    ['list', ['list']],
    ['analyze', ['analyze', '--briefs', '0']],
    ['check', ['check']],
  ])('%s on a store whose first page (header and schema) is damaged fails at open with exit 3', async (label, args) => {
    const path = damaged(`header-${label}.db`, () => 1)
    const run = await runCli(label === 'analyze' ? [...args, corpus.dir, '--db', path] : [...args, '--db', path])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('[STORE_CORRUPT]')
    expect(run.stderr.split('\n').filter((l) => l.startsWith('error'))).toHaveLength(1)
  })
})
