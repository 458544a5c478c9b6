/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sourceStoreOf } from '../../src/store/index.js'
import { runWatchCycle } from '../../src/watch/cycle.js'
import { NewsSite, rssFeed, serveHtml, serveXml } from '../helpers/news-site.js'
import { FERRY_FIRST, pageHtml, writePages } from '../helpers/watches.js'
import { chromiumAvailable, launchChromium, LAPTOP, openApp, PHONE, screenshot, scrollsSideways, startDossier, type Dossier, type PageRecord } from './harness.js'

// The Sources page in real Chromium on a real server: sources added by URL and by OPML, then a
// watch cycle (run here, as `dossier watch` would beside the server) fetches one and fails on
// another; the page shows both outcomes without a reload.
const present = chromiumAvailable('browser tests of the Sources page')

let dossier: Dossier
let browser: Browser
let site: NewsSite
let pages: string
const records: PageRecord[] = []

const open = (path: string, viewport: { width: number; height: number } = LAPTOP): Promise<Page> => openApp(browser, dossier, records, path, viewport)

describe.skipIf(!present)('web app: the Sources page, in Chromium', () => {
  beforeAll(async () => {
    pages = mkdtempSync(join(tmpdir(), 'dossier-source-pages-'))
    dossier = await startDossier([writePages(join(pages, 'none'), [])])
    browser = await launchChromium()
    site = await new NewsSite().start()
    site.routes.set('/news/ferry', serveHtml(pageHtml(FERRY_FIRST[0]!)))
    site.routes.set('/feed.xml', serveXml(() => rssFeed('Harbour desk', [{ title: FERRY_FIRST[0]!.title, link: `${site.base}/news/ferry`, date: 'Wed, 04 Mar 2026 09:00:00 GMT' }])))
    site.routes.set('/broken.xml', (_req, res) => void res.writeHead(500, { 'content-type': 'text/plain' }).end('down'))
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await dossier?.close()
    await site?.close()
    rmSync(pages, { recursive: true, force: true })
    for (const record of records) expect([record.dialogs, record.errors]).toEqual([[], []])
  })

  it('sources: add a feed and an OPML file; a watch cycle beside the server shows its fetch, items and a failing source\'s error without a reload; remove', async () => {
    const page = await open('#/sources')
    expect(await page.locator('.sources-list p.empty').textContent()).toMatch(/^No sources yet/)
    await page.fill('form.source-form input[name="url"]', `${site.base}/feed.xml`)
    await page.selectOption('form.source-form select[name="kind"]', 'feed')
    await page.click('form.source-form button[type="submit"]')
    await page.waitForSelector('table.sources tbody tr')
    expect(await page.locator('.form-message').textContent()).toBe(`Added ${site.base}/feed.xml.`)
    expect(await page.locator('table.sources tbody tr').first().locator('.source-status').textContent()).toBe('Not fetched yet')

    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>
<outline text="Broken desk" type="rss" xmlUrl="${site.base}/broken.xml"/>
<outline text="Not a feed" type="rss" xmlUrl="ftp://desk.example/feed"/>
</body></opml>`
    await page.setInputFiles('form.opml-form input[name="opml"]', { name: 'desk.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) })
    await page.click('form.opml-form button[type="submit"]')
    await page.waitForSelector('.form-message:has-text("1 source added")')
    expect(await page.locator('.opml-rejected li').count()).toBe(1)
    await page.waitForFunction(() => document.querySelectorAll('table.sources tbody tr').length === 2)

    await page.evaluate(() => { (window as unknown as { marker: string }).marker = 'same page' })
    await runWatchCycle({ store: dossier.store, workers: 0, everyMs: 0, concurrency: 2, polite: { fetch: { allowPrivate: true, maxBytes: 1 << 20, timeoutMs: 10_000, maxRedirects: 3 }, hostDelayMs: 0, robots: false } })
    const sources = await sourceStoreOf(dossier.store).listSources()
    const ok = sources.find((s) => s.url.endsWith('/feed.xml'))!
    const broken = sources.find((s) => s.url.endsWith('/broken.xml'))!
    expect([ok.status, broken.status]).toEqual(['ok', 'failing'])
    await page.waitForSelector('.source-status.status-failing', { timeout: 15_000 })
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page')
    const rows = page.locator('table.sources tbody tr')
    const okRow = rows.filter({ hasText: '/feed.xml' })
    expect(await okRow.locator('.source-status').textContent()).toBe('OK')
    expect(await okRow.locator('td').nth(5).textContent()).toBe(`${ok.items} / ${ok.documents}`)
    expect(ok.items).toBe(1)
    expect(await okRow.locator('td').nth(3).locator('time').getAttribute('datetime')).toBe(ok.lastFetchAt)
    expect(await okRow.locator('td').nth(4).locator('time').getAttribute('datetime')).toBe(ok.nextFetchAt)
    const brokenRow = rows.filter({ hasText: '/broken.xml' })
    expect(await brokenRow.locator('.source-error').textContent()).toBe(broken.lastError)
    await screenshot(page, 'sources-laptop')

    await brokenRow.locator('button.remove').click()
    expect(await brokenRow.locator('button.remove').textContent()).toBe('Remove?')
    await brokenRow.locator('button.remove').click()
    await page.waitForFunction(() => document.querySelectorAll('table.sources tbody tr').length === 1)
    expect((await sourceStoreOf(dossier.store).listSources()).map((s) => s.url)).toEqual([ok.url])
  }, 120_000)

  it('sources: a URL that is not a web address is refused with the reason; the page fits a phone', async () => {
    const page = await open('#/sources', PHONE)
    await page.evaluate(() => { (document.querySelector('form.source-form input[name="url"]') as HTMLInputElement).type = 'text' })
    await page.fill('form.source-form input[name="url"]', 'file:///etc/passwd')
    await page.click('form.source-form button[type="submit"]')
    await page.waitForSelector('.form-message .error')
    expect(await page.locator('.form-message .error').textContent()).toMatch(/http/)
    expect(await scrollsSideways(page)).toBe(false)
    await screenshot(page, 'sources-phone')
  }, 60_000)
})
