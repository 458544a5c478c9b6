import type pg from 'pg'
import { StoreError } from '../../errors.js'
import type { DocumentId, Story, StoryCheck, StoryId, StorySummary, Thread, ThreadId } from '../../document/index.js'
import { STORY_TEXT_CANDIDATES, type SignatureCandidate, type StoredStoryState, type StoryListOptions, type StoryStateSelect, type StoryUpdate, type StoryWrite } from '../store.js'
import { toExactJson } from '../sqlite/json.js'
import type { StateRow, StoredState, SummaryRow } from '../sqlite/stories.js'
import { toPgText } from './text.js'

/** Something that runs a query: the pool, or one connection inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient


const SUMMARY_COLUMNS = 's.id, s.title, s.event_date AS "eventDate", s.articles, s.outlets, s.thread, s.updated_at AS "updatedAt"'
const STATE_COLUMNS = 's.id, s.title, s.event_date AS "eventDate", s.thread, s.window_from AS "windowFrom", s.window_to AS "windowTo", s.state'

/** As the SQLite store orders them; `NULLS LAST` spelled out because PostgreSQL puts NULLs first when descending. */
const ORDERS = {
  top: 's.outlets DESC, s.articles DESC, s.sort_date DESC NULLS LAST, s.seq',
  recent: 's.sort_date DESC NULLS LAST, s.seq DESC',
} as const

/** A story listing's filters with its text search as a tsquery literal (the store renders it). */
export type PgStoryFilters = Omit<StoryListOptions, 'text'> & { readonly text?: string }

type FilterName = 'entity' | 'outlet' | 'from' | 'to' | 'thread' | 'text'

/** Each listing filter as one clause; `$` stands for its parameter. As `sqlite/stories.ts`, read by index. */
const STORY_FILTERS: ReadonlyArray<readonly [name: FilterName, clause: string]> = [
  ['entity', 's.id IN (SELECT m.story_id FROM entity_index e JOIN story_members m ON m.document_id = e.document_id WHERE e.entity_id = $)'],
  ['outlet', 's.id IN (SELECT m.story_id FROM story_members m WHERE m.source = $)'],
  ['from', 's.sort_date >= $'],
  ['to', 'substr(s.sort_date, 1, length($::text)) <= $'],
  ['thread', 's.thread = $'],
  ['text', `s.id IN (SELECT m.story_id FROM (SELECT id FROM documents WHERE search @@ $::tsquery ORDER BY seq DESC LIMIT ${STORY_TEXT_CANDIDATES}) AS f
      JOIN story_members m ON m.document_id = f.id)`],
]

function storyFilter(options: PgStoryFilters, params: unknown[]): string {
  const clauses: string[] = []
  for (const [name, clause] of STORY_FILTERS) {
    const value = options[name]
    if (value === undefined) continue
    params.push(name === 'outlet' ? toPgText(value) : value)
    clauses.push(clause.replaceAll('$', `$${params.length}`))
  }
  return clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`
}

/**
 * The SQL behind the PostgreSQL store's story methods, as `sqlite/stories.ts` for SQLite: the
 * same tables, filters and orders, one statement per listing.
 */
export class PgStoryTables {
  async list(db: Queryable, options: PgStoryFilters, limit: number | null, offset: number): Promise<StorySummary[]> {
    const params: unknown[] = []
    const where = storyFilter(options, params)
    const order = ORDERS[options.order ?? 'top']
    params.push(limit, offset)
    const { rows } = await db.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM stories s ${where} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`, params)
    return rows.map((r) => ({ id: r.id, title: r.title, eventDate: r.eventDate, articles: r.articles, outlets: r.outlets, thread: r.thread, updatedAt: r.updatedAt }))
  }

  async count(db: Queryable, options: PgStoryFilters): Promise<number> {
    const params: unknown[] = []
    const where = storyFilter(options, params)
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stories s ${where}`, params)
    return rows[0]?.n ?? 0
  }

  async get(db: Queryable, id: StoryId): Promise<Story | undefined> {
    const { rows } = await db.query<{ json: string; thread: string | null }>('SELECT json, thread FROM stories WHERE id = $1', [id])
    const row = rows[0]
    return row === undefined ? undefined : { ...(JSON.parse(row.json) as Story), thread: row.thread }
  }

  async check(db: Queryable, id: StoryId): Promise<StoryCheck | undefined> {
    const { rows } = await db.query<{ json: string }>('SELECT json FROM story_checks WHERE story_id = $1', [id])
    return rows[0] === undefined ? undefined : (JSON.parse(rows[0].json) as StoryCheck)
  }

  async storyOf(db: Queryable, documentId: DocumentId): Promise<StoryId | undefined> {
    const { rows } = await db.query<{ id: string }>('SELECT story_id AS id FROM story_members WHERE document_id = $1', [documentId])
    return rows[0]?.id
  }

  async threads(db: Queryable, limit: number | null, offset: number): Promise<Thread[]> {
    const { rows } = await db.query<{ json: string }>('SELECT json FROM threads ORDER BY stories DESC, id LIMIT $1 OFFSET $2', [limit, offset])
    return rows.map((r) => JSON.parse(r.json) as Thread)
  }

  async thread(db: Queryable, id: ThreadId): Promise<Thread | undefined> {
    const { rows } = await db.query<{ json: string }>('SELECT json FROM threads WHERE id = $1', [id])
    return rows[0] === undefined ? undefined : (JSON.parse(rows[0].json) as Thread)
  }

  async signatureCandidates(db: Queryable, bands: readonly number[]): Promise<SignatureCandidate[]> {
    const { rows } = await db.query<{ document: string; signature: Buffer }>(
      `SELECT g.document_id AS document, g.signature FROM minhash_signatures g
       WHERE g.document_id IN (SELECT b.document_id FROM minhash_bands b WHERE b.band_key = ANY($1::bigint[]))
       ORDER BY g.document_id`,
      [bands],
    )
    return rows.map((r) => ({
      document: r.document,
      signature: new Uint32Array(r.signature.buffer.slice(r.signature.byteOffset, r.signature.byteOffset + r.signature.byteLength)),
    }))
  }

  async documentFrequencies(db: Queryable, terms: readonly string[]): Promise<{ documents: number; terms: Map<string, number> }> {
    const found = new Map<string, number>()
    const { rows } = await db.query<{ term: string; documents: number }>('SELECT term, documents FROM term_frequencies WHERE term = ANY($1::text[])', [terms])
    for (const r of rows) found.set(r.term, r.documents)
    const counter = await db.query<{ value: number }>("SELECT value FROM story_counters WHERE name = 'documents'")
    return { documents: counter.rows[0]?.value ?? 0, terms: found }
  }

  async states(db: Queryable, select: StoryStateSelect): Promise<StoredStoryState[]> {
    const query = 'window' in select
      ? [`SELECT ${STATE_COLUMNS} FROM stories s WHERE s.window_to >= $1 AND s.window_from <= $2
          UNION ALL SELECT ${STATE_COLUMNS} FROM stories s WHERE s.window_to IS NULL`, [select.window.from, select.window.to]] as const
      : 'actors' in select
        ? [`SELECT ${STATE_COLUMNS} FROM stories s WHERE s.id IN (SELECT story_id FROM story_actors WHERE entity_id = ANY($1::text[]))`, [select.actors]] as const
        : 'allActors' in select
          ? [`SELECT ${STATE_COLUMNS} FROM stories s WHERE s.id IN
               (SELECT story_id FROM story_actors WHERE entity_id = ANY($1::text[]) GROUP BY story_id HAVING count(*) = $2)`,
            [[...new Set(select.allActors)], new Set(select.allActors).size]] as const
          : [`SELECT ${STATE_COLUMNS} FROM stories s WHERE s.id = ANY($1::text[])`, [select.ids]] as const
    const { rows } = await db.query<StateRow>(query[0], [...query[1]])
    return rows.map((r) => ({
      ...(JSON.parse(r.state) as StoredState),
      id: r.id,
      title: r.title,
      eventDate: r.eventDate,
      thread: r.thread,
      window: r.windowFrom === null || r.windowTo === null ? null : { from: r.windowFrom, to: r.windowTo },
    }))
  }

  /**
   * Writes an update on a connection inside a transaction (the caller's). As the SQLite store: a
   * document the update signs that is in a story already is StoreError `STORE_CONFLICT`.
   */
  async apply(db: Queryable, update: StoryUpdate): Promise<void> {
    const signed = update.signatures.map((s) => s.document)
    if (signed.length > 0) {
      const placed = await db.query<{ document: string; story: string }>(
        'SELECT document_id AS document, story_id AS story FROM story_members WHERE document_id = ANY($1::text[]) LIMIT 1', [signed],
      )
      const row = placed.rows[0]
      if (row !== undefined) {
        throw new StoreError(
          `document ${row.document} is already in story ${row.story}: another writer placed it after this update read it; nothing of this update was stored, run it again`,
          'STORE_CONFLICT',
        )
      }
    }
    for (const write of update.stories) await this.writeStory(db, write)
    for (const id of update.removedThreads) {
      await db.query('UPDATE stories SET thread = NULL WHERE thread = $1', [id])
      await db.query('DELETE FROM threads WHERE id = $1', [id])
    }
    for (const thread of update.threads) {
      await db.query(
        'INSERT INTO threads (id, stories, json) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET stories = excluded.stories, json = excluded.json',
        [thread.id, thread.stories.length, toExactJson(thread, `thread ${thread.id}`)],
      )
      await db.query('UPDATE stories SET thread = $1 WHERE id = ANY($2::text[])', [thread.id, thread.stories.map((s) => s.id)])
    }
    const { documents, terms } = update.termFrequencies
    if (documents > 0) {
      await db.query(
        "INSERT INTO story_counters (name, value) VALUES ('documents', $1) ON CONFLICT (name) DO UPDATE SET value = story_counters.value + excluded.value",
        [documents],
      )
    }
    if (terms.size > 0) {
      await db.query(
        `INSERT INTO term_frequencies (term, documents) SELECT * FROM unnest($1::text[], $2::int[])
         ON CONFLICT (term) DO UPDATE SET documents = term_frequencies.documents + excluded.documents`,
        [[...terms.keys()], [...terms.values()]],
      )
    }
    for (const { document, signature, bands } of update.signatures) {
      await db.query(
        'INSERT INTO minhash_signatures (document_id, signature) VALUES ($1, $2) ON CONFLICT (document_id) DO UPDATE SET signature = excluded.signature',
        [document, Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength)],
      )
      await db.query(
        'INSERT INTO minhash_bands (band_key, document_id) SELECT DISTINCT k, $2 FROM unnest($1::bigint[]) AS k ON CONFLICT DO NOTHING',
        [bands, document],
      )
    }
  }

  private async writeStory(db: Queryable, { story, check, state, window }: StoryWrite): Promise<void> {
    const { thread: _thread, ...withoutThread } = story
    const { id: _id, ...clustering } = state
    const stored: StoredState = { ...clustering, actors: story.actors }
    await db.query(
      `INSERT INTO stories (id, seq, title, event_date, sort_date, articles, outlets, thread, updated_at, window_from, window_to, json, state)
       VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM stories), $2, $3, $4, $5, $6, NULL, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, event_date = excluded.event_date, sort_date = excluded.sort_date,
         articles = excluded.articles, outlets = excluded.outlets, updated_at = excluded.updated_at,
         window_from = excluded.window_from, window_to = excluded.window_to, json = excluded.json, state = excluded.state`,
      [
        story.id, story.title, story.eventDate, story.eventDate ?? story.first, story.articles.length, story.outlets, story.updatedAt,
        window?.from ?? null, window?.to ?? null, toExactJson(withoutThread, `story ${story.id}`), toExactJson(stored, `story ${story.id} state`),
      ],
    )
    await db.query('INSERT INTO story_checks (story_id, json) VALUES ($1, $2) ON CONFLICT (story_id) DO UPDATE SET json = excluded.json',
      [story.id, toExactJson(check, `check of story ${story.id}`)])
    await db.query('DELETE FROM story_actors WHERE story_id = $1', [story.id])
    if (story.actors.length > 0) {
      await db.query('INSERT INTO story_actors (entity_id, story_id) SELECT DISTINCT a, $2 FROM unnest($1::text[]) AS a ON CONFLICT DO NOTHING',
        [story.actors.map((a) => a.id), story.id])
    }
    // One row per document, the last listing winning (as SQLite's row-by-row upsert): a multi-row
    // upsert may not touch a row twice.
    const articles = [...new Map(story.articles.map((a) => [a.id, a])).values()]
    if (articles.length > 0) {
      await db.query(
        `INSERT INTO story_members (document_id, story_id, source, duplicate_of) SELECT d, $1, s, u FROM unnest($2::text[], $3::text[], $4::text[]) AS m (d, s, u)
         ON CONFLICT (document_id) DO UPDATE SET story_id = excluded.story_id, source = excluded.source, duplicate_of = excluded.duplicate_of`,
        [story.id, articles.map((a) => a.id), articles.map((a) => toPgText(a.source)), articles.map((a) => a.duplicateOf?.id ?? null)],
      )
    }
  }
}
