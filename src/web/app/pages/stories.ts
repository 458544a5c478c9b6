/*
 * `#/stories`: the story list, top or most recent first, with full-text search, filters by entity,
 * outlet (picked from the store's outlets, any case) and date range, each story's outlets and
 * coverage, pagination and export links. The filters live in the hash, so a filtered list is a link.
 */
import { apiUrl, getJson, type Page } from '../api.js'
import { dateText, errorBox, exportLinks, loading, pager, plural, table } from '../components.js'
import { h, replaceChildren } from '../dom.js'
import { routeHash, type Route } from '../routes.js'
import type { EntitySummary, Outlet, StoryRow } from '../types.js'

/** Stories per page of the list. */
const PAGE_SIZE = 25
/** The largest page the address may ask for (`limit`), as the API allows. */
const MAX_PAGE_SIZE = 200
/** Entities offered in the entity filter: the most widely mentioned. */
const ENTITY_CHOICES = 200
/** Outlets offered in the outlet filter: those with most articles. */
const OUTLET_CHOICES = 200
/** Outlet names a row shows; the rest are counted. */
const OUTLETS_SHOWN = 3
const FILTERS = ['q', 'mode', 'entity', 'outlet', 'from', 'to', 'thread', 'order'] as const

type Filters = Record<(typeof FILTERS)[number], string>

function filtersOf(route: Route): Filters {
  return Object.fromEntries(FILTERS.map((name) => [name, route.query.get(name)?.trim() ?? ''])) as Filters
}

function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', null, label), input)
}

/** The outlet picker: the store's outlets with their article counts; a name in the hash matches in any case. */
function outletSelect(value: string, outlets: readonly Outlet[]): HTMLSelectElement {
  const wanted = value.toLocaleLowerCase('en')
  const chosen = outlets.find((o) => o.spellings.some((s) => s.toLocaleLowerCase('en') === wanted))
  const select = h('select', { name: 'outlet' },
    h('option', { value: '' }, 'any outlet'),
    outlets.map((o) => h('option', { value: o.name, selected: o === chosen }, `${o.name} (${plural(o.articles, 'article')})`)))
  if (value !== '' && chosen === undefined) select.appendChild(h('option', { value, selected: true }, value))
  return select
}

function filterForm(values: Filters, entities: readonly EntitySummary[], outlets: readonly Outlet[]): HTMLFormElement {
  const q = h('input', { type: 'search', name: 'q', value: values.q, placeholder: 'words or "a phrase"', enterkeyhint: 'search' })
  // Off: every word typed is searched as written; on: AND, OR, NOT, ( ), prefix* and NEAR(a b, N) are operators.
  const advanced = h('input', { type: 'checkbox', name: 'mode', value: 'advanced', checked: values.mode === 'advanced' })
  const entity = h('select', { name: 'entity' },
    h('option', { value: '' }, 'any entity'),
    entities.map((e) => h('option', { value: e.id, selected: e.id === values.entity }, `${e.name} (${e.type}, ${e.documents})`)))
  if (values.entity !== '' && !entities.some((e) => e.id === values.entity)) entity.appendChild(h('option', { value: values.entity, selected: true }, values.entity))
  const outlet = outletSelect(values.outlet, outlets)
  const from = h('input', { type: 'text', name: 'from', value: values.from, placeholder: 'YYYY[-MM[-DD]]', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric' })
  const to = h('input', { type: 'text', name: 'to', value: values.to, placeholder: 'YYYY[-MM[-DD]]', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric' })
  return h('form', {
    class: 'filters',
    role: 'search',
    onsubmit: (event) => {
      event.preventDefault()
      location.hash = routeHash('stories', null, { q: q.value.trim(), mode: advanced.checked ? 'advanced' : '', entity: entity.value, outlet: outlet.value, from: from.value.trim(), to: to.value.trim(), thread: values.thread, order: values.order })
    },
  },
  field('Search', q), field('Entity', entity), field('Outlet', outlet), field('From', from), field('To', to),
  h('div', { class: 'actions' },
    h('label', { class: 'toggle', title: 'AND, OR, NOT, ( ), prefix*, NEAR(a b, N)' }, advanced, ' Operators'),
    h('button', { type: 'submit' }, 'Search'),
    h('a', { href: '#/stories', class: 'button-link' }, 'Clear')))
}

/** Top or most recent first: two links, the one in use marked as current. */
function orderToggle(values: Filters): HTMLElement {
  const link = (order: string, label: string): HTMLElement => {
    const on = (values.order || 'top') === order
    return h('a', { href: routeHash('stories', null, { ...values, order: order === 'top' ? '' : order }), class: `order${on ? ' on' : ''}`, 'aria-current': on ? 'true' : null }, label)
  }
  return h('nav', { class: 'order-toggle', 'aria-label': 'Order' }, 'Show: ', link('top', 'Top'), ' · ', link('recent', 'Recent'))
}

/** Which outlets carried the story: the first few by name, the rest counted. */
function outletCell(s: StoryRow): HTMLElement {
  const names = s.outletNames ?? []
  const shown = names.slice(0, OUTLETS_SHOWN)
  return h('span', { class: 'outlet-names' },
    h('strong', null, String(s.outlets)), names.length === 0 ? null : ': ',
    shown.join(', '), names.length > shown.length ? ` +${names.length - shown.length}` : '')
}

/** How long the story was covered: its first and last dates. */
function coverageCell(s: StoryRow): string {
  if (!s.first) return '—'
  return s.last && s.last !== s.first ? `${s.first} – ${s.last}` : s.first
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

function storyRows(items: readonly StoryRow[]): ReturnType<typeof table> {
  return table(null, ['Story', 'Event date', 'Outlets', 'Articles', 'Covered'], items.map((s) => [
    h('a', { href: routeHash('stories', s.id), class: 'story-link' }, s.title),
    dateText(s.eventDate),
    outletCell(s),
    String(s.articles),
    coverageCell(s),
  ]), 'stories')
}

/** Renders the story list into `main`. */
export async function showStories(main: HTMLElement, route: Route, retry: () => void): Promise<void> {
  const values = filtersOf(route)
  const offset = Math.max(0, Math.trunc(Number(route.query.get('offset') ?? '0')) || 0)
  const asked = Math.trunc(Number(route.query.get('limit')))
  const limit = asked >= 1 && asked <= MAX_PAGE_SIZE ? asked : PAGE_SIZE
  replaceChildren(main, h('h1', null, 'Stories'), loading('stories'))
  const query = { ...values, limit, offset, outlets: 1 }
  try {
    const [page, entities, outlets] = await Promise.all([
      getJson<Page<StoryRow>>(apiUrl('/api/stories', query)),
      getJson<Page<EntitySummary>>(apiUrl('/api/entities', { limit: ENTITY_CHOICES })).catch(() => ({ items: [] as EntitySummary[] })),
      getJson<Page<Outlet>>(apiUrl('/api/outlets', { limit: OUTLET_CHOICES })).catch(() => ({ items: [] as Outlet[] })),
    ])
    // The exports are the whole filtered list, streamed by the API: no page, no offset.
    const exportQuery = { ...values }
    replaceChildren(main,
      h('h1', null, 'Stories'),
      filterForm(values, entities.items, outlets.items),
      values.thread === '' ? null : h('p', { class: 'meta' }, 'Stories of one thread. ', h('a', { href: routeHash('stories', null, { ...values, thread: '' }) }, 'All stories')),
      orderToggle(values),
      page.items.length === 0
        ? h('p', { class: 'empty' }, page.total === 0 && Object.values(values).every((v) => v === '') ? 'No stories yet: import some articles.' : 'No story matches.')
        : storyRows(page.items),
      pager(page, (at) => routeHash('stories', null, { ...values, offset: at === 0 ? '' : at, limit: limit === PAGE_SIZE ? '' : limit }), 'stories', storyCountText(page)),
      exportLinks([
        { label: 'CSV (all)', url: apiUrl('/api/stories', { ...exportQuery, format: 'csv' }), file: 'stories.csv' },
        { label: 'JSON (this page)', url: apiUrl('/api/stories', { ...exportQuery, limit, offset }), file: 'stories.json' },
      ]),
      values.q === '' ? null : h('p', { class: 'coverage-link' }, h('a', { href: routeHash('coverage', null, { q: values.q, mode: values.mode }) }, 'Coverage of this search over time ›')))
  } catch (error) {
    replaceChildren(main, h('h1', null, 'Stories'), filterForm(values, [], []), errorBox(error, retry))
  }
}
