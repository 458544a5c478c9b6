/*
 * `#/threads`: stories linked by shared actors and topic over time, the thread with most stories
 * first; each thread lists its stories earliest first, and links to them as a filtered story list.
 */
import { apiUrl, getJson, type Page } from '../api.js'
import { dateText, errorBox, exportLinks, loading, pager, plural } from '../components.js'
import { h, replaceChildren } from '../dom.js'
import { routeHash, type Route } from '../routes.js'
import type { Thread } from '../types.js'

/** Threads per page. */
const PAGE_SIZE = 20

function threadItem(thread: Thread): HTMLElement {
  const first = thread.stories[0]?.eventDate ?? null
  const last = thread.stories.at(-1)?.eventDate ?? null
  return h('article', { class: 'thread', 'data-thread': thread.id },
    h('h2', null, thread.title),
    h('p', { class: 'meta' },
      plural(thread.stories.length, 'story', 'stories'),
      first !== null ? ` · ${first}${last !== null && last !== first ? ` – ${last}` : ''}` : '',
      thread.terms.length > 0 ? ` · ${thread.terms.join(', ')}` : ''),
    h('p', { class: 'thread-actors' }, thread.actors.map((a, i) => [i > 0 ? ', ' : null, h('a', { href: routeHash('entities', a.id) }, a.name)])),
    h('ol', { class: 'thread-stories' }, thread.stories.map((s) => h('li', null,
      h('time', null, dateText(s.eventDate)), ' ', h('a', { href: routeHash('stories', s.id), class: 'story-link' }, s.title)))),
    h('p', null, h('a', { href: routeHash('stories', null, { thread: thread.id, order: 'recent' }) }, 'Its stories in the story list ›')))
}

/** Renders the thread list into `main`. */
export async function showThreads(main: HTMLElement, route: Route, retry: () => void): Promise<void> {
  const offset = Math.max(0, Number(route.query.get('offset') ?? '0') || 0)
  replaceChildren(main, h('h1', null, 'Threads'), loading('threads'))
  try {
    const page = await getJson<Page<Thread>>(apiUrl('/api/threads', { limit: PAGE_SIZE, offset }))
    replaceChildren(main,
      h('h1', null, 'Threads'),
      h('p', { class: 'lede' }, 'Stories linked over time by the actors they share and their topic.'),
      page.items.length === 0 ? h('p', { class: 'empty' }, 'No threads yet: a thread needs two stories on one question.') : h('div', { class: 'threads' }, page.items.map(threadItem)),
      pager(page, (at) => routeHash('threads', null, { offset: at === 0 ? '' : at }), 'threads'),
      exportLinks([{ label: 'CSV (all)', url: apiUrl('/api/threads', { format: 'csv' }), file: 'threads.csv' }]))
  } catch (error) {
    replaceChildren(main, h('h1', null, 'Threads'), errorBox(error, retry))
  }
}
