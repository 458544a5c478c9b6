/*
 * `#/articles/:id[?span=start-end]`: the clean text with its annotations highlighted, a toggle for
 * what cleaning removed (and why), the quality notes, and — with `span` — the cited words scrolled
 * to and highlighted.
 */
import { getJson } from '../api.js'
import { dateText, errorBox, loading, table } from '../components.js'
import { h, replaceChildren, safeHref } from '../dom.js'
import { routeHash, type Route } from '../routes.js'
import { parseSpanParam, spanHref, type Mark } from '../spans.js'
import { annotationMarks, renderSource } from '../text-view.js'
import type { ArticleView } from '../types.js'

const LAYER_TOGGLES: ReadonlyArray<readonly [Mark['kind'], string]> = [
  ['entity', 'Entities'], ['quote', 'Quotes'], ['claim', 'Figures'], ['event', 'Events'],
]

function toggles(text: HTMLElement): HTMLElement {
  const box = (label: string, onchange: (on: boolean) => void, checked: boolean, name: string): HTMLElement => {
    const input = h('input', { type: 'checkbox', name, checked, onchange: () => onchange(input.checked) })
    return h('label', { class: 'toggle' }, input, ' ', label)
  }
  return h('div', { class: 'toggles' },
    LAYER_TOGGLES.map(([kind, label]) => box(label, (on) => text.classList.toggle(`hide-${kind}`, !on), true, `show-${kind}`)),
    box('Show removed boilerplate', (on) => text.classList.toggle('show-removed', on), false, 'show-removed'))
}

function metaLine(article: ArticleView): HTMLElement {
  const s = article.summary
  // A stored URL is data: a `javascript:` one gets no link at all, not a dead one.
  const url = s.url === undefined ? null : safeHref(s.url)
  return h('p', { class: 'meta' },
    s.publisher ?? s.input, ' · ', dateText(s.published), ' · ', `${s.chars} characters`,
    url ? [' · ', h('a', { href: url, rel: 'noopener noreferrer nofollow', class: 'original' }, 'original')] : null,
    article.story ? [' · ', h('a', { href: routeHash('stories', article.story) }, 'its story')] : null)
}

function qualitySection(article: ArticleView): HTMLElement | null {
  if (article.quality.length === 0) return null
  return h('section', { class: 'quality' },
    h('h2', null, 'Quality notes'),
    h('ul', { class: 'quality-notes' }, article.quality.map((n) => h('li', { 'data-kind': n.kind },
      n.span ? h('a', { href: spanHref(article.summary.id, n.span) }, n.note) : n.note))))
}

function claimsSection(article: ArticleView): HTMLElement | null {
  const claims = article.layers.claims?.claims ?? []
  if (claims.length === 0) return null
  return h('section', { class: 'claims' },
    h('h2', null, 'Figures'),
    table(null, ['Figure', 'Measure', 'Source'], claims.map((c) => [
      h('a', { href: spanHref(article.summary.id, c.span), class: 'claim-link' }, article.source.slice(c.span.start, c.span.end)),
      c.measure?.text ?? '—',
      c.source ? article.source.slice(c.source.span.start, c.source.span.end) : 'none given',
    ])))
}

/** Adds `.mark-target` to the runs inside the asked span and scrolls the first into view. */
function highlightTarget(text: HTMLElement, target: { start: number; end: number }): void {
  let first: Element | null = null
  for (const run of text.querySelectorAll('[data-start]')) {
    const start = Number(run.getAttribute('data-start'))
    const end = Number(run.getAttribute('data-end'))
    if (start < target.end && end > target.start) {
      run.classList.add('mark-target')
      first ??= run
    }
  }
  first?.scrollIntoView({ block: 'center' })
}

/** Renders an article page into `main`. */
export async function showArticle(main: HTMLElement, route: Route, retry: () => void): Promise<void> {
  replaceChildren(main, loading('the article'))
  let article: ArticleView
  try {
    article = await getJson<ArticleView>(`/api/articles/${encodeURIComponent(route.id ?? '')}`)
  } catch (error) {
    replaceChildren(main, errorBox(error, retry))
    return
  }
  const target = parseSpanParam(route.query.get('span'))
  // The target is one more mark, so the run boundaries fall exactly on its ends.
  const marks = annotationMarks(article)
  if (target) marks.push({ kind: 'target', span: target })
  const text = renderSource(article, marks)
  document.title = `${article.summary.title ?? article.summary.input} — Dossier`
  replaceChildren(main,
    article.story ? h('p', { class: 'crumbs' }, h('a', { href: routeHash('stories', article.story) }, '‹ Story')) : h('p', { class: 'crumbs' }, h('a', { href: '#/stories' }, '‹ Stories')),
    h('h1', null, article.summary.title ?? article.summary.input),
    metaLine(article),
    toggles(text),
    h('p', { class: 'legend' },
      h('span', { class: 'mark mark-entity' }, 'entity'), ' ', h('span', { class: 'mark mark-quote' }, 'quote'), ' ',
      h('span', { class: 'mark mark-claim' }, 'figure'), ' ', h('span', { class: 'mark mark-event' }, 'event')),
    text,
    qualitySection(article),
    claimsSection(article))
  if (target) highlightTarget(text, target)
}
