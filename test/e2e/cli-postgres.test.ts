import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/api/analyze.js'
import { main } from '../../src/cli/main.js'
import { openStore } from '../../src/store/index.js'
import type { Output } from '../../src/cli/output.js'
import { REPO_ROOT, runCli, type CliRun } from '../helpers/cli.js'
import { dropDatabase, postgresUnavailable, uniqueDatabaseName, urlOf } from '../helpers/postgres.js'

const unavailable = await postgresUnavailable()
const EXAMPLES = join(REPO_ROOT, 'examples')
/** The CLI in this process (a spawned one takes seconds to start on a busy machine): exit code and stdout. */
async function inProcess(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = []
  const stderr: string[] = []
  const out: Output = {
    data: (text) => stdout.push(text.endsWith('\n') ? text : `${text}\n`),
    write: (chunk) => { stdout.push(chunk); return Promise.resolve() },
    error: (text) => stderr.push(text),
    warn: (text) => stderr.push(text),
    info: (text) => stderr.push(text),
    progress: () => {},
    endProgress: () => {},
  }
  const code = await main(args, out)
  return { code, stdout: stdout.join(''), stderr: stderr.join('\n') }
}

const KINDS = ['articles', 'entities', 'quotes', 'claims', 'events', 'times', 'stories', 'conflicts', 'timelines'] as const

describe.skipIf(unavailable !== undefined)('dossier on PostgreSQL: migrate, then every command on the copy', () => {
  let dir: string
  let sqlite: string
  const copy = uniqueDatabaseName('migrate')
  const direct = uniqueDatabaseName('analyze')
  let migrated: CliRun
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-pg-cli-'))
    sqlite = join(dir, 'examples.db')
    const analyzed = await runCli(['analyze', EXAMPLES, '--db', sqlite, '--briefs', '0'])
    expect(analyzed.code).toBe(0)
    migrated = await runCli(['migrate', '--from', sqlite, '--to', urlOf(copy)])
  }, 240_000)
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await dropDatabase(copy)
    await dropDatabase(direct)
  })

  it('migrate copies the store and says what it copied, exit 0', () => {
    expect(migrated.stderr).toContain('documents: 16 rows')
    expect(migrated.code).toBe(0)
    expect(migrated.stdout).toMatch(/^copied .* → postgres:\/\/.*: 16 documents, \d+ stories/m)
  })

  it.each(KINDS)('export --what %s of the copy equals the SQLite store\'s, byte for byte', async (what) => {
    const fromSqlite = await inProcess(['export', '--what', what, '--db', sqlite])
    const fromPg = await inProcess(['export', '--what', what, '--db', urlOf(copy)])
    expect(fromPg.code).toBe(0)
    expect(fromSqlite.stdout.length).toBeGreaterThan(0)
    expect(fromPg.stdout).toBe(fromSqlite.stdout)
  })

  it('reads the copy as the original: list, stories with a search, entities, a brief, check', async () => {
    for (const args of [['list'], ['stories', '--search', 'Belarus'], ['stories', '--search', 'NEAR(Belarus talks, 20) OR harbour*', '--advanced'], ['entities', '--limit', '10'], ['threads'], ['brief'], ['check']]) {
      const a = await inProcess([...args, '--db', sqlite])
      const b = await inProcess([...args, '--db', urlOf(copy)])
      expect({ args, code: b.code }).toEqual({ args, code: 0 })
      expect(b.stdout).toBe(a.stdout)
    }
  })

  it('dossier serve on the copy answers the API as serve on the SQLite store', async () => {
    const serve = async (db: string): Promise<string> => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/bin.ts'), 'serve', '--db', db, '--port', '0'], { cwd: REPO_ROOT })
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let err = ''
          child.stderr.on('data', (chunk: Buffer) => {
            err += chunk.toString()
            const found = /at (http:\/\/[^\s/]+)/.exec(err)
            if (found) resolve(found[1]!)
          })
          child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)))
        })
        const res = await fetch(`${url}/api/stories?limit=100`)
        expect(res.status).toBe(200)
        return (await res.text()).replace(/"updatedAt":"[^"]*"/g, '')
      } finally {
        child.kill('SIGTERM')
      }
    }
    expect(await serve(urlOf(copy))).toBe(await serve(sqlite))
  }, 120_000)

  it('refuses to copy into a store that is not empty, exit 3, and leaves it as it was', async () => {
    const again = await runCli(['migrate', '--from', sqlite, '--to', urlOf(copy)])
    expect(again.code).toBe(3)
    expect(again.stderr).toContain('STORE_NOT_EMPTY')
    expect((await inProcess(['list', '--db', urlOf(copy), '--format', 'jsonl'])).stdout.trim().split('\n')).toHaveLength(16)
  })

  it('migrate names the watch tables it cannot copy yet', async () => {
    const withSources = join(dir, 'with-sources.db')
    copyFileSync(sqlite, withSources)
    const db = new Database(withSources)
    db.prepare("INSERT INTO sources (url, kind, added_at, next_fetch_at) VALUES ('https://news.example/feed.xml', 'feed', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run()
    db.close()
    const target = uniqueDatabaseName('sources')
    try {
      const run = await inProcess(['migrate', '--from', withSources, '--to', urlOf(target)])
      expect(run.code).toBe(0)
      expect(run.stderr).toContain('not copied (the PostgreSQL store has no watch tables yet): sources 1')
    } finally {
      await dropDatabase(target)
    }
  })

  it('a read command on a database that does not exist is exit 3 STORE_MISSING and creates nothing', async () => {
    const missing = uniqueDatabaseName('nothing')
    const run = await inProcess(['list', '--db', urlOf(missing)])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('STORE_MISSING')
    const write = await inProcess(['migrate', '--from', join(dir, 'no-such.db'), '--to', urlOf(missing)])
    expect(write.code).toBe(3)
    expect(write.stderr).toContain('STORE_MISSING')
    expect((await inProcess(['list', '--db', urlOf(missing)])).stderr).toContain('STORE_MISSING')
  })

  it('analyze straight into a PostgreSQL store finds the stories the SQLite store found', async () => {
    // The library call: `dossier analyze --db postgres://…` hands the inputs to the job queue's workers (see src/cli/queue.ts).
    const store = await openStore({ path: urlOf(direct) })
    try {
      await analyze([EXAMPLES], { store, workers: 0 })
    } finally {
      await store.close()
    }
    const stories = async (db: string) => (await inProcess(['export', '--what', 'stories', '--db', db])).stdout
    const strip = (text: string) => text.replace(/"updatedAt":"[^"]*"/g, '')
    expect(strip(await stories(urlOf(direct)))).toBe(strip(await stories(sqlite)))
  }, 240_000)

  it('analyze --detach on a database that does not exist yet makes the store, then enqueues its inputs', async () => {
    const fresh = uniqueDatabaseName('queued')
    try {
      const run = await inProcess(['analyze', EXAMPLES, '--db', urlOf(fresh), '--detach'])
      expect(run.stderr).not.toContain('QUEUE_UNAVAILABLE')
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/^run \d+ enqueued/)
      // The store is there and empty (the workers fill it): a read command opens it.
      expect((await inProcess(['list', '--db', urlOf(fresh)])).code).toBe(0)
    } finally {
      await dropDatabase(fresh)
    }
  }, 120_000)
})
