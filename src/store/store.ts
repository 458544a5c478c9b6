import type {
  Document, DocumentId, DocumentMessage, ContainerFormat, EntityId, EntityType, Layers, Story, StoryCheck, StoryId, StorySummary, Thread, ThreadId,
} from '../document/index.js'
import type { SearchQuery } from './search-query.js'

/** The raw bytes of one input, kept verbatim and addressed by their SHA-256. */
export interface Blob {
  readonly sha256: string
  readonly bytes: Uint8Array
  /** The input as the user named it (path, URL, `-`). */
  readonly input: string
  readonly mediaType?: string
}

/** One row of `dossier list`. */
export interface DocumentSummary {
  readonly id: DocumentId
  readonly input: string
  readonly url?: string
  readonly container: ContainerFormat
  readonly title?: string
  readonly published?: string
  readonly publisher?: string
  readonly chars: number
  readonly storedAt: string
}

export interface SaveResult {
  /** Documents written by this call. */
  readonly added: number
  /** Documents that were already stored (same id) and left as they were. */
  readonly existing: number
}

export interface ListOptions {
  readonly limit?: number
  readonly offset?: number
}

export interface IterateOptions {
  /** Documents read from the store per query; memory holds at most one page. Default 200. */
  readonly pageSize?: number
}

export interface EntityListOptions extends ListOptions {
  readonly type?: EntityType
}

/** One entity across the store: how many documents mention it, and how often in all. */
export interface EntitySummary {
  readonly id: EntityId
  readonly type: EntityType
  /** The fullest canonical name any document gives it. */
  readonly name: string
  readonly documents: number
  readonly mentions: number
}

/** A document that mentions an entity, with how many times it does. */
export interface EntityDocument extends DocumentSummary {
  readonly mentions: number
}

/**
 * A document that matched a search, best first; `score` is higher for a better match. A query
 * matching very many documents may list them newest first instead, unranked, with score 0 (see
 * `SqliteStore.search`).
 */
export interface SearchHit extends DocumentSummary {
  readonly score: number
}

export interface StoryListOptions extends ListOptions {
  /** A member article mentions this entity. */
  readonly entity?: EntityId
  /** A member article's outlet (`StoryArticle.source`) is this. */
  readonly outlet?: string
  /** The story's event date (else its first date) is at or after this (ISO prefix compare). */
  readonly from?: string
  /** … at or before this; a `YYYY` or `YYYY-MM` bound includes the whole period. */
  readonly to?: string
  /**
   * A search of the member articles (title and clean text), as `Store.search` reads it; a
   * malformed advanced query throws SearchSyntaxError. Lists the stories of at most the newest
   * {@link STORY_TEXT_CANDIDATES} matching articles.
   */
  readonly text?: SearchQuery
  readonly thread?: ThreadId
  /** `top` (default): outlets, then articles, then event date, all descending; `recent`: event date descending. */
  readonly order?: 'top' | 'recent'
}

/**
 * Matching articles whose stories a `text` filter lists, at most: a query matching more lists the
 * stories of its newest this many (a name or a phrase matches fewer and is listed whole). A caller
 * tells a bounded listing by `countSearch(text, STORY_TEXT_CANDIDATES + 1) > STORY_TEXT_CANDIDATES`.
 */
export const STORY_TEXT_CANDIDATES = 500

/**
 * What story clustering keeps of a story between runs, so new articles join without reading its
 * members again. Term weights and entity counts are lists of pairs, strongest first.
 */
export interface StoryState {
  readonly id: StoryId
  /** Earliest and latest member dates (event date, else publication date). */
  readonly first: string | null
  readonly last: string | null
  /** The unit TF-IDF centroid of its members, truncated. */
  readonly centroid: ReadonlyArray<readonly [term: string, weight: number]>
  /** How many members name each actor. */
  readonly entities: ReadonlyArray<readonly [id: EntityId, articles: number]>
  /** Fingerprints of the direct quotes its members carry. */
  readonly quotes: readonly string[]
  /** Members that were clustered (copies not counted). */
  readonly size: number
  /**
   * Earliest and latest date its clustered members report for their event (times layer), null
   * when none does; absent in states stored before it was kept (the story's members tell it then).
   */
  readonly reported?: { readonly first: string; readonly last: string } | null
  /**
   * The languages (ISO 639-1) its clustered members are written in, sorted; absent in states
   * stored before they were kept (the story then counts as being in any language).
   */
  readonly languages?: readonly string[]
}

/**
 * Which stored story states to load: those whose date window meets `[from, to]` (and every undated
 * one), those naming one of `actors` among their top actors, those naming every one of `allActors`
 * among them (thread candidates: a busy actor alone would load most stories), or by id.
 */
export type StoryStateSelect =
  | { readonly window: { readonly from: string; readonly to: string } }
  | { readonly actors: readonly EntityId[] }
  | { readonly allActors: readonly EntityId[] }
  | { readonly ids: readonly StoryId[] }

/** A stored story's state with what thread linking needs. */
export interface StoredStoryState extends StoryState {
  readonly title: string
  readonly eventDate: string | null
  readonly thread: ThreadId | null
  readonly actors: Story['actors']
  /**
   * The stored date window (`StoryWrite.window`), which says which windows the story is loaded
   * for; a store that does not return it leaves it out, and readers take it from `first`…`last`.
   */
  readonly window?: { readonly from: string; readonly to: string } | null
}

/** A new or changed story, its check and its clustering state. */
export interface StoryWrite {
  readonly story: Story
  readonly check: StoryCheck
  readonly state: StoryState
  /**
   * `YYYY-MM-DD` bounds of the days its members' dates may stand for, so "which stories can an
   * article of date D join" is an index read; null when no member is dated.
   */
  readonly window: { readonly from: string; readonly to: string } | null
}

/** A document's MinHash signature and its LSH band keys (one per band). */
export interface SignatureWrite {
  readonly document: DocumentId
  readonly signature: Uint32Array
  readonly bands: readonly number[]
}

/**
 * Everything one step of story placement changes, written all or nothing by `applyStoryUpdate`.
 * A story's members are its `story.articles`; `story.thread` is ignored (threads set it).
 */
export interface StoryUpdate {
  readonly stories: readonly StoryWrite[]
  /** New or changed threads; each sets the `thread` of its stories. */
  readonly threads: readonly Thread[]
  /** Threads merged into another or left with one story: deleted, their stories' thread cleared unless a thread above takes them. */
  readonly removedThreads: readonly ThreadId[]
  /** Documents added to the term document frequencies, and the number of them each term occurs in. */
  readonly termFrequencies: { readonly documents: number; readonly terms: ReadonlyMap<string, number> }
  /** One per document this update places in a story (and only those): each must be in no story yet. */
  readonly signatures: readonly SignatureWrite[]
}

/** Who holds the store's writer lease: a Dossier process, or (pid null) some process holding SQLite's write lock. */
export interface WriterHolder {
  readonly pid: number | null
  readonly host: string
  /** When it took the lease (ISO), when known. */
  readonly since: string | null
}

export interface WriterOptions {
  /** How long to wait for the writer before this one, in milliseconds; default 60 000. */
  readonly waitMs?: number
  /** Called once, when the lease is held by another writer and this one starts waiting. */
  readonly onWait?: (holder: WriterHolder) => void
}

/** The right to write the store, until released. */
export interface WriterLease {
  release(): Promise<void>
}

/** A stored signature that shares an LSH band with a query. */
export interface SignatureCandidate {
  readonly document: DocumentId
  readonly signature: Uint32Array
}

/**
 * Where Dossier keeps what it read. Narrow on purpose: a second backend implements these
 * methods and passes the same contract suite (`store/contract.ts`).
 *
 * @example
 * const store = await openStore({ path: 'dossier.db' })
 * if (!(await store.hasBlob(blob.sha256))) await store.save(blob, docs)
 */
export interface Store {
  /** True when these exact bytes were stored before. */
  hasBlob(sha256: string): Promise<boolean>
  /** The stored bytes, verbatim. */
  getBlob(sha256: string): Promise<Uint8Array | undefined>
  /**
   * Stores a blob and the documents read from it, all or nothing: after a crash the store holds
   * either the blob with all its documents or neither.
   */
  save(blob: Blob, docs: readonly Document[]): Promise<SaveResult>
  getDocument(id: DocumentId): Promise<Document | undefined>
  /**
   * Several documents by id in one read, in the order asked (an id not stored is left out): a
   * story page's articles or a story's members, without a round trip each on a shared store.
   */
  getDocuments(ids: readonly DocumentId[]): Promise<Document[]>
  listDocuments(options?: ListOptions): Promise<DocumentSummary[]>
  countDocuments(): Promise<number>
  /**
   * Replaces some layers of a stored document (others are kept), all or nothing, and re-derives
   * what depends on them (summary columns, search text, entity index). `messages`, when given,
   * replace the document's messages in the same transaction (a re-run stage's failure message
   * goes or comes with its layers). Throws StoreError `STORE_NO_DOCUMENT` when the id is not stored.
   */
  updateLayers(id: DocumentId, layers: Partial<Layers>, messages?: readonly DocumentMessage[]): Promise<void>
  /** Every stored document, in storage order, read a page at a time. */
  iterateDocuments(options?: IterateOptions): AsyncIterable<Document>
  /** Entities of every stored document, most widely mentioned first (documents, then mentions). */
  listEntities(options?: EntityListOptions): Promise<EntitySummary[]>
  /** The documents that mention an entity, in storage order. */
  documentsMentioning(entityId: EntityId, options?: ListOptions): Promise<EntityDocument[]>
  /**
   * Full-text search over title and clean text (see search-query.ts): a string is a person's
   * words, every one found (`U.S.`, `Putin's` and `2023-02-21` as written); `{ text, mode:
   * 'advanced' }` reads AND, OR, NOT, ( ), "phrases", prefix* and NEAR(a b, N). A query without
   * words (blank, punctuation) finds nothing; a malformed advanced one throws SearchSyntaxError
   * (code `SEARCH_SYNTAX`). No query makes the engine fail.
   */
  search(query: SearchQuery, options?: ListOptions): Promise<SearchHit[]>
  /** How many documents `search` matches, counted up to `cap` (a query without words: 0), without ranking them. */
  countSearch(query: SearchQuery, cap: number): Promise<number>

  // ------------------------------------------------------------ stories: read side
  /** Stories matching every given filter, in the asked order. */
  listStories(options?: StoryListOptions): Promise<StorySummary[]>
  /** How many stories `listStories` would list without limit and offset. */
  countStories(options?: StoryListOptions): Promise<number>
  getStory(id: StoryId): Promise<Story | undefined>
  /** The cross-check saved with the story when it was last new or changed. */
  getStoryCheck(id: StoryId): Promise<StoryCheck | undefined>
  /** The story a document belongs to, if it was placed. */
  storyOf(documentId: DocumentId): Promise<StoryId | undefined>
  /** Threads, the one with most stories first. */
  listThreads(options?: ListOptions): Promise<Thread[]>
  getThread(id: ThreadId): Promise<Thread | undefined>

  // ------------------------------------------------------------ stories: write side
  /** Stored documents in no story yet, in storage order, a page at a time. */
  iterateUnplacedDocuments(options?: IterateOptions): AsyncIterable<Document>
  /** Stored signatures sharing at least one of these LSH band keys with the query (an index read). */
  signatureCandidates(bands: readonly number[]): Promise<SignatureCandidate[]>
  /** How many clustered documents each term occurs in (absent terms: 0), and how many were counted. */
  documentFrequencies(terms: readonly string[]): Promise<{ documents: number; terms: Map<string, number> }>
  loadStoryStates(select: StoryStateSelect): Promise<StoredStoryState[]>
  /**
   * Writes one step of story placement in one transaction: stories with their checks, states and
   * memberships, threads, term frequencies and signatures. After a failure (or a crash) nothing
   * of it is stored, so running the step again is safe. A signed document (one the update places)
   * that is in a story already, placed by another writer since it was read, is StoreError
   * `STORE_CONFLICT`, and nothing is written.
   */
  applyStoryUpdate(update: StoryUpdate): Promise<void>

  // ------------------------------------------------------------ one writer, checks
  /**
   * Takes the store's writer lease: one writer at a time, across processes. Waits while another
   * live writer holds it (calling `onWait` once), up to `waitMs`, then throws StoreError
   * `STORE_BUSY`. A holder that died (killed, crashed) does not block. `ingest`, `analyze` and
   * `updateStories` hold it for their whole run, so what they read stays true until they write.
   */
  acquireWriter(options?: WriterOptions): Promise<WriterLease>
  /**
   * Checks the whole store and returns what is wrong, one line each (empty when sound): the file's
   * own integrity, the full-text index, and that every stored counter equals what its members say.
   */
  checkIntegrity(): Promise<string[]>

  close(): Promise<void>
}
