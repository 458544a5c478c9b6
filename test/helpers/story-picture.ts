import { createHash } from 'node:crypto'
import { allTimelines } from '../../src/api/timeline.js'
import type { Store } from '../../src/store/index.js'

/**
 * Everything the story step decides, read back from a store in a fixed order: each story as
 * composed (members, copies, title, dates, actors, but not when it was written), its check (facts,
 * conflicts, quality), the threads, and every stance timeline. Two stores with equal pictures show
 * a reader the same stories.
 */
export interface StoryPicture {
  readonly stories: ReadonlyArray<Record<string, unknown>>
  readonly threads: readonly unknown[]
  readonly timelines: readonly unknown[]
}

export async function storyPicture(store: Store): Promise<StoryPicture> {
  const ids: string[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await store.listStories({ order: 'recent', limit: 500, offset })
    ids.push(...page.map((s) => s.id))
    if (page.length < 500) break
  }
  const stories: Array<Record<string, unknown>> = []
  for (const id of ids.sort()) {
    const { updatedAt: _updatedAt, ...story } = (await store.getStory(id))!
    stories.push({ ...story, check: await store.getStoryCheck(id) })
  }
  const threads: unknown[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await store.listThreads({ limit: 500, offset })
    threads.push(...page)
    if (page.length < 500) break
  }
  threads.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  const timelines: unknown[] = []
  for await (const t of allTimelines(store)) timelines.push(t)
  timelines.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  return { stories, threads, timelines }
}

/**
 * A picture in a form small enough to keep in the repository: per story its id, title, members and
 * the SHA-256 of its whole composed JSON; per thread its id and stories; the timelines' count and
 * SHA-256. A difference names the story it is in.
 */
export function digestPicture(picture: StoryPicture): unknown {
  return {
    stories: picture.stories.map((s) => ({
      id: s.id,
      title: s.title,
      articles: (s.articles as Array<{ id: string; duplicateOf: { id: string } | null }>).map((a) => (a.duplicateOf === null ? a.id : `${a.id} copy of ${a.duplicateOf.id}`)),
      sha256: sha256(asRecorded(s)),
    })),
    threads: picture.threads.map((t) => {
      const thread = t as { id: string; stories: Array<{ id: string }> }
      return { id: thread.id, stories: thread.stories.map((s) => s.id) }
    }),
    timelines: { count: picture.timelines.length, sha256: sha256(picture.timelines) },
  }
}

/**
 * A story without the fields added after the pictures were recorded: its languages and each
 * article's language (issue 14), which their own tests pin. Everything recorded is still hashed.
 */
function asRecorded(story: Record<string, unknown>): Record<string, unknown> {
  // Rebuilt key by key: the hash is of the JSON text, so the recorded key order must stay.
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(story)) {
    if (key === 'languages') continue
    out[key] = key === 'articles' ? (value as Array<Record<string, unknown>>).map(({ language: _language, ...article }) => article) : value
  }
  return out
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex')
}
