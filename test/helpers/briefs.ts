import type { Document, RawDocument, Story, StoryCheck } from '../../src/document/index.js'
import { outletOf } from '../../src/document/index.js'
import { runStages } from '../../src/pipeline/run.js'
import { STAGES } from '../../src/pipeline/stages.js'
import { extractDocument } from '../../src/stages/clean/index.js'

/**
 * An article in our own words, read and annotated by the real engine: the first line is its
 * headline, blank lines part paragraphs, and the URL's host names its outlet.
 *
 * @example
 * const doc = annotatedArticle('a1', 'https://harbour.example/a', 'Bridge reopens\n\nThe bridge …')
 */
export function annotatedArticle(id: string, url: string, text: string): Document {
  const raw: RawDocument = {
    id,
    origin: { input: `${id}.txt`, url, blob: 'b'.repeat(64), container: 'text' },
    charset: { name: 'utf-8', basis: 'container', confidence: 1 },
    hints: {},
    content: { kind: 'text', body: text },
  }
  return runStages(extractDocument(raw), STAGES)
}

/** A story made of these articles, in this order, as the story step would describe it. */
export function storyOf(docs: readonly Document[], id = 'st-000000000001'): Story {
  const first = docs[0]!
  return {
    id,
    title: first.layers.metadata?.title?.value ?? first.id,
    titleFrom: first.id,
    eventDate: first.layers.times?.eventDate?.value ?? null,
    eventDateBasis: first.layers.times?.eventDate !== undefined ? 'reported-event' : 'none',
    first: null,
    last: null,
    articles: docs.map((d) => ({
      id: d.id,
      source: outletOf(d),
      title: d.layers.metadata?.title?.value ?? null,
      url: d.origin.url ?? null,
      published: d.layers.metadata?.published?.value.date ?? null,
      eventDate: d.layers.times?.eventDate?.value ?? null,
      duplicateOf: null,
    })),
    outlets: new Set(docs.map((d) => outletOf(d))).size,
    actors: [],
    thread: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
  }
}

/** A check that found nothing: no facts, no conflicts, no notes. */
export function emptyCheck(story: string): StoryCheck {
  return { story, facts: [], conflicts: [], quality: [] }
}
