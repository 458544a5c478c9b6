/*
 * `#/stories`: the story list with full-text search, filters by entity, outlet and date range,
 * pagination and export links. The filters live in the hash, so a filtered list is a link.
 */
import { apiUrl, getJson, type Page } from '../api.js'
import { dateText, errorBox, exportLinks, loading, table } from '../components.js'
import { h, replaceChildren } from '../dom.js'
import { routeHash, type Route } from '../routes.js'
import type { EntitySummary, StorySummary } from '../types.js'

/** Stories per page of the list. */
const PAGE_SIZE = 25
/** Entities offered in the entity filter: the most widely mentioned. */
const ENTITY_CHOICES = 200
const FILTERS = ['q', 'mode', 'entity', 'outlet', 'from', 'to'] as const

type Filters = Record<(typeof FILTERS)[number], string>

function filtersOf(route: Route): Filters {
  return Object.fromEntries(FILTERS.map((name) => [name, route.query.get(name)?.trim() ?? ''])) as Filters
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', null, label), input)
}

function filterForm(values: Filters, entities: readonly EntitySummary[]): HTMLFormElement {
  const q = h('input', { type: 'search', name: 'q', value: values.q, placeholder: 'words or "a phrase"', enterkeyhint: 'search' })
  // Off: every word typed is searched as written; on: AND, OR, NOT, ( ), prefix* and NEAR(a b, N) are operators.
  const advanced = h('input', { type: 'checkbox', name: 'mode', value: 'advanced', checked: values.mode === 'advanced' })
  const entity = h('select', { name: 'entity' },
    h('option', { value: '' }, 'any entity'),
    entities.map((e) => h('option', { value: e.id, selected: e.id === values.entity }, `${e.name} (${e.type}, ${e.documents})`)))
  if (values.entity !== '' && !entities.some((e) => e.id === values.entity)) entity.appendChild(h('option', { value: values.entity, selected: true }, values.entity))
  const outlet = h('input', { type: 'text', name: 'outlet', value: values.outlet, placeholder: 'outlet' })
  const from = h('input', { type: 'text', name: 'from', value: values.from, placeholder: 'YYYY[-MM[-DD]]', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric' })
  const to = h('input', { type: 'text', name: 'to', value: values.to, placeholder: 'YYYY[-MM[-DD]]', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric' })
  return h('form', {
    class: 'filters',
    role: 'search',
    onsubmit: (event) => {
      event.preventDefault()
      location.hash = routeHash('stories', null, { q: q.value.trim(), mode: advanced.checked ? 'advanced' : '', entity: entity.value, outlet: outlet.value.trim(), from: from.value.trim(), to: to.value.trim() })
    },
  },
  field('Search', q), field('Entity', entity), field('Outlet', outlet), field('From', from), field('To', to),
  h('div', { class: 'actions' },
    h('label', { class: 'toggle', title: 'AND, OR, NOT, ( ), prefix*, NEAR(a b, N)' }, advanced, ' Operators'),
    h('button', { type: 'submit' }, 'Search'),
    h('a', { href: '#/stories', class: 'button-link' }, 'Clear')))
}

function pager(values: Filters, page: Page<StorySummary>): HTMLElement {
  const at = (offset: number): string => routeHash('stories', null, { ...values, offset: offset === 0 ? '' : offset })
  const last = Math.min(page.offset + page.items.length, page.total)
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    page.offset > 0 ? h('a', { href: at(Math.max(0, page.offset - page.limit)), rel: 'prev' }, '‹ Previous') : h('span', { class: 'disabled' }, '‹ Previous'),
    h('span', { class: 'count' }, storyCountText(page)),
    last < page.total ? h('a', { href: at(page.offset + page.limit), rel: 'next' }, 'Next ›') : h('span', { class: 'disabled' }, 'Next ›'))
}

/**
 * The pager's count. A text search matching more articles than the server reads lists the stories
 * of the newest of them, and says so rather than pass the count for all.
 *
 * @example
 * storyCountText({ items, total: 212, offset: 0, limit: 25, totalCapped: true }) // '1–25 of 212, from the newest matching articles; narrow the search for older ones'
 */
export function storyCountText(page: Page<unknown>): string {
  if (page.total === 0) return page.totalCapped ? 'no stories among the newest matching articles' : 'no stories'
  const range = `${page.offset + 1}–${Math.min(page.offset + page.items.length, page.total)} of ${page.total}`
  return page.totalCapped ? `${range}, from the newest matching articles; narrow the search for older ones` : range
}

function storyRows(items: readonly StorySummary[]): ReturnType<typeof table> {
  return table(null, ['Story', 'Event date', 'Outlets', 'Articles'], items.map((s) => [
    h('a', { href: routeHash('stories', s.id), class: 'story-link' }, s.title),
    dateText(s.eventDate),
    String(s.outlets),
    String(s.articles),
  ]), 'stories')
}

/** Renders the story list into `main`. */
export async function showStories(main: HTMLElement, route: Route, retry: () => void): Promise<void> {
  const values = filtersOf(route)
  const offset = Math.max(0, Number(route.query.get('offset') ?? '0') || 0)
  replaceChildren(main, h('h1', null, 'Stories'), loading('stories'))
  const query = { ...values, limit: PAGE_SIZE, offset }
  try {
    const [page, entities] = await Promise.all([
      getJson<Page<StorySummary>>(apiUrl('/api/stories', query)),
      getJson<Page<EntitySummary>>(apiUrl('/api/entities', { limit: ENTITY_CHOICES })).catch(() => ({ items: [] as EntitySummary[] })),
    ])
    const exportQuery = { ...values, limit: 200, offset }
    replaceChildren(main,
      h('h1', null, 'Stories'),
      filterForm(values, entities.items),
      page.items.length === 0
        ? h('p', { class: 'empty' }, page.total === 0 && Object.values(values).every((v) => v === '') ? 'No stories yet: import some articles.' : 'No story matches.')
        : storyRows(page.items),
      pager(values, page),
      exportLinks([
        { label: 'CSV', url: apiUrl('/api/stories', { ...exportQuery, format: 'csv' }), file: 'stories.csv' },
        { label: 'JSON', url: apiUrl('/api/stories', exportQuery), file: 'stories.json' },
      ]))
  } catch (error) {
    replaceChildren(main, h('h1', null, 'Stories'), filterForm(values, []), errorBox(error, retry))
  }
}
