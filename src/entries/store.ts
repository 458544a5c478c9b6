/**
 * `dossier/store`: open a store and read what it holds (documents, stories, checks, briefs,
 * timelines) and export it in the formats of the field. Loads the SQLite addon on the first
 * `openStore`, not on import; no web server.
 *
 * @example
 * import { openStore, exportText } from 'dossier/store'
 * const store = await openStore({ path: 'news.db', mode: 'read' })
 * for await (const chunk of exportText(store, { what: 'facts', format: 'csv' })) process.stdout.write(chunk)
 */
export * from '../document/index.js'
export * from '../errors.js'
export {
  openStore, SEARCH_MODES, parseSearchQuery, type Store, type Blob, type DocumentSummary, type OpenStoreOptions, type IterateOptions,
  type EntityListOptions, type EntitySummary, type EntityDocument, type SearchHit, type StoryListOptions, type SearchQuery, type SearchMode, type SearchExpr,
} from '../store/index.js'
export {
  exportRecords, recordsOf, articleRefOf, RECORD_KINDS, QUOTE_PART_SEPARATOR,
  type RecordKind, type RecordOf, type ExportRecord, type ArticleRecord, type EntityRecord, type QuoteRecord,
  type ClaimRecord, type EventRecord, type TimeRecord, type EntityRef, type Located, type ArticleRef,
} from '../api/export.js'
export { exportCorpusRecords, CORPUS_RECORD_KINDS, type CorpusRecordKind, type CorpusRecordOf, type ConflictRecord, type FactRecord } from '../api/export-corpus.js'
export {
  exportText, EXPORT_KINDS, EXPORT_FORMATS, EXPORT_FORMATS_OF, FORMATS, toNewsArticle, factReview, conflictReview,
  type ExportKind, type ExportOptions, type Format, type JsonLdNode,
} from '../export/index.js'
export { briefOf, renderBrief, topStories, BRIEF_FORMATS, type BriefFormat } from '../api/brief.js'
export { findTimeline, allTimelines, resolveEntity, TOPICS, type TimelineOptions, type TimelineQuery } from '../api/timeline.js'
