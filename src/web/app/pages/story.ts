/*
 * `#/stories/:id`: the brief with its citations, the facts table with conflict marks, the
 * conflicts, the stance timeline, the entity graph, and the sources side by side with the quotes
 * and figures they share highlighted.
 */
import { apiUrl, getJson } from '../api.js'
import { citationLink, dateText, errorBox, exportLinks, loading, originalLink, plural, table } from '../components.js'
import { chartBox, chartWidth } from '../chart-tips.js'
import { entityGraph, timelineChart, timelineLegend, type GraphEdge, type GraphNode } from '../charts.js'
import { h, replaceChildren, type Child } from '../dom.js'
import { routeHash, type Route } from '../routes.js'
import type { Mark } from '../spans.js'
import { renderSource } from '../text-view.js'
import { tableFacts, translationsOf, type Translation } from '../facts.js'
import type { ArticleView, Brief, Citation, Conflict, Fact, Story, StoryCheck, StoryCoverage, Timeline } from '../types.js'

/** Articles fetched for the side-by-side view and the graph; a bigger story shows its first ones. */
const MAX_ARTICLES_SHOWN = 8

const STATUS_TEXT: Readonly<Record<Fact['status'], string>> = {
  agreed: '✓ agreed',
  'single-source': '1 source',
  conflict: '⚠ conflict',
}

/** A fact's mark for the kind of conflict it is in: only a contradiction is a conflict proper. */
const CONFLICT_MARK: Readonly<Record<Conflict['kind'], string>> = {
  contradiction: STATUS_TEXT.conflict,
  'different-definitions': '≠ other definition',
  'different-subjects': '≠ other subject',
  'different-periods': '◷ other period',
  'consistent-bounds': '≈ bounds agree',
}

/** Actors whose pairs are asked for stance timelines when the story has no brief to give them. */
const TIMELINE_ACTORS = 3

interface Loaded {
  readonly story: Story
  readonly check: StoryCheck | null
  /** Why the cross-check could not be loaded, when it could not. */
  readonly checkError: string | null
  readonly brief: Brief | null
  readonly timelines: readonly Timeline[]
  readonly articles: readonly ArticleView[]
  readonly coverage: StoryCoverage | null
}

/**
 * The stance timelines of the story's main actors, each with the first, both ways: what the brief
 * would give, asked of the timeline route when there is no brief.
 */
async function actorTimelines(story: Story): Promise<Timeline[]> {
  const [first, ...others] = story.actors.slice(0, TIMELINE_ACTORS)
  if (first === undefined) return []
  const pairs = others.flatMap((other) => [[first.id, other.id], [other.id, first.id]] as const)
  const found = await Promise.allSettled(pairs.map(([actor, counterpart]) => getJson<Timeline>(apiUrl('/api/timeline', { actor, counterpart }))))
  return found.flatMap((r) => (r.status === 'fulfilled' && r.value.statements.length > 0 ? [r.value] : []))
}

function settled<T>(result: PromiseSettledResult<T>): T | null {
  return result.status === 'fulfilled' ? result.value : null
}

async function load(id: string): Promise<Loaded> {
  const base = `/api/stories/${encodeURIComponent(id)}`
  const story = await getJson<Story>(base)
  const shown = story.articles.slice(0, MAX_ARTICLES_SHOWN)
  const [check, brief, coverage, ...articles] = await Promise.allSettled([
    getJson<StoryCheck>(`${base}/check`),
    getJson<Brief>(`${base}/brief`),
    getJson<StoryCoverage>(`${base}/coverage`),
    ...shown.map((a) => getJson<ArticleView>(`/api/articles/${encodeURIComponent(a.id)}`)),
  ])
  const briefOrNull = settled(brief as PromiseSettledResult<Brief>)
  return {
    story,
    check: settled(check as PromiseSettledResult<StoryCheck>),
    checkError: check.status === 'rejected' ? String((check.reason as Error).message ?? check.reason) : null,
    brief: briefOrNull,
    timelines: briefOrNull?.timelines ?? (await actorTimelines(story)),
    articles: articles.map((a) => settled(a as PromiseSettledResult<ArticleView>)).filter((a): a is ArticleView => a !== null),
    coverage: settled(coverage as PromiseSettledResult<StoryCoverage>),
  }
}

/** Source numbers: the story's articles in order, so a citation mark `[2]` is the second source. */
function sourceNumbers(story: Story): Map<string, number> {
  return new Map(story.articles.map((a, i) => [a.id, i + 1]))
}

function citationMarks(citations: readonly Citation[], numbers: ReadonlyMap<string, number>): Child[] {
  return citations.map((c) => h('sup', null, citationLink(c, `[${numbers.get(c.article) ?? '?'}]`)))
}

/**
 * The outlet count as the brief gives it (its outlets by name), and, when copies make it differ,
 * the independent count the story list sorts by: the two pages say the same number.
 */
export function outletCount(story: Pick<Story, 'articles' | 'outlets'>): string {
  const names = new Set(story.articles.map((a) => a.source)).size
  return names === story.outlets ? plural(names, 'outlet') : `${plural(names, 'outlet')} (${story.outlets} independent: a copy counts with its original)`
}

/**
 * The languages a story's articles are written in, when worth saying (more than one, or not
 * English): " · in Russian, English". The engine's `languageName`, in the browser's own Intl.
 */
export function storyLanguages(story: Pick<Story, 'languages'>): string {
  const languages = story.languages ?? []
  if (languages.length === 0 || (languages.length === 1 && languages[0] === 'en')) return ''
  const names = new Intl.DisplayNames(['en'], { type: 'language' })
  return ` · in ${languages.map((code) => names.of(code) ?? code).join(', ')}`
}

function header(story: Story): HTMLElement {
  const base = `/api/stories/${encodeURIComponent(story.id)}`
  return h('header', { class: 'story-head' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/stories' }, '‹ Stories')),
    h('h1', null, story.title),
    h('p', { class: 'meta' },
      `Event date: ${dateText(story.eventDate)}`, story.eventDateBasis === 'published' ? ' (publication date)' : '',
      ` · ${outletCount(story)} · ${plural(story.articles.length, 'article')}`,
      storyLanguages(story),
      story.first && story.last && story.first !== story.last ? ` · ${story.first} – ${story.last}` : ''),
    exportLinks([
      { label: 'Brief (Markdown)', url: apiUrl(`${base}/brief`, { format: 'md' }), file: `${story.id}.md` },
      { label: 'Brief (HTML)', url: apiUrl(`${base}/brief`, { format: 'html' }), file: `${story.id}.html` },
      { label: 'Brief (JSON)', url: `${base}/brief`, file: `${story.id}.brief.json` },
    ]))
}

function briefSection(brief: Brief | null, numbers: ReadonlyMap<string, number>): HTMLElement {
  if (brief === null) return h('section', { class: 'brief' }, h('h2', null, 'Brief'), h('p', { class: 'empty' }, 'No brief for this story.'))
  return h('section', { class: 'brief' },
    h('h2', null, 'Brief'),
    h('p', { class: 'summary' }, brief.summary.map((s) => [h('span', { class: 'brief-sentence' }, s.text), citationMarks(s.citations, numbers), ' '])),
    brief.quotes.length === 0 ? null : h('h3', null, 'Key quotes'),
    brief.quotes.length === 0 ? null : h('ul', { class: 'key-quotes' }, brief.quotes.map((q) => h('li', null,
      h('span', { class: 'who' }, q.who ? `${q.who.name}${q.who.role ? `, ${q.who.role}` : ''}: ` : ''),
      h('q', null, q.citations[0]?.text ?? q.statement), ' ', citationMarks(q.citations, numbers),
      translationList(q, (t) => citationMarks([t.citation], numbers))))))
}

/** A quote's versions in other languages, each in its own language: "in Russian: «…» [3]". */
function translationList(fact: Fact, cite: (t: Translation) => Child): HTMLElement | null {
  const translations = translationsOf(fact)
  if (translations.length === 0) return null
  return h('ul', { class: 'translations' }, translations.map((t) => h('li', null,
    `in ${t.name}: `, h('q', { lang: t.language }, t.citation.text), ' ', cite(t))))
}

/** A conflict mark that scrolls to its conflict (a `#…` link would be read as a route). */
function conflictButton(conflict: string, text: string): HTMLElement {
  return h('button', {
    type: 'button',
    class: 'conflict-mark',
    'data-conflict': conflict,
    onclick: () => document.getElementById(`conflict-${conflict}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
  }, text)
}

function factRow(f: Fact, conflictKinds: ReadonlyMap<string, Conflict['kind']>): Child[] {
  return [
    // A figure's statement already names its source, or says none is given.
    h('span', { class: `fact-statement kind-${f.kind}` }, f.statement, translationList(f, (t) => citationLink(t.citation))),
    h('span', { class: `status status-${f.status}` },
      f.status === 'conflict' || f.conflict === null ? null : `${STATUS_TEXT[f.status]} · `,
      f.conflict === null ? STATUS_TEXT[f.status] : conflictButton(f.conflict, CONFLICT_MARK[conflictKinds.get(f.conflict) ?? 'contradiction'])),
    String(f.outlets),
    h('span', { class: 'sources' }, f.citations.map((c, i) => [i > 0 ? ', ' : null, citationLink(c)])),
  ]
}

const FACT_HEADERS = ['Fact', 'Status', 'Outlets', 'Sources']

/** The minor events, counted, with a button that shows or hides their table. */
function moreFacts(more: readonly Fact[], conflictKinds: ReadonlyMap<string, Conflict['kind']>): HTMLElement | null {
  if (more.length === 0) return null
  const rows = table(null, FACT_HEADERS, more.map((f) => factRow(f, conflictKinds)), 'facts-table facts-more')
  rows.hidden = true
  const label = (): string => (rows.hidden ? 'Show them' : 'Hide them')
  const button = h('button', {
    type: 'button',
    class: 'show-more',
    'aria-expanded': 'false',
    onclick: () => {
      rows.hidden = !rows.hidden
      button.setAttribute('aria-expanded', String(!rows.hidden))
      button.textContent = label()
    },
  }, label())
  return h('div', { class: 'more-facts' },
    h('p', { class: 'more' }, `${plural(more.length, 'more event')}, each reported by one outlet only. `, button),
    rows)
}

function factsSection(check: StoryCheck | null, checkError: string | null, storyId: string): HTMLElement {
  if (check === null) {
    const why = checkError === null ? 'This story has not been cross-checked.' : `The cross-check could not be loaded: ${checkError}`
    return h('section', { class: 'facts' }, h('h2', null, 'Facts'), h('p', { class: checkError === null ? 'empty' : 'error' }, why))
  }
  const conflictKinds = new Map(check.conflicts.map((c) => [c.id, c.kind]))
  const { shown, more } = tableFacts(check.facts)
  return h('section', { class: 'facts' },
    h('h2', null, 'Facts'),
    check.facts.length === 0 ? h('p', { class: 'empty' }, 'No quote, figure or event was found in these articles.') : null,
    shown.length === 0 ? null : table(null, FACT_HEADERS, shown.map((f) => factRow(f, conflictKinds)), 'facts-table'),
    moreFacts(more, conflictKinds),
    exportLinks([
      { label: 'CSV', url: `/api/stories/${encodeURIComponent(storyId)}/check?format=csv`, file: `${storyId}-facts.csv` },
      { label: 'JSON', url: `/api/stories/${encodeURIComponent(storyId)}/check`, file: `${storyId}.check.json` },
    ]))
}

function conflictItem(conflict: Conflict): HTMLElement {
  return h('article', { class: `conflict conflict-${conflict.kind}`, id: `conflict-${conflict.id}` },
    h('h3', null, `${conflict.kind === 'contradiction' ? '⚠ ' : ''}${conflict.measure}`),
    h('p', { class: 'conflict-reason' }, conflict.reason),
    table(null, ['Value', 'As of', 'Source cited', 'Where'], conflict.values.map((v) => [
      h('strong', null, v.text),
      dateText(v.asOf),
      v.attribution ?? 'none cited',
      h('span', null, v.citations.map((c, i) => [i > 0 ? ', ' : null, citationLink(c)])),
    ])),
    conflict.notes.length === 0 ? null : h('ul', { class: 'notes' }, conflict.notes.map((n) => h('li', null, n))))
}

function conflictsSection(check: StoryCheck | null): HTMLElement | null {
  if (check === null) return null
  if (check.conflicts.length === 0) return h('section', { class: 'conflicts' }, h('h2', null, 'Conflicts'), h('p', { class: 'empty' }, 'No figures in conflict between these articles.'))
  return h('section', { class: 'conflicts' }, h('h2', null, 'Conflicts'), check.conflicts.map(conflictItem))
}

function timelineSection(timelines: readonly Timeline[]): HTMLElement | null {
  const withStatements = timelines.filter((t) => t.statements.length > 0)
  if (withStatements.length === 0) return null
  return h('section', { class: 'timeline' },
    h('h2', null, 'Stance timeline'),
    timelineLegend(),
    chartBox(timelineChart(withStatements, chartWidth())),
    table(null, ['Date', 'Who', 'Position', 'Quote'], withStatements.flatMap((t) => t.statements.map((s) => [
      dateText(s.date),
      `${s.speaker?.name ?? s.actor.name} → ${t.counterpart.name}`,
      h('span', { class: `position pos-${s.position}` }, s.position, s.shift ? h('strong', { class: 'shift' }, ` (shift from ${s.shift.from})`) : null),
      citationLink(s.quote, s.quote.text),
    ])), 'statements'))
}

/** Actor → target edges of the articles' events, with the story's actors as nodes. */
function graphOf(story: Story, articles: readonly ArticleView[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const names = new Map<string, string>(story.actors.map((a) => [a.id, a.name]))
  const edges = new Map<string, GraphEdge>()
  for (const article of articles) {
    for (const e of article.layers.entities?.entities ?? []) if (!names.has(e.id)) names.set(e.id, e.name)
    for (const event of article.layers.events?.events ?? []) {
      const from = event.actor?.entity
      const to = event.target?.entity ?? event.against?.entity
      if (!from || !to) continue
      const negative = event.polarity === 'negative'
      const label = `${negative ? 'not ' : ''}${event.action}`
      const key = `${from}\u0000${to}\u0000${label}`
      const had = edges.get(key)
      edges.set(key, { from, to, label, negative, count: (had?.count ?? 0) + 1 })
    }
  }
  const used = new Set([...story.actors.map((a) => a.id), ...[...edges.values()].flatMap((e) => [e.from, e.to])])
  return { nodes: [...used].map((id) => ({ id, name: names.get(id) ?? id })), edges: [...edges.values()] }
}

function graphSection(story: Story, articles: readonly ArticleView[]): HTMLElement | null {
  const { nodes, edges } = graphOf(story, articles)
  if (nodes.length === 0) return null
  return h('section', { class: 'graph' },
    h('h2', null, 'Actors and relations'),
    chartBox(entityGraph(nodes, edges, chartWidth())),
    edges.length === 0 ? h('p', { class: 'empty' }, 'No actor → target events in these articles.') : null)
}

function factMarkKind(fact: Fact): Mark['kind'] {
  if (fact.status === 'conflict') return 'conflict'
  return fact.outlets >= 2 ? 'fact' : 'single'
}

/** Marks of the story's facts in one article: shared by two or more outlets, in conflict, or carried by this one alone. */
function factMarks(check: StoryCheck | null, article: string): Mark[] {
  const marks: Mark[] = []
  for (const fact of check?.facts ?? []) {
    for (const c of fact.citations) {
      if (c.article === article) marks.push({ kind: factMarkKind(fact), span: c.span, fact: fact.id, label: `${STATUS_TEXT[fact.status]}: ${fact.statement}` })
    }
  }
  return marks
}

function sourcesSection(loaded: Loaded, numbers: ReadonlyMap<string, number>): HTMLElement {
  const quality = new Map((loaded.check?.quality ?? []).map((q) => [q.article, q.notes]))
  const columns = loaded.articles.map((article) => {
    const member = loaded.story.articles.find((a) => a.id === article.summary.id)
    const notes = quality.get(article.summary.id) ?? article.quality
    return h('article', { class: 'source-column', 'data-article': article.summary.id },
      h('h3', null, `[${numbers.get(article.summary.id) ?? '?'}] `, h('a', { href: routeHash('articles', article.summary.id) }, member?.title ?? article.summary.title ?? article.summary.input)),
      h('p', { class: 'meta' }, member?.source ?? '', member?.published ? ` · ${member.published}` : '', ' ', originalLink(member?.url, true),
        member?.duplicateOf ? h('span', { class: 'duplicate' }, ` · copy of [${numbers.get(member.duplicateOf.id) ?? '?'}]`) : null),
      notes.length === 0 ? null : h('ul', { class: 'quality-notes' }, notes.map((n) => h('li', { 'data-kind': n.kind }, n.note))),
      renderSource(article, factMarks(loaded.check, article.summary.id)))
  })
  const grid = h('div', { class: 'side-by-side' }, columns)
  // Clicking a shared fact, or Enter or Space on it, lights it up in every source.
  const lightUp = (run: Element): void => {
    const facts = (run.getAttribute('data-fact') ?? '').split(' ')
    for (const lit of grid.querySelectorAll('.active')) lit.classList.remove('active')
    for (const other of grid.querySelectorAll('[data-fact]')) {
      if ((other.getAttribute('data-fact') ?? '').split(' ').some((f) => facts.includes(f))) other.classList.add('active')
    }
  }
  grid.addEventListener('click', (event) => {
    const run = (event.target as Element).closest('[data-fact]')
    if (run) lightUp(run)
  })
  grid.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key
    const run = (event.target as Element).closest('[data-fact]')
    if (!run || (key !== 'Enter' && key !== ' ')) return
    event.preventDefault()
    lightUp(run)
  })
  const hidden = loaded.story.articles.length - loaded.articles.length
  return h('section', { class: 'sources' },
    h('h2', null, 'Sources side by side'),
    h('p', { class: 'legend' },
      h('span', { class: 'mark mark-fact' }, 'shared by two or more outlets'), ' ',
      h('span', { class: 'mark mark-conflict' }, 'in conflict'), ' ',
      h('span', { class: 'mark mark-single' }, 'this outlet only'), ' — click one to find it in every source.'),
    grid,
    hidden > 0 ? h('p', { class: 'more' }, `${plural(hidden, 'more article')} in this story:`, h('ul', null,
      loaded.story.articles.slice(MAX_ARTICLES_SHOWN).map((a) => h('li', null, h('a', { href: routeHash('articles', a.id) }, a.title ?? a.id), ` — ${a.source}`)))) : null)
}

/** Who carried the story and when, and who usually covers its actors but did not (Ground News's coverage view). */
function coverageSection(coverage: StoryCoverage | null): HTMLElement | null {
  if (coverage === null) return null
  const actors = coverage.actors.map((a) => a.name).join(', ')
  return h('section', { class: 'story-coverage' },
    h('h2', null, 'Coverage'),
    h('h3', null, `Carried by ${plural(coverage.carried.length, 'outlet')}`),
    table(null, ['Outlet', 'First', 'Articles'], coverage.carried.map((c) => [
      h('strong', null, c.outlet),
      dateText(c.first),
      h('ul', { class: 'carried-articles' }, c.articles.map((a) => h('li', null,
        h('a', { href: routeHash('articles', a.id) }, a.title ?? a.id), ` · ${dateText(a.published)}`,
        a.copy ? h('span', { class: 'duplicate' }, ' · copy') : null, ' ', originalLink(a.url, true)))),
    ]), 'carried'),
    h('h3', null, 'Not carried by'),
    coverage.actors.length === 0
      ? h('p', { class: 'empty' }, 'The story names no actor to compare outlets by.')
      : coverage.missing.length === 0
        ? h('p', { class: 'empty' }, `Every outlet with two or more other articles about ${actors} carried this story.`)
        : [h('p', { class: 'meta' }, `Outlets with two or more other articles about ${actors} that have none in this story:`),
          table(null, ['Outlet', 'Other articles', 'About', 'Latest'], coverage.missing.map((m) => [
            h('strong', null, m.outlet), String(m.articles), m.actors.join(', '), dateText(m.latest),
          ]), 'not-carried')])
}

/** Renders a story page into `main`. */
export async function showStory(main: HTMLElement, route: Route, retry: () => void): Promise<void> {
  replaceChildren(main, loading('the story'))
  let loaded: Loaded
  try {
    loaded = await load(route.id ?? '')
  } catch (error) {
    replaceChildren(main, h('p', { class: 'crumbs' }, h('a', { href: '#/stories' }, '‹ Stories')), errorBox(error, retry))
    return
  }
  const numbers = sourceNumbers(loaded.story)
  document.title = `${loaded.story.title} — Dossier`
  replaceChildren(main,
    header(loaded.story),
    briefSection(loaded.brief, numbers),
    factsSection(loaded.check, loaded.checkError, loaded.story.id),
    conflictsSection(loaded.check),
    coverageSection(loaded.coverage),
    timelineSection(loaded.timelines),
    graphSection(loaded.story, loaded.articles),
    sourcesSection(loaded, numbers))
}
