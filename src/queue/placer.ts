import type pg from 'pg'
import type { Document, DocumentId } from '../document/index.js'
import { STORY_PAGE_SIZE, placeDocuments, type StoriesReport } from '../api/stories.js'
import { StoryWorkspace } from '../api/story-workspace.js'
import type { Store } from '../store/index.js'
import type { WorkerIdentity } from './items.js'
import { LIVENESS_LOCK_CLASS, QUEUE_SCHEMA as Q } from './schema.js'

export type PlacerEvent =
  | { readonly kind: 'page'; readonly run: number; readonly documents: number; readonly report: StoriesReport }
  | { readonly kind: 'run-placed'; readonly run: number; readonly placed: number }
  | { readonly kind: 'lease-lost'; readonly run: number }

export interface PlacerOptions {
  readonly db: pg.Pool
  readonly store: Store
  readonly identity: WorkerIdentity
  /** How long the placement lease lasts unrenewed, in milliseconds. */
  readonly leaseMs: number
  /** Documents per step; default `STORY_PAGE_SIZE` (what a single-process run uses). */
  readonly pageSize?: number
  readonly onEvent?: (event: PlacerEvent) => void
}

/** Items read per query while gathering a page. */
const ITEMS_PER_READ = 200

/**
 * Story placement for a queue: one placer at a time, holding a lease in the `placer` row. Any
 * worker may take it when it is free, ran out, or its holder's liveness lock is gone (the holder
 * died mid-page: its page was one transaction, so nothing of it is stored, or all of it).
 *
 * It places each run's documents in input order (the order `analyze` stores them in on one
 * machine), in full pages only until the run's every input is finished, so its pages are the
 * pages a single-process run makes and its stories are the same. A document found placed already
 * (the page before a crash was written but the cursor was not moved) is passed over, so the page
 * boundaries stay where they were.
 */
export class Placer {
  private running?: Promise<void>
  private again = false
  /**
   * The story states and members this placer read, kept from one pass to the next while no other
   * placer placed a page in between (the runs' cursors are as this one left them): re-reading them
   * every pass cost a round trip per member on each page.
   */
  private kept?: { readonly workspace: StoryWorkspace; readonly cursors: string }
  /** Set when this pass found its lease taken over: what it read is not kept. */
  private lost = false

  constructor(private readonly options: PlacerOptions) {}

  /** Places what is ready, unless another process holds the lease; one pass at a time per process. */
  placeReady(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      try {
        do {
          this.again = false
          await this.pass()
        } while (this.again)
      } finally {
        this.running = undefined
      }
    })()
    return this.running
  }

  private async pass(): Promise<void> {
    const fence = await this.takeLease()
    if (fence === undefined) return
    try {
      const { rows } = await this.options.db.query<{ id: string }>(`SELECT id FROM ${Q}.runs WHERE NOT placement_done ORDER BY id`)
      // What this placer read stays in memory while nothing else places; another placer's pages
      // make it stale, and it is read afresh.
      const kept = this.kept
      this.kept = undefined
      this.lost = false
      const now = kept === undefined ? undefined : await this.cursors(fence)
      const workspace = kept !== undefined && now !== undefined && kept.cursors === now ? kept.workspace : new StoryWorkspace(this.options.store)
      for (const row of rows) {
        // Runs are placed in order: a later run's documents wait for every earlier one's.
        if (!(await this.placeRun(Number(row.id), fence, workspace))) break
      }
      // Kept only while the lease is still this pass's: no other placer has moved a cursor since.
      const cursors = this.lost ? undefined : await this.cursors(fence)
      if (cursors !== undefined) this.kept = { workspace, cursors }
    } finally {
      await this.options.db.query(`UPDATE ${Q}.placer SET holder = NULL, holder_key = NULL, lease_until = NULL WHERE id = 1 AND fence = $1`, [fence])
    }
  }

  /**
   * Every run's placement cursor, as one string (it changes whenever any placer places a page),
   * read only while `fence` still holds the lease; undefined when it does not.
   */
  private async cursors(fence: number): Promise<string | undefined> {
    const { rows } = await this.options.db.query<{ held: boolean; c: string | null }>(
      `SELECT EXISTS (SELECT 1 FROM ${Q}.placer WHERE id = 1 AND fence = $1) AS held,
         (SELECT string_agg(id || ':' || place_seq || ':' || place_index || ':' || placed, ',' ORDER BY id) FROM ${Q}.runs) AS c`,
      [fence],
    )
    return rows[0]?.held === true ? rows[0].c ?? '' : undefined
  }

  private async takeLease(): Promise<number | undefined> {
    const { identity, leaseMs, db } = this.options
    const { rows } = await db.query<{ fence: string }>(
      `UPDATE ${Q}.placer p SET holder = $1, holder_key = $2, fence = nextval('${Q}.fences'), lease_until = now() + $3 * interval '1 millisecond'
       WHERE id = 1 AND (p.holder IS NULL OR p.lease_until < now() OR NOT EXISTS (
         SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.classid = ${LIVENESS_LOCK_CLASS} AND l.objid = p.holder_key::oid AND l.objsubid = 2 AND l.granted))
       RETURNING fence`,
      [identity.name, identity.key, leaseMs],
    )
    return rows.length === 1 ? Number(rows[0]!.fence) : undefined
  }

  /** Renews the lease; false when another placer took it over (this one must stop writing). */
  private async renew(fence: number): Promise<boolean> {
    const { rowCount } = await this.options.db.query(
      `UPDATE ${Q}.placer SET lease_until = now() + $2 * interval '1 millisecond' WHERE id = 1 AND fence = $1`, [fence, this.options.leaseMs],
    )
    return rowCount === 1
  }

  /** Places the ready pages of one run; true when the run is placed to its end. */
  private async placeRun(run: number, fence: number, workspace: StoryWorkspace): Promise<boolean> {
    const { db, store } = this.options
    const pageSize = this.options.pageSize ?? STORY_PAGE_SIZE
    for (;;) {
      const cursor = (await db.query<{ sealed: boolean; place_seq: number; place_index: number; placed: number }>(
        `SELECT sealed, place_seq, place_index, placed FROM ${Q}.runs WHERE id = $1`, [run],
      )).rows[0]!
      const page = await this.gather(run, cursor.place_seq, cursor.place_index, pageSize)
      const atEnd = page.reachedEnd && cursor.sealed
      if (page.ids.length < pageSize && !atEnd) return false
      if (!(await this.renew(fence))) {
        this.lost = true
        this.options.onEvent?.({ kind: 'lease-lost', run })
        return false
      }
      const docs: Document[] = await store.getDocuments(page.ids)
      const report = await placeDocuments(store, docs, { workspace })
      // The cursor moves only while this placer still holds the lease.
      const moved = await db.query(
        `UPDATE ${Q}.runs SET place_seq = $2, place_index = $3, placed = placed + $4, placement_done = $5
         WHERE id = $1 AND EXISTS (SELECT 1 FROM ${Q}.placer WHERE id = 1 AND fence = $6)`,
        [run, page.next.seq, page.next.index, report.placed, atEnd, fence],
      )
      if (moved.rowCount !== 1) {
        this.lost = true
        this.options.onEvent?.({ kind: 'lease-lost', run })
        return false
      }
      this.options.onEvent?.({ kind: 'page', run, documents: docs.length, report })
      if (atEnd) {
        this.options.onEvent?.({ kind: 'run-placed', run, placed: cursor.placed + report.placed })
        return true
      }
    }
  }

  /**
   * The next page of a run from the cursor: up to `pageSize` documents of finished items, in input
   * order, that are in no story yet and not earlier in the page; stops at the first item still
   * queued or running. `next` is where the page after it starts.
   */
  private async gather(run: number, seq: number, index: number, pageSize: number): Promise<{ ids: DocumentId[]; next: { seq: number; index: number }; reachedEnd: boolean }> {
    const { db, store } = this.options
    const ids: DocumentId[] = []
    const inPage = new Set<DocumentId>()
    let next = { seq, index }
    for (;;) {
      const { rows } = await db.query<{ seq: number; state: string; documents: string[] | null }>(
        `SELECT seq, state, documents FROM ${Q}.items WHERE run = $1 AND seq >= $2 ORDER BY seq LIMIT ${ITEMS_PER_READ}`, [run, next.seq],
      )
      for (const item of rows) {
        if (item.state !== 'done' && item.state !== 'failed') return { ids, next, reachedEnd: false }
        const documents = item.documents ?? []
        for (let i = item.seq === next.seq ? next.index : 0; i < documents.length; i++) {
          const id = documents[i]!
          next = { seq: item.seq, index: i + 1 }
          if (inPage.has(id) || (await store.storyOf(id)) !== undefined) continue
          inPage.add(id)
          ids.push(id)
          if (ids.length === pageSize) return { ids, next, reachedEnd: false }
        }
        next = { seq: item.seq + 1, index: 0 }
      }
      if (rows.length < ITEMS_PER_READ) return { ids, next, reachedEnd: true }
    }
  }
}
