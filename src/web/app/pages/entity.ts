/*
 * `#/entities/:id`: mentions over time, the entity's quotes, its stories, and the stance timelines
 * it takes part in (from the briefs of its stories).
 */
import { getJson } from '../api.js'
import { dateText, errorBox, loading, plural, table } from '../components.js'
import { chartBox, chartWidth } from '../chart-tips.js'
import { monthBars, timelineChart, timelineLegend } from '../charts.js'
import { h, replaceChildren } from '../dom.js'
import { routeHash, type Route } from '../routes.js'
import { spanHref } from '../spans.js'
import type { Brief, EntityView, Timeline } from '../types.js'

/** Stories whose briefs are read for stance timelines: the entity's first ones. */
const MAX_STORIES_FOR_TIMELINES = 6

function timelineKey(t: Timeline): string {
  return `${t.actor.id}\u0000${t.counterpart.id}\u0000${t.topic ?? ''}`
}

/** The timelines of the entity's stories in which it is the actor or the counterpart, each once. */
async function timelinesOf(view: EntityView): Promise<Timeline[]> {
  const briefs = await Promise.allSettled(view.stories.slice(0, MAX_STORIES_FOR_TIMELINES)
    .map((s) => getJson<Brief>(`/api/stories/${encodeURIComponent(s.id)}/brief`)))
  const found = new Map<string, Timeline>()
  for (const result of briefs) {
    if (result.status !== 'fulfilled') continue
    for (const t of result.value.timelines) {
      if (t.actor.id !== view.entity.id && t.counterpart.id !== view.entity.id) continue
      if (t.statements.length > 0 && !found.has(timelineKey(t))) found.set(timelineKey(t), t)
    }
  }
  return [...found.values()]
}

function quotesSection(view: EntityView): HTMLElement {
  return h('section', { class: 'entity-quotes' },
    h('h2', null, 'Quotes'),
    view.quotes.length === 0
      ? h('p', { class: 'empty' }, 'No quotes by this entity.')
      : h('ul', { class: 'quotes' }, view.quotes.map((q) => h('li', null,
        h('q', null, q.text), ' — ', h('a', { href: spanHref(q.article, q.span), class: 'cite' }, q.source)))))
}

function storiesSection(view: EntityView): HTMLElement {
  return h('section', { class: 'entity-stories' },
    h('h2', null, 'Stories'),
    view.stories.length === 0
      ? h('p', { class: 'empty' }, 'In no story yet.')
      : table(null, ['Story', 'Event date', 'Outlets'], view.stories.map((s) => [
        h('a', { href: routeHash('stories', s.id) }, s.title), dateText(s.eventDate), String(s.outlets),
      ])))
}

/** Renders an entity page into `main`. */
export async function showEntity(main: HTMLElement, route: Route, retry: () => void): Promise<void> {
  replaceChildren(main, loading('the entity'))
  let view: EntityView
  try {
    view = await getJson<EntityView>(`/api/entities/${encodeURIComponent(route.id ?? '')}`)
  } catch (error) {
    replaceChildren(main, errorBox(error, retry))
    return
  }
  const { entity } = view
  document.title = `${entity.name} — Dossier`
  const timelines = h('section', { class: 'entity-timelines' }, h('h2', null, 'Stance timelines'), loading('timelines'))
  replaceChildren(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/stories' }, '‹ Stories')),
    h('h1', null, entity.name),
    h('p', { class: 'meta' }, `${entity.type} · ${plural(entity.documents, 'article')} · ${plural(entity.mentions, 'mention')}`),
    h('section', { class: 'mentions' }, h('h2', null, 'Mentions over time'), view.mentionsByMonth.length === 0 ? monthBars([]) : chartBox(monthBars(view.mentionsByMonth, chartWidth()))),
    quotesSection(view),
    timelines,
    storiesSection(view))
  const found = await timelinesOf(view)
  replaceChildren(timelines, h('h2', null, 'Stance timelines'),
    found.length === 0 ? h('p', { class: 'empty' }, 'No stance timeline involves this entity.') : [timelineLegend(), chartBox(timelineChart(found, chartWidth()))])
}
