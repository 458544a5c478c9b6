import { Hono } from 'hono'
import { cleanTextOf, type Document, type QualityNote, type RemovalReason, type Span, type StoryId } from '../../document/index.js'
import { assessSourceQuality } from '../../stages/analysis/quality.js'
import type { DocumentSummary, SearchHit, SearchQuery, Store } from '../../store/index.js'
import { fieldColumns } from '../csv.js'
import { streamCsv, wantsFullExport } from '../export.js'
import { notFound } from '../errors.js'
import { sendJson } from '../json.js'
import { sendList } from '../list.js'
import { ARTICLE_SORTS, SORT_DIRECTIONS, sortArticles, type ArticleSort, type SortDirection } from '../article-order.js'
import { booleanParam, choiceParam, pageParams, searchParam, type Page } from '../params.js'
import { snippetOf, type Snippet } from '../snippets.js'

/**
 * Search hits counted for `total` at most: past it, `total` is this cap and `totalCapped` is set
 * (the API says "at least"). Counting walks the matches: to 1,000 it costs the same at any store
 * size, and a reader pages 20 at a time.
 */
export const SEARCH_TOTAL_CAP = 1_000

/** One article in full: its text, what cleaning kept and removed, every layer, its quality notes. */
export interface ArticleDetail {
  /** The list row of the article (without `storedAt`, which only the list knows). */
  readonly summary: Omit<DocumentSummary, 'storedAt'>
  readonly source: string
  readonly clean: { readonly kept: readonly Span[]; readonly removed: ReadonlyArray<{ readonly span: Span; readonly reason: RemovalReason; readonly note?: string }> }
  readonly layers: Pick<Document['layers'], 'sentences' | 'entities' | 'quotes' | 'claims' | 'events' | 'times'>
  readonly quality: readonly QualityNote[]
  readonly story: StoryId | null
}

const ARTICLE_COLUMNS = fieldColumns<Partial<SearchHit>>(['id', 'title', 'published', 'publisher', 'url', 'input', 'container', 'chars', 'storedAt', 'score'])

/** `/api/articles`: the stored documents, listed or searched, and one in full. */
export function articleRoutes(store: Store): Hono {
  const routes = new Hono()
  routes.get('/', async (c) => {
    const page = pageParams(c)
    const q = searchParam(c)
    if (wantsFullExport(c)) return streamCsv(c, 'articles', ARTICLE_COLUMNS, (p) => (q === undefined ? store.listDocuments(p) : store.search(q, p)), page.offset)
    const sort = choiceParam(c, 'sort', ARTICLE_SORTS)
    const direction = choiceParam(c, 'dir', SORT_DIRECTIONS, sort === 'published' || sort === 'chars' ? 'desc' : 'asc')
    const found = sort === undefined ? await pageInStoreOrder(store, q, page) : await pageSorted(store, q, page, sort, direction)
    const items = q !== undefined && booleanParam(c, 'snippets') ? await withSnippets(store, q, found.items) : found.items
    return sendList(c, 'articles', page, items, found, ARTICLE_COLUMNS)
  })
  routes.get('/:id', async (c) => {
    const id = c.req.param('id')
    const doc = await store.getDocument(id)
    if (doc === undefined) throw notFound('article', id)
    return sendJson(c, articleDetailOf(doc, (await store.storyOf(id)) ?? null))
  })
  return routes
}

/**
 * One page of hits and how many there are: the page is ranked by the store (a broad query's newest
 * matches only, see `SqliteStore.search`), and the total counted apart without ranking, up to
 * {@link SEARCH_TOTAL_CAP}.
 */
export async function searchPage(store: Store, q: SearchQuery, page: Page): Promise<{ items: SearchHit[]; count: number; capped: boolean }> {
  const [items, found] = await Promise.all([
    store.search(q, page),
    store.countSearch(q, SEARCH_TOTAL_CAP),
  ])
  return { items, count: found, capped: found >= SEARCH_TOTAL_CAP }
}

/** Articles a sorted listing orders at most: past it, the order covers the first this many stored (or found). */
export const SORTED_ARTICLES_CAP = SEARCH_TOTAL_CAP

type Found = { items: Array<DocumentSummary | SearchHit>; count: number; capped?: boolean }

async function pageInStoreOrder(store: Store, q: SearchQuery | undefined, page: Page): Promise<Found> {
  if (q !== undefined) return searchPage(store, q, page)
  const [items, count] = await Promise.all([store.listDocuments(page), store.countDocuments()])
  return { items, count }
}

/** One page of the articles (or of a search's hits) in the asked order, over at most SORTED_ARTICLES_CAP of them. */
async function pageSorted(store: Store, q: SearchQuery | undefined, page: Page, sort: ArticleSort, direction: SortDirection): Promise<Found> {
  const [all, count] = q === undefined
    ? await Promise.all([store.listDocuments({ limit: SORTED_ARTICLES_CAP }), store.countDocuments()])
    : await Promise.all([store.search(q, { limit: SORTED_ARTICLES_CAP }), store.countSearch(q, SEARCH_TOTAL_CAP)])
  const sorted = sortArticles<DocumentSummary | SearchHit>(all, sort, direction)
  return { items: sorted.slice(page.offset, page.offset + page.limit), count: Math.max(count, all.length), capped: count > all.length || count >= SEARCH_TOTAL_CAP }
}

/** Each hit with its snippet (the passage with the searched words, see snippets.ts): one document read per hit of the page. */
async function withSnippets(store: Store, q: SearchQuery, items: ReadonlyArray<DocumentSummary | SearchHit>): Promise<Array<(DocumentSummary | SearchHit) & { snippet: Snippet | null }>> {
  return Promise.all(items.map(async (item) => {
    const doc = await store.getDocument(item.id)
    return { ...item, snippet: doc === undefined ? null : snippetOf(doc, q) }
  }))
}

/** The detail body of one article. */
export function articleDetailOf(doc: Document, story: StoryId | null): ArticleDetail {
  const { clean, metadata, sentences, entities, quotes, claims, events, times } = doc.layers
  const title = metadata?.title?.value ?? doc.hints.title
  const published = metadata?.published?.value.date
  const publisher = metadata?.publisher?.value
  // Where it was published, as stories cite it: the page's canonical address before the one it was fetched from.
  const url = metadata?.canonicalUrl?.value ?? doc.origin.url ?? doc.hints.url
  const kept = (clean?.blocks ?? []).flatMap((b) => b.spans)
  return {
    summary: {
      id: doc.id,
      input: doc.origin.input,
      container: doc.origin.container,
      chars: (clean ? cleanTextOf(doc.source, clean) : doc.source).length,
      ...(url !== undefined ? { url } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(published !== undefined ? { published } : {}),
      ...(publisher !== undefined ? { publisher } : {}),
    },
    source: doc.source,
    clean: { kept, removed: (clean?.removed ?? []).map(({ span, reason, note }) => ({ span, reason, ...(note !== undefined ? { note } : {}) })) },
    layers: { sentences, entities, quotes, claims, events, times },
    quality: clean === undefined ? [] : assessSourceQuality(doc),
    story,
  }
}
