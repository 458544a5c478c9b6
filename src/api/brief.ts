import type { Brief, Document, DocumentId, Story, StoryCheck, StoryId, StorySummary } from '../document/index.js'
import { UsageError } from '../errors.js'
import { checkStory } from '../stages/analysis/check.js'
import { composeBrief } from '../stages/brief/compose.js'
import { findStatements, type TimelineQuery } from '../stages/analysis/stance.js'
import { storyQueries, storyTimelines } from '../stages/brief/timelines.js'
import type { Store } from '../store/index.js'

export { renderBrief, BRIEF_FORMATS, type BriefFormat } from '../stages/brief/index.js'

/** Articles of the story's other thread stories read for its timelines, earliest stories first; a longer thread is cut here. */
export const MAX_THREAD_ARTICLES = 300

/**
 * The brief of a stored story: its summary, key quotes, facts and conflicts (the check saved with
 * it, or computed now when the store has none), the stance timelines of its main actor pairs
 * across its thread, and its sources with their quality notes. Throws UsageError for an unknown id.
 *
 * @example
 * const brief = await briefOf(store, 'st-0a1b2c3d4e5f')
 * process.stdout.write(renderBrief(brief, 'md'))
 */
export async function briefOf(store: Store, storyId: StoryId): Promise<Brief> {
  const story = await store.getStory(storyId)
  if (story === undefined) {
    throw new UsageError(`No story "${storyId}" in the store. List stories with \`dossier stories\` and pass one of their ids.`)
  }
  const members = await loadDocuments(store, story.articles.map((a) => a.id))
  const check = (await store.getStoryCheck(story.id)) ?? checkMembers(story, members)
  const threadDocs = await loadThreadDocuments(store, story, members)
  const timelines = storyTimelines(members, threadDocs)
  return composeBrief(story, threadDocs, check, timelines)
}

/**
 * The stories most worth a brief: most outlets, then most articles, then latest event.
 *
 * @example
 * for (const s of await topStories(store, 3)) console.log(renderBrief(await briefOf(store, s.id), 'md'))
 */
export async function topStories(store: Store, n: number): Promise<StorySummary[]> {
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`topStories: n must be a whole number of stories, got ${n}.`)
  return n === 0 ? [] : store.listStories({ order: 'top', limit: n })
}

function checkMembers(story: Story, members: readonly Document[]): StoryCheck {
  const copies = new Map(story.articles.map((a) => [a.id, a.duplicateOf?.id ?? null]))
  return checkStory(story.id, members.map((doc) => ({ doc, duplicateOf: copies.get(doc.id) ?? null })))
}

async function loadDocuments(store: Store, ids: readonly DocumentId[]): Promise<Document[]> {
  const docs: Document[] = []
  for (const id of ids) {
    const doc = await store.getDocument(id)
    if (doc !== undefined) docs.push(doc)
  }
  return docs
}

/**
 * The members and the articles of the other stories of the story's thread, earliest story first.
 * Of the other stories' articles only those stating one of the members' positions are kept: the
 * rest would hold a whole thread's sources in memory for nothing.
 */
async function loadThreadDocuments(store: Store, story: Story, members: readonly Document[]): Promise<Document[]> {
  const thread = story.thread === null ? undefined : await store.getThread(story.thread)
  if (thread === undefined) return [...members]
  const queries = storyQueries(members)
  if (queries.length === 0) return [...members]
  const ids: DocumentId[] = []
  for (const { id } of thread.stories) {
    if (id === story.id) continue
    const other = await store.getStory(id)
    for (const a of other?.articles ?? []) if (ids.length < MAX_THREAD_ARTICLES) ids.push(a.id)
  }
  const kept: Document[] = []
  for (const id of ids) {
    const doc = await store.getDocument(id)
    if (doc !== undefined && statesAny(doc, queries)) kept.push(doc)
  }
  return [...members, ...kept]
}

function statesAny(doc: Document, queries: readonly TimelineQuery[]): boolean {
  return queries.some((query) => findStatements(doc, query).length > 0)
}
