import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { StoryId } from '../document/index.js'
import { StoreError } from '../errors.js'
import { storeFailure } from '../store/sqlite/failures.js'
import type { AlertListOptions, ClaimedDelivery, WatchStore } from './store.js'
import type { Alert, AlertDraft, AlertId, Delivery, Watch, WatchId } from './types.js'

/** Alerts a listing returns when the caller names no limit. */
export const DEFAULT_ALERT_LIMIT = 100

const CURSOR = 'stories'

interface AlertRow { readonly seq: number; readonly id: string; readonly createdAt: string; readonly json: string }
interface DeliveryRow {
  readonly alert: string; readonly url: string; readonly state: Delivery['state']; readonly attempts: number
  readonly nextAt: string; readonly lastError: string | null; readonly deliveredAt: string | null
}
const DELIVERY_COLUMNS = `d.alert_id AS alert, d.url, d.state, d.attempts, d.next_at AS nextAt, d.last_error AS lastError, d.delivered_at AS deliveredAt`

/**
 * The id an alert has wherever it is computed: a hash of its watch and key.
 *
 * @example
 * alertIdOf('w-0a1b2c3d4e5f', 'story:st-0123456789ab') // 'al-…' (16 hex digits)
 */
export function alertIdOf(watch: WatchId, key: string): AlertId {
  return `al-${createHash('sha256').update(`${watch}\n${key}`).digest('hex').slice(0, 16)}`
}

/**
 * The watch tables of the SQLite store (migration 008), on the store's own connection. Each
 * method is one statement or one transaction; SQLite failures become StoreErrors with stable codes.
 */
export class SqliteWatchStore implements WatchStore {
  private prepared: ReturnType<typeof prepare> | undefined

  constructor(private readonly db: Database.Database, private readonly file: string, private readonly readOnly = false) {}

  // Prepared on first use: a read-only store opened before migration 008 has no watch tables, and lists none.
  private get sql(): ReturnType<typeof prepare> {
    this.prepared ??= prepare(this.db)
    return this.prepared
  }

  private get present(): boolean {
    return this.prepared !== undefined || this.db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'watches'").get() !== undefined
  }

  async listWatches(): Promise<Watch[]> {
    return this.run('list watches', () => (this.present ? this.sql.listWatches.all().map((j) => JSON.parse(j) as Watch) : []))
  }

  async getWatch(id: WatchId): Promise<Watch | undefined> {
    return this.run('read a watch', () => {
      const json = this.present ? this.sql.getWatch.get(id) : undefined
      return json === undefined ? undefined : (JSON.parse(json) as Watch)
    })
  }

  async saveWatch(watch: Watch, secret: string | null | undefined, baseline: readonly string[]): Promise<void> {
    this.write('save a watch', () => {
      this.sql.upsertWatch.run({ id: watch.id, json: JSON.stringify(watch), createdAt: watch.createdAt, updatedAt: watch.updatedAt })
      if (secret !== undefined) this.sql.setSecret.run(secret, watch.id)
      for (const key of baseline) this.sql.insertSeen.run(watch.id, key)
    })
  }

  async removeWatch(id: WatchId): Promise<boolean> {
    return this.write('remove a watch', () => this.sql.deleteWatch.run(id).changes > 0)
  }

  async unseenKeys(watch: WatchId, keys: readonly string[]): Promise<Set<string>> {
    return this.run('read what a watch has seen', () => {
      const seen = new Set(this.sql.seenOf.all(watch, JSON.stringify(keys)))
      return new Set(keys.filter((k) => !seen.has(k)))
    })
  }

  async recordAlerts(drafts: readonly AlertDraft[], cursor: string | null, now: Date): Promise<Alert[]> {
    const createdAt = now.toISOString()
    return this.write('record alerts', () => {
      const stored: Alert[] = []
      for (const draft of drafts) {
        const watch = this.sql.getWatch.get(draft.watch)
        if (watch === undefined) continue // removed since it was evaluated
        if (this.sql.insertSeen.run(draft.watch, draft.key).changes === 0) continue
        const id = alertIdOf(draft.watch, draft.key)
        const seq = Number(this.sql.insertAlert.run({ id, watch: draft.watch, kind: draft.kind, story: draft.story?.id ?? null, createdAt, json: '{}' }).lastInsertRowid)
        const alert: Alert = { id, seq, ...draft, createdAt }
        this.sql.setAlertJson.run(JSON.stringify(alert), seq)
        const hook = (JSON.parse(watch) as Watch).webhook
        if (hook !== null) this.sql.insertDelivery.run(id, hook.url, createdAt)
        stored.push(alert)
      }
      if (cursor !== null) this.sql.setCursor.run(CURSOR, cursor)
      return stored
    })
  }

  async listAlerts(options: AlertListOptions = {}): Promise<Alert[]> {
    const limit = options.limit ?? DEFAULT_ALERT_LIMIT
    const after = options.after ?? 0
    return this.run('list alerts', () => {
      if (!this.present) return []
      const desc = options.order === 'desc'
      const rows = options.watch === undefined
        ? (desc ? this.sql.alertsDesc.all(after, limit) : this.sql.alertsAsc.all(after, limit))
        : (desc ? this.sql.watchAlertsDesc.all(options.watch, after, limit) : this.sql.watchAlertsAsc.all(options.watch, after, limit))
      return rows.map(toAlert)
    })
  }

  async getAlert(id: AlertId): Promise<Alert | undefined> {
    return this.run('read an alert', () => {
      const row = this.present ? this.sql.getAlert.get(id) : undefined
      return row === undefined ? undefined : toAlert(row)
    })
  }

  async lastAlertSeq(): Promise<number> {
    return this.run('read the last alert', () => (this.present ? (this.sql.lastSeq.get() ?? 0) : 0))
  }

  async cursor(): Promise<string | null> {
    return this.run('read the evaluation cursor', () => (this.present ? (this.sql.getCursor.get(CURSOR) ?? null) : null))
  }

  async storiesWrittenSince(since: string | null): Promise<Array<{ id: StoryId; updatedAt: string }>> {
    return this.run('list stories written since the last evaluation', () => this.sql.storiesSince.all(since ?? ''))
  }

  async claimDeliveries(now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const at = now.toISOString()
    const until = new Date(now.getTime() + leaseMs).toISOString()
    return this.write('take webhook deliveries', () => {
      const rows = this.sql.dueDeliveries.all(at, at, limit)
      return rows.map((row): ClaimedDelivery => {
        this.sql.leaseDelivery.run(until, row.alert)
        const alert = toAlert(this.sql.getAlert.get(row.alert)!)
        return { ...toDelivery(row), attempts: row.attempts + 1, body: alert, secret: this.sql.secretOfAlert.get(row.alert) ?? null }
      })
    })
  }

  async finishDelivery(alert: AlertId, outcome: { delivered: true; at: Date } | { delivered: false; error: string; retryAt: Date | null }): Promise<void> {
    this.write('record a webhook delivery', () => {
      if (outcome.delivered) this.sql.delivered.run(outcome.at.toISOString(), alert)
      else this.sql.attemptFailed.run({ alert, error: outcome.error, state: outcome.retryAt === null ? 'failed' : 'pending', nextAt: outcome.retryAt?.toISOString() ?? null })
    })
  }

  async listDeliveries(options: { watch?: WatchId; alert?: AlertId } = {}): Promise<Delivery[]> {
    return this.run('list webhook deliveries', () => {
      if (!this.present) return []
      return this.sql.deliveries.all({ watch: options.watch ?? null, alert: options.alert ?? null }).map(toDelivery)
    })
  }

  private run<T>(action: string, fn: () => T): T {
    try {
      return fn()
    } catch (error) {
      throw storeFailure(error, this.file, `could not ${action}`, 'STORE_READ_FAILED')
    }
  }

  private write<T>(action: string, fn: () => T): T {
    if (this.readOnly) throw new StoreError(`${this.file}: the store was opened read-only; cannot ${action}.`, 'STORE_READ_ONLY')
    try {
      return this.db.transaction(fn).immediate()
    } catch (error) {
      throw storeFailure(error, this.file, `could not ${action}`, 'STORE_WRITE_FAILED')
    }
  }
}

function toAlert(row: AlertRow): Alert {
  return JSON.parse(row.json) as Alert
}

function toDelivery(row: DeliveryRow): Delivery {
  return { alert: row.alert, url: row.url, state: row.state, attempts: row.attempts, nextAt: row.nextAt, lastError: row.lastError, deliveredAt: row.deliveredAt }
}

function prepare(db: Database.Database) {
  const alertColumns = 'seq, id, created_at AS createdAt, json'
  return {
    listWatches: db.prepare<[], string>('SELECT json FROM watches ORDER BY seq').pluck(),
    getWatch: db.prepare<[string], string>('SELECT json FROM watches WHERE id = ?').pluck(),
    upsertWatch: db.prepare<[{ id: string; json: string; createdAt: string; updatedAt: string }]>(
      `INSERT INTO watches (id, seq, json, created_at, updated_at) VALUES (@id, (SELECT coalesce(max(seq), 0) + 1 FROM watches), @json, @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
    ),
    setSecret: db.prepare<[string | null, string]>('UPDATE watches SET secret = ? WHERE id = ?'),
    deleteWatch: db.prepare<[string]>('DELETE FROM watches WHERE id = ?'),
    insertSeen: db.prepare<[string, string]>('INSERT OR IGNORE INTO watch_seen (watch_id, key) VALUES (?, ?)'),
    seenOf: db.prepare<[string, string], string>('SELECT key FROM watch_seen WHERE watch_id = ? AND key IN (SELECT value FROM json_each(?))').pluck(),
    insertAlert: db.prepare<[{ id: string; watch: string; kind: string; story: string | null; createdAt: string; json: string }]>(
      'INSERT INTO alerts (id, watch_id, kind, story_id, created_at, json) VALUES (@id, @watch, @kind, @story, @createdAt, @json)',
    ),
    setAlertJson: db.prepare<[string, number]>('UPDATE alerts SET json = ? WHERE seq = ?'),
    getAlert: db.prepare<[string], AlertRow>(`SELECT ${alertColumns} FROM alerts WHERE id = ?`),
    alertsAsc: db.prepare<[number, number], AlertRow>(`SELECT ${alertColumns} FROM alerts WHERE seq > ? ORDER BY seq LIMIT ?`),
    alertsDesc: db.prepare<[number, number], AlertRow>(`SELECT ${alertColumns} FROM alerts WHERE seq > ? ORDER BY seq DESC LIMIT ?`),
    watchAlertsAsc: db.prepare<[string, number, number], AlertRow>(`SELECT ${alertColumns} FROM alerts WHERE watch_id = ? AND seq > ? ORDER BY seq LIMIT ?`),
    watchAlertsDesc: db.prepare<[string, number, number], AlertRow>(`SELECT ${alertColumns} FROM alerts WHERE watch_id = ? AND seq > ? ORDER BY seq DESC LIMIT ?`),
    lastSeq: db.prepare<[], number>('SELECT max(seq) FROM alerts').pluck(),
    getCursor: db.prepare<[string], string>('SELECT value FROM watch_cursor WHERE name = ?').pluck(),
    setCursor: db.prepare<[string, string]>('INSERT INTO watch_cursor (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value'),
    storiesSince: db.prepare<[string], { id: string; updatedAt: string }>('SELECT id, updated_at AS updatedAt FROM stories WHERE updated_at >= ? ORDER BY updated_at, id'),
    insertDelivery: db.prepare<[string, string, string]>(
      "INSERT OR IGNORE INTO alert_deliveries (alert_id, url, state, attempts, next_at) VALUES (?, ?, 'pending', 0, ?)",
    ),
    dueDeliveries: db.prepare<[string, string, number], DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM alert_deliveries d WHERE d.state = 'pending' AND d.next_at <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?)
       ORDER BY d.next_at LIMIT ?`,
    ),
    leaseDelivery: db.prepare<[string, string]>('UPDATE alert_deliveries SET lease_until = ?, attempts = attempts + 1 WHERE alert_id = ?'),
    secretOfAlert: db.prepare<[string], string | null>('SELECT w.secret FROM alerts a JOIN watches w ON w.id = a.watch_id WHERE a.id = ?').pluck(),
    delivered: db.prepare<[string, string]>("UPDATE alert_deliveries SET state = 'delivered', delivered_at = ?, lease_until = NULL, last_error = NULL WHERE alert_id = ?"),
    attemptFailed: db.prepare<[{ alert: string; error: string; state: string; nextAt: string | null }]>(
      'UPDATE alert_deliveries SET state = @state, last_error = @error, next_at = coalesce(@nextAt, next_at), lease_until = NULL WHERE alert_id = @alert',
    ),
    deliveries: db.prepare<[{ watch: string | null; alert: string | null }], DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
       WHERE (@watch IS NULL OR a.watch_id = @watch) AND (@alert IS NULL OR d.alert_id = @alert) ORDER BY a.seq`,
    ),
  }
}
