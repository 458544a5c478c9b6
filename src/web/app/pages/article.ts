/*
 * `#/articles/:id[?span=start-end]`: the clean text with its annotations highlighted, a toggle for
 * what cleaning removed (and why), the quality notes, and — with `span` — the cited words scrolled
 * to and highlighted.
 */
import { getJson } from '../api.js'
import { dateText, errorBox, loading, originalLink, table } from '../components.js'
import { h, replaceChildren } from '../dom.js'
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
  // A stored URL is data: only an http(s) one is a link; any other is shown as what it is.
  const original = originalLink(s.url, true)
  return h('p', { class: 'meta' },
    s.publisher ?? s.input, ' · ', dateText(s.published), ' · ', `${s.chars} characters`,
    original ? [' · ', original] : null,
    article.story ? [' · ', h('a', { href: routeHash('stories', article.story) }, 'its story')] : null)
}

/** The removal reasons of the removed passages a span reaches into, when none of it is kept text; else null. */
export function removedReasons(article: Pick<ArticleView, 'clean'>, span: { start: number; end: number }): string[] | null {
  if (article.clean.kept.some((k) => k.start < span.end && k.end > span.start)) return null
  return [...new Set(article.clean.removed.filter((r) => r.span.start < span.end && r.span.end > span.start).map((r) => r.reason))]
}

function qualitySection(article: ArticleView): HTMLElement | null {
  if (article.quality.length === 0) return null
  return h('section', { class: 'quality' },
    h('h2', null, 'Quality notes'),
    h('ul', { class: 'quality-notes' }, article.quality.map((n) => {
      if (!n.span) return h('li', { 'data-kind': n.kind }, n.note)
      // A note about text cleaning removed says so: its link shows that passage, not an empty highlight.
      const removed = removedReasons(article, n.span)
      return h('li', { 'data-kind': n.kind },
        h('a', { href: spanHref(article.summary.id, n.span) }, n.note),
        removed === null ? null : h('span', { class: 'in-removed' }, ` — in text cleaning removed${removed.length > 0 ? ` (${removed.join(', ')})` : ''}`))
    })))
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

/**
 * Adds `.mark-target` to the runs inside the asked span and scrolls the first into view. A span
 * inside text cleaning removed has no run: the removed passages it reaches are shown and marked
 * instead, with a notice saying where the words are.
 */
function highlightTarget(text: HTMLElement, target: { start: number; end: number }): void {
  if (!markRuns(text, target)) showRemovedTarget(text, target)
}

function showRemovedTarget(text: HTMLElement, target: { start: number; end: number }): void {
  const blocks = [...text.querySelectorAll('.removed')].filter((b) => Number(b.getAttribute('data-removed-start')) < target.end && Number(b.getAttribute('data-removed-end')) > target.start)
  const notice = h('p', { class: 'target-removed', role: 'status' }, blocks.length === 0
    ? 'The cited words are not in this article’s text: their span lies outside it.'
    : 'The cited words are in text cleaning removed from the article; that passage is shown below, marked.')
  text.before(notice)
  if (blocks.length === 0) return
  text.classList.add('show-removed')
  const toggle = text.parentElement?.querySelector<HTMLInputElement>('input[name="show-removed"]')
  if (toggle) toggle.checked = true
  for (const block of blocks) block.classList.add('mark-target')
  blocks[0]!.scrollIntoView({ block: 'center' })
}

/** Marks the runs inside the span; false when none is (the words are not in the kept text). */
function markRuns(text: HTMLElement, target: { start: number; end: number }): boolean {
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
  return first !== null
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
