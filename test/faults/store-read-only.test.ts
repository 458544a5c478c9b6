import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/api/analyze.js'
import { openStore } from '../../src/store/index.js'
import { runCli } from '../helpers/cli.js'
import { exampleCorpus, startCli } from './store-harness.js'

// Issue 10, finding 8: a store that cannot be written could not be read either (exit 3). Read
// commands now open it read-only; a write command says it cannot write, once, with exit 3; and a
// read command never creates a store that is not there.

const dir = mkdtempSync(join(tmpdir(), 'dossier-readonly-'))
const media = join(dir, 'media')
mkdirSync(media)
const corpus = exampleCorpus(join(dir, 'corpus'))
const writable = join(dir, 'dossier.db')
const readOnly = join(media, 'dossier.db')

const mounted = mount()
afterAll(() => {
  if (mounted) execFileSync('umount', [media])
  rmSync(dir, { recursive: true, force: true })
})

function mount(): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', media], { stdio: 'pipe' })
    return true
  } catch (error) {
    console.log(`skipping the read-only filesystem tests: cannot mount a tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`)
    return false
  }
}

beforeAll(async () => {
  const store = await openStore({ path: writable })
  expect((await analyze([corpus.dir], { store, workers: 0 })).rejected).toEqual([])
  await store.close()
  if (!mounted) return
  // Closed cleanly: no -wal or -shm beside it, so SQLite has no WAL index to read on the media.
  copyFileSync(writable, readOnly)
  execFileSync('mount', ['-o', 'remount,ro', media])
}, 120_000)

describe('store: read-only', () => {
  it.skipIf(!mounted)('read commands read a store on a read-only filesystem as they read it anywhere', async () => {
    const [first] = JSON.parse((await runCli(['list', '--db', writable, '--format', 'json', '--limit', '1'])).stdout) as Array<{ id: string }>
    for (const args of [['list', '--format', 'json'], ['stories', '--format', 'json'], ['show', first!.id, '--format', 'json'], ['export', '--what', 'stories']]) {
      const expected = await runCli([...args, '--db', writable])
      const got = await runCli([...args, '--db', readOnly])
      expect(got.code, `${args.join(' ')}: ${got.stderr}`).toBe(0)
      expect(got.stdout, args.join(' ')).toBe(expected.stdout)
    }
    expect(readdirSync(media)).toEqual(['dossier.db'])
  }, 180_000)

  it.skipIf(!mounted)('a write command on a read-only store fails once with exit 3 and says why', async () => {
    const run = await runCli(['analyze', corpus.dir, '--db', readOnly, '--briefs', '0'])
    expect(run.code).toBe(3)
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('error'))
    expect(errors, run.stderr).toHaveLength(1)
    expect(errors[0]).toContain('read-only')
    expect(errors[0]).toContain('[STORE_READ_ONLY]')
  })

  it.skipIf(!mounted)('dossier serve serves a read-only store', async () => {
    const server = startCli(['serve', '--db', readOnly, '--port', '0'])
    try {
      let url: string | undefined
      for (let i = 0; i < 600 && url === undefined; i++) {
        url = /serves .* at (http:\/\/[^/\s]+)/.exec(server.output().stderr)?.[1]
        if (url === undefined) await new Promise((r) => setTimeout(r, 50))
      }
      expect(url, server.output().stderr).toBeDefined()
      const res = await fetch(`${url}/api/stories`)
      expect(res.status).toBe(200)
      expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0)
    } finally {
      server.child.kill('SIGTERM')
      await server.exit
    }
  })

  it('a read command on a store that is not there says so (exit 3) and does not create it', async () => {
    const missing = join(dir, 'missing.db')
    const run = await runCli(['stories', '--db', missing])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain(`The store ${missing} does not exist`)
    expect(run.stderr).toContain('[STORE_MISSING]')
    expect(existsSync(missing)).toBe(false)
  })
})
