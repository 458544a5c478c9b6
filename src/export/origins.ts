import { articleRefOf } from '../api/export.js'
import type { ConflictRecord, CorpusRecordKind, FactRecord } from '../api/export-corpus.js'
import type { Citation, DocumentId, StanceStatement, Story, Timeline } from '../document/index.js'
import type { Store } from '../store/index.js'

/** Where an article came from in the user's data, as every exported record names it. */
export interface ArticleOrigin {
  readonly input: string | null
  readonly record: string | null
  readonly externalId: string | null
}

/**
 * Corpus records (stories, facts, conflicts, timelines) with each article they cite named by its
 * place in the user's data too: every story article and every citation gets `input`, `record`
 * and `externalId`, so a fact joins back to the rows it came from without a second export. Each
 * article is read once (its origin is kept by id); an article no longer stored gets nulls.
 *
 * @example
 * for await (const fact of withOrigins(store, 'facts', exportCorpusRecords(store, 'facts'))) fact.citations[0].externalId
 */
export async function* withOrigins(store: Store, kind: CorpusRecordKind, records: AsyncIterable<unknown>): AsyncGenerator<unknown> {
  const known = new Map<DocumentId, ArticleOrigin>()
  const originOf = async (id: DocumentId): Promise<ArticleOrigin> => {
    let origin = known.get(id)
    if (origin === undefined) {
      const doc = await store.getDocument(id)
      const ref = doc === undefined ? undefined : articleRefOf(doc)
      origin = { input: ref?.input ?? null, record: ref?.record ?? null, externalId: ref?.externalId ?? null }
      known.set(id, origin)
    }
    return origin
  }
  const cite = async <C extends Citation>(c: C): Promise<C & ArticleOrigin> => ({ ...c, ...(await originOf(c.article)) })
  const citeAll = <C extends Citation>(list: readonly C[]): Promise<Array<C & ArticleOrigin>> => Promise.all(list.map(cite))
  for await (const record of records) {
    switch (kind) {
      case 'stories': {
        const story = record as Story
        yield { ...story, articles: await Promise.all(story.articles.map(async (a) => ({ ...a, ...(await originOf(a.id)) }))) }
        break
      }
      case 'facts': {
        const fact = record as FactRecord
        yield { ...fact, citations: await citeAll(fact.citations), variants: await Promise.all(fact.variants.map(async (v) => ({ ...v, citation: await cite(v.citation) }))) }
        break
      }
      case 'conflicts': {
        const conflict = record as ConflictRecord
        yield { ...conflict, values: await Promise.all(conflict.values.map(async (v) => ({ ...v, citations: await citeAll(v.citations) }))) }
        break
      }
      default: {
        const timeline = record as Timeline
        const statement = async (s: StanceStatement) => ({ ...s, quote: await cite(s.quote), citations: await citeAll(s.citations) })
        yield { ...timeline, statements: await Promise.all(timeline.statements.map(statement)) }
      }
    }
  }
}
