import { Hono } from 'hono'
import type { Fact, StorySummary } from '../../document/index.js'
import type { Store } from '../../store/index.js'
import { fieldColumns, toCsv, type CsvColumn } from '../csv.js'
import { notFound } from '../errors.js'
import { ResponseCache } from '../cache.js'
import { JSON_TYPE, sendJson, toSafeJson, utf8 } from '../json.js'
import { sendList } from '../list.js'
import { booleanParam, choiceParam, dateParam, pageParams, searchParam, textParam } from '../params.js'
import { streamCsv, wantsFullExport } from '../export.js'
import type { OutletIndex } from '../outlets.js'
import { storyCoverage } from '../story-coverage.js'
import { listStoryPage, storyPages, withOutletNames, type StoryFilters } from '../story-list.js'
import { LIST_FORMATS } from '../list.js'

export const STORY_ORDERS = ['top', 'recent'] as const

const STORY_COLUMNS = fieldColumns<StorySummary>(['id', 'title', 'eventDate', 'articles', 'outlets', 'thread', 'updatedAt'])

/** The facts table as CSV: one row a fact, its citations as `outlet: words [article start-end]`. */
const FACT_COLUMNS: readonly CsvColumn<Fact>[] = [
  ...fieldColumns<Fact>(['id', 'kind', 'status', 'statement', 'outlets']),
  { header: 'who', value: (f) => f.who?.name ?? null },
  { header: 'attributions', value: (f) => f.attributions.join('; ') },
  { header: 'unattributed', value: (f) => f.unattributed },
  { header: 'conflict', value: (f) => f.conflict },
  { header: 'citations', value: (f) => f.citations.map((c) => `${c.source}: ${c.text} [${c.article} ${c.span.start}-${c.span.end}]`).join(' | ') },
]

/** `/api/stories`: the story list with its filters, one story and its cross-check. */
export function storyRoutes(store: Store, outlets: OutletIndex): Hono {
  const routes = new Hono()
  routes.get('/', async (c) => {
    const page = pageParams(c)
    const outlet = textParam(c, 'outlet')
    const filters: StoryFilters = {
      text: searchParam(c),
      entity: textParam(c, 'entity'),
      from: dateParam(c, 'from'),
      to: dateParam(c, 'to'),
      thread: textParam(c, 'thread'),
      order: choiceParam(c, 'order', STORY_ORDERS, 'top'),
      // An outlet is read in any case: it stands for every spelling of it the store holds.
      ...(outlet !== undefined ? { outlets: await outlets.spellingsOf(outlet) } : {}),
    }
    if (wantsFullExport(c)) return streamCsv(c, 'stories', STORY_COLUMNS, storyPages(store, filters), page.offset)
    const found = await listStoryPage(store, filters, page)
    const items = booleanParam(c, 'outlets') ? await withOutletNames(store, found.items) : found.items
    return sendList(c, 'stories', page, items, found, STORY_COLUMNS)
  })
  routes.get('/:id', async (c) => {
    const id = c.req.param('id')
    const story = await store.getStory(id)
    if (story === undefined) throw notFound('story', id)
    return sendJson(c, story)
  })
  routes.get('/:id/coverage', async (c) => {
    const id = c.req.param('id')
    const story = await store.getStory(id)
    if (story === undefined) throw notFound('story', id)
    return sendJson(c, await storyCoverage(store, story))
  })
  // A check is saved with its story, so the story's updatedAt names its version.
  const checks = new ResponseCache<Uint8Array<ArrayBuffer>>()
  routes.get('/:id/check', async (c) => {
    const id = c.req.param('id')
    const csv = choiceParam(c, 'format', LIST_FORMATS, 'json') === 'csv'
    const story = await store.getStory(id)
    if (story === undefined) throw notFound('story', id)
    if (csv) {
      const check = await store.getStoryCheck(id)
      if (check === undefined) throw notFound('story check', id)
      return c.body(toCsv(check.facts, FACT_COLUMNS), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${id}-facts.csv"` })
    }
    const body = await checks.get(`${id}|${story.updatedAt}`, async () => {
      const check = await store.getStoryCheck(id)
      if (check === undefined) throw notFound('story check', id)
      return utf8(toSafeJson(check))
    })
    return c.body(body, 200, { 'Content-Type': JSON_TYPE })
  })
  return routes
}
