/*
 * `#/coverage?q=…`: coverage over time for any search (or every article), after Media Cloud's
 * attention chart: articles per day or month, stacked by outlet, the table of outlets beside it,
 * two outlets compared date by date, and the counts as CSV.
 */
import { apiUrl, getJson } from '../api.js'
import { chartBox, chartWidth } from '../chart-tips.js'
import { errorBox, exportLinks, loading, plural, table } from '../components.js'
import { COVERAGE_SERIES, coverageChart, coverageSeries } from '../coverage-chart.js'
import { h, replaceChildren } from '../dom.js'
import { routeHash, type Route } from '../routes.js'
import type { Coverage } from '../types.js'

const FIELDS = ['q', 'mode', 'by', 'from', 'to', 'outlet', 'a', 'b'] as const
type View = Record<(typeof FIELDS)[number], string>

function viewOf(route: Route): View {
  return Object.fromEntries(FIELDS.map((name) => [name, route.query.get(name)?.trim() ?? ''])) as View
}

function form(view: View): HTMLFormElement {
  const q = h('input', { type: 'search', name: 'q', value: view.q, placeholder: 'words or "a phrase" (empty: every article)', enterkeyhint: 'search' })
  const by = h('select', { name: 'by' }, h('option', { value: 'day', selected: view.by !== 'month' }, 'per day'), h('option', { value: 'month', selected: view.by === 'month' }, 'per month'))
  const datePattern = '\\d{4}(-\\d{2}(-\\d{2})?)?'
  const from = h('input', { type: 'text', name: 'from', value: view.from, placeholder: 'YYYY[-MM[-DD]]', pattern: datePattern, inputmode: 'numeric' })
  const to = h('input', { type: 'text', name: 'to', value: view.to, placeholder: 'YYYY[-MM[-DD]]', pattern: datePattern, inputmode: 'numeric' })
  return h('form', {
    class: 'filters coverage-form',
    role: 'search',
    onsubmit: (event) => {
      event.preventDefault()
      location.hash = routeHash('coverage', null, { ...view, q: q.value.trim(), by: by.value === 'day' ? '' : by.value, from: from.value.trim(), to: to.value.trim() })
    },
  },
  h('label', { class: 'field' }, h('span', null, 'Search'), q),
  h('label', { class: 'field' }, h('span', null, 'Count'), by),
  h('label', { class: 'field' }, h('span', null, 'From'), from),
  h('label', { class: 'field' }, h('span', null, 'To'), to),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')))
}

function key(coverage: Coverage): HTMLElement {
  const series = coverageSeries(coverage)
  const others = coverage.outlets.length - series.length
  return h('p', { class: 'legend chart-legend' },
    series.map((name, k) => h('span', { class: 'key' }, h('span', { class: `swatch series-${k}` }), ` ${name}`)),
    others > 0 ? h('span', { class: 'key' }, h('span', { class: `swatch series-${COVERAGE_SERIES}` }), ` ${plural(others, 'other outlet')}`) : null)
}

function outletTable(view: View, coverage: Coverage): HTMLElement {
  return table(null, ['Outlet', 'Articles', 'Share'], coverage.outlets.map((o) => [
    h('a', { href: routeHash('coverage', null, { ...view, outlet: o.name }) }, o.name),
    String(o.articles),
    `${Math.round((o.articles / Math.max(coverage.articles, 1)) * 100)}%`,
  ]), 'coverage-outlets')
}

/** Two outlets' coverage of the search side by side, after Media Cloud's comparison: a row per date either carried it. */
function comparison(view: View, coverage: Coverage): HTMLElement | null {
  if (coverage.outlets.length < 2) return null
  const names = coverage.outlets.map((o) => o.name)
  const select = (name: 'a' | 'b', fallback: string): HTMLSelectElement => h('select', { name },
    names.map((n) => h('option', { value: n, selected: n === (view[name] || fallback) }, n)))
  const a = select('a', names[0]!)
  const b = select('b', names[1]!)
  const form = h('form', {
    class: 'compare-form',
    onsubmit: (event) => {
      event.preventDefault()
      location.hash = routeHash('coverage', null, { ...view, a: a.value, b: b.value })
    },
  }, h('label', { class: 'field' }, h('span', null, 'Outlet'), a), h('label', { class: 'field' }, h('span', null, 'beside'), b), h('button', { type: 'submit' }, 'Compare'))
  const section = h('section', { class: 'compare' }, h('h2', null, 'Two outlets compared'), form)
  if (view.a === '' || view.b === '') return section
  const total = (name: string): number => coverage.outlets.find((o) => o.name === name)?.articles ?? 0
  const rows = coverage.points.filter((p) => (p.outlets[view.a] ?? 0) + (p.outlets[view.b] ?? 0) > 0)
  section.append(
    h('p', { class: 'meta compare-totals' }, `${view.a}: ${plural(total(view.a), 'article')}; ${view.b}: ${plural(total(view.b), 'article')}.`),
    rows.length === 0 ? h('p', { class: 'empty' }, 'Neither outlet has a dated article in this search.') : table(null, ['Date', view.a, view.b], rows.map((p) => [
      p.date, String(p.outlets[view.a] ?? 0), String(p.outlets[view.b] ?? 0),
    ]), 'compare-table'))
  return section
}

/** Renders the coverage page into `main`. */
export async function showCoverage(main: HTMLElement, route: Route, retry: () => void): Promise<void> {
  const view = viewOf(route)
  const title = view.q === '' ? 'Coverage over time' : `Coverage of “${view.q}”`
  replaceChildren(main, h('h1', null, title), loading('coverage'))
  const query = { q: view.q, mode: view.mode, by: view.by, from: view.from, to: view.to, outlet: view.outlet }
  try {
    const coverage = await getJson<Coverage>(apiUrl('/api/coverage', query))
    const counted = `${plural(coverage.articles, 'article')} from ${plural(coverage.outlets.length, 'outlet')}`
    replaceChildren(main,
      h('h1', null, title),
      form(view),
      view.outlet === '' ? null : h('p', { class: 'meta' }, `Only ${view.outlet}. `, h('a', { href: routeHash('coverage', null, { ...view, outlet: '' }) }, 'All outlets')),
      h('p', { class: 'meta coverage-count' }, counted,
        coverage.undated > 0 ? ` (${coverage.undated} without a ${coverage.by === 'day' ? 'publication day' : 'publication month'}, in no bar)` : '',
        coverage.capped ? ' — the newest 10,000 matches only' : '', '.'),
      coverage.points.length === 0
        ? h('p', { class: 'empty' }, 'No dated article to draw.')
        : h('section', { class: 'coverage' }, h('h2', null, `Articles per ${coverage.by}`), key(coverage), chartBox(coverageChart(coverage, chartWidth()))),
      coverage.outlets.length === 0 ? null : h('section', null, h('h2', null, 'By outlet'), outletTable(view, coverage)),
      view.outlet === '' ? comparison(view, coverage) : null,
      exportLinks([{ label: 'CSV (date, outlet, articles)', url: apiUrl('/api/coverage', { ...query, format: 'csv' }), file: 'coverage.csv' }]),
      view.q === '' ? null : h('p', null, h('a', { href: routeHash('articles', null, { q: view.q, mode: view.mode }) }, 'The matching articles ›')))
  } catch (error) {
    replaceChildren(main, h('h1', null, title), form(view), errorBox(error, retry))
  }
}
