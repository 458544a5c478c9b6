export type { Store, Blob, DocumentSummary, SaveResult, ListOptions } from './store.js'
export { openStore, type OpenStoreOptions } from './open.js'
