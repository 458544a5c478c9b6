import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { STAGE_FAILED } from '../pipeline/process.js'
import { openStore, type Store } from '../store/index.js'
import { analyze } from './analyze.js'
import { ingest, type IngestEvent } from './ingest.js'

// Our own words: a short council story.
const STORY = 'Harbour toll dropped\n\nThe town council dropped the harbour toll on Monday, the mayor said.\n'

describe('analyze', () => {
  const cleanup: Array<() => Promise<void> | void> = []
  afterEach(async () => {
    for (const done of cleanup.splice(0)) await done()
  })
  const setUp = async (): Promise<{ store: Store; file: string }> => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-analyze-'))
    const file = join(dir, 'toll.txt')
    writeFileSync(file, STORY)
    const store = await openStore({ path: ':memory:' })
    cleanup.push(() => store.close(), () => rmSync(dir, { recursive: true, force: true }))
    return { store, file }
  }

  it('analyze: completing a document whose stage failed before drops that failure message and keeps the others', async () => {
    const { store, file } = await setUp()
    await ingest([file], { store, workers: 0 })
    const [summary] = await store.listDocuments()
    const stored = (await store.getDocument(summary!.id))!
    const note = { severity: 'info' as const, code: 'NOTE', input: file, message: 'kept as it was' }
    const failure = { severity: 'error' as const, code: STAGE_FAILED, input: file, message: `stage "sentences" failed on document ${stored.id}: out of memory` }
    await store.updateLayers(stored.id, {}, [...stored.messages, note, failure])

    const events: IngestEvent[] = []
    const report = await analyze([file], { store, workers: 0, onEvent: (e) => events.push(e) })

    const done = (await store.getDocument(stored.id))!
    expect(report.documentsAnnotated).toBe(1)
    expect(done.layers.events).toBeDefined()
    expect(done.messages).toEqual([...stored.messages, note])
    expect(events.filter((e) => e.kind === 'warning')).toEqual([])
  })
})
