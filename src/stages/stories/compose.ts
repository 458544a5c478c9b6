import { languageOf, outletKey, outletOf, type Document, type DocumentId, type EntityId, type Story, type StoryArticle, type StoryId } from '../../document/index.js'
import { cosine } from './similarity.js'
import { ACTOR_TYPES, type ArticleText } from './features.js'

/** Actors a story lists: its five most shared (then most mentioned). */
export const STORY_ACTORS = 5

/** One member of a story as composing reads it. */
export interface StoryMember {
  readonly doc: Document
  readonly article: ArticleText
  readonly duplicateOf: StoryArticle['duplicateOf']
  /** The headline misstates the body (a `headline-mismatch` quality note): another member's headline is preferred. */
  readonly headlineMismatch: boolean
}

/**
 * A story as readers see it, from its members in the order they joined and its centroid: the title
 * is the headline of the member closest to the centroid whose headline has no mismatch note.
 *
 * @example
 * composeStory('st-0a1b2c3d4e5f', members, centroid, '2025-10-20T08:00:00Z')
 */
export function composeStory(id: StoryId, members: readonly StoryMember[], centroid: ReadonlyMap<string, number>, updatedAt: string): Story {
  const articles = members.map(toStoryArticle)
  const titled = chooseTitle(members, centroid)
  const { eventDate, eventDateBasis } = eventDateOf(articles)
  const dates = members.map((m) => m.article.date).filter((d): d is string => d !== null).sort()
  return {
    id,
    title: titled.title,
    titleFrom: titled.from,
    eventDate,
    eventDateBasis,
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    articles,
    outlets: new Set(articles.filter((a) => a.duplicateOf === null).map((a) => outletKey(a.source, a.id))).size,
    languages: languagesOf(articles),
    actors: topActors(members),
    thread: null,
    updatedAt,
  }
}

function toStoryArticle({ doc, article, duplicateOf }: StoryMember): StoryArticle {
  return {
    id: doc.id,
    source: outletOf(doc),
    title: headlineOf(doc),
    url: doc.layers.metadata?.canonicalUrl?.value ?? doc.origin.url ?? doc.hints.url ?? null,
    published: article.published,
    eventDate: article.eventDate,
    duplicateOf,
    language: languageOf(doc) ?? null,
  }
}

/** The languages of a story's articles, most articles first (then by code). */
function languagesOf(articles: readonly StoryArticle[]): string[] {
  const counts = new Map<string, number>()
  for (const a of articles) if (a.language) counts.set(a.language, (counts.get(a.language) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code)
}

function headlineOf(doc: Document): string | null {
  const title = doc.layers.metadata?.title?.value ?? doc.hints.title
  return title === undefined || title.trim() === '' ? null : title.trim()
}

function chooseTitle(members: readonly StoryMember[], centroid: ReadonlyMap<string, number>): { title: string; from: DocumentId } {
  let best: { member: StoryMember; score: number } | undefined
  for (const member of members) {
    if (headlineOf(member.doc) === null) continue
    // A mismatching headline loses to any other, however central.
    const score = cosine(unitTf(member.article.counts), centroid) - (member.headlineMismatch ? 2 : 0)
    if (best === undefined || score > best.score) best = { member, score }
  }
  const from = best?.member ?? members[0]!
  return { title: headlineOf(from.doc) ?? outletOf(from.doc), from: from.doc.id }
}

/** The members' reported-event date (the one most of them give, earliest on a tie), else their earliest publication date. */
function eventDateOf(articles: readonly StoryArticle[]): Pick<Story, 'eventDate' | 'eventDateBasis'> {
  const reported = new Map<string, number>()
  for (const a of articles) if (a.eventDate !== null) reported.set(a.eventDate, (reported.get(a.eventDate) ?? 0) + 1)
  if (reported.size > 0) {
    const [date] = [...reported].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]!
    return { eventDate: date, eventDateBasis: 'reported-event' }
  }
  const published = articles.map((a) => a.published).filter((d): d is string => d !== null).sort()
  return published.length > 0 ? { eventDate: published[0]!, eventDateBasis: 'published' } : { eventDate: null, eventDateBasis: 'none' }
}

function topActors(members: readonly StoryMember[]): Story['actors'] {
  const counts = new Map<EntityId, { name: string; articles: number; mentions: number }>()
  for (const { doc } of members) {
    const seen = new Set<EntityId>()
    for (const e of doc.layers.entities?.entities ?? []) {
      if (!ACTOR_TYPES.has(e.type) || seen.has(e.id)) continue
      seen.add(e.id)
      const entry = counts.get(e.id)
      if (entry === undefined) counts.set(e.id, { name: e.name, articles: 1, mentions: 0 })
      else {
        entry.articles++
        if (e.name.length > entry.name.length) entry.name = e.name
      }
    }
    for (const m of doc.layers.entities?.mentions ?? []) {
      const entry = counts.get(m.entity)
      if (entry !== undefined) entry.mentions++
    }
  }
  // Among actors every member names, the most mentioned lead: in a one-article story every actor
  // is named by all its members, and the one it keeps returning to is what it is about.
  return [...counts]
    .sort((x, y) => y[1].articles - x[1].articles || y[1].mentions - x[1].mentions || mentionOrder(x[0], y[0]))
    .slice(0, STORY_ACTORS)
    .map(([id, { name, articles }]) => ({ id, name, articles }))
}

// Stable order among equally shared actors: gazetteer ids (no '~') before ad-hoc ones, then by id.
function mentionOrder(a: EntityId, b: EntityId): number {
  return Number(a.includes('~')) - Number(b.includes('~')) || a.localeCompare(b)
}

function unitTf(counts: ReadonlyMap<string, number>): Map<string, number> {
  const v = new Map<string, number>()
  let norm = 0
  for (const [t, tf] of counts) {
    const w = 1 + Math.log(tf)
    v.set(t, w)
    norm += w * w
  }
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm)
  return v
}
