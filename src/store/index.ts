export type { Store, Blob, DocumentSummary, SaveResult, ListOptions, IterateOptions, EntityListOptions, EntitySummary, EntityDocument } from './store.js'
export { openStore, type OpenStoreOptions } from './open.js'
