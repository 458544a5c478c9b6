import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/api/analyze.js'
import { openStore } from '../../src/store/index.js'
import { runCli } from '../helpers/cli.js'
import { exampleCorpus, storeContent } from './store-harness.js'

// A disk that fills up under `dossier analyze`: the write fails with one clear message and exit 3
// (it was one rejected input per file after it, and an exit 1), the store stays consistent, and
// once space returns a second run finishes it to what the same runs on a roomy disk store.

const dir = mkdtempSync(join(tmpdir(), 'dossier-full-'))
const mnt = join(dir, 'small')
mkdirSync(mnt)
const corpus = exampleCorpus(join(dir, 'corpus'))
/** The small filesystem: room for the store, and a filler file takes all but FREE_BYTES of it. */
const FS_BYTES = 8 * 1024 * 1024
const FREE_BYTES = 96 * 1024

const mounted = mount()
afterAll(() => {
  if (mounted) execFileSync('umount', [mnt])
  rmSync(dir, { recursive: true, force: true })
})

function mount(): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${FS_BYTES}`, 'tmpfs', mnt], { stdio: 'pipe' })
    return true
  } catch (error) {
    console.log(`skipping the disk-full test: cannot mount a small tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`)
    return false
  }
}

async function analyzeIn(db: string, inputs: readonly string[]): Promise<void> {
  const store = await openStore({ path: db })
  try {
    expect((await analyze(inputs, { store, workers: 0 })).rejected).toEqual([])
  } finally {
    await store.close()
  }
}

describe('store: a full disk', () => {
  it.skipIf(!mounted)('a write that finds the disk full fails once with exit 3; the store stays sound and a run after finishes it', async () => {
    // The same two runs on a roomy disk: a first batch, then the whole corpus.
    const reference = join(dir, 'reference.db')
    await analyzeIn(reference, corpus.files.slice(0, 3))
    await analyzeIn(reference, [corpus.dir])

    const db = join(mnt, 'dossier.db')
    await analyzeIn(db, corpus.files.slice(0, 3))
    const filler = join(mnt, 'filler')
    const { bavail, bsize } = statfsSync(mnt)
    writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - FREE_BYTES)))

    const full = await runCli(['analyze', corpus.dir, '--db', db, '--briefs', '0', '--workers', '0'])
    expect(full.code, full.stderr).toBe(3)
    const errors = full.stderr.split('\n').filter((l) => l.startsWith('error'))
    expect(errors, full.stderr).toHaveLength(1)
    expect(errors[0]).toContain('the disk is full')
    expect(errors[0]).toContain('[STORE_FULL]')

    const store = await openStore({ path: db, mode: 'read' })
    expect(await store.checkIntegrity()).toEqual([])
    await store.close()

    rmSync(filler)
    await analyzeIn(db, [corpus.dir])
    expect(storeContent(db)).toEqual(storeContent(reference))
    expect((await runCli(['check', '--db', db])).code).toBe(0)
  }, 240_000)
})
