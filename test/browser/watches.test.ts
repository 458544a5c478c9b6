/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/api/analyze.js'
import { watchStoreOf, type Watch } from '../../src/watches/index.js'
import { FERRY_FIRST, FERRY_MORE, writePages } from '../helpers/watches.js'
import { chromiumAvailable, launchChromium, LAPTOP, openApp, PHONE, screenshot, scrollsSideways, startDossier, waitForApp, type Dossier, type PageRecord } from './harness.js'

// The Watches page in real Chromium on a real server: a watch made in the form alerts when new
// articles are analysed into the served store, and the alert shows without a reload.
const present = chromiumAvailable('browser tests of the Watches page')

let dossier: Dossier
let browser: Browser
let pages: string
const records: PageRecord[] = []

const open = (path: string, viewport: { width: number; height: number } = LAPTOP): Promise<Page> => openApp(browser, dossier, records, path, viewport)

describe.skipIf(!present)('web app: the Watches page, in Chromium', () => {
  beforeAll(async () => {
    pages = mkdtempSync(join(tmpdir(), 'dossier-watch-pages-'))
    dossier = await startDossier([writePages(join(pages, 'first'), FERRY_FIRST)])
    browser = await launchChromium()
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await dossier?.close()
    rmSync(pages, { recursive: true, force: true })
    for (const record of records) expect([record.dialogs, record.errors]).toEqual([[], []])
  })

  it('watches: a watch created in the form alerts on new articles without a reload, each alert linking to its story and cited spans', async () => {
    const page = await open('#/watches')
    expect(await page.locator('p.empty').textContent()).toBe('No watches yet.')
    await page.selectOption('form.watch-form select[name="kind"]', 'search')
    await page.fill('form.watch-form input[name="query"]', 'Norland')
    await page.fill('form.watch-form input[name="name"]', 'Norland ferries')
    await page.fill('form.watch-form input[name="webhook"]', 'http://127.0.0.1:9/hook')
    await page.click('form.watch-form button[type="submit"]')
    await page.waitForSelector('section.watch h2:has-text("Norland ferries")')
    expect(await page.locator('section.watch .watch-follows').textContent()).toBe('Search: Norland · alerts at 3 outlets · webhook http://127.0.0.1:9/hook')
    expect(await page.locator('section.watch ol.alerts li').count()).toBe(0)

    await page.evaluate(() => { (window as unknown as { marker: string }).marker = 'same page' })
    await analyze([writePages(join(pages, 'more'), FERRY_MORE)], { store: dossier.store, workers: 0 })
    await page.waitForSelector('ol.alerts li.alert-new', { timeout: 20_000 })
    await page.waitForFunction(() => document.querySelectorAll('ol.alerts > li.alert-new').length === 2, null, { timeout: 20_000 })
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page')
    expect(await page.locator('.alerts-announce').textContent()).toMatch(/^2 new alerts\.$|^1 new alert\.$/)
    // `startServer` alone sends no webhooks (`dossier serve` does): both wait, none tried yet.
    await page.waitForSelector('.watch-deliveries:has-text("0 delivered, 2 waiting")')
    expect(await page.locator('.watch-deliveries').textContent()).toMatch(/^Webhook deliveries: 0 delivered, 2 waiting \(next at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\), 0 failed\.$/)

    const [watch] = await watchStoreOf(dossier.store).listWatches() as Watch[]
    const alerts = await watchStoreOf(dossier.store).listAlerts({ watch: watch!.id })
    const conflict = alerts.find((a) => a.kind === 'conflict')!
    const item = page.locator(`#alert-${conflict.id}`)
    expect(await item.locator('.alert-title').textContent()).toBe(conflict.title)
    expect(await item.locator('a.story-link').getAttribute('href')).toBe(`#/stories/${conflict.story!.id}`)
    const cites = await item.locator('a.cite').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(cites).toEqual(conflict.citations.map((c) => `#/articles/${c.article}?span=${c.span.start}-${c.span.end}`))
    await screenshot(page, 'watches-laptop')

    // The cited span opens highlighted in its article.
    await item.locator('a.cite').first().click()
    await waitForApp(page)
    expect((await page.locator('.source-text .mark-target').allTextContents()).join('')).toBe(conflict.citations[0]!.text)
  }, 120_000)

  it('watches: edit changes the threshold; delete asks once more, then removes the watch with its alerts', async () => {
    const page = await open('#/watches')
    await page.click('section.watch button.edit')
    await page.fill('section.watch form.watch-form input[name="outlets"]', '5')
    await page.click('section.watch form.watch-form button[type="submit"]')
    await page.waitForSelector('section.watch .watch-follows:has-text("alerts at 5 outlets")')
    expect((await watchStoreOf(dossier.store).listWatches())[0]!.outlets).toBe(5)

    await page.click('section.watch button.delete')
    expect(await page.locator('section.watch button.delete').textContent()).toMatch(/^Delete "Norland ferries" and its alerts\?$/)
    await page.click('section.watch button.delete')
    await page.waitForSelector('p.empty')
    expect(await watchStoreOf(dossier.store).listWatches()).toEqual([])
  }, 60_000)

  it('watches: a bad search says why in the form and saves nothing; the page fits a phone', async () => {
    const page = await open('#/watches', PHONE)
    await page.fill('form.watch-form input[name="query"]', '')
    await page.click('form.watch-form button[type="submit"]')
    await page.waitForSelector('form.watch-form .form-message .error')
    expect(await page.locator('form.watch-form .form-message').textContent()).toContain('A watch follows one thing')
    expect(await watchStoreOf(dossier.store).listWatches()).toEqual([])
    expect(await scrollsSideways(page)).toBe(false)
    await screenshot(page, 'watches-phone')
  }, 60_000)
})
