/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Story, StoryCheck, StorySummary } from '../../src/document/index.js'
import { startServer } from '../../src/http/index.js'
import { isMinorEvent } from '../../src/web/app/facts.js'
import { REPO_ROOT } from '../helpers/cli.js'
import {
  chromiumAvailable, launchChromium, LAPTOP, openApp, openPage, PHONE, screenshot, scrollsSideways, startDossier, storyWhoseCheck, waitForApp,
  type Dossier, type PageRecord,
} from './harness.js'

// The web app end to end in real Chromium on the example corpus: the server and store are the
// real ones (analyze() of examples/), the app is the built one.
const present = chromiumAvailable('browser tests on the examples')

let dossier: Dossier
let browser: Browser
let stories: StorySummary[] = []
/** A story whose check has a conflict, and the check. */
let conflicted: { story: StorySummary; check: StoryCheck } | undefined
const records: PageRecord[] = []

const open = (path: string, viewport: { width: number; height: number } = LAPTOP): Promise<Page> => openApp(browser, dossier, records, path, viewport)

describe.skipIf(!present)('web app on the examples, in Chromium', () => {
  beforeAll(async () => {
    dossier = await startDossier([join(REPO_ROOT, 'examples')])
    browser = await launchChromium()
    stories = (await dossier.api<{ items: StorySummary[] }>('/api/stories?limit=200')).items
    conflicted = await storyWhoseCheck(dossier, (check) => check.conflicts.length > 0)
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await dossier?.close()
  })

  it('stories: the list shows every story with its event date, outlets and coverage', async () => {
    const page = await open('#/stories')
    const rows = page.locator('table.stories tbody tr')
    expect(await rows.count()).toBe(Math.min(stories.length, 25))
    const first = stories[0]!
    const story = await dossier.api<Story>(`/api/stories/${first.id}`)
    const cells = await rows.first().locator('td').allTextContents()
    expect(cells.slice(0, 2)).toEqual([first.title, first.eventDate ?? '—'])
    // The outlets: the count, then the three with most articles in the story by name, the rest counted.
    const counts = new Map<string, number>()
    for (const a of story.articles) counts.set(a.source, (counts.get(a.source) ?? 0) + 1)
    const names = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name)
    expect(cells[2]).toBe(`${first.outlets}: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` +${names.length - 3}` : ''}`)
    expect(cells[3]).toBe(String(first.articles))
    expect(cells[4]).toBe(story.first === story.last ? story.first ?? '—' : `${story.first} – ${story.last}`)
    await screenshot(page, 'stories-laptop')
  })

  it('stories: the search box narrows the list to stories whose articles have the words', async () => {
    const page = await open('#/stories')
    await page.fill('input[name="q"]', 'Belarus')
    await page.click('form.filters button[type="submit"]')
    await page.waitForURL(/q=Belarus/)
    await waitForApp(page)
    const titles = await page.locator('table.stories a.story-link').allTextContents()
    const expected = (await dossier.api<{ items: StorySummary[] }>('/api/stories?q=Belarus')).items.map((s) => s.title)
    expect(titles).toEqual(expected)
    expect(titles.length).toBeGreaterThan(0)
    expect(titles.length).toBeLessThan(stories.length)
  })

  it('stories: the Operators box searches with AND, OR, NOT; unticked, they are words', async () => {
    const page = await open('#/stories')
    await page.fill('input[name="q"]', 'Belarus OR Xi')
    await page.check('input[name="mode"]')
    await page.click('form.filters button[type="submit"]')
    await page.waitForURL(/mode=advanced/)
    await waitForApp(page)
    const titles = await page.locator('table.stories a.story-link').allTextContents()
    const expected = (await dossier.api<{ items: StorySummary[] }>('/api/stories?q=Belarus+OR+Xi&mode=advanced')).items.map((s) => s.title)
    expect(titles).toEqual(expected)
    expect(titles.length).toBeGreaterThan(1)
    expect(await page.isChecked('input[name="mode"]')).toBe(true)
    await page.uncheck('input[name="mode"]')
    await page.click('form.filters button[type="submit"]')
    await page.waitForURL((url) => !url.hash.includes('mode='))
    await waitForApp(page)
    await expect.poll(() => page.locator('p.empty').textContent()).toBe('No story matches.')
  })

  it('stories: a bad search syntax shows the server’s message, not a broken page', async () => {
    const page = await open('#/stories?q=%22unpaired&mode=advanced')
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toMatch(/\S/)
    expect(await page.locator('form.filters').count()).toBe(1)
  })

  it('story: the top story shows its stance timeline as an SVG chart', async () => {
    const page = await open('#/stories')
    await page.click('table.stories a.story-link >> nth=0')
    await page.waitForSelector('section.facts')
    await waitForApp(page)
    expect(await page.locator('h1').textContent()).toBe(stories[0]!.title)
    const dots = page.locator('svg.timeline-chart a.statement circle.dot')
    expect(await dots.count()).toBeGreaterThan(0)
    expect(await page.locator('section.timeline table tbody tr').count()).toBe(await page.locator('svg.timeline-chart a.statement').count())
    await screenshot(page, 'story-timeline-laptop')
  })

  it('story: a conflict is marked in the facts table and shown with each value and its source', async () => {
    expect(conflicted, 'a story of the examples has a conflict').toBeDefined()
    const { story, check } = conflicted!
    const page = await open(`#/stories/${story.id}`)
    const marked = check.facts.filter((f) => f.conflict !== null).length
    expect(await page.locator('.facts-table .conflict-mark').count()).toBe(marked)
    const conflict = check.conflicts[0]!
    const shown = page.locator(`article.conflict >> nth=0`)
    const text = await shown.textContent()
    for (const value of conflict.values) expect(text).toContain(value.text)
    // Its type and why, in one line (issue 15).
    expect(await shown.locator('.conflict-reason').textContent()).toBe(conflict.reason)
    await page.click('.facts-table .conflict-mark >> nth=0')
    await expect.poll(() => shown.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0 })).toBe(true)
    await screenshot(page, 'story-conflict-laptop')
  })

  it('story: the facts table leaves out events one outlet alone reports, counts them, and shows them on request', async () => {
    const found = await storyWhoseCheck(dossier, (check) => check.facts.some(isMinorEvent) && check.facts.some((f) => !isMinorEvent(f)))
    expect(found, 'a story of the examples has one outlet\'s events beside other facts').toBeDefined()
    const { story, check } = found!
    const minor = check.facts.filter(isMinorEvent)
    const page = await open(`#/stories/${story.id}`)
    expect(await page.locator('.facts-table:not(.facts-more) tbody tr').count()).toBe(check.facts.length - minor.length)
    const more = page.locator('.facts-more')
    expect(await more.isVisible()).toBe(false)
    expect(await page.locator('.more-facts .more').textContent()).toContain(`${minor.length} more event`)
    await page.click('.more-facts button.show-more')
    expect(await more.isVisible()).toBe(true)
    expect(await more.locator('tbody tr').count()).toBe(minor.length)
  })

  it('story: clicking a figure in the facts table lands on its words, highlighted, in the article', async () => {
    const { story, check } = conflicted!
    // A figure in a conflict (the examples' conflicts are no contradictions since issue 15, so none is marked status conflict).
    const fact = check.facts.find((f) => f.kind === 'figure' && f.conflict !== null)!
    const citation = fact.citations[0]!
    const page = await open(`#/stories/${story.id}`)
    const row = page.locator('.facts-table tbody tr', { hasText: fact.statement }).first()
    await row.locator('a.cite').first().click()
    await page.waitForURL(/#\/articles\/.+\?span=\d+-\d+/)
    await waitForApp(page)
    const target = page.locator('.source-text .mark-target')
    expect((await target.allTextContents()).join('')).toBe(citation.text)
    const inView = await target.first().evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight })
    expect(inView).toBe(true)
    await screenshot(page, 'article-span-laptop')
  })

  it('article: the toggle shows what cleaning removed, each passage with its reason', async () => {
    const withRemovals = (await dossier.api<{ items: Array<{ id: string }> }>('/api/articles?limit=200')).items
    let id: string | undefined
    for (const { id: candidate } of withRemovals) {
      const article = await dossier.api<{ clean: { removed: Array<{ reason: string }> } }>(`/api/articles/${candidate}`)
      if (article.clean.removed.some((r) => r.reason === 'navigation')) {
        id = candidate
        break
      }
    }
    expect(id, 'an example page has a navigation line').toBeDefined()
    const page = await open(`#/articles/${id}`)
    const removed = page.locator('.removed[data-reason="navigation"]').first()
    expect(await removed.isVisible()).toBe(false)
    await page.check('input[name="show-removed"]')
    expect(await removed.isVisible()).toBe(true)
    expect(await removed.locator('.removed-reason').textContent()).toContain('navigation')
  })

  it('entity: a mention links to the entity page with its mentions over time and its stories', async () => {
    const page = await open('#/stories')
    await page.click('table.stories a.story-link >> nth=0')
    await page.waitForSelector('.source-column')
    await page.click('.source-column h3 a >> nth=0')
    await page.waitForSelector('.source-text a.mark-entity')
    const href = (await page.locator('.source-text a.mark-entity').first().getAttribute('href'))!
    const id = decodeURIComponent(href.replace('#/entities/', ''))
    const { entity } = await dossier.api<{ entity: { name: string } }>(`/api/entities/${encodeURIComponent(id)}`)
    await page.click('.source-text a.mark-entity >> nth=0')
    await page.waitForURL(/#\/entities\//)
    await waitForApp(page)
    expect(await page.locator('h1').textContent()).toBe(entity.name)
    expect(await page.locator('svg.bars .bar rect').count()).toBeGreaterThan(0)
    expect(await page.locator('section.entity-stories tbody tr').count()).toBeGreaterThan(0)
    await page.waitForSelector('section.entity-timelines:not(:has(.loading))')
    await screenshot(page, 'entity-laptop')
  })

  it('phone: the stories list, a story and an article fit 390 px without sideways scrolling', async () => {
    const { story, check } = conflicted!
    const citation = check.facts[0]!.citations[0]!
    for (const [path, name] of [
      ['#/stories', 'stories-phone'],
      [`#/stories/${stories[0]!.id}`, 'story-phone'],
      [`#/stories/${story.id}`, 'story-conflict-phone'],
      [`#/articles/${citation.article}?span=${citation.span.start}-${citation.span.end}`, 'article-phone'],
    ] as const) {
      const page = await open(path, PHONE)
      expect(await scrollsSideways(page), path).toBe(false)
      await screenshot(page, name)
    }
  })

  it('import: an uploaded file is analysed as a job and its story appears', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-upload-'))
    const file = join(dir, 'quarry-gazette-bridge.txt')
    writeFileSync(file, 'River bridge in Eastvale reopens after repairs\n\nBy Quarry Gazette staff\n12 June 2024\n\nThe river bridge in Eastvale reopened on Tuesday after eight months of repairs, the town council said.\n\n"The bridge is safe again," council leader Petra Hollis said.\n')
    try {
      const page = await open('#/import')
      await page.setInputFiles('input[type="file"]', file)
      await page.click('form.import-form button[type="submit"]')
      await page.waitForSelector('.job-done, .job-failed', { timeout: 120_000 })
      expect(await page.locator('.job').getAttribute('class')).toContain('job-done')
      await page.click('.job a[href="#/stories"]')
      await page.waitForSelector('table.stories a.story-link:has-text("River bridge in Eastvale reopens after repairs")')
      expect(await page.locator('table.stories tbody tr').count()).toBe(Math.min(stories.length + 1, 25))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)

  it('token: the app takes the token from #token=, drops it from the address, and asks for it on a 401', async () => {
    const token = 'browser-test-token-7f3a'
    const guarded = await startServer({ store: dossier.store, webRoot: dossier.webRoot, host: '127.0.0.1', port: 0, token })
    try {
      const { page, record } = await openPage(browser, LAPTOP)
      records.push(record)
      await page.goto(`${guarded.url}/#token=${token}`)
      await waitForApp(page)
      expect(await page.locator('.token-needed').count()).toBe(0)
      expect(await page.locator('table.stories tbody tr').count()).toBeGreaterThan(0)
      expect(page.url()).not.toContain(token)
      expect(await page.evaluate(() => sessionStorage.getItem('dossier.token'))).toBe(token)

      // A token pasted into the address of an open tab is taken too, and leaves address and history.
      await page.evaluate(() => { location.hash = '#token=second-token-51c2' })
      await page.waitForFunction(() => sessionStorage.getItem('dossier.token') === 'second-token-51c2')
      await waitForApp(page)
      expect(page.url()).not.toContain('second-token')
      expect(await page.evaluate(() => location.hash)).toBe('#/stories')

      const fresh = await openPage(browser, LAPTOP)
      await fresh.page.goto(`${guarded.url}/#/stories`)
      await waitForApp(fresh.page)
      expect(await fresh.page.locator('.token-needed').count()).toBe(1)
      await fresh.page.fill('.token-form input[name="token"]', token)
      await fresh.page.click('.token-form button[type="submit"]')
      await fresh.page.waitForSelector('table.stories tbody tr')
      expect(await fresh.page.locator('.token-needed').count()).toBe(0)
    } finally {
      await guarded.close()
    }
  })

  it('token (issue 10): the API link opens the API document with the token, where a plain link got 401', async () => {
    const token = 'browser-test-token-api-link-9d1e'
    const guarded = await startServer({ store: dossier.store, webRoot: dossier.webRoot, host: '127.0.0.1', port: 0, token })
    try {
      expect((await fetch(`${guarded.url}/api/openapi.json`)).status).toBe(401)
      const { page, record } = await openPage(browser, LAPTOP)
      records.push(record)
      await page.goto(`${guarded.url}/#token=${token}`)
      await waitForApp(page)
      await page.click('nav.top a[data-token-link]')
      await page.waitForURL(/^blob:/)
      expect(JSON.parse((await page.locator('body').textContent())!)).toMatchObject({ openapi: '3.1.0' })
    } finally {
      await guarded.close()
    }
  })

  it('no page raised an error, opened a dialog or broke the Content-Security-Policy', () => {
    expect(records.length).toBeGreaterThan(0)
    for (const record of records) {
      expect(record.dialogs).toEqual([])
      expect(record.errors).toEqual([])
      expect(record.console.filter((m) => /Content.Security.Policy|Refused to/i.test(m.text))).toEqual([])
    }
  })
})
