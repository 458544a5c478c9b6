import { Hono } from 'hono'
import { cleanTextOf, type Document, type QualityNote, type RemovalReason, type Span, type StoryId } from '../../document/index.js'
import { assessSourceQuality } from '../../stages/analysis/quality.js'
import type { DocumentSummary, SearchHit, SearchQuery, Store } from '../../store/index.js'
import { fieldColumns } from '../csv.js'
import { notFound } from '../errors.js'
import { sendJson } from '../json.js'
import { sendList } from '../list.js'
import { pageParams, searchParam, type Page } from '../params.js'

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
    if (q === undefined) {
      const [items, count] = await Promise.all([store.listDocuments(page), store.countDocuments()])
      return sendList(c, 'articles', page, items, { count }, ARTICLE_COLUMNS)
    }
    const { items, count, capped } = await searchPage(store, q, page)
    return sendList(c, 'articles', page, items, { count, capped }, ARTICLE_COLUMNS)
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

/** The detail body of one article. */
export function articleDetailOf(doc: Document, story: StoryId | null): ArticleDetail {
  const { clean, metadata, sentences, entities, quotes, claims, events, times } = doc.layers
  const title = metadata?.title?.value ?? doc.hints.title
  const published = metadata?.published?.value.date
  const publisher = metadata?.publisher?.value
  const url = doc.origin.url
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
