import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../bench/lib/random.js'
import { analyze } from '../../src/api/analyze.js'
import { StoreError } from '../../src/errors.js'
import { openStore } from '../../src/store/index.js'
import { exampleCorpus, startCli, storeContent } from './store-harness.js'

// "Under faults (a killed process …) work finishes exactly once": `dossier analyze` is killed with
// SIGKILL at seeded random moments (reading, annotating, storing, placing stories); each time the
// store must be sound as it was left, and a second run must finish it to exactly what one
// uninterrupted run stores.

const KILLS = 20
const SEED = 10
/** Kill moments after the start, in ms: from before the store is opened to near the end of an uninterrupted run, timed first on this machine. */
const EARLIEST_MS = 300

const dir = mkdtempSync(join(tmpdir(), 'dossier-kill-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const corpus = exampleCorpus(join(dir, 'corpus'))

/** The second run, in this process: the same `analyze` the CLI calls, without another process start per kill. */
async function finish(db: string): Promise<void> {
  const store = await openStore({ path: db })
  try {
    const report = await analyze([corpus.dir], { store, workers: 0 })
    expect(report.rejected).toEqual([])
  } finally {
    await store.close()
  }
}

async function problems(db: string): Promise<string[]> {
  if (!existsSync(db)) return [] // killed before it opened the store
  // Killed after SQLite made the file but before the first migration committed: an empty file.
  const store = await openStore({ path: db, mode: 'read' }).catch((error: unknown) => {
    if (error instanceof StoreError && error.code === 'STORE_MISSING') return undefined
    throw error
  })
  if (store === undefined) return []
  try {
    return await store.checkIntegrity()
  } finally {
    await store.close()
  }
}

describe('store: kill -9 during dossier analyze', () => {
  it(`killed ${KILLS} times at random moments, a second run finishes exactly what one run stores`, async () => {
    const reference = join(dir, 'reference.db')
    await finish(reference)
    const expected = storeContent(reference)
    // One uninterrupted run through the CLI, timed: kills are spread over its length, so they land
    // mid-run on a fast machine and on a loaded one alike (a fixed range missed on a loaded one).
    const started = performance.now()
    const timed = startCli(['analyze', corpus.dir, '--db', join(dir, 'timed.db'), '--briefs', '0', '--workers', '0'])
    await timed.exit
    const latest = Math.max(EARLIEST_MS + 500, Math.round(0.9 * (performance.now() - started)))
    const random = mulberry32(SEED)
    let killedMidRun = 0
    for (let i = 0; i < KILLS; i++) {
      const db = join(dir, `killed-${i}.db`)
      const delay = Math.round(EARLIEST_MS + random() * (latest - EARLIEST_MS))
      const run = startCli(['analyze', corpus.dir, '--db', db, '--briefs', '0', '--workers', '0'])
      await new Promise((r) => setTimeout(r, delay))
      if (run.child.exitCode === null && run.child.kill('SIGKILL')) killedMidRun++
      await run.exit
      const left = `kill ${i} after ${delay} ms of ${latest} (seed ${SEED})`
      // As it was left: whole transactions only, every counter equal to its members.
      expect(await problems(db), left).toEqual([])
      await finish(db)
      expect(storeContent(db), left).toEqual(expected)
    }
    console.log(`store-kill: ${killedMidRun} of ${KILLS} runs killed mid-run (the rest had finished)`)
    expect(killedMidRun).toBeGreaterThan(KILLS / 2)
  }, 600_000)
})
