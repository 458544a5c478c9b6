import { Hono } from 'hono'
import type { StorySummary } from '../../document/index.js'
import type { Store, StoryListOptions } from '../../store/index.js'
import { fieldColumns } from '../csv.js'
import { notFound } from '../errors.js'
import { sendJson } from '../json.js'
import { sendList } from '../list.js'
import { choiceParam, dateParam, pageParams, textParam } from '../params.js'

export const STORY_ORDERS = ['top', 'recent'] as const

const STORY_COLUMNS = fieldColumns<StorySummary>(['id', 'title', 'eventDate', 'articles', 'outlets', 'thread', 'updatedAt'])

/** `/api/stories`: the story list with its filters, one story and its cross-check. */
export function storyRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/', async (c) => {
    const page = pageParams(c)
    const filters: StoryListOptions = {
      text: textParam(c, 'q'),
      entity: textParam(c, 'entity'),
      outlet: textParam(c, 'outlet'),
      from: dateParam(c, 'from'),
      to: dateParam(c, 'to'),
      thread: textParam(c, 'thread'),
      order: choiceParam(c, 'order', STORY_ORDERS, 'top'),
    }
    const [items, count] = await Promise.all([store.listStories({ ...filters, ...page }), store.countStories(filters)])
    return sendList(c, 'stories', page, items, { count }, STORY_COLUMNS)
  })
  routes.get('/:id', async (c) => {
    const id = c.req.param('id')
    const story = await store.getStory(id)
    if (story === undefined) throw notFound('story', id)
    return sendJson(c, story)
  })
  routes.get('/:id/check', async (c) => {
    const id = c.req.param('id')
    const check = await store.getStoryCheck(id)
    if (check === undefined) throw notFound('story', id)
    return sendJson(c, check)
  })
  return routes
}
