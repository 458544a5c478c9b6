/*
 * The orders the article list takes. The store lists documents in storage order and ranks search
 * hits; any other order is applied here, over every summary the listing reads (summaries are rows,
 * not documents, so this reads no article text).
 */
import { outletFrom } from '../document/index.js'
import type { DocumentSummary } from '../store/index.js'

export const ARTICLE_SORTS = ['stored', 'published', 'title', 'outlet', 'chars'] as const
export type ArticleSort = (typeof ARTICLE_SORTS)[number]
export const SORT_DIRECTIONS = ['asc', 'desc'] as const
export type SortDirection = (typeof SORT_DIRECTIONS)[number]

/** The outlet of a listed article, as stories name it (publisher, else the URL's host). */
export function summaryOutlet(summary: Pick<DocumentSummary, 'publisher' | 'url'>): string {
  return outletFrom(summary.publisher, summary.url)
}

const KEYS: Readonly<Record<Exclude<ArticleSort, 'stored'>, (d: DocumentSummary) => string | number | undefined>> = {
  published: (d) => d.published,
  title: (d) => d.title?.toLocaleLowerCase('en'),
  outlet: (d) => summaryOutlet(d).toLocaleLowerCase('en'),
  chars: (d) => d.chars,
}

/**
 * The summaries in the asked order; an article without the sorted field (no date, no title) goes
 * last either way, and ties keep their storage order.
 *
 * @example
 * sortArticles(items, 'published', 'desc') // newest first, undated last
 */
export function sortArticles<T extends DocumentSummary>(items: readonly T[], sort: ArticleSort, direction: SortDirection): T[] {
  if (sort === 'stored') return direction === 'asc' ? [...items] : [...items].reverse()
  const key = KEYS[sort]
  const sign = direction === 'asc' ? 1 : -1
  return items
    .map((item, index) => ({ item, index, value: key(item) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) return (a.value === undefined ? 1 : 0) - (b.value === undefined ? 1 : 0) || a.index - b.index
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value), 'en')
      return sign * order || a.index - b.index
    })
    .map((e) => e.item)
}
