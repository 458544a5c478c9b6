import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { analyze } from '../api/analyze.js'
import { openStore, type Store } from '../store/index.js'
import { CHILE_JANUARY, CHILE_MAY, FERRY_FIRST, FERRY_MORE, placeWithoutEvaluating, writePages, type Page } from '../../test/helpers/watches.js'
import { createWatch, evaluateWatches, watchStoreOf, type Alert } from './index.js'

let dir = ''
let store: Store
let batch = 0
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-watches-'))
  store = await openStore({ path: join(dir, 'watches.db') })
})
afterEach(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The pages placed in stories, the watches not evaluated: each test evaluates them itself. */
async function read(pages: readonly Page[]): Promise<void> {
  await placeWithoutEvaluating([writePages(join(dir, `batch-${++batch}`), pages)], store)
}

/** Every citation is the exact words of its span in the stored article. */
async function expectCitationsExact(alerts: readonly Alert[]): Promise<void> {
  for (const alert of alerts) {
    expect(alert.citations.length, `${alert.kind} cites something`).toBeGreaterThan(0)
    for (const c of alert.citations) {
      const doc = await store.getDocument(c.article)
      expect(doc!.source.slice(c.span.start, c.span.end)).toBe(c.text)
    }
  }
}

describe('evaluateWatches', () => {
  it('watches: a new story matching a search alerts once, citing its lead sentence; evaluating again fires nothing', async () => {
    const watch = await createWatch(store, { query: 'ferry strike' })
    await read(FERRY_FIRST)
    const first = await evaluateWatches(store)
    expect(first.alerts.map((a) => [a.watch, a.kind])).toEqual([[watch.id, 'new-story']])
    expect(first.alerts[0]!.title).toMatch(/^New story: Ferry crews strike/)
    await expectCitationsExact(first.alerts)
    expect((await evaluateWatches(store)).alerts).toEqual([])
    expect(await watchStoreOf(store).listAlerts()).toEqual(first.alerts)
  }, 60_000)

  it('watches: what a watch matches when it is saved is its baseline, not news; outlets reaching the threshold and a new contradiction alert', async () => {
    await read(FERRY_FIRST)
    await evaluateWatches(store)
    const watch = await createWatch(store, { query: 'Norland', outlets: 3 })
    await read(FERRY_MORE)
    const { alerts } = await evaluateWatches(store)
    expect(alerts.map((a) => a.kind).sort()).toEqual(['conflict', 'outlets'])
    const outlets = alerts.find((a) => a.kind === 'outlets')!
    expect(outlets.title).toMatch(/^Now 3 outlets: Ferry crews strike/)
    for (const outlet of ['Harbour Daily', 'Coast Courier', 'Island Gazette']) expect(outlets.title).toContain(outlet)
    expect(new Set(outlets.citations.map((c) => c.source))).toEqual(new Set(['Harbour Daily', 'Coast Courier', 'Island Gazette']))
    const conflict = alerts.find((a) => a.kind === 'conflict')!
    expect(conflict.title).toContain('300 passengers')
    expect(conflict.citations.map((c) => c.text).sort()).toEqual(['300 passengers', '410 passengers'])
    expect(alerts.every((a) => a.watch === watch.id)).toBe(true)
    await expectCitationsExact(alerts)
  }, 60_000)

  it('watches: a pair watch alerts on a stance shift; a search watch alerts on a headline that misstates its story', async () => {
    const pair = await createWatch(store, { actor: 'Chile', counterpart: 'Peru', topic: 'alliance' })
    const search = await createWatch(store, { query: 'Chile' })
    await read(CHILE_JANUARY)
    const january = await evaluateWatches(store)
    expect(january.alerts.filter((a) => a.watch === search.id).map((a) => a.kind).sort()).toEqual(['headline', 'new-story'])
    const headline = january.alerts.find((a) => a.kind === 'headline')!
    expect(headline.citations.map((c) => c.text)).toEqual(['Chile Will Ally With Peru', CHILE_JANUARY[0]!.paragraphs[0]])
    await read(CHILE_MAY)
    const may = await evaluateWatches(store)
    const shift = may.alerts.find((a) => a.kind === 'stance-shift')
    expect(shift?.watch).toBe(pair.id)
    expect(shift?.title).toMatch(/open → against/)
    expect(shift?.citations[0]?.text).toMatch(/Chile will not ally with Peru/)
    await expectCitationsExact([...january.alerts, ...may.alerts])
  }, 60_000)

  it('watches: analyze evaluates the watches after placing its articles; its report lists the alerts it fired', async () => {
    const watch = await createWatch(store, { query: 'ferry' })
    const report = await analyze([writePages(join(dir, 'analyzed'), FERRY_FIRST)], { store, workers: 0 })
    expect(report.alerts.map((a) => [a.watch, a.kind])).toEqual([[watch.id, 'new-story']])
    expect(await watchStoreOf(store).listAlerts()).toEqual(report.alerts)
    expect((await evaluateWatches(store)).alerts).toEqual([])
  }, 60_000)

  it('watches: stories written since the last evaluation are caught up even when the caller names none (a run killed before it evaluated)', async () => {
    const watch = await createWatch(store, { query: 'ferry' })
    await read(FERRY_FIRST)
    // No evaluation after this analyze: the next one, named no stories, finds the story by its write time.
    await read(FERRY_MORE)
    const { alerts } = await evaluateWatches(store, [])
    expect(alerts.map((a) => a.kind).sort()).toEqual(['conflict', 'new-story', 'outlets'])
    expect(alerts.every((a) => a.watch === watch.id)).toBe(true)
  }, 60_000)
})
