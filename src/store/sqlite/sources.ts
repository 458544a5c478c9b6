import type Database from 'better-sqlite3'
import { UsageError } from '../../errors.js'
import type { AddSource, FoundItem, ItemState, PendingItem, PollOutcome, SourceItem, SourceKind, SourceStore, WatchSource } from '../sources.js'
import { SOURCE_KINDS } from '../sources.js'
import { storeFailure } from './failures.js'

interface SourceRow {
  id: number; url: string; kind: string; title: string | null; added_at: string; etag: string | null; last_modified: string | null
  last_fetch_at: string | null; last_status: number | null; last_ok_at: string | null; next_fetch_at: string; failures: number
  last_error: string | null; last_error_at: string | null; items: number; documents: number; last_new_at: string | null
}

interface ItemRow {
  key: string; source: number; link: string | null; title: string | null; published: string | null; state: string; attempts: number
  document: string | null; note: string | null; seen_at: string; done_at: string | null; body_kind: string | null; body: string | null
}

/** Longest feed body kept as an item's fallback: an article's worth; more is not a summary. */
const MAX_FALLBACK_CHARS = 200_000

/**
 * The watch tables of the SQLite store (migration 007): one prepared statement per question, each
 * method one transaction. Shares the store's connection, so it is written under the same file lock.
 */
export class SqliteSourceStore implements SourceStore {
  private readonly q: ReturnType<typeof prepare>

  constructor(private readonly db: Database.Database, private readonly file: string) {
    this.q = prepare(db)
  }

  async addSource(source: AddSource, now: Date = new Date()): Promise<{ source: WatchSource; added: boolean }> {
    if (!SOURCE_KINDS.includes(source.kind)) throw new UsageError(`A source's kind is one of ${SOURCE_KINDS.join(', ')}, not ${JSON.stringify(source.kind)}.`)
    return this.write(`add source ${source.url}`, () => {
      const existing = this.q.sourceByUrl.get(source.url) as SourceRow | undefined
      if (existing) return { source: toSource(existing), added: false }
      const at = now.toISOString()
      const { lastInsertRowid } = this.q.insertSource.run({ url: source.url, kind: source.kind, title: source.title ?? null, at })
      return { source: toSource(this.q.sourceById.get(Number(lastInsertRowid)) as SourceRow), added: true }
    })
  }

  async listSources(): Promise<WatchSource[]> {
    return this.read('list sources', () => (this.q.listSources.all() as SourceRow[]).map(toSource))
  }

  async getSource(id: number): Promise<WatchSource | undefined> {
    return this.read('read a source', () => {
      const row = this.q.sourceById.get(id) as SourceRow | undefined
      return row ? toSource(row) : undefined
    })
  }

  async removeSource(id: number): Promise<boolean> {
    return this.write(`remove source ${id}`, () => this.q.deleteSource.run(id).changes > 0)
  }

  async dueSources(now: Date): Promise<WatchSource[]> {
    return this.read('list due sources', () => (this.q.dueSources.all(now.toISOString()) as SourceRow[]).map(toSource))
  }

  async recordPoll(id: number, outcome: PollOutcome, at: Date, nextFetchAt: Date): Promise<FoundItem[]> {
    const when = at.toISOString()
    const next = nextFetchAt.toISOString()
    return this.write(`record a poll of source ${id}`, () => {
      if (outcome.kind === 'failed') {
        this.q.pollFailed.run({ id, at: when, next, status: outcome.status ?? null, error: outcome.error })
        return []
      }
      if (outcome.kind === 'deferred') {
        this.q.pollDeferred.run({ id, next })
        return []
      }
      if (outcome.kind === 'not-modified') {
        this.q.pollUnchanged.run({ id, at: when, next })
        return []
      }
      const fresh: FoundItem[] = []
      for (const item of outcome.found) {
        if (outcome.maxNew !== undefined && fresh.length >= outcome.maxNew) break
        const body = item.body && item.body.text.length <= MAX_FALLBACK_CHARS ? item.body : undefined
        const inserted = this.q.insertItem.run({
          key: item.key, source: id, link: item.link ?? null, title: item.title ?? null, published: item.published ?? null, at: when,
          bodyKind: body?.kind ?? null, body: body?.text ?? null,
        })
        if (inserted.changes > 0) fresh.push(item)
      }
      this.q.pollOk.run({
        id, at: when, next, status: outcome.status, etag: outcome.etag ?? null, lastModified: outcome.lastModified ?? null,
        title: outcome.title ?? null, fresh: fresh.length,
      })
      return fresh
    })
  }

  async pendingItems(limit: number): Promise<PendingItem[]> {
    return this.read('list pending items', () =>
      (this.q.pendingItems.all(limit) as ItemRow[]).map((row) => ({
        ...toItem(row),
        body: row.body_kind && row.body !== null ? { kind: row.body_kind as 'html' | 'text', text: row.body } : null,
      })),
    )
  }

  async finishItem(key: string, result: { readonly document: string; readonly note?: string } | { readonly error: string; readonly maxAttempts: number }, at: Date): Promise<void> {
    const when = at.toISOString()
    this.write(`finish item ${key}`, () => {
      if ('document' in result) {
        const row = this.q.itemByKey.get(key) as ItemRow | undefined
        if (!row) return
        this.q.itemDone.run({ key, document: result.document, note: result.note ?? null, at: when })
        if (row.state !== 'done') this.q.countDocument.run(row.source)
      } else {
        this.q.itemFailed.run({ key, error: result.error, max: result.maxAttempts, at: when })
      }
    })
  }

  async listItems(source: number, options: { readonly limit?: number } = {}): Promise<SourceItem[]> {
    const limit = options.limit ?? 50
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`listItems: limit must be a whole number >= 1, got ${limit}.`)
    return this.read('list items', () => (this.q.itemsOf.all(source, limit) as ItemRow[]).map(toItem))
  }

  async getHost(host: string): Promise<{ robots: string | null; robotsAt: string | null; blockedUntil: string | null } | undefined> {
    return this.read('read a host', () => {
      const row = this.q.host.get(host) as { robots: string | null; robots_at: string | null; blocked_until: string | null } | undefined
      return row ? { robots: row.robots, robotsAt: row.robots_at, blockedUntil: row.blocked_until } : undefined
    })
  }

  async setHostRobots(host: string, robots: string, at: Date): Promise<void> {
    this.write(`keep robots.txt of ${host}`, () => this.q.setRobots.run({ host, robots, at: at.toISOString() }))
  }

  async setHostBlockedUntil(host: string, until: Date | null): Promise<void> {
    this.write(`back off from ${host}`, () => this.q.setBlocked.run({ host, until: until?.toISOString() ?? null }))
  }

  private read<T>(doing: string, fn: () => T): T {
    try {
      return fn()
    } catch (error) {
      throw storeFailure(error, this.file, `could not ${doing}`, 'STORE_READ_FAILED')
    }
  }

  private write<T>(doing: string, fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate()
    } catch (error) {
      throw storeFailure(error, this.file, `could not ${doing}`, 'STORE_WRITE_FAILED')
    }
  }
}

function prepare(db: Database.Database) {
  return {
    sourceByUrl: db.prepare('SELECT * FROM sources WHERE url = ?'),
    sourceById: db.prepare('SELECT * FROM sources WHERE id = ?'),
    insertSource: db.prepare('INSERT INTO sources (url, kind, title, added_at, next_fetch_at) VALUES (@url, @kind, @title, @at, @at)'),
    listSources: db.prepare('SELECT * FROM sources ORDER BY id'),
    deleteSource: db.prepare('DELETE FROM sources WHERE id = ?'),
    dueSources: db.prepare('SELECT * FROM sources WHERE next_fetch_at <= ? ORDER BY next_fetch_at, id'),
    pollFailed: db.prepare(
      'UPDATE sources SET last_fetch_at = @at, last_status = @status, next_fetch_at = @next, failures = failures + 1, last_error = @error, last_error_at = @at WHERE id = @id',
    ),
    pollDeferred: db.prepare('UPDATE sources SET next_fetch_at = @next WHERE id = @id'),
    pollUnchanged: db.prepare(
      'UPDATE sources SET last_fetch_at = @at, last_status = 304, last_ok_at = @at, next_fetch_at = @next, failures = 0, last_error = NULL, last_error_at = NULL WHERE id = @id',
    ),
    pollOk: db.prepare(
      `UPDATE sources SET last_fetch_at = @at, last_status = @status, last_ok_at = @at, next_fetch_at = @next, failures = 0, last_error = NULL,
         last_error_at = NULL, etag = @etag, last_modified = @lastModified, title = coalesce(title, @title), items = items + @fresh,
         last_new_at = CASE WHEN @fresh > 0 THEN @at ELSE last_new_at END
       WHERE id = @id`,
    ),
    insertItem: db.prepare(
      `INSERT INTO source_items (key, source, link, title, published, state, seen_at, body_kind, body)
       VALUES (@key, @source, @link, @title, @published, 'pending', @at, @bodyKind, @body) ON CONFLICT (key) DO NOTHING`,
    ),
    itemByKey: db.prepare('SELECT * FROM source_items WHERE key = ?'),
    pendingItems: db.prepare("SELECT * FROM source_items WHERE state = 'pending' ORDER BY seen_at, rowid LIMIT ?"),
    itemDone: db.prepare("UPDATE source_items SET state = 'done', document = @document, note = @note, done_at = @at, attempts = attempts + 1, body = NULL, body_kind = NULL WHERE key = @key"),
    countDocument: db.prepare('UPDATE sources SET documents = documents + 1 WHERE id = ?'),
    itemFailed: db.prepare(
      `UPDATE source_items SET attempts = attempts + 1, note = @error,
         state = CASE WHEN attempts + 1 >= @max THEN 'failed' ELSE 'pending' END,
         done_at = CASE WHEN attempts + 1 >= @max THEN @at ELSE NULL END
       WHERE key = @key`,
    ),
    itemsOf: db.prepare('SELECT * FROM source_items WHERE source = ? ORDER BY seen_at DESC, rowid DESC LIMIT ?'),
    host: db.prepare('SELECT * FROM watch_hosts WHERE host = ?'),
    setRobots: db.prepare('INSERT INTO watch_hosts (host, robots, robots_at) VALUES (@host, @robots, @at) ON CONFLICT (host) DO UPDATE SET robots = @robots, robots_at = @at'),
    setBlocked: db.prepare('INSERT INTO watch_hosts (host, blocked_until) VALUES (@host, @until) ON CONFLICT (host) DO UPDATE SET blocked_until = @until'),
  }
}

function toSource(row: SourceRow): WatchSource {
  return {
    id: row.id,
    url: row.url,
    kind: row.kind as SourceKind,
    title: row.title,
    addedAt: row.added_at,
    etag: row.etag,
    lastModified: row.last_modified,
    lastFetchAt: row.last_fetch_at,
    lastStatus: row.last_status,
    lastOkAt: row.last_ok_at,
    nextFetchAt: row.next_fetch_at,
    failures: row.failures,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    items: row.items,
    documents: row.documents,
    lastNewAt: row.last_new_at,
    status: row.last_fetch_at === null ? 'new' : row.failures > 0 ? 'failing' : 'ok',
  }
}

function toItem(row: ItemRow): SourceItem {
  return {
    key: row.key,
    source: row.source,
    link: row.link,
    title: row.title,
    published: row.published,
    state: row.state as ItemState,
    attempts: row.attempts,
    document: row.document,
    note: row.note,
    seenAt: row.seen_at,
    doneAt: row.done_at,
  }
}
