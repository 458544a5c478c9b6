import { randomInt } from 'node:crypto'
import { hostname } from 'node:os'
import pg from 'pg'
import { sleep } from './db.js'
import type { WorkerIdentity } from './items.js'
import { LIVENESS_LOCK_CLASS } from './schema.js'

/** A name for people (`host:pid`) and a random key for the liveness lock. */
export function newWorkerIdentity(): WorkerIdentity {
  return { name: `${hostname()}:${process.pid}`, key: randomInt(1, 2 ** 31 - 1) }
}

/**
 * Holds the worker's liveness lock on a connection of its own, for as long as the process lives:
 * PostgreSQL drops it when the session ends, so other workers see at once that this one died. The
 * connection lost (a restart of PostgreSQL), it reconnects and takes the lock again; meanwhile
 * leases still protect the items it holds.
 */
export class LivenessLock {
  private client?: pg.Client
  private closed = false
  private reconnecting?: Promise<void>

  constructor(private readonly url: string, private readonly identity: WorkerIdentity, private readonly onError: (error: Error) => void) {}

  async start(): Promise<void> {
    await this.connect()
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: `dossier-worker ${this.identity.name}` })
    client.on('error', (error) => {
      this.onError(error)
      this.lost(client)
    })
    client.on('end', () => this.lost(client))
    await client.connect()
    await client.query('SELECT pg_advisory_lock($1, $2)', [LIVENESS_LOCK_CLASS, this.identity.key])
    this.client = client
  }

  private lost(client: pg.Client): void {
    if (this.closed || this.client !== client || this.reconnecting) return
    this.client = undefined
    this.reconnecting = (async () => {
      while (!this.closed) {
        try {
          await this.connect()
          return
        } catch (error) {
          this.onError(error instanceof Error ? error : new Error(String(error)))
          await sleep(1_000)
        }
      }
    })().finally(() => {
      this.reconnecting = undefined
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await this.reconnecting
    await this.client?.end().catch(() => {})
  }
}
