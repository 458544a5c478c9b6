/*
 * `#/articles`: every stored article, or a search of them with each hit's snippet (the searched
 * words highlighted, from the API), sortable by column and paged; each links to its page and to
 * where it was published. The search, order and page live in the hash, so a view is a link.
 */
import { apiUrl, getJson, type Page } from '../api.js'
import { dateText, errorBox, exportLinks, loading, originalLink, pager, table } from '../components.js'
import { h, replaceChildren, type Child } from '../dom.js'
import { routeHash, type Route } from '../routes.js'
import { spanHref } from '../spans.js'
import type { ArticleRow, Snippet } from '../types.js'

/** Articles per page, unless the address asks for another number (`limit`, 1 to 200). */
const PAGE_SIZE = 25
const MAX_PAGE_SIZE = 200

/** The sortable columns: their header and the API's `sort` word. */
const SORTS: ReadonlyArray<readonly [label: string, sort: string]> = [
  ['Title', 'title'], ['Outlet', 'outlet'], ['Published', 'published'], ['Characters', 'chars'],
]
/** The order a column sorts in first: dates and sizes biggest first, words A to Z. */
const FIRST_DIRECTION: Readonly<Record<string, 'asc' | 'desc'>> = { published: 'desc', chars: 'desc', title: 'asc', outlet: 'asc' }

interface View {
  readonly q: string
  readonly mode: string
  readonly sort: string
  readonly dir: string
  readonly offset: number
  readonly limit: number
}

function viewOf(route: Route): View {
  const text = (name: string): string => route.query.get(name)?.trim() ?? ''
  const limit = Math.trunc(Number(text('limit')))
  return {
    q: text('q'), mode: text('mode'), sort: text('sort'), dir: text('dir'),
    offset: Math.max(0, Math.trunc(Number(text('offset'))) || 0),
    limit: limit >= 1 && limit <= MAX_PAGE_SIZE ? limit : PAGE_SIZE,
  }
}

function hashOf(view: View): string {
  return routeHash('articles', null, { q: view.q, mode: view.mode, sort: view.sort, dir: view.dir, offset: view.offset === 0 ? '' : view.offset, limit: view.limit === PAGE_SIZE ? '' : view.limit })
}

function searchForm(view: View): HTMLFormElement {
  const q = h('input', { type: 'search', name: 'q', value: view.q, placeholder: 'words or "a phrase"', enterkeyhint: 'search', 'aria-label': 'Search articles' })
  const advanced = h('input', { type: 'checkbox', name: 'mode', value: 'advanced', checked: view.mode === 'advanced' })
  return h('form', {
    class: 'filters article-search',
    role: 'search',
    onsubmit: (event) => {
      event.preventDefault()
      location.hash = hashOf({ ...view, q: q.value.trim(), mode: advanced.checked ? 'advanced' : '', offset: 0 })
    },
  },
  h('label', { class: 'field' }, h('span', null, 'Search articles'), q),
  h('div', { class: 'actions' },
    h('label', { class: 'toggle', title: 'AND, OR, NOT, ( ), prefix*, NEAR(a b, N)' }, advanced, ' Operators'),
    h('button', { type: 'submit' }, 'Search'),
    h('a', { href: '#/articles', class: 'button-link' }, 'Clear')))
}

/** The snippet's text with its highlights as `<mark>`, each linking to the words in the article. */
export function snippetView(article: string, snippet: Snippet): HTMLElement {
  const parts: Child[] = []
  let at = snippet.span.start
  for (const span of snippet.highlights) {
    if (span.start < at) continue
    parts.push(snippet.text.slice(at - snippet.span.start, span.start - snippet.span.start))
    parts.push(h('a', { href: spanHref(article, span), class: 'hit' }, h('mark', null, snippet.text.slice(span.start - snippet.span.start, span.end - snippet.span.start))))
    at = span.end
  }
  parts.push(snippet.text.slice(at - snippet.span.start))
  return h('p', { class: 'snippet' }, snippet.span.start > 0 ? '… ' : null, parts, ' …',
    snippet.highlights.length === 0 ? h('span', { class: 'snippet-note' }, ' (the words matched the title)') : null)
}

/** A column header that sorts the list by it, and again the other way; `aria-sort` says which is on. */
function sortHeader(view: View, label: string, sort: string): HTMLElement {
  const on = view.sort === sort
  const dir = on ? view.dir || FIRST_DIRECTION[sort]! : FIRST_DIRECTION[sort]!
  const next = on ? (dir === 'asc' ? 'desc' : 'asc') : dir
  return h('a', {
    href: hashOf({ ...view, sort, dir: next, offset: 0 }),
    class: `sort${on ? ` sort-${dir}` : ''}`,
    'aria-label': `Sort by ${label.toLowerCase()}, ${next === 'asc' ? 'ascending' : 'descending'}`,
  }, label, on ? (dir === 'asc' ? ' ▲' : ' ▼') : null)
}

/** The sort links again, above the list: on a phone the table's header row is hidden (rows are cards). */
function sortBar(view: View): HTMLElement {
  return h('nav', { class: 'sort-bar', 'aria-label': 'Sort' }, 'Sort: ', SORTS.map(([label, sort], i) => [i > 0 ? ' · ' : null, sortHeader(view, label, sort)]))
}

function articleRows(view: View, items: readonly ArticleRow[]): HTMLElement {
  const wrap = table(null, SORTS.map(([label]) => label), items.map((a) => [
    h('span', { class: 'article-cell' },
      h('a', { href: routeHash('articles', a.id), class: 'article-link' }, a.title ?? a.input),
      a.snippet ? snippetView(a.id, a.snippet) : null),
    h('span', null, a.publisher ?? '—', ' ', originalLink(a.url)),
    dateText(a.published),
    String(a.chars),
  ]), 'articles')
  // The headers sort: each becomes a link, and the sorted one carries aria-sort.
  const headers = wrap.querySelectorAll('thead th')
  SORTS.forEach(([label, sort], i) => {
    const th = headers[i]!
    replaceChildren(th, sortHeader(view, label, sort))
    th.setAttribute('aria-sort', view.sort === sort ? ((view.dir || FIRST_DIRECTION[sort]) === 'asc' ? 'ascending' : 'descending') : 'none')
  })
  return wrap
}

/** Renders the article list into `main`. */
export async function showArticles(main: HTMLElement, route: Route, retry: () => void): Promise<void> {
  const view = viewOf(route)
  replaceChildren(main, h('h1', null, 'Articles'), loading('articles'))
  const query = { q: view.q, mode: view.mode, sort: view.sort, dir: view.dir, limit: view.limit, offset: view.offset, snippets: view.q === '' ? '' : 1 }
  try {
    const page = await getJson<Page<ArticleRow>>(apiUrl('/api/articles', query))
    const exportQuery = { q: view.q, mode: view.mode }
    replaceChildren(main,
      h('h1', null, 'Articles'),
      searchForm(view),
      view.q === '' ? null : h('p', { class: 'coverage-link' }, h('a', { href: routeHash('coverage', null, { q: view.q, mode: view.mode }) }, 'Coverage of this search over time ›')),
      page.items.length === 0
        ? h('p', { class: 'empty' }, view.q === '' ? 'No articles yet: import some.' : 'No article matches.')
        : [sortBar(view), articleRows(view, page.items)],
      pager(page, (offset) => hashOf({ ...view, offset }), 'articles'),
      // The exports are the whole list (or search), not this page: the API streams every row.
      exportLinks([{ label: 'CSV (all)', url: apiUrl('/api/articles', { ...exportQuery, format: 'csv' }), file: 'articles.csv' }]))
  } catch (error) {
    replaceChildren(main, h('h1', null, 'Articles'), searchForm(view), errorBox(error, retry))
  }
}
