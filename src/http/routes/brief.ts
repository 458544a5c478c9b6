import { Hono } from 'hono'
import { briefOf, renderBrief } from '../../api/brief.js'
import type { Story } from '../../document/index.js'
import type { Store } from '../../store/index.js'
import { ResponseCache } from '../cache.js'
import { notFound } from '../errors.js'
import { JSON_TYPE, toSafeJson, utf8 } from '../json.js'
import { choiceParam } from '../params.js'

export const BRIEF_FORMATS = ['json', 'md', 'html'] as const

/**
 * `/api/stories/:id/brief`: a story's brief as JSON, Markdown, or an HTML download. A brief reads
 * every article of the story and of its thread, so each is computed once per version of the story
 * and its thread and then served from memory. The first request of a version computes it on the
 * server's one thread: every other request waits behind that cold brief (a worker would lift it).
 */
export function briefRoutes(store: Store): Hono {
  const routes = new Hono()
  const cache = new ResponseCache<Uint8Array<ArrayBuffer>>()
  routes.get('/:id/brief', async (c) => {
    const id = c.req.param('id')
    const format = choiceParam(c, 'format', BRIEF_FORMATS, 'json')
    // briefOf says UsageError for an unknown id, which is a 400 elsewhere: an id in the path is a 404.
    const story = await store.getStory(id)
    if (story === undefined) throw notFound('story', id)
    const key = `${await versionOf(store, story)}|${format}`
    const body = await cache.get(key, async () => {
      const brief = await briefOf(store, id)
      return utf8(format === 'json' ? toSafeJson(brief) : renderBrief(brief, format))
    })
    if (format === 'json') return c.body(body, 200, { 'Content-Type': JSON_TYPE })
    if (format === 'md') return c.body(body, 200, { 'Content-Type': 'text/markdown; charset=utf-8' })
    // Downloaded, never shown inline: the brief's HTML holds scraped words, escaped or not it is not ours to render here.
    return c.body(body, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id.replace(/[^\w.-]/g, '_')}.html"`,
    })
  })
  return routes
}

/**
 * What a brief is derived from, as one string: the story's last change, and its thread's stories
 * with theirs (the brief's timelines read the whole thread). One listing of the thread, not a
 * story read per thread member: this runs on every request, cache hits included.
 */
async function versionOf(store: Store, story: Story): Promise<string> {
  const parts = [story.id, story.updatedAt]
  const siblings = story.thread === null ? [] : await store.listStories({ thread: story.thread })
  for (const { id, updatedAt } of siblings.sort((a, b) => a.id.localeCompare(b.id))) {
    if (id !== story.id) parts.push(id, updatedAt)
  }
  return parts.join('|')
}
