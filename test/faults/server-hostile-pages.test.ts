/// <reference lib="dom" />
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoryCheck, StorySummary } from '../../src/document/index.js'
import type { DocumentSummary, EntitySummary } from '../../src/store/index.js'
import type { RouteName } from '../../src/web/app/routes.js'
import { createWatch, watchStoreOf, type AlertDraft } from '../../src/watches/index.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { chromiumAvailable, launchChromium, LAPTOP, openPage, startDossier, waitForApp, type Dossier, type PageRecord } from '../browser/harness.js'
import { expectClean, injected, MARKUP, NOTHING } from '../browser/inert.js'

// Every page of the web app, on the hostile corpus (markup and script in titles, quotes, names,
// links, bodies) and with markup in its address (ids, filters, spans). The list of visits is keyed
// by route name, so a page added to routes.ts does not compile here until it is visited too.
const present = chromiumAvailable('server fault tests: hostile input through every page')
const HOSTILE = join(REPO_ROOT, 'test/browser/fixtures/hostile')

let dossier: Dossier
let browser: Browser
const enc = encodeURIComponent

interface Corpus {
  readonly stories: readonly StorySummary[]
  readonly articles: readonly DocumentSummary[]
  readonly entities: readonly EntitySummary[]
}

/** The addresses that open each page: every stored item, and markup where an id or a filter goes. */
const VISITS: Readonly<Record<RouteName, (corpus: Corpus) => string[]>> = {
  stories: () => ['#/stories', ...['q', 'entity', 'outlet', 'from', 'to', 'offset'].map((name) => `#/stories?${name}=${enc(MARKUP)}`)],
  story: ({ stories }) => [...stories.map((s) => `#/stories/${enc(s.id)}`), `#/stories/${enc(MARKUP)}`],
  article: ({ articles }) => [...articles.map((a) => `#/articles/${enc(a.id)}?span=0-40`), `#/articles/${enc(MARKUP)}`, `#/articles/${enc(articles[0]!.id)}?span=${enc(MARKUP)}`],
  // Entities whose names carry markup, plus two others: the full list is long and alike.
  entity: ({ entities }) => [
    ...entities.filter((e) => /[<>]|script|onerror|style/i.test(e.name)).map((e) => `#/entities/${enc(e.id)}`),
    ...entities.slice(0, 2).map((e) => `#/entities/${enc(e.id)}`),
    `#/entities/${enc(MARKUP)}`,
  ],
  import: () => ['#/import', `#/import?q=${enc(MARKUP)}`],
  // Searches that find the markup put it into snippets and outlet names.
  articles: () => ['#/articles', '#/articles?q=script', '#/articles?q=img&sort=title', ...['q', 'sort', 'dir', 'offset'].map((name) => `#/articles?${name}=${enc(MARKUP)}`)],
  threads: () => ['#/threads', `#/threads?offset=${enc(MARKUP)}`],
  coverage: () => ['#/coverage', '#/coverage?q=script', ...['q', 'by', 'from', 'to', 'outlet', 'a', 'b'].map((name) => `#/coverage?${name}=${enc(MARKUP)}`)],
  watches: () => ['#/watches', `#/watches/${enc(MARKUP)}`],
  sources: () => ['#/sources'],
  'not-found': () => [`#/${enc(MARKUP)}`, `#/stories/a/${enc(MARKUP)}`],
}

async function visit(path: string): Promise<{ page: Page; record: PageRecord }> {
  const opened = await openPage(browser, LAPTOP)
  await opened.page.goto(`${dossier.url}/${path}`)
  await waitForApp(opened.page)
  // Parts of a page (timelines, charts) load after it: wait until none is loading.
  await opened.page.waitForFunction(() => document.querySelector('.loading') === null, undefined, { timeout: 30_000 })
  return opened
}

describe.skipIf(!present)('server faults: hostile input through every page of the web app, in Chromium', () => {
  let corpus: Corpus

  beforeAll(async () => {
    dossier = await startDossier([HOSTILE])
    browser = await launchChromium()
    corpus = {
      stories: (await dossier.api<{ items: StorySummary[] }>('/api/stories?limit=200')).items,
      articles: (await dossier.api<{ items: DocumentSummary[] }>('/api/articles?limit=200')).items,
      entities: (await dossier.api<{ items: EntitySummary[] }>('/api/entities?limit=200')).items,
    }
    // A watch named in markup, with an alert on each story (their titles carry markup), citing the check's spans.
    const watch = await createWatch(dossier.store, { query: 'script', name: MARKUP })
    const drafts = await Promise.all(corpus.stories.map(async (story): Promise<AlertDraft> => ({
      watch: watch.id, kind: 'new-story', key: `story:${story.id}`, story: { id: story.id, title: story.title }, title: `New story: ${story.title}`,
      citations: (await dossier.api<StoryCheck>(`/api/stories/${story.id}/check`)).facts.flatMap((f) => f.citations).slice(0, 5),
    })))
    await watchStoreOf(dossier.store).recordAlerts(drafts, null, new Date())
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await dossier?.close()
  })

  it('hostile pages: the corpus holds markup in titles and entity names', () => {
    expect(corpus.articles.filter((a) => /<(script|img)/.test(a.title ?? '')).length).toBeGreaterThan(0)
    expect(corpus.entities.filter((e) => /[<>]|script|onerror|style/i.test(e.name)).length).toBeGreaterThan(0)
  })

  it.each(Object.keys(VISITS) as RouteName[])('hostile pages: every address of the %s page renders that page and runs nothing', async (name) => {
    const paths = VISITS[name](corpus)
    expect(paths.length).toBeGreaterThan(0)
    for (const path of paths) {
      const { page, record } = await visit(path)
      const shown = await page.locator('main').getAttribute('data-route')
      // An id made of markup is a page of its kind that says "not found", or the not-found page.
      expect([name, 'not-found'], path).toContain(shown)
      expect(await injected(page), path).toEqual(NOTHING)
      expect(await page.locator('header.site').evaluate((el) => getComputedStyle(el).display), path).toBe('flex')
      expectClean(record, path)
      await page.context().close()
    }
  }, 180_000)

  it('hostile pages: pasted lines of markup and refused addresses are listed as text, each with its reason, and nothing is said to be done', async () => {
    const before = await dossier.store.countDocuments()
    const lines = [`http://127.0.0.1:9/${MARKUP}`, MARKUP, 'file:///etc/passwd', 'http://10.0.0.1/internal']
    const { page, record } = await visit('#/import')
    await page.fill('textarea[name="urls"]', lines.join('\n'))
    await page.click('form.import-form button[type="submit"]')
    await page.waitForSelector('.job-done, .job-failed', { timeout: 60_000 })
    expect(await page.locator('.job-headline').textContent()).toBe('Nothing was imported: all 4 inputs were refused.')
    expect(await page.locator('.job-headline').textContent()).not.toMatch(/Done/)
    expect(await page.locator('.job-tally').textContent()).toBe('0 added (0 new documents), 0 skipped, 4 refused.')
    const rows = page.locator('table.import-results tbody tr')
    expect(await rows.count()).toBe(4)
    for (const [i, line] of [lines[0]!, lines[1]!].entries()) expect(await rows.nth(i).locator('td').first().textContent()).toBe(line)
    const text = (await page.locator('.import-results').textContent())!
    expect(text).not.toMatch(/--[a-z]|\/tmp\/|allowPrivate/)
    expect(await rows.locator('.outcome-refused').count()).toBe(4)
    expect(await injected(page)).toEqual(NOTHING)
    expectClean(record, '#/import')
    expect(await dossier.store.countDocuments()).toBe(before)
  }, 90_000)
})
