import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blobOf, makeDocument } from '../../src/store/contract.js'
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import { STORY_TEXT_CANDIDATES } from '../../src/store/index.js'
import { runCli } from '../helpers/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'dossier-bound-'))
const db = join(dir, 'store.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// One more article with "ferry" than a story listing reads; "harbour" in two of them.
beforeAll(async () => {
  const store = await SqliteStore.open(db)
  for (let i = 0; i <= STORY_TEXT_CANDIDATES; i++) {
    const text = `The ferry crossing number ${i} ran on time${i < 2 ? ' past the harbour' : ''}.`
    const blob = blobOf(new TextEncoder().encode(text), `notes/${i}.txt`)
    await store.save(blob, [{ ...makeDocument(blob, 0), source: text }])
  }
  await store.close()
}, 60_000)

describe('dossier stories --search: the count says when the listing is bounded', () => {
  it('a search matching more articles than a listing reads says its count covers the newest of them', async () => {
    const run = await runCli(['stories', '--db', db, '--search', 'ferry'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(`0 of 0 stories among the newest ${STORY_TEXT_CANDIDATES} of more than ${STORY_TEXT_CANDIDATES} matching articles`)
  })

  it('a narrower search gives its count alone', async () => {
    const run = await runCli(['stories', '--db', db, '--search', 'harbour'])
    expect(run.code).toBe(0)
    expect(run.stderr.trim()).toBe('0 of 0 stories')
  })
})
