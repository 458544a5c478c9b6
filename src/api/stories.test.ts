import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Document } from '../document/index.js'
import { blobOf, makeDocument } from '../store/contract.js'
import { openStore, type Store } from '../store/index.js'
import { analyze } from './analyze.js'
import { updateStories, type StoryEvent } from './stories.js'

// Our own words: one short report that the whole pipeline annotates and places.
const REPORT = `Neighbours sign fishing accord

Published March 12, 2024

The coastal republic and its northern neighbour signed a fishing accord on Tuesday, ending a decade-long dispute over quotas in the shared bay.
Officials in both capitals said the accord would be reviewed in five years.
`

let dir = ''
let store: Store
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-stories-api-'))
  store = await openStore({ path: join(dir, 'stories.db') })
})
afterEach(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Stores documents straight away, without running the pipeline: an unannotated one and one whose layers are broken. */
async function saveBadDocuments(): Promise<{ bare: Document; broken: Document }> {
  const bareBlob = blobOf(new TextEncoder().encode('bare'), 'bare-page.txt')
  const bare = makeDocument(bareBlob, 0)
  const brokenBlob = blobOf(new TextEncoder().encode('broken'), 'broken-page.txt')
  const full = makeDocument(brokenBlob, 0, { full: true })
  // Every layer placement needs is there, but the quotes layer's quotes are not a list: reading them throws.
  const broken = { ...full, layers: { ...full.layers, quotes: { quotes: 7 } as never, entities: { entities: [], mentions: [] }, times: { times: [] } as never } }
  await store.save(bareBlob, [bare])
  await store.save(brokenBlob, [broken])
  return { bare, broken }
}

describe('updateStories', () => {
  it('updateStories: an unannotated and a broken document are skipped with a message naming each; the good one after them is placed', async () => {
    const { bare, broken } = await saveBadDocuments()
    const file = join(dir, 'fishing-accord.txt')
    writeFileSync(file, REPORT)
    const report = await analyze([file], { store, workers: 0 })

    expect(report.stories).toMatchObject({ placed: 1, opened: 1 })
    const [good] = (await store.listDocuments()).filter((d) => d.input === file)
    expect(await store.storyOf(good!.id)).toBeDefined()
    const skipped = new Map(report.stories.skipped.map((s) => [s.document, s]))
    expect(skipped.get(bare.id)?.reason).toMatch(/^bare-page\.txt: not placed in a story: it lacks the .*entities.*layer/)
    expect(skipped.get(broken.id)?.reason).toMatch(/^broken-page\.txt: not placed in a story: its layers cannot be read/)
    expect(await store.storyOf(bare.id)).toBeUndefined()
    expect(await store.storyOf(broken.id)).toBeUndefined()
  }, 60_000)

  it('updateStories: a re-annotated member recomposes its story (title, check); unchanged stories are not rewritten', async () => {
    const file = join(dir, 'fishing-accord.txt')
    writeFileSync(file, REPORT)
    await analyze([file], { store, workers: 0 })
    const [summary] = await store.listDocuments()
    const id = (await store.storyOf(summary!.id))!
    const placed = (await store.getStory(id))!
    expect(placed.title).toBe('Neighbours sign fishing accord')

    // As an older engine would have read it: another headline.
    const metadata = (await store.getDocument(summary!.id))!.layers.metadata!
    await store.updateLayers(summary!.id, { metadata: { ...metadata, title: { ...metadata.title!, value: 'Accord headline of an older engine' } } })
    expect(await updateStories(store, { recompose: [summary!.id] })).toMatchObject({ placed: 0, changed: 1 })
    const older = (await store.getStory(id))!
    expect(older.title).toBe('Accord headline of an older engine')
    expect(await updateStories(store, { recompose: [summary!.id] })).toMatchObject({ changed: 0 })
    expect((await store.getStory(id))!.updatedAt).toBe(older.updatedAt)

    const report = await analyze([file], { store, workers: 0, reanalyze: true })
    expect(report.stories).toMatchObject({ placed: 0, changed: 1 })
    expect((await store.getStory(id))!.title).toBe('Neighbours sign fishing accord')
    expect((await store.getStoryCheck(id))?.story).toBe(id)
  }, 60_000)

  it('updateStories: skipped documents are tried again on the next run and reported through onEvent', async () => {
    const { bare, broken } = await saveBadDocuments()
    const events: StoryEvent[] = []
    const first = await updateStories(store)
    const second = await updateStories(store, { onEvent: (e) => events.push(e) })
    expect(first.skipped.map((s) => s.document).sort()).toEqual([bare.id, broken.id].sort())
    expect(second).toMatchObject({ placed: 0, changed: 0 })
    expect(events.map((e) => [e.kind, e.document, e.kind === 'skipped' ? e.input : null]).sort()).toEqual(
      [['skipped', bare.id, 'bare-page.txt'], ['skipped', broken.id, 'broken-page.txt']].sort(),
    )
  })
})
