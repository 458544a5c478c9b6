import type { DocumentId } from '../document/index.js'
import { analyzeRead, type AnalyzeOptions } from '../api/analyze.js'
import type { StoriesReport } from '../api/stories.js'
import { UnreadableInputError } from '../errors.js'
import { readBytes, type IngestResult } from '../stages/ingest/index.js'
import { sourceStoreOf, type PendingItem, type PollOutcome, type SourceStore, type Store, type WatchSource } from '../store/index.js'
import { discoverItems } from './discover.js'
import { mapLimited } from './limit.js'
import { PoliteFetcher, type PoliteOptions } from './polite.js'

/** How often a source is polled by default. */
export const DEFAULT_EVERY_MS = 15 * 60 * 1000
/** A failing source waits `every` doubled per failure in a row, up to this: retried less often, never dropped. */
export const MAX_RETRY_MS = 24 * 60 * 60 * 1000
/** Times an item's article is tried (over cycles) before it is marked failed, with its last error kept. */
export const MAX_ITEM_ATTEMPTS = 3
/**
 * New items taken from one poll at most, in the source's order (sitemaps: newest first). A watch follows what is
 * new: a 50,000-URL sitemap added today gives its newest 200, not a crawl of its archive.
 */
export const MAX_NEW_PER_POLL = 200
/** Articles fetched per cycle at most; the rest wait, pending in the store, for the next cycle. */
export const MAX_ITEMS_PER_CYCLE = 1_000
/** Sitemaps of a sitemap index read in one poll, newest first. */
const MAX_CHILD_SITEMAPS = 5
/** Requests in flight at once across hosts (each host still gets one at a time). */
export const DEFAULT_CONCURRENCY = 8

export type WatchEvent =
  | { readonly kind: 'polled'; readonly source: WatchSource; readonly outcome: 'new' | 'unchanged' | 'failed' | 'deferred'; readonly items: number; readonly message?: string }
  | { readonly kind: 'stored'; readonly key: string; readonly url: string; readonly document: DocumentId; readonly note?: string }
  | { readonly kind: 'item-failed'; readonly key: string; readonly url: string; readonly message: string; readonly final: boolean }
  | { readonly kind: 'warning'; readonly input: string; readonly message: string }

export interface WatchCycleResult {
  readonly startedAt: string
  readonly finishedAt: string
  readonly sourcesPolled: number
  /** HTTP requests made (polls, robots.txt, articles). */
  readonly requests: number
  readonly notModified: number
  readonly failedSources: number
  /** Items no source had shown before. */
  readonly newItems: number
  /** Documents stored this cycle, annotated and placed in stories. */
  readonly documents: readonly DocumentId[]
  readonly stories: StoriesReport
}

export interface WatchCycleOptions extends Pick<AnalyzeOptions, 'workers' | 'budget' | 'writer'> {
  readonly store: Store
  readonly polite: PoliteOptions
  /** How often each source is polled (default 15 minutes). */
  readonly everyMs?: number
  readonly concurrency?: number
  readonly onEvent?: (event: WatchEvent) => void
  /** Called after each cycle, once its documents are stored and placed and the writer lease is released. */
  readonly onCycle?: (result: WatchCycleResult) => void | Promise<void>
  readonly now?: () => Date
}

/**
 * One watch cycle: polls every due source (conditionally, politely), stores the items no source
 * showed before, fetches each pending item's article page (else stores the feed's own text for it,
 * with a note), and reads, annotates and places them in stories through `analyze`'s pipeline.
 * Every step is written to the store as it happens, so a cycle killed at any point resumes from
 * there: polls done are not repeated, items stored are not fetched again.
 *
 * @example
 * const result = await runWatchCycle({ store, polite: { fetch: { allowPrivate: false, maxBytes: 5e7, timeoutMs: 20_000, maxRedirects: 5 } } })
 * console.log(result.newItems, result.documents.length)
 */
export async function runWatchCycle(options: WatchCycleOptions): Promise<WatchCycleResult> {
  const now = options.now ?? (() => new Date())
  const startedAt = now()
  const sources = sourceStoreOf(options.store)
  const polite = new PoliteFetcher(sources, { ...options.polite, now })
  try {
    return await cycleWith(polite, sources, startedAt, options)
  } finally {
    await polite.close()
  }
}

async function cycleWith(polite: PoliteFetcher, sources: SourceStore, startedAt: Date, options: WatchCycleOptions): Promise<WatchCycleResult> {
  const now = options.now ?? (() => new Date())
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY
  const emit = options.onEvent ?? (() => {})
  const due = await sources.dueSources(startedAt)
  const polls = await mapLimited(due, concurrency, (source) => pollSource(source, sources, polite, options, now, emit))
  const pending = await sources.pendingItems(MAX_ITEMS_PER_CYCLE)
  const documents: DocumentId[] = []
  let stories: StoriesReport = { placed: 0, duplicates: 0, opened: 0, changed: 0, threads: 0, skipped: [] }
  if (pending.length > 0) {
    const fetched = fetchArticles(pending, polite, concurrency)
    const byInput = new Map<string, { item: PendingItem; ids: DocumentId[]; note?: string }>()
    const finishing: Array<Promise<void>> = []
    const finish = (input: string, error?: { code: string; message: string }): void => {
      const entry = byInput.get(input)
      if (!entry) return
      byInput.delete(input)
      const { item } = entry
      const url = item.link ?? item.key
      if (error) {
        const final = item.attempts + 1 >= MAX_ITEM_ATTEMPTS
        finishing.push(sources.finishItem(item.key, { error: `${error.code}: ${error.message}`, maxAttempts: MAX_ITEM_ATTEMPTS }, now()))
        emit({ kind: 'item-failed', key: item.key, url, message: error.message, final })
        return
      }
      const document = entry.ids[0]!
      documents.push(...entry.ids)
      finishing.push(sources.finishItem(item.key, { document, ...(entry.note ? { note: entry.note } : {}) }, now()))
      emit({ kind: 'stored', key: item.key, url, document, ...(entry.note ? { note: entry.note } : {}) })
    }
    async function* results(): AsyncGenerator<IngestResult> {
      for (const next of fetched) {
        const { item, result, note } = await next
        if (result.ok) byInput.set(result.input, { item, ids: result.documents.map((d) => d.id), ...(note ? { note } : {}) })
        else byInput.set(result.input, { item, ids: [] })
        yield result
      }
    }
    const report = await analyzeRead(results(), {
      store: options.store,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.budget ? { budget: options.budget } : {}),
      ...(options.writer ? { writer: options.writer } : {}),
      onEvent: (event) => {
        if (event.kind === 'stored' || event.kind === 'unchanged' || event.kind === 'annotated') finish(event.input)
        // A document of the input that failed alone is named `input#record`; an item's key may hold a `#` itself.
        else if (event.kind === 'rejected') finish(byInput.has(event.input) ? event.input : event.input.replace(/#[^#]*$/, ''), { code: event.code, message: event.message })
        else emit({ kind: 'warning', input: event.input, message: event.message })
      },
    })
    // An input none of whose documents were new or stored before (all failed extraction) was rejected above.
    for (const input of [...byInput.keys()]) finish(input, { code: 'NOT_STORED', message: `${input}: nothing was stored` })
    await Promise.all(finishing)
    stories = report.stories
  }
  const result: WatchCycleResult = {
    startedAt: startedAt.toISOString(),
    finishedAt: now().toISOString(),
    sourcesPolled: due.length,
    requests: polite.requests,
    notModified: polls.filter((p) => p === 'unchanged').length,
    failedSources: polls.filter((p) => p === 'failed').length,
    newItems: polls.reduce((n: number, p) => n + (typeof p === 'number' ? p : 0), 0),
    documents,
    stories,
  }
  await options.onCycle?.(result)
  return result
}

/** Polls one source and records the outcome; the count of new items, or how it went. */
async function pollSource(
  source: WatchSource, sources: SourceStore, polite: PoliteFetcher, options: WatchCycleOptions, now: () => Date, emit: (e: WatchEvent) => void,
): Promise<number | 'unchanged' | 'failed' | 'deferred'> {
  const every = options.everyMs ?? DEFAULT_EVERY_MS
  const validators = { ...(source.etag ? { etag: source.etag } : {}), ...(source.lastModified ? { lastModified: source.lastModified } : {}) }
  const answer = await polite.fetch(source.url, validators)
  const at = now()
  const record = async (outcome: PollOutcome, next: Date): Promise<number> => (await sources.recordPoll(source.id, outcome, at, next)).length
  if (answer.kind === 'skipped' && answer.until) {
    await record({ kind: 'deferred' }, answer.until)
    emit({ kind: 'polled', source, outcome: 'deferred', items: 0, message: answer.reason })
    return 'deferred'
  }
  const fail = async (error: string, status?: number, retryAfterMs?: number): Promise<'failed'> => {
    const wait = Math.min(MAX_RETRY_MS, every * 2 ** source.failures)
    await record({ kind: 'failed', error, ...(status !== undefined ? { status } : {}) }, new Date(at.getTime() + Math.max(wait, retryAfterMs ?? 0)))
    emit({ kind: 'polled', source, outcome: 'failed', items: 0, message: error })
    return 'failed'
  }
  if (answer.kind === 'skipped') return fail(answer.reason)
  if (answer.kind === 'failed') return fail(answer.error.message, answer.status, answer.retryAfterMs)
  const next = new Date(at.getTime() + every)
  if (answer.kind === 'not-modified') {
    await record({ kind: 'not-modified' }, next)
    emit({ kind: 'polled', source, outcome: 'unchanged', items: 0 })
    return 'unchanged'
  }
  const { fetched } = answer
  let found
  try {
    found = discoverItems(fetched.url, source.kind, fetched.bytes, fetched.contentType, options.polite.fetch.maxBytes)
    if (found.sitemaps.length > 0) found = await readChildSitemaps(found.sitemaps, source, polite, options.polite.fetch.maxBytes)
  } catch (error) {
    if (error instanceof UnreadableInputError) return fail(error.message)
    throw error
  }
  for (const warning of found.warnings) emit({ kind: 'warning', input: source.url, message: warning })
  const fresh = await record({
    kind: 'ok', status: fetched.status, found: found.items, maxNew: MAX_NEW_PER_POLL,
    ...(fetched.etag ? { etag: fetched.etag } : {}), ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}), ...(found.title ? { title: found.title } : {}),
  }, next)
  emit({ kind: 'polled', source, outcome: fresh > 0 ? 'new' : 'unchanged', items: fresh })
  return fresh
}

async function readChildSitemaps(urls: readonly string[], source: WatchSource, polite: PoliteFetcher, maxBytes: number): Promise<ReturnType<typeof discoverItems>> {
  const items = []
  const warnings: string[] = []
  for (const url of urls.slice(0, MAX_CHILD_SITEMAPS)) {
    const answer = await polite.fetch(url)
    if (answer.kind !== 'fetched') {
      warnings.push(`sitemap ${url}: ${answer.kind === 'failed' ? answer.error.message : answer.kind === 'skipped' ? answer.reason : 'unchanged'}`)
      continue
    }
    try {
      items.push(...discoverItems(answer.fetched.url, source.kind, answer.fetched.bytes, answer.fetched.contentType, maxBytes).items)
    } catch (error) {
      if (!(error instanceof UnreadableInputError)) throw error
      warnings.push(`sitemap ${url}: ${error.reason}`)
    }
  }
  return { items, sitemaps: [], warnings }
}

/**
 * Each pending item's article as a read input, in order, fetched `concurrency` at a time. The page
 * fails (HTTP error, refused, not readable): the feed's own text for the item, with a note; none
 * either: the failed read, so the item is tried again next cycle.
 */
function fetchArticles(items: readonly PendingItem[], polite: PoliteFetcher, concurrency: number): Array<Promise<{ item: PendingItem; result: IngestResult; note?: string }>> {
  const slots: Array<(value: { item: PendingItem; result: IngestResult; note?: string }) => void> = []
  const promises = items.map((_, i) => new Promise<{ item: PendingItem; result: IngestResult; note?: string }>((resolve) => { slots[i] = resolve }))
  void mapLimited(items, concurrency, async (item, i) => slots[i]!(await fetchArticle(item, polite)))
  return promises
}

async function fetchArticle(item: PendingItem, polite: PoliteFetcher): Promise<{ item: PendingItem; result: IngestResult; note?: string }> {
  const hints = { ...(item.title ? { title: item.title } : {}), ...(item.published ? { published: item.published } : {}) }
  let failure: string
  if (item.link) {
    const answer = await polite.fetch(item.link)
    if (answer.kind === 'fetched') {
      const { fetched } = answer
      const result = readBytes(item.key, fetched.bytes, { url: fetched.url, capturedAt: fetched.capturedAt, ...(fetched.contentType ? { contentType: fetched.contentType } : {}) })
      if (result.ok) {
        // What the feed said of the item (title, date) stands beside what the page says; the page's own metadata decides.
        return { item, result: { ...result, documents: result.documents.map((d) => ({ ...d, hints: { ...hints, ...d.hints } })) } }
      }
      failure = result.error.reason
    } else failure = answer.kind === 'failed' ? answer.error.reason : answer.kind === 'skipped' ? answer.reason : 'answered 304 to an unconditional request'
  } else failure = 'the item has no link'
  if (item.body) {
    const bytes = Buffer.from(item.body.text, 'utf8')
    const contentType = item.body.kind === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8'
    const result = readBytes(item.key, bytes, { contentType, ...(item.link ? { url: item.link } : {}) })
    if (result.ok) {
      const note = `article page not stored (${failure}); the feed's own text for the item was stored instead`
      return { item, note, result: { ...result, warnings: [...result.warnings, note], documents: result.documents.map((d) => ({ ...d, hints: { ...hints, ...d.hints } })) } }
    }
  }
  return { item, result: { ok: false, input: item.key, error: new UnreadableInputError(item.key, failure, 'FETCH_FAILED') } }
}
