import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { exampleCorpus, startCli, storeContent } from './store-harness.js'

// Issue 10, finding 6: two writers on one store (two `analyze`, or `analyze` beside a web import)
// both exited 0 with stories, counters and term frequencies wrong, in 5 of 5 tries. Finding 9: a
// held lock made every input a 5 s "rejected input" (exit 1).

const dir = mkdtempSync(join(tmpdir(), 'dossier-writers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const corpus = exampleCorpus(join(dir, 'corpus'))
const TRIES = 3
let reference: Record<string, unknown>

beforeAll(async () => {
  const db = join(dir, 'reference.db')
  const run = await runCli(['analyze', corpus.dir, '--db', db, '--briefs', '0', '--workers', '0'])
  expect(run.code, run.stderr).toBe(0)
  reference = storeContent(db)
}, 120_000)

async function expectSound(db: string): Promise<void> {
  expect(storeContent(db)).toEqual(reference)
  const check = await runCli(['check', '--db', db])
  expect(check.code, `${check.stdout}${check.stderr}`).toBe(0)
}

describe('store: one writer at a time', () => {
  it('two dossier analyze at once on one store: the stories of one sequential run, every counter equal to its members', async () => {
    for (let i = 0; i < TRIES; i++) {
      const db = join(dir, `twice-${i}.db`)
      const runs = [0, 1].map(() => startCli(['analyze', corpus.dir, '--db', db, '--briefs', '0', '--workers', '0']))
      const codes = await Promise.all(runs.map((r) => r.exit))
      expect(codes, runs.map((r) => r.output().stderr).join('\n')).toEqual([0, 0])
      await expectSound(db)
    }
  }, 240_000)

  it('dossier analyze beside an import through the web app: the stories of one sequential run', async () => {
    for (let i = 0; i < 2; i++) {
      const db = join(dir, `web-${i}.db`)
      const server = startCli(['serve', '--db', db, '--port', '0', '--token', 'secret'])
      const url = await serverUrl(() => server.output().stderr)
      try {
        const form = new FormData()
        for (const file of corpus.files) form.append('files', new File([readFileSync(file)], basename(file)))
        const cli = startCli(['analyze', corpus.dir, '--db', db, '--briefs', '0', '--workers', '0'])
        const started = await fetch(`${url}/api/import`, { method: 'POST', body: form, headers: { Authorization: 'Bearer secret', Origin: url } })
        expect(started.status, await started.clone().text()).toBe(202)
        const { job: { id } } = (await started.json()) as { job: { id: string } }
        const job = await pollJob(url, id)
        expect(job.state, JSON.stringify(job)).toBe('done')
        expect(await cli.exit, cli.output().stderr).toBe(0)
      } finally {
        server.child.kill('SIGTERM')
        await server.exit
      }
      await expectSound(db)
    }
  }, 240_000)

  it('a second writer waits with a message while the first holds the store, then writes', async () => {
    const db = join(dir, 'wait.db')
    expect((await runCli(['ingest', corpus.files[0]!, '--db', db])).code).toBe(0)
    const holder = holdLease(db, 60_000)
    await holder.held
    const cli = startCli(['ingest', ...corpus.files, '--db', db, '--wait', '60'])
    // The holder finishes once the second writer says it waits.
    for (let i = 0; !cli.output().stderr.includes('waiting for another writer') && i < 1200; i++) await new Promise((r) => setTimeout(r, 50))
    holder.child.kill('SIGTERM')
    expect(await cli.exit, cli.output().stderr).toBe(0)
    const second = cli.output()
    expect(second.stderr).toMatch(new RegExp(`waiting for another writer on ${escape(db)} \\(pid ${holder.pid}`))
    expect(second.stderr.match(/waiting for another writer/g)).toHaveLength(1)
    await holder.exit
  })

  it('a writer that waits longer than --wait fails once with exit 3, not per input', async () => {
    const db = join(dir, 'busy.db')
    expect((await runCli(['ingest', corpus.files[0]!, '--db', db])).code).toBe(0)
    const holder = holdLease(db, 20_000)
    await holder.held
    try {
      const second = await runCli(['ingest', ...corpus.files, '--db', db, '--wait', '1'])
      expect(second.code).toBe(3)
      const errors = second.stderr.split('\n').filter((l) => l.startsWith('error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/gave up waiting to write after 1 s: another writer \(pid \d+/)
      expect(errors[0]).toContain('[STORE_BUSY]')
      expect(second.stderr).not.toContain('not stored')
    } finally {
      holder.child.kill('SIGKILL')
      await holder.exit
    }
  })

  it('a lock held by another program (SQLite\'s own write lock) is waited for, then one exit 3', async () => {
    const db = join(dir, 'foreign.db')
    expect((await runCli(['ingest', corpus.files[0]!, '--db', db])).code).toBe(0)
    const locker = holdSqliteLock(db)
    await locker.held
    try {
      const second = await runCli(['ingest', ...corpus.files, '--db', db, '--wait', '1'])
      expect(second.code).toBe(3)
      expect(second.stderr).toContain('waiting for another writer')
      expect(second.stderr).toContain('a process holding its write lock')
      const errors = second.stderr.split('\n').filter((l) => l.startsWith('error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('[STORE_BUSY]')
    } finally {
      locker.child.kill('SIGKILL')
      await locker.exit
    }
  })

  it('a writer killed while holding the store does not block the next one', async () => {
    const db = join(dir, 'dead.db')
    expect((await runCli(['ingest', corpus.files[0]!, '--db', db])).code).toBe(0)
    const holder = holdLease(db, 60_000)
    await holder.held
    holder.child.kill('SIGKILL')
    await holder.exit
    const next = await runCli(['ingest', ...corpus.files, '--db', db, '--wait', '0'])
    expect(next.code, next.stderr).toBe(0)
    expect(next.stderr).not.toContain('waiting for another writer')
  })
})

const storeModule = pathToFileURL(join(REPO_ROOT, 'src/store/sqlite/sqlite-store.ts')).href

/** A process that takes the writer lease as Dossier does, says "held", and keeps it `ms` (or until killed). */
function holdLease(db: string, ms: number): { child: ReturnType<typeof spawn>; pid: number; held: Promise<void>; exit: Promise<void> } {
  const script = join(dir, 'hold-lease.mjs')
  writeFileSync(script, `
    const { SqliteStore } = await import(${JSON.stringify(storeModule)})
    const store = await SqliteStore.open(process.argv[2])
    const lease = await store.acquireWriter({ waitMs: 0 })
    process.stdout.write('held\\n')
    await new Promise((r) => { setTimeout(r, Number(process.argv[3])); process.once('SIGTERM', r) })
    await lease.release()
    await store.close()
    process.exit(0)
  `)
  return holder(spawn(process.execPath, ['--import', 'tsx', script, db, String(ms)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] }))
}

/** A process that holds SQLite's write lock on the file (BEGIN IMMEDIATE, never committed), as another tool might. */
function holdSqliteLock(db: string): { child: ReturnType<typeof spawn>; pid: number; held: Promise<void>; exit: Promise<void> } {
  const script = join(dir, 'hold-lock.cjs')
  writeFileSync(script, `
    const Database = require(${JSON.stringify(join(REPO_ROOT, 'node_modules/better-sqlite3'))})
    const db = new Database(process.argv[2])
    db.exec('BEGIN IMMEDIATE')
    process.stdout.write('held\\n')
    setTimeout(() => {}, 60000)
  `)
  return holder(spawn(process.execPath, [script, db], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] }))
}

function holder(child: ReturnType<typeof spawn>): { child: ReturnType<typeof spawn>; pid: number; held: Promise<void>; exit: Promise<void> } {
  const held = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('held') && resolve())
    child.once('exit', (code) => reject(new Error(`the holder exited (${code}) before holding the store`)))
  })
  held.catch(() => {})
  const exit = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())))
  return { child, pid: child.pid!, held, exit }
}

async function serverUrl(stderr: () => string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const found = /serves .* at (http:\/\/[^/\s]+)/.exec(stderr())
    if (found) return found[1]!
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`the server did not start: ${stderr()}`)
}

async function pollJob(url: string, id: string): Promise<{ state: string }> {
  for (;;) {
    const job = (await (await fetch(`${url}/api/import/${id}`, { headers: { Authorization: 'Bearer secret' } })).json()) as { state: string }
    if (job.state !== 'running') return job
    await new Promise((r) => setTimeout(r, 100))
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
