import { Hono } from 'hono'
import { briefOf, renderBrief } from '../../api/brief.js'
import type { Store } from '../../store/index.js'
import { notFound } from '../errors.js'
import { sendJson } from '../json.js'
import { choiceParam } from '../params.js'

export const BRIEF_FORMATS = ['json', 'md', 'html'] as const

/** `/api/stories/:id/brief`: a story's brief as JSON, Markdown, or an HTML download. */
export function briefRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/:id/brief', async (c) => {
    const id = c.req.param('id')
    const format = choiceParam(c, 'format', BRIEF_FORMATS, 'json')
    // briefOf says UsageError for an unknown id, which is a 400 elsewhere: an id in the path is a 404.
    if ((await store.getStory(id)) === undefined) throw notFound('story', id)
    const brief = await briefOf(store, id)
    if (format === 'json') return sendJson(c, brief)
    if (format === 'md') return c.body(renderBrief(brief, 'md'), 200, { 'Content-Type': 'text/markdown; charset=utf-8' })
    // Downloaded, never shown inline: the brief's HTML holds scraped words, escaped or not it is not ours to render here.
    return c.body(renderBrief(brief, 'html'), 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id.replace(/[^\w.-]/g, '_')}.html"`,
    })
  })
  return routes
}
