import type { ArticleQuality, Brief, Citation, Document, DocumentId, Fact, FactStatus, Story, StoryCheck, Timeline } from '../../document/index.js'
import { outletOf } from '../../document/index.js'
import { assessSourceQuality } from '../analysis/quality.js'
import { citationsOf } from './citations.js'
import { summarise } from './summary.js'

/** Quotes a brief shows on their own, most widely carried first; the facts table has the rest. */
export const KEY_QUOTES = 5
/** The facts table reads disagreements first, then what outlets agree on, then what one outlet alone says. */
const STATUS_ORDER: Readonly<Record<FactStatus, number>> = { conflict: 0, agreed: 1, 'single-source': 2 }

/**
 * A story's brief from its check and timelines: the summary, key quotes, facts, conflicts, the
 * timelines, and every cited article in the sources list (members first, in the order they joined;
 * then articles of other stories the timelines cite). `docs` holds the members and any other
 * article the timelines cite; only members feed the summary.
 *
 * @example
 * const brief = composeBrief(story, docs, check, [timeline])
 * brief.summary[0].citations[0] // { article, source, span, text }
 */
export function composeBrief(story: Story, docs: readonly Document[], check: StoryCheck, timelines: readonly Timeline[]): Brief {
  const byId = new Map(docs.map((d) => [d.id, d]))
  const members = story.articles.map((a) => byId.get(a.id)).filter((d): d is Document => d !== undefined)
  const parts = {
    summary: summarise(members, check),
    quotes: keyQuotes(check.facts),
    facts: tableOrder(check.facts),
    conflicts: check.conflicts,
    timelines,
  }
  return { story, ...parts, sources: listSources(story, check, byId, citationsOf(parts)) }
}

/** Quotes with a known speaker, most outlets first, then most citations; ties keep the check's order. */
function keyQuotes(facts: readonly Fact[]): Fact[] {
  return facts
    .filter((f) => f.kind === 'quote' && f.who !== null)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => b.f.outlets - a.f.outlets || b.f.citations.length - a.f.citations.length || a.i - b.i)
    .slice(0, KEY_QUOTES)
    .map(({ f }) => f)
}

function tableOrder(facts: readonly Fact[]): Fact[] {
  return facts
    .map((f, i) => ({ f, i }))
    .sort((a, b) => STATUS_ORDER[a.f.status] - STATUS_ORDER[b.f.status] || b.f.outlets - a.f.outlets || a.i - b.i)
    .map(({ f }) => f)
}

function listSources(story: Story, check: StoryCheck, byId: ReadonlyMap<DocumentId, Document>, cited: readonly Citation[]): ArticleQuality[] {
  const listed = new Map<DocumentId, ArticleQuality>()
  for (const a of story.articles) {
    const doc = byId.get(a.id)
    const checked = check.quality.find((q) => q.article === a.id)
    listed.set(a.id, {
      article: a.id,
      source: a.source,
      title: a.title,
      notes: checked?.notes ?? (doc === undefined ? [] : assessSourceQuality(doc)),
      ...(a.url !== null ? { location: a.url } : doc !== undefined ? { location: locationOf(doc) } : {}),
    })
  }
  for (const c of cited) {
    if (listed.has(c.article)) continue
    const doc = byId.get(c.article)
    listed.set(c.article, doc === undefined
      ? { article: c.article, source: c.source, title: null, notes: [] }
      : { article: doc.id, source: outletOf(doc), title: doc.layers.metadata?.title?.value ?? null, notes: assessSourceQuality(doc), location: locationOf(doc) })
  }
  return [...listed.values()]
}

function locationOf(doc: Document): string {
  return doc.layers.metadata?.canonicalUrl?.value ?? doc.origin.url ?? doc.hints.url ?? doc.origin.input
}
