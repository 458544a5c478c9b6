import { createHash } from 'node:crypto'
import type { Document, Story, StoryCheck } from '../../src/document/index.js'
import { checkStory } from '../../src/stages/analysis/check.js'
import { openStore, type Store } from '../../src/store/index.js'
import { annotatedArticle, storyOf } from './briefs.js'

// Two outlets on one made-up vote, in our own words: a quote both carry, a ferry count they give
// differently (a conflict), and actions between named actors; a third article alone.
export const HARBOUR = annotatedArticle('d1', 'https://harbour.example/vote', [
  'Council approves new bridge, "at last"',
  '',
  'Published 2024-03-12',
  '',
  'The Port Alder council voted on Tuesday to build a footbridge across the river mouth by next summer.',
  '',
  '“The town has waited long enough,” councillor Mira Holt said after the vote.',
  '',
  'France criticized Germany over the fishing quotas, the minister said.',
  '',
  'The port office said 40 ferries cross the bay each day.',
].join('\n'))
export const COAST = annotatedArticle('d2', 'https://coastnews.example/vote', [
  'Footbridge vote passes',
  '',
  'Published 2024-03-13',
  '',
  'The Port Alder council voted on Tuesday to build a footbridge across the river mouth by next summer.',
  '',
  '“The town has waited long enough,” councillor Mira Holt said after the vote.',
  '',
  'France criticized Germany over the fishing quotas on Tuesday.',
  '',
  'The port office said 52 ferries cross the bay each day.',
].join('\n'))
export const VALLEY = annotatedArticle('d3', 'https://valleypost.example/fair', [
  'Valley fair opens',
  '',
  'The autumn fair in the valley opened on Saturday with more stalls than in any earlier year.',
].join('\n'))

export const BRIDGE = storyOf([HARBOUR, COAST], 'st-00000000000b')
export const FAIR = storyOf([VALLEY], 'st-00000000000f')

function storyWrite(story: Story, check: StoryCheck) {
  return { story, check, state: { id: story.id, first: null, last: null, centroid: [], entities: [], quotes: [], size: story.articles.length }, window: null }
}

/**
 * A store (in memory unless a path is given) holding the three articles and their two stories with their checks; the
 * first article is a JSON Lines item (line 4 of `desk.jsonl`, id `desk-17`, a meta object).
 */
export async function exportStore(path = ':memory:'): Promise<Store> {
  const store = await openStore({ path })
  const bytes = new TextEncoder().encode('articles')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const asItem = (d: Document): Document => d.id === 'd1'
    ? { ...d, origin: { ...d.origin, input: 'desk.jsonl', record: '4', externalId: 'desk-17', meta: { desk: 'city' }, blob: sha256 } }
    : { ...d, origin: { ...d.origin, blob: sha256 } }
  await store.save({ sha256, bytes, input: 'articles' }, [HARBOUR, COAST, VALLEY].map(asItem))
  const members = (docs: Document[]) => docs.map((doc) => ({ doc, duplicateOf: null }))
  await store.applyStoryUpdate({
    stories: [storyWrite(BRIDGE, checkStory(BRIDGE.id, members([HARBOUR, COAST]))), storyWrite(FAIR, checkStory(FAIR.id, members([VALLEY])))],
    threads: [], removedThreads: [], termFrequencies: { documents: 0, terms: new Map() }, signatures: [],
  })
  return store
}
