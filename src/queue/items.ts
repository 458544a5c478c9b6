import type pg from 'pg'
import { QueueError } from '../errors.js'
import { LIVENESS_LOCK_CLASS, QUEUE_SCHEMA as Q } from './schema.js'

/** Where an input of a run stands. */
export type ItemState = 'queued' | 'running' | 'done' | 'failed'

/** The address of one input of one run: what a queue message carries. */
export interface ItemRef {
  readonly run: number
  readonly seq: number
}

/** A worker process as the items table knows it: a name for people, a key for its liveness lock. */
export interface WorkerIdentity {
  readonly name: string
  readonly key: number
}

/** One row of `dossier status`. */
export interface ItemStatus extends ItemRef {
  readonly input: string
  readonly state: ItemState
  readonly attempts: number
  readonly worker: string | null
  readonly documents: number
  readonly reason: string | null
}

export interface RunStatus {
  readonly run: number
  readonly createdAt: string
  readonly sealed: boolean
  readonly counts: Readonly<Record<ItemState, number>>
  /** Documents placed in stories so far, and whether placement has caught up with a finished run. */
  readonly placed: number
  readonly placementDone: boolean
}

/** A claim on an item: its fencing token, and which try this is. */
export interface Claim {
  readonly fence: number
  readonly attempt: number
}

export type ClaimResult =
  | { readonly kind: 'claimed'; readonly claim: Claim }
  /** Done or failed already: the message is a duplicate. */
  | { readonly kind: 'finished' }
  /** Running on a live worker whose lease holds. */
  | { readonly kind: 'held' }
  /** Tried `maxAttempts` times, each ending with its worker gone: now failed. */
  | { readonly kind: 'gave-up'; readonly reason: string }

/** Opens a run: its items are added next, then it is sealed. */
export async function createRun(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ id: string }>(`INSERT INTO ${Q}.runs DEFAULT VALUES RETURNING id`)
  return Number(rows[0]!.id)
}

/** An input to enqueue: its bytes (kept in `payloads`), or why it could not even be loaded. */
export type NewItem =
  | { readonly input: string; readonly sha256: string; readonly bytes: Uint8Array; readonly meta: object }
  | { readonly input: string; readonly failed: string }

/** Adds items to a run with consecutive numbers after `firstSeq`, in one transaction. */
export async function addItems(db: pg.Pool, run: number, firstSeq: number, items: readonly NewItem[]): Promise<void> {
  const client = await db.connect()
  try {
    await client.query('BEGIN')
    for (const [i, item] of items.entries()) {
      const seq = firstSeq + i
      if ('failed' in item) {
        await client.query(
          `INSERT INTO ${Q}.items (run, seq, input, state, reason, finished_at) VALUES ($1, $2, $3, 'failed', $4, now())`,
          [run, seq, item.input, item.failed],
        )
        continue
      }
      await client.query(`INSERT INTO ${Q}.payloads (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING`, [item.sha256, Buffer.from(item.bytes)])
      await client.query(
        `INSERT INTO ${Q}.items (run, seq, input, sha256, meta, state) VALUES ($1, $2, $3, $4, $5, 'queued')`,
        [run, seq, item.input, item.sha256, JSON.stringify(item.meta)],
      )
    }
    await client.query(`UPDATE ${Q}.runs SET items = items + $2 WHERE id = $1`, [run, items.length])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/** Marks a run as complete: no more items will be added, so placement may finish it. */
export async function sealRun(db: pg.Pool, run: number): Promise<void> {
  await db.query(`UPDATE ${Q}.runs SET sealed = true WHERE id = $1`, [run])
}

// A running item may be taken over when its lease ran out, or at once when its worker's liveness
// lock is gone (the process died and PostgreSQL closed its session).
const HOLDER_GONE = `(i.lease_until < now() OR NOT EXISTS (
  SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.classid = ${LIVENESS_LOCK_CLASS} AND l.objid = i.worker_key::oid AND l.objsubid = 2 AND l.granted))`

/**
 * Claims an item for `worker`: a queued one, or a running one whose holder is gone. Each claim
 * counts a try and takes a new fencing token; the `maxAttempts`+1-th claim fails the item instead
 * (every earlier try ended with its worker gone, or the item would not be claimable).
 */
export async function claimItem(db: pg.Pool, ref: ItemRef, worker: WorkerIdentity, leaseMs: number, maxAttempts: number): Promise<ClaimResult> {
  const claimed = await db.query<{ fence: string; attempts: number }>(
    `UPDATE ${Q}.items i SET state = 'running', attempts = attempts + 1, fence = nextval('${Q}.fences'), worker = $3, worker_key = $4,
       lease_until = now() + $5 * interval '1 millisecond', started_at = now()
     WHERE run = $1 AND seq = $2 AND attempts < $6 AND (state = 'queued' OR (state = 'running' AND ${HOLDER_GONE}))
     RETURNING fence, attempts`,
    [ref.run, ref.seq, worker.name, worker.key, leaseMs, maxAttempts],
  )
  if (claimed.rows.length === 1) return { kind: 'claimed', claim: { fence: Number(claimed.rows[0]!.fence), attempt: claimed.rows[0]!.attempts } }
  const gaveUp = await db.query<{ attempts: number; worker: string | null }>(
    `UPDATE ${Q}.items i SET state = 'failed', finished_at = now(), lease_until = NULL,
       reason = format('gave up after %s tries: each time its worker stopped before finishing it (last: %s)', attempts, coalesce(worker, 'unknown'))
     WHERE run = $1 AND seq = $2 AND attempts >= $3 AND (state = 'queued' OR (state = 'running' AND ${HOLDER_GONE}))
     RETURNING attempts, worker, reason`,
    [ref.run, ref.seq, maxAttempts],
  )
  if (gaveUp.rows.length === 1) return { kind: 'gave-up', reason: (gaveUp.rows[0] as unknown as { reason: string }).reason }
  const { rows } = await db.query<{ state: ItemState }>(`SELECT state FROM ${Q}.items WHERE run = $1 AND seq = $2`, [ref.run, ref.seq])
  if (rows.length === 0) throw new QueueError(`No item ${ref.seq} in run ${ref.run}: the run was deleted or belongs to another database.`, 'QUEUE_NO_RUN')
  return rows[0]!.state === 'running' ? { kind: 'held' } : { kind: 'finished' }
}

/**
 * Puts back in the queue the running items whose holder is gone (liveness lock or lease), and
 * returns them to be published again: for a broker that only redelivers after a long expiry
 * (pg-boss), so a dead worker's inputs go on within a second. The try stays counted.
 */
export async function requeueAbandoned(db: pg.Pool): Promise<ItemRef[]> {
  const { rows } = await db.query<{ run: string; seq: number }>(
    `UPDATE ${Q}.items i SET state = 'queued', lease_until = NULL
     WHERE state = 'running' AND ${HOLDER_GONE}
     RETURNING run, seq`,
  )
  return rows.map((r) => ({ run: Number(r.run), seq: r.seq }))
}

/** What an item needs to be read: its input name, bytes and what was known of them when enqueued. */
export async function loadPayload(db: pg.Pool, ref: ItemRef): Promise<{ input: string; sha256: string; bytes: Uint8Array; meta: Record<string, unknown> }> {
  const { rows } = await db.query<{ input: string; sha256: string; bytes: Buffer; meta: Record<string, unknown> }>(
    `SELECT i.input, i.sha256, p.bytes, i.meta FROM ${Q}.items i JOIN ${Q}.payloads p USING (sha256) WHERE i.run = $1 AND i.seq = $2`,
    [ref.run, ref.seq],
  )
  if (rows.length === 0) throw new QueueError(`The bytes of item ${ref.seq} of run ${ref.run} are not in the queue database.`, 'QUEUE_NO_RUN')
  const row = rows[0]!
  return { input: row.input, sha256: row.sha256, bytes: row.bytes, meta: row.meta }
}

/** Extends the leases a worker holds (those whose fence is still its own). */
export async function renewLeases(db: pg.Pool, held: ReadonlyArray<ItemRef & { fence: number }>, leaseMs: number): Promise<void> {
  if (held.length === 0) return
  await db.query(
    `UPDATE ${Q}.items i SET lease_until = now() + $4 * interval '1 millisecond'
     FROM unnest($1::bigint[], $2::int[], $3::bigint[]) AS h(run, seq, fence)
     WHERE i.run = h.run AND i.seq = h.seq AND i.fence = h.fence AND i.state = 'running'`,
    [held.map((h) => h.run), held.map((h) => h.seq), held.map((h) => h.fence), leaseMs],
  )
}

export interface ItemOutcome {
  readonly state: 'done' | 'failed'
  readonly documents: readonly string[]
  readonly added: number
  readonly existing: number
  readonly reason: string | null
}

/**
 * Records an item's outcome if `fence` is still the item's: false when another worker took it over
 * meanwhile (this result is then dropped; the store writes it made are idempotent by document id).
 */
export async function finishItem(db: pg.Pool, ref: ItemRef, fence: number, outcome: ItemOutcome): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE ${Q}.items SET state = $4, documents = $5, added = $6, existing = $7, reason = $8, finished_at = now(), lease_until = NULL
     WHERE run = $1 AND seq = $2 AND fence = $3 AND state = 'running'`,
    [ref.run, ref.seq, fence, outcome.state, outcome.documents, outcome.added, outcome.existing, outcome.reason],
  )
  return rowCount === 1
}

/** Gives an item back to the queue after a passing failure (its try stays counted). */
export async function releaseItem(db: pg.Pool, ref: ItemRef, fence: number, reason: string): Promise<void> {
  await db.query(
    `UPDATE ${Q}.items SET state = 'queued', lease_until = NULL, reason = $4 WHERE run = $1 AND seq = $2 AND fence = $3 AND state = 'running'`,
    [ref.run, ref.seq, fence, reason],
  )
}

/** The newest run, or undefined when none was ever enqueued. */
export async function latestRun(db: pg.Pool): Promise<number | undefined> {
  const { rows } = await db.query<{ id: string }>(`SELECT max(id) AS id FROM ${Q}.runs`)
  return rows[0]?.id == null ? undefined : Number(rows[0].id)
}

/** A run's counts by state and its placement progress. */
export async function runStatus(db: pg.Pool, run: number): Promise<RunStatus> {
  const runs = await db.query<{ created_at: Date; sealed: boolean; placed: number; placement_done: boolean }>(
    `SELECT created_at, sealed, placed, placement_done FROM ${Q}.runs WHERE id = $1`, [run],
  )
  if (runs.rows.length === 0) throw new QueueError(`No run ${run} in the queue database.`, 'QUEUE_NO_RUN')
  const counts: Record<ItemState, number> = { queued: 0, running: 0, done: 0, failed: 0 }
  const { rows } = await db.query<{ state: ItemState; n: string }>(`SELECT state, count(*) AS n FROM ${Q}.items WHERE run = $1 GROUP BY state`, [run])
  for (const r of rows) counts[r.state] = Number(r.n)
  const r = runs.rows[0]!
  return { run, createdAt: r.created_at.toISOString(), sealed: r.sealed, counts, placed: r.placed, placementDone: r.placement_done }
}

/** A run's items in input order, optionally only those in some states. */
export async function listItems(db: pg.Pool, run: number, states?: readonly ItemState[]): Promise<ItemStatus[]> {
  const { rows } = await db.query<{ run: string; seq: number; input: string; state: ItemState; attempts: number; worker: string | null; n: number | null; reason: string | null }>(
    `SELECT run, seq, input, state, attempts, worker, cardinality(documents) AS n, reason FROM ${Q}.items
     WHERE run = $1 AND ($2::text[] IS NULL OR state = ANY($2)) ORDER BY seq`,
    [run, states ?? null],
  )
  return rows.map((r) => ({ run: Number(r.run), seq: r.seq, input: r.input, state: r.state, attempts: r.attempts, worker: r.worker, documents: r.n ?? 0, reason: r.reason }))
}
