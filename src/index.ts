/**
 * Dossier's public library API: re-exports only. `dossier/reader`, `dossier/store` and
 * `dossier/server` (src/entries/) each load only their part.
 */
export * from './document/index.js'
export * from './errors.js'
export type { Stage, StageConfig } from './pipeline/index.js'
export { STAGES, runStages, checkStageOrder, selectStages } from './pipeline/index.js'
export { processDocument, READER_STAGE_NAMES } from './pipeline/process.js'
export { extractDocument } from './stages/clean/index.js'
export { readInputs, readBytes, type IngestResult } from './stages/ingest/index.js'
export { ingest, type IngestReport, type IngestEvent, type IngestOptions } from './api/ingest.js'
export { extract, toExtractRecord, type ExtractRecord, type ExtractResult } from './api/extract.js'
export { analyze, type AnalyzeOptions, type AnalyzeReport, type AnnotationCounts } from './api/analyze.js'
export {
  exportRecords, recordsOf, RECORD_KINDS, QUOTE_PART_SEPARATOR,
  type RecordKind, type RecordOf, type ExportRecord, type ArticleRecord, type EntityRecord, type QuoteRecord,
  type ClaimRecord, type EventRecord, type TimeRecord, type EntityRef, type Located, type ArticleRef,
} from './api/export.js'
export {
  openStore, type Store, type Blob, type DocumentSummary, type OpenStoreOptions,
  type IterateOptions, type EntityListOptions, type EntitySummary, type EntityDocument, type SearchHit, type StoryListOptions,
} from './store/index.js'
export { SEARCH_MODES, parseSearchQuery, type SearchQuery, type SearchMode, type SearchExpr } from './store/index.js'
export { PostgresStore, type PostgresStoreOptions } from './store/index.js'
export { updateStories, type StoriesReport, type StoryEvent, type UpdateStoriesOptions } from './api/stories.js'
export { briefOf, renderBrief, topStories, BRIEF_FORMATS, type BriefFormat } from './api/brief.js'
export { findTimeline, timelineOf, allTimelines, resolveEntity, timelineFrom, TOPICS, type TimelineOptions, type TimelineQuery } from './api/timeline.js'
export { exportCorpusRecords, CORPUS_RECORD_KINDS, type CorpusRecordKind, type CorpusRecordOf, type ConflictRecord, type FactRecord } from './api/export-corpus.js'
export {
  exportText, EXPORT_KINDS, EXPORT_FORMATS, EXPORT_FORMATS_OF, FORMATS, toNewsArticle, factReview, conflictReview,
  type ExportKind, type ExportOptions, type Format, type ActorGraph, type ActorNode, type RelationEdge, type JsonLdNode,
} from './export/index.js'
export { buildActorGraph } from './export/graph.js'
export { toGexf, toGraphml } from './export/graph-formats.js'
export { checkStory, type CheckArticle } from './stages/analysis/check.js'
export { assessSourceQuality } from './stages/analysis/quality.js'
export * from './watch/index.js'
export { sourceStoreOf, SOURCE_KINDS, type SourceStore, type WatchSource, type SourceItem, type SourceKind } from './store/index.js'
export { analyzeRead } from './api/analyze.js'
export { createApp, startServer, type AppOptions, type ServerOptions, type RunningServer } from './http/index.js'
export { HostAllowList } from './http/index.js'
export {
  createWatch, updateWatch, removeWatch, evaluateWatches, deliverWebhooks, watchStoreOf, keepsWatches, signBody, alertIdOf,
  ALERT_KINDS, DEFAULT_OUTLET_THRESHOLD, DEFAULT_DELIVERY_POLICY, SIGNATURE_HEADER, DELIVERY_HEADER,
  type Watch, type WatchId, type WatchInput, type WatchTarget, type Alert, type AlertId, type AlertKind, type Delivery, type WatchStore,
  type EvaluationReport, type DeliveryPolicy, type DeliveryReport,
} from './watches/index.js'
