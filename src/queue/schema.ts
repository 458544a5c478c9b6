import type pg from 'pg'

/** The schema the queue keeps its state in, beside (never inside) the store's tables. */
export const QUEUE_SCHEMA = 'dossier_queue'

/**
 * First key of the advisory locks that say a worker process is alive (`pg_locks`): a worker holds
 * `(LIVENESS_LOCK_CLASS, its key)` on its own connection, so a holder killed with -9 is seen dead
 * as soon as PostgreSQL closes its session, without waiting for a lease to run out.
 */
export const LIVENESS_LOCK_CLASS = 0x0d05

/** Serialises the schema's creation across processes starting at once. */
const SCHEMA_LOCK = 0x0d06

/**
 * The queue's tables. `items` is the truth about each input of a run (the broker only delivers
 * "work on item (run, seq)"); `fence` grows on every claim, so the result of a holder whose lease
 * was taken over is refused. `placement` is the placer's cursor through each run, in input order.
 */
const SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS ${QUEUE_SCHEMA};
CREATE SEQUENCE IF NOT EXISTS ${QUEUE_SCHEMA}.fences;
CREATE TABLE IF NOT EXISTS ${QUEUE_SCHEMA}.runs (
  id bigserial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  sealed boolean NOT NULL DEFAULT false,
  items integer NOT NULL DEFAULT 0,
  place_seq integer NOT NULL DEFAULT 1,
  place_index integer NOT NULL DEFAULT 0,
  placed integer NOT NULL DEFAULT 0,
  placement_done boolean NOT NULL DEFAULT false
);
CREATE TABLE IF NOT EXISTS ${QUEUE_SCHEMA}.payloads (
  sha256 text PRIMARY KEY,
  bytes bytea NOT NULL
);
CREATE TABLE IF NOT EXISTS ${QUEUE_SCHEMA}.items (
  run bigint NOT NULL REFERENCES ${QUEUE_SCHEMA}.runs (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  input text NOT NULL,
  sha256 text,
  meta jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  fence bigint NOT NULL DEFAULT 0,
  worker text,
  worker_key integer,
  lease_until timestamptz,
  documents text[],
  added integer,
  existing integer,
  reason text,
  queued_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  PRIMARY KEY (run, seq)
);
CREATE INDEX IF NOT EXISTS items_state ON ${QUEUE_SCHEMA}.items (run, state);
CREATE TABLE IF NOT EXISTS ${QUEUE_SCHEMA}.placer (
  id integer PRIMARY KEY CHECK (id = 1),
  holder text,
  holder_key integer,
  fence bigint NOT NULL DEFAULT 0,
  lease_until timestamptz
);
INSERT INTO ${QUEUE_SCHEMA}.placer (id) VALUES (1) ON CONFLICT DO NOTHING;
`

/** Creates the queue's schema if it is not there; safe when many processes start at once. */
export async function ensureQueueSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK])
    await client.query(SCHEMA_SQL)
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
