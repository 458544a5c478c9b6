/*
 * Renders an article's source as paragraphs of runs: kept text, the removed passages (hidden until
 * the reader asks, each with its reason), and the annotations as classes on the runs.
 */
import { h } from './dom.js'
import { routeHash } from './routes.js'
import { cutRuns, layoutPieces, type Mark, type Run } from './spans.js'
import type { ArticleView } from './types.js'

function runTitle(run: Run): string | null {
  const labels = run.marks.map((m) => m.label).filter((l): l is string => l !== undefined && l !== '')
  return labels.length === 0 ? null : [...new Set(labels)].join('\n')
}

function renderRun(source: string, run: Run): Node {
  const text = source.slice(run.start, run.end)
  if (run.marks.length === 0) return document.createTextNode(text)
  const kinds = [...new Set(run.marks.map((m) => `mark-${m.kind}`))].join(' ')
  const facts = [...new Set(run.marks.map((m) => m.fact).filter((f): f is string => f !== undefined))].join(' ')
  const entity = run.marks.find((m) => m.entity !== undefined)?.entity
  const props = {
    class: `mark ${kinds}`,
    title: runTitle(run),
    'data-start': run.start,
    'data-end': run.end,
    'data-fact': facts === '' ? null : facts,
    // A fact's words are a control (they light the fact up in every source): reachable by Tab.
    ...(facts === '' || entity !== undefined ? {} : { tabindex: 0, role: 'button', 'aria-label': `${text} — ${runTitle(run) ?? 'fact'}` }),
  }
  // An entity mention links to its page; a link inside other marks still carries their classes.
  return entity !== undefined
    ? h('a', { ...props, href: routeHash('entities', entity) }, text)
    : h('span', props, text)
}

/**
 * The page's text as paragraphs. Removed passages are in it as `.removed` blocks with their reason,
 * shown only when the container has `.show-removed`.
 */
export function renderSource(article: Pick<ArticleView, 'source' | 'clean'>, marks: readonly Mark[]): HTMLElement {
  const container = h('div', { class: 'source-text' })
  let paragraph: HTMLElement | null = null
  for (const piece of layoutPieces(article.source, article.clean.kept, article.clean.removed)) {
    if (piece.removed) {
      const reason = piece.removed.note ? `${piece.removed.reason}: ${piece.removed.note}` : piece.removed.reason
      container.appendChild(h('div', { class: 'removed', 'data-reason': piece.removed.reason, 'data-removed-start': piece.span.start, 'data-removed-end': piece.span.end },
        h('span', { class: 'removed-reason' }, `removed — ${reason}`),
        h('span', { class: 'removed-text' }, article.source.slice(piece.span.start, piece.span.end))))
      paragraph = null
      continue
    }
    if (paragraph === null || piece.breakBefore) {
      paragraph = h('p', null)
      container.appendChild(paragraph)
    } else {
      paragraph.appendChild(document.createTextNode(' '))
    }
    for (const run of cutRuns(piece.span, marks)) paragraph.appendChild(renderRun(article.source, run))
  }
  return container
}

/** The annotation marks of an article's layers: entity mentions, quotes with speakers, claims, event triggers. */
export function annotationMarks(article: Pick<ArticleView, 'layers'>): Mark[] {
  const { entities, quotes, claims, events } = article.layers
  const names = new Map((entities?.entities ?? []).map((e) => [e.id, e.name]))
  const nameOf = (id: string | null | undefined): string | null => (id ? names.get(id) ?? id : null)
  const marks: Mark[] = []
  for (const m of entities?.mentions ?? []) {
    marks.push({ kind: 'entity', span: m.span, entity: m.entity, label: `${nameOf(m.entity)} (${m.kind})` })
  }
  for (const q of quotes?.quotes ?? []) {
    const speaker = nameOf(q.speaker.entity) ?? (q.speaker.resolution === 'unclear' ? 'speaker unclear' : 'unnamed speaker')
    const parts = q.parts.length > 0 ? q.parts : [q.span]
    for (const part of parts) marks.push({ kind: 'quote', span: part, label: `Quote — ${speaker}${q.direct ? '' : ' (reported)'}` })
  }
  for (const c of claims?.claims ?? []) {
    const source = c.source ? `source: ${nameOf(c.source.entity) ?? 'named in text'}` : 'no source given'
    marks.push({ kind: 'claim', span: c.span, label: `Figure: ${c.value}${c.unit ? ` ${c.unit}` : ''} (${source})` })
  }
  for (const e of events?.events ?? []) {
    const who = nameOf(e.actor?.entity) ?? 'someone'
    const whom = e.target ? ` → ${nameOf(e.target.entity) ?? 'someone'}` : ''
    marks.push({ kind: 'event', span: e.trigger, label: `Event: ${who} ${e.polarity === 'negative' ? 'not ' : ''}${e.action}${whom} (${e.modality})` })
  }
  return marks
}
