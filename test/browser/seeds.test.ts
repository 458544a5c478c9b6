/// <reference lib="dom" />
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoryCheck, StorySummary } from '../../src/document/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { SEEDS_DIR } from '../helpers/seeds.js'
import { chromiumAvailable, launchChromium, LAPTOP, openPage, PHONE, screenshot, scrollsSideways, startDossier, storyWhoseCheck, waitForApp, type Dossier } from './harness.js'

// The web app on the real seed pages (third-party test data beside the repo): a story with a
// conflict and a stance timeline, in Chromium.
const present = sharedAvailable('browser tests on the seeds') && chromiumAvailable('browser tests on the seeds')

let dossier: Dossier
let browser: Browser

describe.skipIf(!present)('web app on the seed pages, in Chromium', () => {
  let conflicted: StorySummary | undefined

  beforeAll(async () => {
    dossier = await startDossier([SEEDS_DIR])
    browser = await launchChromium()
    conflicted = (await storyWhoseCheck(dossier, (check) => check.conflicts.length > 0))?.story
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await dossier?.close()
  })

  it('seeds: a story shows its conflict and its stance timeline, with shifts marked', async () => {
    expect(conflicted, 'a seed story has a conflict').toBeDefined()
    const { page, record } = await openPage(browser, LAPTOP)
    await page.goto(`${dossier.url}/#/stories/${conflicted!.id}`)
    await waitForApp(page)
    expect(await page.locator('.facts-table .conflict-mark').count()).toBeGreaterThan(0)
    expect(await page.locator('article.conflict').count()).toBeGreaterThan(0)
    // Each conflict says its type and why in one line; the warhead counts are different definitions, not a contradiction (issue 15).
    expect(await page.locator('article.conflict .conflict-reason').allTextContents()).toContain('different definitions: "stockpile" (about 4,477 warheads as of early 2025) vs "arsenal" (5,459 warheads)')
    expect(await page.locator('svg.timeline-chart a.statement').count()).toBeGreaterThan(1)
    expect(await page.locator('svg.timeline-chart a.statement[data-shift="yes"]').count()).toBeGreaterThan(0)
    // An unattributed figure says so once (its statement already reads "no source given").
    for (const row of await page.locator('.facts-table tbody tr').allTextContents()) expect(row.split('no source given').length, row).toBeLessThanOrEqual(2)
    expect(record.dialogs).toEqual([])
    expect(record.errors).toEqual([])
    await screenshot(page, 'seeds-story-laptop')
  })

  it('seeds: clicking a quote the sources share lights it up in every source that carries it', async () => {
    const check = await dossier.api<StoryCheck>(`/api/stories/${conflicted!.id}/check`)
    const shared = check.facts.find((f) => f.kind === 'quote' && f.outlets >= 2)
    expect(shared, 'two seed outlets share a quote').toBeDefined()
    const { page } = await openPage(browser, LAPTOP)
    await page.goto(`${dossier.url}/#/stories/${conflicted!.id}`)
    await waitForApp(page)
    const runs = page.locator(`.side-by-side .mark-fact[data-fact="${shared!.id}"]`)
    await runs.first().click()
    const columns = await page.locator('.source-column').evaluateAll((cols) => cols.filter((c) => c.querySelector('.mark.active') !== null).length)
    expect(columns).toBe(new Set(shared!.citations.map((c) => c.article)).size)
  })

  it('seeds: the story fits a phone without sideways scrolling', async () => {
    const { page } = await openPage(browser, PHONE)
    await page.goto(`${dossier.url}/#/stories/${conflicted!.id}`)
    await waitForApp(page)
    expect(await scrollsSideways(page)).toBe(false)
    await screenshot(page, 'seeds-story-phone')
  })
})
