/*
 * Who covered a story and who did not, after Ground News's coverage view: the outlets that carried
 * it with their articles and dates, and the outlets that usually write about its actors but have
 * no article in it.
 */
import { outletKey, UNKNOWN_OUTLET, type EntityId, type Story, type StoryArticle } from '../document/index.js'
import type { Store } from '../store/index.js'
import { summaryOutlet } from './article-order.js'
import { outletFold } from './outlets.js'

/** The story's actors whose usual outlets are asked: its most shared ones. */
export const COVERAGE_ACTORS = 3
/** Articles read per actor to learn who covers it, at most (storage order). */
export const MAX_ACTOR_ARTICLES = 5000
/** Articles about the story's actors an outlet needs, outside the story, to count as one that usually covers them. */
export const USUAL_COVERAGE_ARTICLES = 2

export interface CarriedBy {
  readonly outlet: string
  /** Its articles in the story, earliest first (undated last). */
  readonly articles: ReadonlyArray<Pick<StoryArticle, 'id' | 'title' | 'url' | 'published'> & { readonly copy: boolean }>
  readonly first: string | null
}

export interface NotCarriedBy {
  readonly outlet: string
  /** Its articles, outside the story, that mention one of the actors. */
  readonly articles: number
  /** Which of the actors they mention. */
  readonly actors: readonly string[]
  /** Its latest dated article about them, or null. */
  readonly latest: string | null
}

export interface StoryCoverage {
  readonly story: string
  readonly actors: ReadonlyArray<{ readonly id: EntityId; readonly name: string }>
  /** Earliest first. */
  readonly carried: readonly CarriedBy[]
  /** Most articles about the actors first. */
  readonly missing: readonly NotCarriedBy[]
}

function carriedBy(story: Story): CarriedBy[] {
  const groups = new Map<string, StoryArticle[]>()
  for (const article of story.articles) {
    // Articles of unknown outlet are each their own: nothing says they share a publisher.
    const key = outletFold(outletKey(article.source, article.id))
    groups.set(key, [...(groups.get(key) ?? []), article])
  }
  const byDate = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b))
  return [...groups.values()].map((articles) => {
    const sorted = [...articles].sort((a, b) => byDate(a.published, b.published))
    return {
      outlet: sorted[0]!.source,
      articles: sorted.map((a) => ({ id: a.id, title: a.title, url: a.url, published: a.published, copy: a.duplicateOf !== null })),
      first: sorted[0]!.published,
    }
  }).sort((a, b) => byDate(a.first, b.first) || a.outlet.localeCompare(b.outlet))
}

/**
 * The coverage of a story: the outlets in it, and those that write about its actors
 * ({@link COVERAGE_ACTORS} of them) at least {@link USUAL_COVERAGE_ARTICLES} times elsewhere yet
 * have no article in it.
 */
export async function storyCoverage(store: Store, story: Story): Promise<StoryCoverage> {
  const carried = carriedBy(story)
  const inStory = new Set(carried.map((c) => outletFold(c.outlet)))
  const members = new Set(story.articles.map((a) => a.id))
  const actors = story.actors.slice(0, COVERAGE_ACTORS).map(({ id, name }) => ({ id, name }))
  const others = new Map<string, { outlet: string; articles: Set<string>; actors: Set<string>; latest: string | null }>()
  for (const actor of actors) {
    for (const doc of await store.documentsMentioning(actor.id, { limit: MAX_ACTOR_ARTICLES })) {
      if (members.has(doc.id)) continue
      const outlet = summaryOutlet(doc)
      const key = outletFold(outlet)
      if (inStory.has(key) || outlet === UNKNOWN_OUTLET) continue
      const row = others.get(key) ?? { outlet, articles: new Set<string>(), actors: new Set<string>(), latest: null }
      row.articles.add(doc.id)
      row.actors.add(actor.name)
      if (doc.published !== undefined && (row.latest === null || doc.published > row.latest)) row.latest = doc.published
      others.set(key, row)
    }
  }
  const missing = [...others.values()]
    .filter((o) => o.articles.size >= USUAL_COVERAGE_ARTICLES)
    .map((o) => ({ outlet: o.outlet, articles: o.articles.size, actors: actors.map((a) => a.name).filter((n) => o.actors.has(n)), latest: o.latest }))
    .sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet))
  return { story: story.id, actors, carried, missing }
}
