import type Database from 'better-sqlite3'
import { StoreError, UsageError } from '../../errors.js'
import type { DocumentId, Story, StoryCheck, StoryId, StorySummary, Thread, ThreadId } from '../../document/index.js'
import { STORY_TEXT_CANDIDATES, type SignatureCandidate, type StoredStoryState, type StoryListOptions, type StoryState, type StoryStateSelect, type StoryUpdate, type StoryWrite } from '../store.js'
import { toExactJson } from './json.js'
import { packJson, unpackJson } from './packed.js'
import type { PackedDocumentRow } from './packed-rows.js'

/** A `stories` row as listing reads it. */
/** A story's list row, as both stores select it. */
export interface SummaryRow {
  readonly id: string
  readonly title: string
  readonly eventDate: string | null
  readonly articles: number
  readonly outlets: number
  readonly thread: string | null
  readonly updatedAt: string
}

/** A story's clustering row, as both stores select it. */
export interface StateRow {
  readonly id: string
  readonly title: string
  readonly eventDate: string | null
  readonly thread: string | null
  readonly windowFrom: string | null
  readonly windowTo: string | null
  readonly state: string
}

/**
 * A story, check or state column as this store holds it: packed JSON (`packJson`, since
 * migration 9), or the JSON text itself in a row a store of schema 8 or older wrote.
 */
type PackedJson = string | Buffer

/** A story's clustering row as SQLite returns it: `state` packed. */
type PackedStateRow = Omit<StateRow, 'state'> & { readonly state: PackedJson }

/** What `state` holds: the clustering state and the top actors. */
export interface StoredState extends Omit<StoryState, 'id'> {
  readonly actors: Story['actors']
}

/** The storage number of a new story: an index read (`stories_by_seq`), not a scan of every story. */
export const NEXT_STORY_SEQ_SQL = 'SELECT coalesce(max(seq), 0) + 1 FROM stories'

const SUMMARY_COLUMNS = 's.id, s.title, s.event_date AS eventDate, s.articles, s.outlets, s.thread, s.updated_at AS updatedAt'
const STATE_COLUMNS = 's.id, s.title, s.event_date AS eventDate, s.thread, s.window_from AS windowFrom, s.window_to AS windowTo, s.state'

const ORDERS = {
  top: 's.outlets DESC, s.articles DESC, s.sort_date DESC NULLS LAST, s.seq',
  recent: 's.sort_date DESC NULLS LAST, s.seq DESC',
} as const

/** Throws a UsageError for an order `listStories` does not know (a JavaScript caller's typo would otherwise be an SQL error). */
export function checkStoryOrder(order: string | undefined): void {
  if (order !== undefined && !Object.hasOwn(ORDERS, order)) {
    throw new UsageError(`listStories: order must be one of ${Object.keys(ORDERS).join(', ')}, got ${JSON.stringify(order)}.`)
  }
}

/**
 * The SQL behind the store's story methods. Listing filters are composed into one statement
 * (each filter a clause), so a story list with four filters is still one query.
 *
 * @example
 * const stories = new StoryTables(db)
 * stories.list({ entity: 'country:RU', order: 'recent' }, 20, 0)
 */
export class StoryTables {
  private readonly sql

  constructor(private readonly db: Database.Database) {
    this.sql = {
      pageUnplaced: db.prepare<[number, number], PackedDocumentRow & { seq: number }>(
        `SELECT seq, id, blob_sha256 AS blobSha256, input, record, url, container, captured_at AS capturedAt, charset,
           hints, markup, source, messages, extra, title, published, publisher, language, chars, stored_at AS storedAt
         FROM documents WHERE seq > ? AND NOT EXISTS (SELECT 1 FROM story_members m WHERE m.document_id = documents.id)
         ORDER BY seq LIMIT ?`,
      ),
      getStory: db.prepare<[string], { json: PackedJson; thread: string | null }>('SELECT json, thread FROM stories WHERE id = ?'),
      getCheck: db.prepare<[string], PackedJson>('SELECT json FROM story_checks WHERE story_id = ?').pluck(),
      storyOf: db.prepare<[string], string>('SELECT story_id FROM story_members WHERE document_id = ?').pluck(),
      listThreads: db.prepare<[number, number], string>('SELECT json FROM threads ORDER BY stories DESC, id LIMIT ? OFFSET ?').pluck(),
      getThread: db.prepare<[string], string>('SELECT json FROM threads WHERE id = ?').pluck(),
      candidates: db.prepare<[string], { document: string; signature: Buffer }>(
        `SELECT DISTINCT g.document_id AS document, g.signature FROM minhash_bands b
         JOIN minhash_signatures g ON g.document_id = b.document_id
         WHERE b.band_key IN (SELECT value FROM json_each(?))`,
      ),
      frequencies: db.prepare<[string], { term: string; documents: number }>(
        'SELECT term, documents FROM term_frequencies WHERE term IN (SELECT value FROM json_each(?))',
      ),
      counter: db.prepare<[string], number>('SELECT value FROM story_counters WHERE name = ?').pluck(),
      // Two index reads, not one OR: `… OR window_from IS NULL` made SQLite scan every story on every page.
      // Windows are set or cleared together, so an undated story is one whose window_to is NULL.
      statesInWindow: db.prepare<[string, string], PackedStateRow>(
        `SELECT ${STATE_COLUMNS} FROM stories s WHERE s.window_to >= ? AND s.window_from <= ?
         UNION ALL SELECT ${STATE_COLUMNS} FROM stories s WHERE s.window_to IS NULL`,
      ),
      statesOfActors: db.prepare<[string], PackedStateRow>(
        `SELECT ${STATE_COLUMNS} FROM stories s WHERE s.id IN
           (SELECT story_id FROM story_actors WHERE entity_id IN (SELECT value FROM json_each(?)))`,
      ),
      statesOfAllActors: db.prepare<[string, number], PackedStateRow>(
        `SELECT ${STATE_COLUMNS} FROM stories s WHERE s.id IN
           (SELECT story_id FROM story_actors WHERE entity_id IN (SELECT value FROM json_each(?)) GROUP BY story_id HAVING count(*) = ?)`,
      ),
      statesOfIds: db.prepare<[string], PackedStateRow>(`SELECT ${STATE_COLUMNS} FROM stories s WHERE s.id IN (SELECT value FROM json_each(?))`),
      upsertStory: db.prepare(
        `INSERT INTO stories (id, seq, title, event_date, sort_date, articles, outlets, thread, updated_at, window_from, window_to, json, state)
         VALUES (@id, (${NEXT_STORY_SEQ_SQL}), @title, @eventDate, @sortDate, @articles, @outlets, NULL,
           @updatedAt, @windowFrom, @windowTo, @json, @state)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, event_date = excluded.event_date, sort_date = excluded.sort_date,
           articles = excluded.articles, outlets = excluded.outlets, updated_at = excluded.updated_at,
           window_from = excluded.window_from, window_to = excluded.window_to, json = excluded.json, state = excluded.state`,
      ),
      upsertCheck: db.prepare<[string, Buffer]>(
        'INSERT INTO story_checks (story_id, json) VALUES (?, ?) ON CONFLICT (story_id) DO UPDATE SET json = excluded.json',
      ),
      actorsOf: db.prepare<[string], string>('SELECT entity_id FROM story_actors WHERE story_id = ?').pluck(),
      deleteActor: db.prepare<[string, string]>('DELETE FROM story_actors WHERE entity_id = ? AND story_id = ?'),
      membersOf: db.prepare<[string], { document: string; source: string; duplicateOf: string | null }>(
        'SELECT document_id AS document, source, duplicate_of AS duplicateOf FROM story_members WHERE story_id = ?',
      ),
      insertActor: db.prepare<[string, string]>('INSERT OR IGNORE INTO story_actors (entity_id, story_id) VALUES (?, ?)'),
      upsertMember: db.prepare<[string, string, string, string | null]>(
        `INSERT INTO story_members (document_id, story_id, source, duplicate_of) VALUES (?, ?, ?, ?)
         ON CONFLICT (document_id) DO UPDATE SET story_id = excluded.story_id, source = excluded.source, duplicate_of = excluded.duplicate_of`,
      ),
      clearThread: db.prepare<[string]>('UPDATE stories SET thread = NULL WHERE thread = ?'),
      deleteThread: db.prepare<[string]>('DELETE FROM threads WHERE id = ?'),
      upsertThread: db.prepare<[string, number, string]>(
        'INSERT INTO threads (id, stories, json) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET stories = excluded.stories, json = excluded.json',
      ),
      setThread: db.prepare<[string, string]>('UPDATE stories SET thread = ? WHERE id = ?'),
      addFrequency: db.prepare<[string, number]>(
        'INSERT INTO term_frequencies (term, documents) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents',
      ),
      addCounter: db.prepare<[string, number]>(
        'INSERT INTO story_counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value',
      ),
      insertSignature: db.prepare<[string, Buffer]>(
        'INSERT INTO minhash_signatures (document_id, signature) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET signature = excluded.signature',
      ),
      insertBand: db.prepare<[number, string]>('INSERT OR IGNORE INTO minhash_bands (band_key, document_id) VALUES (?, ?)'),
    }
  }

  /** A page of documents in no story, after storage sequence `after`. */
  unplacedPage(after: number, size: number): Array<PackedDocumentRow & { seq: number }> {
    return this.sql.pageUnplaced.all(after, size)
  }

  list(options: StoryFilters, limit: number, offset: number): StorySummary[] {
    const { where, params } = storyFilter(options)
    const order = ORDERS[options.order ?? 'top']
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM stories s ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }) as SummaryRow[]
    return rows.map((r) => ({ id: r.id, title: r.title, eventDate: r.eventDate, articles: r.articles, outlets: r.outlets, thread: r.thread, updatedAt: r.updatedAt }))
  }

  count(options: StoryFilters): number {
    const { where, params } = storyFilter(options)
    return this.db.prepare(`SELECT count(*) FROM stories s ${where}`).pluck().get(params) as number
  }

  get(id: StoryId): Story | undefined {
    const row = this.sql.getStory.get(id)
    return row === undefined ? undefined : { ...(JSON.parse(unpackJson(row.json)) as Story), thread: row.thread }
  }

  check(id: StoryId): StoryCheck | undefined {
    const json = this.sql.getCheck.get(id)
    return json === undefined ? undefined : (JSON.parse(unpackJson(json)) as StoryCheck)
  }

  storyOf(documentId: DocumentId): StoryId | undefined {
    return this.sql.storyOf.get(documentId)
  }

  threads(limit: number, offset: number): Thread[] {
    return this.sql.listThreads.all(limit, offset).map((json) => JSON.parse(json) as Thread)
  }

  thread(id: ThreadId): Thread | undefined {
    const json = this.sql.getThread.get(id)
    return json === undefined ? undefined : (JSON.parse(json) as Thread)
  }

  signatureCandidates(bands: readonly number[]): SignatureCandidate[] {
    return this.sql.candidates.all(JSON.stringify(bands)).map((r) => ({
      document: r.document,
      signature: new Uint32Array(r.signature.buffer.slice(r.signature.byteOffset, r.signature.byteOffset + r.signature.byteLength)),
    }))
  }

  documentFrequencies(terms: readonly string[]): { documents: number; terms: Map<string, number> } {
    const found = new Map<string, number>()
    for (const r of this.sql.frequencies.all(JSON.stringify(terms))) found.set(r.term, r.documents)
    return { documents: this.sql.counter.get('documents') ?? 0, terms: found }
  }

  states(select: StoryStateSelect): StoredStoryState[] {
    const rows = 'window' in select
      ? this.sql.statesInWindow.all(select.window.from, select.window.to)
      : 'actors' in select
        ? this.sql.statesOfActors.all(JSON.stringify(select.actors))
        : 'allActors' in select
          ? this.sql.statesOfAllActors.all(JSON.stringify([...new Set(select.allActors)]), new Set(select.allActors).size)
          : this.sql.statesOfIds.all(JSON.stringify(select.ids))
    return rows.map((r) => ({
      ...(JSON.parse(unpackJson(r.state)) as StoredState),
      id: r.id,
      title: r.title,
      eventDate: r.eventDate,
      thread: r.thread,
      window: r.windowFrom === null || r.windowTo === null ? null : { from: r.windowFrom, to: r.windowTo },
    }))
  }

  /**
   * Writes an update; the caller runs it inside a transaction. A document the update signs (one it
   * places) must still be in no story: one that another writer placed since it was read is a
   * StoreError `STORE_CONFLICT`, and nothing of the update is written. (The writer lease keeps
   * Dossier's own writers apart; this keeps a caller without it from placing a document twice.)
   */
  apply(update: StoryUpdate): void {
    for (const { document } of update.signatures) {
      const story = this.sql.storyOf.get(document)
      if (story !== undefined) {
        throw new StoreError(
          `document ${document} is already in story ${story}: another writer placed it after this update read it; nothing of this update was stored, run it again`,
          'STORE_CONFLICT',
        )
      }
    }
    for (const write of update.stories) this.writeStory(write)
    for (const id of update.removedThreads) {
      this.sql.clearThread.run(id)
      this.sql.deleteThread.run(id)
    }
    for (const thread of update.threads) {
      this.sql.upsertThread.run(thread.id, thread.stories.length, toExactJson(thread, `thread ${thread.id}`))
      for (const s of thread.stories) this.sql.setThread.run(thread.id, s.id)
    }
    const { documents, terms } = update.termFrequencies
    if (documents > 0) this.sql.addCounter.run('documents', documents)
    for (const [term, n] of terms) this.sql.addFrequency.run(term, n)
    for (const { document, signature, bands } of update.signatures) {
      this.sql.insertSignature.run(document, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength))
      for (const key of bands) this.sql.insertBand.run(key, document)
    }
  }

  private writeStory({ story, check, state, window }: StoryWrite): void {
    const { thread: _thread, ...withoutThread } = story
    const { id: _id, ...clustering } = state
    const stored: StoredState = { ...clustering, actors: story.actors }
    this.sql.upsertStory.run({
      id: story.id,
      title: story.title,
      eventDate: story.eventDate,
      sortDate: story.eventDate ?? story.first,
      articles: story.articles.length,
      outlets: story.outlets,
      updatedAt: story.updatedAt,
      windowFrom: window?.from ?? null,
      windowTo: window?.to ?? null,
      json: packJson(toExactJson(withoutThread, `story ${story.id}`)),
      state: packJson(toExactJson(stored, `story ${story.id} state`)),
    })
    this.sql.upsertCheck.run(story.id, packJson(toExactJson(check, `check of story ${story.id}`)))
    // Only the rows that changed: a story grown by one article keeps its other members and most of
    // its actors, and rewriting them all made every write of a long story cost its whole length.
    const actors = new Set(story.actors.map((a) => a.id))
    const storedActors = new Set(this.sql.actorsOf.all(story.id))
    for (const actor of storedActors) if (!actors.has(actor)) this.sql.deleteActor.run(actor, story.id)
    for (const actor of actors) if (!storedActors.has(actor)) this.sql.insertActor.run(actor, story.id)
    const members = new Map(this.sql.membersOf.all(story.id).map((m) => [m.document, m]))
    for (const article of story.articles) {
      const duplicateOf = article.duplicateOf?.id ?? null
      const stored = members.get(article.id)
      if (stored !== undefined && stored.source === article.source && stored.duplicateOf === duplicateOf) continue
      this.sql.upsertMember.run(article.id, story.id, article.source, duplicateOf)
    }
  }
}

/**
 * Each listing filter as one clause, by the option that sets it; the option's value is its named
 * parameter. Member filters read the members' own indexes (`s.id IN (…)`): an `EXISTS` per story
 * scanned every story and, for an entity, every document mentioning it per story.
 */
const STORY_FILTERS: ReadonlyArray<readonly [name: 'entity' | 'outlet' | 'from' | 'to' | 'thread' | 'text', clause: string]> = [
  ['entity', 's.id IN (SELECT m.story_id FROM entity_index e JOIN story_members m ON m.document_id = e.document_id WHERE e.entity_id = @entity)'],
  ['outlet', 's.id IN (SELECT m.story_id FROM story_members m WHERE m.source = @outlet)'],
  ['from', 's.sort_date >= @from'],
  // A prefix compare: `to` 2025-10 keeps 2025-10-31, which a plain compare would drop.
  ['to', 'substr(s.sort_date, 1, length(@to)) <= @to'],
  ['thread', 's.thread = @thread'],
  // The stories of the newest matching articles: a broad word's every match would be a scan of the index.
  ['text', `s.id IN (SELECT m.story_id FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @text ORDER BY rowid DESC LIMIT ${STORY_TEXT_CANDIDATES}) AS f
      JOIN documents d ON d.seq = f.rowid JOIN story_members m ON m.document_id = d.id)`],
]

/** A story listing's filters with its text search as an FTS5 match (sqlite-store renders it). */
export type StoryFilters = Omit<StoryListOptions, 'text'> & { readonly text?: string }

/** The WHERE clause of a story listing and its named parameters. */
function storyFilter(options: StoryFilters): { where: string; params: Record<string, string> } {
  const active = STORY_FILTERS.filter(([name]) => options[name] !== undefined)
  return {
    where: active.length === 0 ? '' : `WHERE ${active.map(([, clause]) => clause).join(' AND ')}`,
    params: Object.fromEntries(active.map(([name]) => [name, options[name]!])),
  }
}
