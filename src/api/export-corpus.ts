import type { Conflict, Fact, Story, StoryId, Timeline } from '../document/index.js'
import { UsageError } from '../errors.js'
import type { Store } from '../store/index.js'
import { allTimelines } from './timeline.js'

/** Corpus-level records `exportCorpusRecords` writes: one per story, per checked fact, per conflict, per timeline. */
export const CORPUS_RECORD_KINDS = ['stories', 'facts', 'conflicts', 'timelines'] as const
export type CorpusRecordKind = (typeof CORPUS_RECORD_KINDS)[number]

/** A conflict with the story it was found in. */
export interface ConflictRecord extends Conflict {
  readonly story: StoryId
  readonly storyTitle: string
}

/** A checked fact (agreed, single-source or in conflict) with the story it was checked in. */
export interface FactRecord extends Fact {
  readonly story: StoryId
  readonly storyTitle: string
}

export interface CorpusRecordOf {
  stories: Story
  facts: FactRecord
  conflicts: ConflictRecord
  timelines: Timeline
}

/** Stories read from the store per query. */
const STORY_PAGE = 200

/**
 * Every corpus-level record of one kind: stories (each with its articles and their sources),
 * the checked facts of every story (quotes, figures, events, each agreed, single-source or in
 * conflict, citing every article that carries it), the conflicts of every story, or the stance timeline of every actor, counterpart and topic with
 * two or more statements.
 *
 * @example
 * for await (const story of exportCorpusRecords(store, 'stories')) console.log(story.title, story.articles.length)
 */
export async function* exportCorpusRecords<K extends CorpusRecordKind>(store: Store, what: K): AsyncGenerator<CorpusRecordOf[K]> {
  if (!(CORPUS_RECORD_KINDS as readonly string[]).includes(what)) {
    throw new UsageError(`Cannot export "${what}"; choose one of ${CORPUS_RECORD_KINDS.join(', ')}.`)
  }
  if (what === 'timelines') {
    yield* allTimelines(store) as AsyncIterable<CorpusRecordOf[K]>
    return
  }
  for await (const id of storyIds(store)) {
    if (what === 'stories') {
      const story = await store.getStory(id)
      if (story) yield story as CorpusRecordOf[K]
      continue
    }
    const [story, check] = await Promise.all([store.getStory(id), store.getStoryCheck(id)])
    if (!story || !check) continue
    if (what === 'facts') {
      for (const fact of check.facts) yield { story: id, storyTitle: story.title, ...fact } as CorpusRecordOf[K]
      continue
    }
    for (const conflict of check.conflicts) yield { story: id, storyTitle: story.title, ...conflict } as CorpusRecordOf[K]
  }
}

/** Every story id, most recent event first, a page at a time. */
async function* storyIds(store: Store): AsyncGenerator<StoryId> {
  for (let offset = 0; ; offset += STORY_PAGE) {
    const page = await store.listStories({ order: 'recent', limit: STORY_PAGE, offset })
    for (const s of page) yield s.id
    if (page.length < STORY_PAGE) return
  }
}
