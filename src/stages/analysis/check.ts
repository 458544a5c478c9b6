import type { ArticleQuality, Document, DocumentId, StoryCheck, StoryId } from '../../document/index.js'
import { outletOf } from '../../document/index.js'
import { checkEvents } from './event-facts.js'
import { checkFigures } from './figures.js'
import { outletCounter } from './outlets.js'
import { assessSourceQuality } from './quality.js'
import { checkQuotes } from './quote-facts.js'

/** A story's article as the check reads it: the annotated document, and the original it copies, if any. */
export interface CheckArticle {
  readonly doc: Document
  readonly duplicateOf: DocumentId | null
}

/**
 * Cross-checks a story's articles: its quotes, figures and events as one facts table (each fact
 * with the outlets that carry it, copies counted once), the conflicts among its figures, and each
 * article's quality notes. Pure: the same articles give the same check.
 *
 * @example
 * const check = checkStory('st-0a1b2c3d4e5f', [{ doc: a, duplicateOf: null }, { doc: b, duplicateOf: null }])
 * check.facts.filter((f) => f.status === 'conflict') // both warhead counts, each with its source
 * check.conflicts[0].notes // ['sources differ: … vs …', 'definitions differ: …', …]
 */
export function checkStory(story: StoryId, articles: readonly CheckArticle[]): StoryCheck {
  const count = outletCounter(articles)
  const figures = checkFigures(articles, count)
  return {
    story,
    facts: [...checkQuotes(articles, count), ...figures.facts, ...checkEvents(articles, count)],
    conflicts: figures.conflicts,
    quality: articles.map(({ doc }): ArticleQuality => ({
      article: doc.id,
      source: outletOf(doc),
      title: doc.layers.metadata?.title?.value ?? null,
      notes: assessSourceQuality(doc),
    })),
  }
}
