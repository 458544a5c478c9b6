import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Document, Story, StoryCheck } from '../document/index.js'
import { UsageError } from '../errors.js'
import { checkStory } from '../stages/analysis/check.js'
import { openStore, type Store } from '../store/index.js'
import { annotatedArticle, storyOf } from '../../test/helpers/briefs.js'
import { briefOf, renderBrief, topStories } from './brief.js'

// Two outlets on one made-up council vote, in our own words, and a third article alone.
const a1 = annotatedArticle('d1', 'https://harbour.example/vote', [
  'Council approves new bridge',
  '',
  'The Port Alder council voted on Tuesday to build a footbridge across the river mouth by next summer.',
  '',
  '“The town has waited long enough,” councillor Mira Holt said after the vote.',
].join('\n'))
const a2 = annotatedArticle('d2', 'https://coastnews.example/vote', [
  'Footbridge vote passes',
  '',
  'The Port Alder council voted on Tuesday to build a footbridge across the river mouth by next summer.',
  '',
  'Work on the foundations is planned to begin in the spring.',
].join('\n'))
const a3 = annotatedArticle('d3', 'https://valleypost.example/fair', [
  'Valley fair opens',
  '',
  'The autumn fair in the valley opened on Saturday with more stalls than in any earlier year.',
].join('\n'))

function storyWrite(story: Story, check: StoryCheck) {
  return { story, check, state: { id: story.id, first: null, last: null, centroid: [], entities: [], quotes: [], size: story.articles.length }, window: null }
}

let store: Store
const bridge = storyOf([a1, a2], 'st-00000000000b')
const fair = storyOf([a3], 'st-00000000000f')

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  const bytes = new TextEncoder().encode('articles')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  await store.save({ sha256, bytes, input: 'articles' }, [a1, a2, a3].map((d) => ({ ...d, origin: { ...d.origin, blob: sha256 } })))
  const members = (docs: Document[]) => docs.map((doc) => ({ doc, duplicateOf: null }))
  await store.applyStoryUpdate({
    stories: [storyWrite(bridge, checkStory(bridge.id, members([a1, a2]))), storyWrite(fair, checkStory(fair.id, members([a3])))],
    threads: [], removedThreads: [], termFrequencies: { documents: 0, terms: new Map() }, signatures: [],
  })
})
afterAll(async () => store.close())

describe('api: brief', () => {
  it('briefOf: the stored story with its summary cited to both outlets that print the sentence', async () => {
    const brief = await briefOf(store, bridge.id)
    expect(brief.story.id).toBe(bridge.id)
    expect(brief.summary[0]!.citations.map((c) => c.source)).toEqual(['harbour.example', 'coastnews.example'])
    expect(brief.sources.map((s) => s.article)).toEqual(['d1', 'd2'])
  })

  it('briefOf: computes the check when the store has none saved', async () => {
    const bare = Object.create(store) as Store
    bare.getStoryCheck = async () => undefined
    const computed = await briefOf(bare, bridge.id)
    const saved = await briefOf(store, bridge.id)
    expect(computed.facts).toEqual(saved.facts)
    expect(computed.quotes.map((q) => q.who?.name)).toContain('Mira Holt')
  })

  it('briefOf: an unknown id is refused, naming it', async () => {
    await expect(briefOf(store, 'st-ffffffffffff')).rejects.toThrow(UsageError)
    await expect(briefOf(store, 'st-ffffffffffff')).rejects.toThrow(/st-ffffffffffff/)
  })

  it('topStories: most outlets first, at most n', async () => {
    expect((await topStories(store, 5)).map((s) => s.id)).toEqual([bridge.id, fair.id])
    expect((await topStories(store, 1)).map((s) => s.id)).toEqual([bridge.id])
    expect(await topStories(store, 0)).toEqual([])
  })

  it('renderBrief: the stored story as Markdown cites its sources', async () => {
    const md = renderBrief(await briefOf(store, bridge.id), 'md')
    expect(md).toContain('- [1] **harbour.example** — Council approves new bridge')
    expect(md).toMatch(/footbridge across the river mouth by next summer\. \[1\]\[2\]/)
  })
})
