import type { StoryId } from '../document/index.js'
import { STORY_TEXT_CANDIDATES, type SearchQuery, type Store } from '../store/index.js'
import type { Watch, WatchTarget } from './types.js'

/** Stories read per query while listing an entity's stories. */
const STORY_PAGE = 500

/**
 * The stories a watch matches in the store now: for a search, the stories of its matching
 * articles (the newest {@link STORY_TEXT_CANDIDATES}, which always hold a story that just gained
 * one); for an entity, every story with an article naming it; for a pair, those naming both.
 *
 * @example
 * await matchingStories(store, watch) // Set { 'st-0123456789ab', … }
 */
export async function matchingStories(store: Store, watch: Pick<Watch, 'target'>): Promise<Set<StoryId>> {
  const { target } = watch
  switch (target.kind) {
    case 'search': {
      const stories = await store.listStories({ text: searchQueryOf(target), limit: STORY_TEXT_CANDIDATES })
      return new Set(stories.map((s) => s.id))
    }
    case 'entity':
      return storiesNaming(store, target.entity.id)
    case 'pair': {
      const [a, b] = await Promise.all([storiesNaming(store, target.actor.id), storiesNaming(store, target.counterpart.id)])
      return new Set([...a].filter((id) => b.has(id)))
    }
  }
}

/** The search a `search` watch runs, as the store reads it. */
export function searchQueryOf(target: Extract<WatchTarget, { kind: 'search' }>): SearchQuery {
  return target.advanced ? { text: target.query, mode: 'advanced' } : target.query
}

async function storiesNaming(store: Store, entity: string): Promise<Set<StoryId>> {
  const ids = new Set<StoryId>()
  for (let offset = 0; ; offset += STORY_PAGE) {
    const page = await store.listStories({ entity, limit: STORY_PAGE, offset, order: 'recent' })
    for (const s of page) ids.add(s.id)
    if (page.length < STORY_PAGE) return ids
  }
}
