/*
 * The story list behind `/api/stories`: its filters with the outlet read in any case, one page
 * with its total, every row for an export, and the outlets of each listed story.
 */
import type { StorySummary } from '../document/index.js'
import { STORY_TEXT_CANDIDATES, type Store, type StoryListOptions } from '../store/index.js'
import type { Page } from './params.js'

/** The list's filters, the outlet as every spelling of it the store holds. */
export interface StoryFilters extends Omit<StoryListOptions, 'outlet' | 'limit' | 'offset'> {
  readonly outlets?: readonly string[]
}

export interface StoryPage {
  readonly items: readonly StorySummary[]
  readonly count: number
  readonly capped?: boolean
}

/** `top`: most outlets, then articles, then latest event; `recent`: latest event first. Undated last. */
function compareStories(order: StoryListOptions['order']): (a: StorySummary, b: StorySummary) => number {
  const byDate = (a: StorySummary, b: StorySummary): number => (a.eventDate === b.eventDate ? 0 : a.eventDate === null ? 1 : b.eventDate === null ? -1 : b.eventDate.localeCompare(a.eventDate))
  return order === 'recent' ? byDate : (a, b) => b.outlets - a.outlets || b.articles - a.articles || byDate(a, b)
}

/**
 * Every story matching the filters, for an outlet stored under several spellings: one listing per
 * spelling, merged (a story with articles under two spellings listed once) in the list's order.
 * The store keeps its order's last tie-break (the order stories were made) to itself: ties here
 * keep the first spelling's order.
 */
async function storiesOfSpellings(store: Store, filters: StoryFilters, spellings: readonly string[]): Promise<StorySummary[]> {
  const { outlets: _, ...rest } = filters
  const lists = await Promise.all(spellings.map((outlet) => store.listStories({ ...rest, outlet, ...(filters.text !== undefined ? { limit: STORY_TEXT_CANDIDATES } : {}) })))
  const seen = new Map<string, StorySummary>()
  for (const story of lists.flat()) if (!seen.has(story.id)) seen.set(story.id, story)
  return [...seen.values()].sort(compareStories(filters.order))
}

function storeOptions(filters: StoryFilters): StoryListOptions {
  const { outlets, ...rest } = filters
  return outlets?.length === 1 ? { ...rest, outlet: outlets[0]! } : rest
}

/** One page of the list and its total. */
export async function listStoryPage(store: Store, filters: StoryFilters, page: Page): Promise<StoryPage> {
  if (filters.outlets !== undefined && filters.outlets.length > 1) {
    const all = await storiesOfSpellings(store, filters, filters.outlets)
    const capped = filters.text !== undefined && (await store.countSearch(filters.text, STORY_TEXT_CANDIDATES + 1)) > STORY_TEXT_CANDIDATES
    return { items: all.slice(page.offset, page.offset + page.limit), count: all.length, capped }
  }
  const options = storeOptions(filters)
  if (options.text !== undefined) {
    // One listing gives the page and the total: a text filter reads at most the newest
    // STORY_TEXT_CANDIDATES matching articles, so it lists no more stories than that.
    const [found, matches] = await Promise.all([
      store.listStories({ ...options, limit: STORY_TEXT_CANDIDATES }),
      store.countSearch(options.text, STORY_TEXT_CANDIDATES + 1),
    ])
    return { items: found.slice(page.offset, page.offset + page.limit), count: found.length, capped: matches > STORY_TEXT_CANDIDATES }
  }
  const [items, count] = await Promise.all([store.listStories({ ...options, ...page }), store.countStories(options)])
  return { items, count }
}

/** Reads the list a page at a time, for a streamed export. */
export function storyPages(store: Store, filters: StoryFilters): (page: Page) => Promise<readonly StorySummary[]> {
  if (filters.outlets !== undefined && filters.outlets.length > 1) {
    let all: Promise<StorySummary[]> | undefined
    return async (page) => (await (all ??= storiesOfSpellings(store, filters, filters.outlets!))).slice(page.offset, page.offset + page.limit)
  }
  const options = storeOptions(filters)
  return (page) => store.listStories({ ...options, ...page })
}

/** A listed story with the outlets that carried it and the span of its members' dates. */
export interface StoryWithOutlets extends StorySummary {
  /** Distinct outlet names of its articles, the most articles first. */
  readonly outletNames: readonly string[]
  readonly first: string | null
  readonly last: string | null
}

/** The listed stories with their outlets (one story read each: a page is at most 200). */
export async function withOutletNames(store: Store, items: readonly StorySummary[]): Promise<StoryWithOutlets[]> {
  return Promise.all(items.map(async (item) => {
    const story = await store.getStory(item.id)
    const counts = new Map<string, number>()
    for (const a of story?.articles ?? []) counts.set(a.source, (counts.get(a.source) ?? 0) + 1)
    const outletNames = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name)
    return { ...item, outletNames, first: story?.first ?? null, last: story?.last ?? null }
  }))
}
