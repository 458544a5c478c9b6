/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StorySummary } from '../../src/document/index.js'
import type { DocumentSummary, EntitySummary } from '../../src/store/index.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { chromiumAvailable, launchChromium, LAPTOP, openPage, screenshot, startDossier, waitForApp, type Dossier, type PageRecord } from './harness.js'
import { expectClean, injected, MARKUP, NOTHING } from './inert.js'

// Scraped content is text, never markup: articles whose titles, quotes, names, links and bodies
// carry <script>, onerror=, javascript: and CSS injection go through ingest into the store, and
// every page that shows them is opened in Chromium.
const present = chromiumAvailable('browser tests on the hostile corpus')
const HOSTILE = join(REPO_ROOT, 'test/browser/fixtures/hostile')

let dossier: Dossier
let browser: Browser

async function visit(path: string): Promise<{ page: Page; record: PageRecord }> {
  const opened = await openPage(browser, LAPTOP)
  await opened.page.goto(`${dossier.url}/${path}`)
  await waitForApp(opened.page)
  return opened
}

describe.skipIf(!present)('web app on a hostile corpus, in Chromium', () => {
  let stories: StorySummary[] = []
  let articles: DocumentSummary[] = []
  let entities: EntitySummary[] = []

  beforeAll(async () => {
    dossier = await startDossier([HOSTILE])
    browser = await launchChromium()
    stories = (await dossier.api<{ items: StorySummary[] }>('/api/stories?limit=200')).items
    articles = (await dossier.api<{ items: DocumentSummary[] }>('/api/articles?limit=200')).items
    entities = (await dossier.api<{ items: EntitySummary[] }>('/api/entities?limit=200')).items
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await dossier?.close()
  })

  it('hostile: the corpus reaches the store with its markup in titles', () => {
    expect(articles).toHaveLength(4)
    expect(articles.filter((a) => /<(script|img)/.test(a.title ?? '')).length).toBeGreaterThan(0)
    expect(stories.length).toBeGreaterThan(0)
  })

  it('hostile: the story list shows every title literally and runs nothing', async () => {
    const { page, record } = await visit('#/stories')
    expect(await page.locator('table.stories a.story-link').allTextContents()).toEqual(stories.map((s) => s.title))
    expect(await injected(page)).toEqual(NOTHING)
    expect(await page.locator('main').isVisible()).toBe(true)
    expectClean(record, '#/stories')
    await screenshot(page, 'hostile-stories')
  })

  it('hostile: every story page runs nothing and keeps its style', async () => {
    for (const story of stories) {
      const path = `#/stories/${story.id}`
      const { page, record } = await visit(path)
      expect(await page.locator('h1').textContent(), path).toBe(story.title)
      expect(await injected(page), path).toEqual(NOTHING)
      // The app's style sheet still applies: injected "</style>" or "*{display:none}" changed nothing.
      expect(await page.locator('header.site').evaluate((el) => getComputedStyle(el).display), path).toBe('flex')
      expectClean(record, path)
      if (story === stories[0]) await screenshot(page, 'hostile-story')
    }
  })

  it('hostile: every article page shows its text literally, removed passages included, and runs nothing', async () => {
    for (const summary of articles) {
      const path = `#/articles/${summary.id}`
      const { page, record } = await visit(path)
      await page.check('input[name="show-removed"]')
      const article = await dossier.api<{ source: string; clean: { kept: Array<{ start: number; end: number }> } }>(`/api/articles/${summary.id}`)
      const shown = await page.locator('.source-text').textContent()
      for (const span of article.clean.kept) expect(shown, path).toContain(article.source.slice(span.start, span.end))
      expect(await injected(page), path).toEqual(NOTHING)
      // A link whose href was refused is not left behind as a dead link.
      expect(await page.locator('main a:not([href])').count(), path).toBe(0)
      expectClean(record, path)
      if (summary === articles[0]) await screenshot(page, 'hostile-article')
    }
  })

  it('hostile: markup inside a quote is shown as the words of the quote', async () => {
    let checked = 0
    for (const summary of articles) {
      const article = await dossier.api<{ source: string; layers: { quotes?: { quotes: Array<{ span: { start: number; end: number } }> } } }>(`/api/articles/${summary.id}`)
      const marked = (article.layers.quotes?.quotes ?? []).map((q) => article.source.slice(q.span.start, q.span.end)).filter((t) => t.includes('<'))
      if (marked.length === 0) continue
      const { page, record } = await visit(`#/articles/${summary.id}`)
      const shown = (await page.locator('.source-text .mark-quote').allTextContents()).join('')
      for (const text of marked) expect(shown).toContain(text)
      expectClean(record, summary.id)
      checked += marked.length
    }
    expect(checked).toBeGreaterThan(0)
  })

  it.each([
    ['an unknown id', `#/stories/${encodeURIComponent(MARKUP)}`],
    ['a bad search', `#/stories?mode=advanced&q=${encodeURIComponent(`"${MARKUP}`)}`],
  ])('hostile: the server’s error message about %s that quotes markup is shown as text', async (_label, path) => {
    const { page, record } = await visit(path)
    expect(await page.locator('[role="alert"]').textContent(), path).toContain('<img src=x onerror=alert')
    expect(await injected(page), path).toEqual(NOTHING)
    expectClean(record, path)
  })

  it('hostile: a file name carrying markup is shown as text when picked, and rejected without running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-hostile-upload-'))
    const name = `${MARKUP}.txt`
    writeFileSync(join(dir, name), '')
    try {
      const { page, record } = await visit('#/import')
      await page.setInputFiles('input[type="file"]', join(dir, name))
      expect(await page.locator('.picked').textContent()).toContain(name)
      await page.click('form.import-form button[type="submit"]')
      await page.waitForSelector('.job-done, .job-failed, .import-progress [role="alert"]', { timeout: 60_000 })
      // The server files it under a name with the markup characters replaced; the words remain.
      expect(await page.locator('.import-progress .import-results').textContent()).toContain('onerror')
      expect(await injected(page)).toEqual(NOTHING)
      expectClean(record, '#/import')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)

  it('hostile: entity pages of names built from markup run nothing', async () => {
    const named = entities.filter((e) => /script|onerror|style|</i.test(e.name))
    expect(named.length).toBeGreaterThan(0)
    for (const entity of named) {
      const path = `#/entities/${encodeURIComponent(entity.id)}`
      const { page, record } = await visit(path)
      await page.waitForSelector('section.entity-timelines:not(:has(.loading))')
      expect(await page.locator('h1').textContent(), path).toBe(entity.name)
      expect(await injected(page), path).toEqual(NOTHING)
      expectClean(record, path)
    }
  })
})
