/// <reference lib="dom" />
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Story, StorySummary, Thread } from '../../src/document/index.js'
import type { DocumentSummary } from '../../src/store/index.js'
import type { Coverage } from '../../src/http/coverage.js'
import type { StoryCoverage } from '../../src/http/story-coverage.js'
import { REPO_ROOT } from '../helpers/cli.js'
import {
  chromiumAvailable, launchChromium, LAPTOP, openApp, PHONE, screenshot, scrollsSideways, startDossier, waitForApp,
  type Dossier, type PageRecord,
} from './harness.js'
import { expectClean } from './inert.js'

// The views of issue 16 in real Chromium: article search and list, threads, outlets, coverage over
// time and per story, links to originals, exports, and the phone and keyboard fixes. The store holds
// the examples and a small corpus of our own (test/browser/fixtures/views).
const present = chromiumAvailable('browser tests of the article, thread and coverage views')

let dossier: Dossier
let browser: Browser
const records: PageRecord[] = []
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

const open = (path: string, viewport: { width: number; height: number } = LAPTOP, touch = false): Promise<Page> => openApp(browser, dossier, records, path, viewport, touch)

/** The first listed story whose brief has a stance timeline. */
async function storyWithTimeline(): Promise<StorySummary> {
  for (const story of (await dossier.api<{ items: StorySummary[] }>('/api/stories?limit=200')).items) {
    const brief = await dossier.api<{ timelines: Array<{ statements: unknown[] }> }>(`/api/stories/${story.id}/brief`)
    if (brief.timelines.some((t) => t.statements.length > 0)) return story
  }
  throw new Error('no story of the examples has a stance timeline')
}

/** Where the app's keyboard focus is: the focused element's tag, classes and text. */
function focused(page: Page): Promise<{ tag: string; className: string; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement
    return { tag: el?.tagName.toLowerCase() ?? '', className: el?.getAttribute('class') ?? '', text: el?.textContent ?? '' }
  })
}

describe.skipIf(!present)('web app views (issue 16), in Chromium', () => {
  beforeAll(async () => {
    dossier = await startDossier([join(REPO_ROOT, 'examples'), join(REPO_ROOT, 'test/browser/fixtures/views')])
    browser = await launchChromium()
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await dossier?.close()
  })

  it('articles: a search lists its hits with snippets, the searched word highlighted, each highlight a link to its words', async () => {
    const page = await open('#/articles?q=Belarus')
    const api = await dossier.api<{ items: DocumentSummary[]; total: number }>('/api/articles?q=Belarus&limit=25')
    const rows = page.locator('table.articles tbody tr')
    expect(await rows.count()).toBe(api.items.length)
    expect(await page.locator('table.articles a.article-link').allTextContents()).toEqual(api.items.map((a) => a.title ?? a.input))
    const marks = await page.locator('.snippet mark').allTextContents()
    expect(marks.length).toBeGreaterThan(0)
    for (const mark of marks) expect(fold(mark)).toBe('belarus')
    await screenshot(page, 'articles-search-laptop')
    await page.click('.snippet a.hit >> nth=0')
    await page.waitForURL(/#\/articles\/.+\?span=\d+-\d+/)
    await waitForApp(page)
    expect(fold((await page.locator('.source-text .mark-target').allTextContents()).join(''))).toBe('belarus')
  })

  it('articles: a column header sorts the whole list, then the other way; aria-sort says which', async () => {
    const page = await open('#/articles')
    await page.click('table.articles th a.sort:has-text("Published")')
    await page.waitForURL(/sort=published/)
    await waitForApp(page)
    const expected = await dossier.api<{ items: DocumentSummary[] }>('/api/articles?sort=published&dir=desc&limit=25')
    expect(await page.locator('table.articles a.article-link').allTextContents()).toEqual(expected.items.map((a) => a.title ?? a.input))
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Published')
    await page.click('table.articles th a.sort:has-text("Published")')
    await page.waitForURL(/dir=asc/)
    await waitForApp(page)
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Published')
    const dates = (await page.locator('table.articles tbody td:nth-child(3)').allTextContents()).filter((d) => d !== '—')
    expect(dates).toEqual([...dates].sort())
  })

  it('articles: the pager walks the list and the CSV export is the whole list, not the page', async () => {
    const total = (await dossier.api<{ total: number }>('/api/articles?limit=1')).total
    expect(total).toBeGreaterThan(10)
    const page = await open('#/articles?limit=5')
    expect(await page.locator('.pager .count').textContent()).toBe(`1–5 of ${total}`)
    await page.click('.pager a[rel="next"]')
    await page.waitForURL(/offset=5/)
    await waitForApp(page)
    expect(await page.locator('.pager .count').textContent()).toBe(`6–10 of ${total}`)
    const expected = await dossier.api<{ items: DocumentSummary[] }>('/api/articles?limit=5&offset=5')
    expect(await page.locator('table.articles a.article-link').allTextContents()).toEqual(expected.items.map((a) => a.title ?? a.input))
    const href = (await page.locator('a.export').first().getAttribute('href'))!
    expect(href).not.toMatch(/offset|limit/)
    const csv = await (await fetch(`${dossier.url}${href}`)).text()
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + total)
  })

  it('stories: the CSV export from page 2 is every story from the first, not the page from its first row', async () => {
    const all = (await dossier.api<{ items: StorySummary[]; total: number }>('/api/stories?limit=200'))
    expect(all.total).toBeGreaterThan(3)
    const page = await open('#/stories?offset=3&limit=3')
    expect(await page.locator('table.stories tbody tr').count()).toBe(Math.min(3, all.total - 3))
    const href = (await page.locator('a.export:has-text("CSV")').getAttribute('href'))!
    expect(href).not.toMatch(/offset|limit/)
    const ids = (await (await fetch(`${dossier.url}${href}`)).text()).split('\r\n').slice(1).filter((l) => l !== '').map((l) => l.split(',')[0])
    expect(ids).toEqual(all.items.map((s) => s.id))
  })

  it('stories: Top and Recent reorder the list; the one in use is marked', async () => {
    const page = await open('#/stories')
    expect(await page.locator('.order-toggle a[aria-current="true"]').textContent()).toBe('Top')
    await page.click('.order-toggle a:has-text("Recent")')
    await page.waitForURL(/order=recent/)
    await waitForApp(page)
    const recent = await dossier.api<{ items: StorySummary[] }>('/api/stories?order=recent&limit=25')
    expect(await page.locator('table.stories a.story-link').allTextContents()).toEqual(recent.items.map((s) => s.title))
    expect(await page.locator('.order-toggle a[aria-current="true"]').textContent()).toBe('Recent')
  })

  it('outlets: picked from a list with counts, one entry for two spellings; the pick lists stories under either', async () => {
    const page = await open('#/stories')
    const options = await page.locator('select[name="outlet"] option').allTextContents()
    expect(options.filter((o) => /^fenwick ledger/i.test(o))).toEqual(['Fenwick Ledger (2 articles)'])
    await page.selectOption('select[name="outlet"]', { label: 'Fenwick Ledger (2 articles)' })
    await page.click('form.filters button[type="submit"]')
    await page.waitForURL(/outlet=/)
    await waitForApp(page)
    const titles = await page.locator('table.stories a.story-link').allTextContents()
    expect(titles.length).toBeGreaterThan(0)
    const exact = [
      ...(await dossier.api<{ items: StorySummary[] }>('/api/stories?outlet=Fenwick%20Ledger&limit=200')).items,
      ...(await dossier.store.listStories({ outlet: 'FENWICK LEDGER' })),
    ]
    expect(new Set(titles)).toEqual(new Set(exact.map((s) => s.title)))
    // Typed in another case, the outlet in the address still selects the entry.
    const typed = await open('#/stories?outlet=fenwick%20LEDGER')
    expect(await typed.locator('select[name="outlet"] option:checked').textContent()).toBe('Fenwick Ledger (2 articles)')
  })

  it('threads: each thread with its stories, earliest first, linked to the story list filtered to it', async () => {
    const threads = (await dossier.api<{ items: Thread[] }>('/api/threads?limit=20')).items
    expect(threads.length, 'the examples make a thread').toBeGreaterThan(0)
    const page = await open('#/threads')
    expect(await page.locator('article.thread h2').allTextContents()).toEqual(threads.map((t) => t.title))
    const first = page.locator('article.thread').first()
    expect(await first.locator('.thread-stories a.story-link').allTextContents()).toEqual(threads[0]!.stories.map((s) => s.title))
    await first.locator('a:has-text("Its stories in the story list")').click()
    await page.waitForURL(/#\/stories\?thread=/)
    await waitForApp(page)
    expect(new Set(await page.locator('table.stories a.story-link').allTextContents())).toEqual(new Set(threads[0]!.stories.map((s) => s.title)))
    await screenshot(page, 'threads-laptop')
  })

  it('coverage: a search drawn as articles per day by outlet, with the outlet table and the CSV beside it', async () => {
    const coverage = await dossier.api<Coverage>('/api/coverage?q=Russia')
    const page = await open('#/coverage?q=Russia')
    const bars = page.locator('svg.coverage-chart g.bar')
    expect(await bars.count()).toBe(coverage.points.length)
    const drawn = await bars.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-articles'))))
    expect(drawn).toEqual(coverage.points.map((p) => p.articles))
    // Each outlet's part of a bar in its own colour, the bar's hit area unpainted, no two date labels touching.
    const fills = await page.locator('svg.coverage-chart rect[class^="series-"]').evaluateAll((rects) => [...new Set(rects.map((r) => `${r.getAttribute('class')} ${getComputedStyle(r).fill}`))])
    expect(new Set(fills.map((f) => f.split(' ').slice(1).join(' '))).size).toBe(new Set(fills.map((f) => f.split(' ')[0])).size)
    expect(await page.locator('svg.coverage-chart rect.bar-hit').first().evaluate((r) => getComputedStyle(r).fill)).toMatch(/transparent|rgba\(0, 0, 0, 0\)|none/)
    const labels = await page.locator('svg.coverage-chart text.date-label').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect()).map((r) => [r.left, r.right]))
    for (let i = 1; i < labels.length; i++) expect(labels[i]![0]!).toBeGreaterThan(labels[i - 1]![1]!)
    expect(await page.locator('table.coverage-outlets tbody tr').count()).toBe(coverage.outlets.length)
    expect(await page.locator('.coverage-count').textContent()).toContain(`${coverage.articles} articles`)
    const href = (await page.locator('a.export').getAttribute('href'))!
    const csv = await (await fetch(`${dossier.url}${href}`)).text()
    expect(csv.startsWith('date,outlet,articles\r\n')).toBe(true)
    await screenshot(page, 'coverage-laptop')
  })

  it('coverage: reached from a story search, and an outlet row narrows the chart to that outlet', async () => {
    const page = await open('#/stories?q=ferry')
    await page.click('.coverage-link a')
    await page.waitForURL(/#\/coverage\?q=ferry/)
    await waitForApp(page)
    await page.click('table.coverage-outlets a:has-text("Fenwick Ledger")')
    await page.waitForURL(/outlet=fenwick/i)
    await waitForApp(page)
    expect(await page.locator('.coverage-count').textContent()).toMatch(/^2 articles from 1 outlet/)
  })

  it('coverage: two outlets compared date by date, every date either carried the search', async () => {
    const coverage = await dossier.api<Coverage>('/api/coverage?q=Russia')
    const [a, b] = [coverage.outlets[0]!.name, coverage.outlets[1]!.name]
    const page = await open('#/coverage?q=Russia')
    await page.selectOption('form.compare-form select[name="a"]', a)
    await page.selectOption('form.compare-form select[name="b"]', b)
    await page.click('form.compare-form button[type="submit"]')
    await page.waitForURL(/&b=/)
    await waitForApp(page)
    const expected = coverage.points.filter((p) => (p.outlets[a] ?? 0) + (p.outlets[b] ?? 0) > 0).map((p) => [p.date, String(p.outlets[a] ?? 0), String(p.outlets[b] ?? 0)])
    const rows = await page.locator('table.compare-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))
    expect(rows).toEqual(expected)
    expect(rows.length).toBeGreaterThan(0)
  })

  it('story coverage: the outlets that carried it with dates and originals; a mailto: address is never a link', async () => {
    const [story] = (await dossier.api<{ items: StorySummary[] }>('/api/stories?outlet=fenwick%20ledger')).items
    const coverage = await dossier.api<StoryCoverage>(`/api/stories/${story!.id}/coverage`)
    const page = await open(`#/stories/${story!.id}`)
    const rows = page.locator('table.carried tbody tr')
    expect(await rows.count()).toBe(coverage.carried.length)
    const originals = page.locator('table.carried a.original')
    expect(await originals.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(expect.arrayContaining(['https://fenwick.example/news/2025/10/13/northport-ferry-strike']))
    // The feed item's link was mailto: ingest kept no address, and the page says so instead of linking.
    expect(await page.locator('table.carried .original-unlinked').count()).toBe(1)
    expect(await page.locator('a[href^="mailto:" i]').count()).toBe(0)
    expect(await page.locator('.source-column .original-unlinked').count()).toBe(1)
  })

  it('story coverage: outlets that usually cover the actors but did not carry it are named', async () => {
    const stories = (await dossier.api<{ items: StorySummary[] }>('/api/stories?limit=200')).items
    let found: { story: StorySummary; coverage: StoryCoverage } | undefined
    for (const story of stories) {
      const coverage = await dossier.api<StoryCoverage>(`/api/stories/${story.id}/coverage`)
      if (coverage.missing.length > 0) {
        found = { story, coverage }
        break
      }
    }
    expect(found, 'a story of the examples leaves out an outlet that covers its actors').toBeDefined()
    const page = await open(`#/stories/${found!.story.id}`)
    expect(await page.locator('table.not-carried tbody td:first-child').allTextContents()).toEqual(found!.coverage.missing.map((m) => m.outlet))
    await screenshot(page, 'story-coverage-laptop')
  })

  it('story: the outlet count is the brief\'s', async () => {
    const stories = (await dossier.api<{ items: StorySummary[] }>('/api/stories?limit=200')).items
    for (const summary of stories.slice(0, 6)) {
      const story = await dossier.api<Story>(`/api/stories/${summary.id}`)
      const md = await (await fetch(`${dossier.url}/api/stories/${summary.id}/brief?format=md`)).text()
      const briefCount = /\*\*Outlets:\*\* (\d+)/.exec(md)?.[1]
      expect(briefCount, `the brief of ${summary.id} gives its outlets`).toBeDefined()
      const page = await open(`#/stories/${story.id}`)
      expect(await page.locator('.story-head .meta').textContent()).toContain(` · ${briefCount} outlet`)
    }
  })

  it('article: a quality note pointing into removed text says so, and its link shows that passage marked', async () => {
    const articles = (await dossier.api<{ items: DocumentSummary[] }>('/api/articles?limit=200')).items
    let hit: { id: string; span: { start: number; end: number } } | undefined
    for (const { id } of articles) {
      const article = await dossier.api<{ quality: Array<{ span?: { start: number; end: number } }>; clean: { kept: Array<{ start: number; end: number }> } }>(`/api/articles/${id}`)
      const note = article.quality.find((n) => n.span && !article.clean.kept.some((k) => k.start < n.span!.end && k.end > n.span!.start))
      if (note) {
        hit = { id, span: note.span! }
        break
      }
    }
    if (hit === undefined) {
      // No stored note points into removed text: the link of a span inside a removal shows the same.
      const article = await dossier.api<{ clean: { removed: Array<{ span: { start: number; end: number }; reason: string }> } }>(`/api/articles/${articles[0]!.id}`)
      const removal = article.clean.removed.find((r) => r.reason !== 'whitespace' && r.span.end - r.span.start > 5)
      expect(removal, 'an article has a removed passage').toBeDefined()
      hit = { id: articles[0]!.id, span: removal!.span }
    } else {
      const page = await open(`#/articles/${hit.id}`)
      expect(await page.locator('.quality-notes .in-removed').count()).toBeGreaterThan(0)
    }
    const page = await open(`#/articles/${hit.id}?span=${hit.span.start}-${hit.span.end}`)
    expect(await page.locator('.target-removed').textContent()).toContain('in text cleaning removed')
    const marked = page.locator('.removed.mark-target').first()
    expect(await marked.isVisible()).toBe(true)
    expect(await page.isChecked('input[name="show-removed"]')).toBe(true)
  })

  it('phone: every new view fits 390 px, and every chart is drawn inside its box', async () => {
    const [story] = (await dossier.api<{ items: StorySummary[] }>('/api/stories?limit=1')).items
    const entity = (await dossier.api<{ items: Array<{ id: string }> }>('/api/entities?limit=1')).items[0]!
    for (const [path, name] of [
      ['#/articles?q=Belarus', 'articles-phone'],
      ['#/threads', 'threads-phone'],
      ['#/coverage?q=Russia', 'coverage-phone'],
      [`#/stories/${story!.id}`, 'story-charts-phone'],
      [`#/entities/${encodeURIComponent(entity.id)}`, 'entity-phone'],
    ] as const) {
      const page = await open(path, PHONE)
      await page.waitForFunction(() => document.querySelector('.loading') === null)
      expect(await scrollsSideways(page), path).toBe(false)
      const clipped = await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((svg) => {
        const box = svg.getBoundingClientRect()
        const wrap = svg.parentElement!.getBoundingClientRect()
        return { drawn: Math.round(box.width), room: Math.round(wrap.width), scrolls: svg.parentElement!.scrollWidth > svg.parentElement!.clientWidth + 1, view: Number(svg.getAttribute('viewBox')!.split(' ')[2]) }
      }))
      for (const chart of clipped) {
        expect(chart.scrolls, `${path}: a chart scrolls in its box`).toBe(false)
        expect(chart.drawn).toBeLessThanOrEqual(chart.room)
        // Drawn at about its own width: text is not shrunk to half size.
        expect(chart.view / chart.drawn).toBeLessThan(1.15)
      }
      await screenshot(page, name)
    }
    // The table's header row is hidden on a phone (rows are cards): the sort links are above the list.
    const page = await open('#/articles', PHONE)
    expect(await page.locator('.sort-bar').isVisible()).toBe(true)
    await page.click('.sort-bar a.sort:has-text("Published")')
    await page.waitForURL(/sort=published/)
  })

  it('phone: a tap on a bar shows its day and outlets; a second tap is needed to follow a mark that links', async () => {
    const page = await open('#/coverage?q=Russia', PHONE, true)
    const bar = page.locator('svg.coverage-chart g.bar[data-articles]:not([data-articles="0"])').first()
    const tip = (await bar.getAttribute('data-tip'))!
    await bar.locator('rect.bar-hit').tap()
    expect(await page.locator('.chart-tip').textContent()).toBe(tip)
    const story = await storyWithTimeline()
    const storyPage = await open(`#/stories/${story.id}`, PHONE, true)
    const dot = storyPage.locator('svg.timeline-chart a.statement').first()
    const words = (await dot.getAttribute('data-tip'))!
    await dot.tap()
    expect(await storyPage.locator('section.timeline .chart-tip').textContent()).toBe(words)
    expect(storyPage.url()).toContain('#/stories/')
    await dot.tap()
    await storyPage.waitForURL(/#\/articles\//)
  })

  it('keyboard: skip link, focus on the new page\'s heading, the side-by-side facts by Tab and Enter', async () => {
    const page = await open('#/stories')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'a', className: 'skip-link' })
    await page.keyboard.press('Enter')
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Stories' })

    // A link followed by keyboard: focus lands on the new page's heading.
    await page.locator('table.stories a.story-link').first().focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/stories\/.+/)
    await waitForApp(page)
    const title = (await page.locator('h1').textContent())!
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: title })

    // A shared fact in the sources: reached by Tab, lit up in every source by Enter.
    const fact = page.locator('.side-by-side [data-fact][role="button"]').first()
    expect(await fact.count()).toBe(1)
    const id = (await fact.getAttribute('data-fact'))!.split(' ')[0]!
    await fact.focus()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('button')
    await page.keyboard.press('Enter')
    const lit = await page.locator('.side-by-side .active').evaluateAll((els) => els.map((e) => e.getAttribute('data-fact') ?? ''))
    expect(lit.length).toBeGreaterThan(0)
    expect(lit.every((f) => f.split(' ').includes(id))).toBe(true)
  })

  it('keyboard: a chart is one Tab stop; the arrow keys, Home and End move between its marks, each read out', async () => {
    const page = await open('#/coverage?q=Russia')
    const marks = page.locator('svg.coverage-chart [data-tip]')
    const count = await marks.count()
    expect(count).toBeGreaterThan(2)
    expect(await marks.evaluateAll((ms) => ms.filter((m) => m.getAttribute('tabindex') === '0').length)).toBe(1)
    await page.locator('form.coverage-form button[type="submit"]').focus()
    await page.keyboard.press('Tab')
    const tipOfFocus = (): Promise<string | null | undefined> => page.evaluate(() => document.activeElement?.getAttribute('data-tip'))
    expect(await tipOfFocus()).toBe(await marks.first().getAttribute('data-tip'))
    await page.keyboard.press('ArrowRight')
    const second = (await marks.nth(1).getAttribute('data-tip'))!
    expect(await tipOfFocus()).toBe(second)
    expect(await page.locator('.chart-tip').textContent()).toBe(second)
    await page.keyboard.press('End')
    expect(await tipOfFocus()).toBe(await marks.nth(count - 1).getAttribute('data-tip'))
    // Tab leaves the chart in one press.
    await page.keyboard.press('Tab')
    expect(await tipOfFocus()).toBeFalsy()
  })

  it('keyboard only: the article list is searched, sorted and opened without a pointer', async () => {
    const page = await open('#/articles')
    await page.locator('input[name="q"]').focus()
    await page.keyboard.type('ferry')
    await page.keyboard.press('Enter')
    await page.waitForURL(/q=ferry/)
    await waitForApp(page)
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Articles' })
    await page.locator('th a.sort:has-text("Title")').focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/sort=title/)
    await waitForApp(page)
    const titles = await page.locator('table.articles a.article-link').allTextContents()
    expect(titles).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en')))
    await page.locator('table.articles a.article-link').first().focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/articles\/[^?]+$/)
    await waitForApp(page)
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: titles[0] })
  })

  it('no page raised an error, opened a dialog or broke the Content-Security-Policy', () => {
    expect(records.length).toBeGreaterThan(0)
    for (const record of records) expectClean(record, 'a view')
  })
})
