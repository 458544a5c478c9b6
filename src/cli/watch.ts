import { readFile } from 'node:fs/promises'
import { UsageError } from '../errors.js'
import { DEFAULT_MAX_REDIRECTS } from '../stages/ingest/fetch.js'
import { openStore, sourceStoreOf, type WatchSource } from '../store/index.js'
import { addSourceUrl, importOpml } from '../watch/sources.js'
import { watch, type WatchCycleResult, type WatchEvent } from '../watch/index.js'
import { DEFAULT_HOST_DELAY_MS } from '../watch/polite.js'
import { EXIT, writerOptions } from './commands.js'
import { budgetOption, optionalText, wholeNumber, workersOption, type Options } from './options.js'
import { formatTable, type Output } from './output.js'

/**
 * Called after every watch cycle, in order, once its documents are stored and placed: the alerts
 * of saved watches are evaluated here. Each hook gets the cycle's result (new document ids, stories).
 */
export const cycleHooks: Array<(result: WatchCycleResult, context: { readonly store: Awaited<ReturnType<typeof openStore>>; readonly out: Output }) => Promise<void> | void> = []

const SOURCE_ACTIONS = ['add', 'list', 'remove', 'import'] as const

/** `dossier sources add|list|remove|import`. */
export async function runSources(args: string[], options: Options, out: Output): Promise<number> {
  const [action, ...rest] = args
  if (!SOURCE_ACTIONS.includes(action as (typeof SOURCE_ACTIONS)[number])) {
    throw new UsageError(`dossier sources takes one of ${SOURCE_ACTIONS.join(', ')}, not ${JSON.stringify(action ?? '')}: e.g. \`dossier sources add https://desk.example/rss\`.`)
  }
  const store = await openStore({ path: String(options.db) })
  try {
    const sources = sourceStoreOf(store)
    switch (action) {
      case 'add': {
        if (rest.length === 0) throw new UsageError('dossier sources add takes one or more URLs of feeds, sitemaps or pages.')
        for (const url of rest) {
          const { source, added } = await addSourceUrl(sources, url, optionalText(options.kind), optionalText(options.title))
          out.data(`${added ? 'added' : 'already followed'}: #${source.id} ${source.kind} ${source.url}`)
        }
        return EXIT.ok
      }
      case 'import': {
        if (rest.length !== 1) throw new UsageError('dossier sources import takes one OPML file.')
        const file = rest[0]!
        let text: string
        try {
          text = await readFile(file, 'utf8')
        } catch (error) {
          throw new UsageError(`Cannot read ${file}: ${(error as Error).message}.`)
        }
        const result = await importOpml(sources, file, text)
        for (const r of result.rejected) out.error(`${file}: outline ${JSON.stringify(r.outline)}: ${r.reason}`)
        out.data(`${result.added.length} feed${result.added.length === 1 ? '' : 's'} added, ${result.existing} already followed, ${result.rejected.length} rejected (${file})`)
        return result.rejected.length > 0 ? EXIT.rejected : EXIT.ok
      }
      case 'remove': {
        if (rest.length === 0) throw new UsageError('dossier sources remove takes source ids or URLs (`dossier sources list` shows them).')
        const all = await sources.listSources()
        let missing = 0
        for (const which of rest) {
          const source = all.find((s) => String(s.id) === which || s.url === which)
          if (source && (await sources.removeSource(source.id))) out.data(`removed: #${source.id} ${source.url}`)
          else {
            out.error(`no source ${JSON.stringify(which)}; \`dossier sources list\` shows the ids`)
            missing++
          }
        }
        return missing > 0 ? EXIT.rejected : EXIT.ok
      }
      default: {
        const list = await sources.listSources()
        if (options.format === 'json') out.data(JSON.stringify(list, null, 2))
        else if (list.length === 0) out.info('no sources yet; add one with `dossier sources add <url>` or `dossier sources import <opml>`')
        else out.data(formatTable(['ID', 'KIND', 'STATUS', 'ITEMS', 'DOCS', 'LAST FETCH', 'NEXT FETCH', 'URL / LAST ERROR'], list.map(sourceRow), [6, 7, 8, 6, 6, 20, 20, 90]))
        return EXIT.ok
      }
    }
  } finally {
    await store.close()
  }
}

function sourceRow(s: WatchSource): string[] {
  const when = (iso: string | null): string => (iso ? iso.slice(0, 19).replace('T', ' ') : '-')
  const status = s.status === 'failing' ? `failing×${s.failures}` : s.status
  return [String(s.id), s.kind, status, String(s.items), String(s.documents), when(s.lastFetchAt), when(s.nextFetchAt), s.lastError ? `${s.url} — ${s.lastError}` : s.url]
}

/** `--every`: `90s`, `15m`, `2h`, or plain milliseconds. */
export function parseEvery(value: unknown): number {
  const text = String(value ?? '15m').trim()
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text)
  if (!m) throw new UsageError(`--every takes a duration such as 90s, 15m or 2h, not ${JSON.stringify(text)}.`)
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 'ms').toLowerCase() as 'ms' | 's' | 'm' | 'h']
  const ms = Math.round(Number(m[1]) * unit)
  if (ms < 1000) throw new UsageError(`--every is at least 1s (a watch polls sources, it does not hammer them), not ${JSON.stringify(text)}.`)
  return ms
}

/** `dossier watch`: cycles until interrupted (or one with --once); a line per source polled and per article stored. */
export async function runWatch(options: Options, out: Output): Promise<number> {
  const everyMs = parseEvery(options.every)
  const store = await openStore({ path: String(options.db) })
  const stop = new AbortController()
  const onSignal = (): void => {
    out.info('stopping after this cycle…')
    stop.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  let failures = 0
  try {
    if ((await sourceStoreOf(store).listSources()).length === 0) out.warn('no sources to watch yet; add some with `dossier sources add <url>`')
    const contact = optionalText(options.contact) ?? process.env.DOSSIER_CONTACT
    await watch({
      store,
      everyMs,
      once: Boolean(options.once),
      signal: stop.signal,
      workers: workersOption(options.workers),
      budget: budgetOption(options),
      writer: writerOptions(options, out),
      concurrency: Math.max(1, wholeNumber(options.concurrency, '--concurrency', 8)),
      polite: {
        fetch: {
          allowPrivate: Boolean(options.allowPrivate),
          maxBytes: wholeNumber(options.maxBytes, '--max-bytes', 50 * 1024 * 1024),
          timeoutMs: wholeNumber(options.timeout, '--timeout', 20_000),
          maxRedirects: DEFAULT_MAX_REDIRECTS,
        },
        hostDelayMs: wholeNumber(options.hostDelay, '--host-delay', DEFAULT_HOST_DELAY_MS),
        ...(contact ? { contact } : {}),
      },
      onEvent: (event) => {
        if (event.kind === 'item-failed' && event.final) failures++
        reportWatchEvent(event, out)
      },
      onSkippedCycle: (error) => out.warn(`${error.message} [${error.code}]; this cycle is skipped, the next one tries again`),
      onCycle: async (result) => {
        out.data(options.format === 'jsonl' ? JSON.stringify(result) : cycleLine(result))
        for (const hook of cycleHooks) await hook(result, { store, out })
      },
    })
    return failures > 0 && options.once ? EXIT.rejected : EXIT.ok
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await store.close()
  }
}

function reportWatchEvent(event: WatchEvent, out: Output): void {
  switch (event.kind) {
    case 'polled':
      if (event.outcome === 'failed') out.error(`source #${event.source.id} ${event.source.url}: ${event.message ?? 'failed'} (retried later)`)
      else if (event.outcome === 'deferred') out.info(`source #${event.source.id} ${event.source.url}: later: ${event.message ?? ''}`)
      else out.info(`source #${event.source.id} ${event.source.url}: ${event.outcome === 'new' ? `${event.items} new` : 'nothing new'}`)
      return
    case 'stored':
      if (event.note) out.warn(`${event.url}: ${event.note}`)
      else out.info(`stored ${event.url} (${event.document})`)
      return
    case 'item-failed':
      out.error(`${event.url}: ${event.message}${event.final ? ' (given up; kept as failed)' : ' (tried again next cycle)'}`)
      return
    case 'warning':
      out.warn(`${event.input}: ${event.message}`)
  }
}

function cycleLine(r: WatchCycleResult): string {
  return `cycle ${r.startedAt}: ${r.sourcesPolled} sources polled (${r.notModified} unchanged, ${r.failedSources} failing), ${r.requests} requests, ` +
    `${r.newItems} new items, ${r.documents.length} documents stored, ${r.stories.placed} placed in stories (${r.stories.opened} new stories)`
}
