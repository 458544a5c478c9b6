export type {
  Store, Blob, DocumentSummary, SaveResult, ListOptions, IterateOptions, EntityListOptions, EntitySummary, EntityDocument, SearchHit,
  StoryListOptions, StoryState, WriterHolder, WriterLease, WriterOptions, StoryStateSelect, StoredStoryState, StoryWrite, SignatureWrite, StoryUpdate, SignatureCandidate,
} from './store.js'
export { STORY_TEXT_CANDIDATES } from './store.js'
export { PostgresStore, type PostgresStoreOptions } from './postgres/postgres-store.js'
export { isPostgresUrl, redactUrl } from './postgres/connection.js'
export { openStore, sourceStoreOf, type OpenStoreOptions } from './open.js'
export type { SourceStore, WatchSource, SourceItem, SourceKind, FoundItem, PendingItem, PollOutcome, AddSource, ItemState } from './sources.js'
export { SOURCE_KINDS } from './sources.js'
export { SEARCH_MODES, parseSearchQuery, searchWords, type SearchMode, type SearchQuery, type SearchExpr } from './search-query.js'
export { stopsTheRun } from './sqlite/failures.js'
