import { briefOf, renderBrief, topStories, type BriefFormat } from '../api/brief.js'
import { startWebhookDeliveries } from './watches.js'
import { findTimeline, resolveEntity } from '../api/timeline.js'
import type { StorySummary, Timeline } from '../document/index.js'
import { describeStatementDate } from '../stages/analysis/stance-dates.js'
import { UsageError } from '../errors.js'
import { startServer } from '../http/index.js'
import { openStore, STORY_TEXT_CANDIDATES, type SearchQuery, type Store } from '../store/index.js'
import { formatTable, type Output } from './output.js'
import { fieldTable, printData } from './print.js'
import { CSV_TABLES } from '../export/csv-tables.js'
import { optionalText, storeName, wholeNumber, type Options } from './options.js'

/** `dossier stories`: stored stories, top (most outlets) or most recent first, searched and filtered. */
export async function runStories(options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db), mode: 'read' })
  try {
    const needle = optionalText(options.entity)
    const query = {
      text: searchOf(options),
      outlet: optionalText(options.outlet),
      from: optionalText(options.from),
      to: optionalText(options.to),
      entity: needle === undefined ? undefined : (await resolveEntity(store, needle)).id,
      order: options.order === 'recent' ? ('recent' as const) : ('top' as const),
    }
    const rows = await store.listStories({ ...query, limit: wholeNumber(options.limit, '--limit', 50), offset: wholeNumber(options.offset, '--offset', 0) })
    if (!(await printData(out, options.format, rows, STORY_CSV))) {
      out.data(formatTable(['ID', 'EVENT', 'OUTLETS', 'ARTICLES', 'TITLE'], rows.map(storyRow), [15, 10, 7, 8, 90]))
      out.info(`${rows.length} of ${await store.countStories(query)} stories${await boundNote(store, query.text)}`)
    }
    return 0
  } finally {
    await store.close()
  }
}

/** What a search's story count leaves out when the search matches more articles than a listing reads. */
async function boundNote(store: Store, text: SearchQuery | undefined): Promise<string> {
  if (text === undefined || (await store.countSearch(text, STORY_TEXT_CANDIDATES + 1)) <= STORY_TEXT_CANDIDATES) return ''
  return ` among the newest ${STORY_TEXT_CANDIDATES} of more than ${STORY_TEXT_CANDIDATES} matching articles (narrow the search for older ones)`
}

/** `--search`, read as words, or with operators under `--advanced`. */
function searchOf(options: Options): SearchQuery | undefined {
  const text = optionalText(options.search)
  if (options.advanced === true && text === undefined) throw new UsageError('--advanced reads the --search query with operators; give one with --search.')
  return text === undefined || options.advanced !== true ? text : { text, mode: 'advanced' }
}

const STORY_CSV = fieldTable<StorySummary>('id', 'title', 'eventDate', 'articles', 'outlets', 'thread', 'updatedAt')
const storyRow = (s: StorySummary): string[] => [s.id, s.eventDate ?? '-', String(s.outlets), String(s.articles), s.title]

/** `dossier threads`: stories linked by shared actors and topic over time, each with its stories in order. */
export async function runThreads(options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db), mode: 'read' })
  try {
    const threads = await store.listThreads({ limit: wholeNumber(options.limit, '--limit', 50) })
    if (options.format === 'json') out.data(JSON.stringify(threads, null, 2))
    else if (options.format === 'jsonl') for (const thread of threads) out.data(JSON.stringify(thread))
    else {
      const lines: string[] = []
      for (const t of threads) {
        lines.push(`${t.id}  ${t.title}`)
        for (const s of t.stories) lines.push(`  ${(s.eventDate ?? '-').padEnd(10)}  ${s.id}  ${s.title}`)
      }
      out.data(lines.join('\n'))
      out.info(`${threads.length} threads`)
    }
    return 0
  } finally {
    await store.close()
  }
}

/**
 * `dossier brief [query...] [--story ID]`: the brief of the story named, else of the top story
 * whose articles match the query, else of the top story in the store.
 */
export async function runBrief(words: string[], options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db), mode: 'read' })
  try {
    const id = optionalText(options.story) ?? (await pickStory(store, words.join(' ').trim(), String(options.db)))
    out.data(renderBrief(await briefOf(store, id), String(options.format ?? 'md') as BriefFormat))
    return 0
  } finally {
    await store.close()
  }
}

async function pickStory(store: Store, query: string, db: string): Promise<string> {
  const [top] = query === '' ? await topStories(store, 1) : await store.listStories({ text: query, limit: 1 })
  if (top !== undefined) return top.id
  throw new UsageError(
    query === ''
      ? `${db} has no stories yet; \`dossier analyze <input>...\` reads articles and groups them into stories.`
      : `No story in ${db} matches "${query}"; \`dossier stories\` lists them.`,
  )
}

/** The briefs of the top `n` stories, in Markdown, one after another: the first at the top of stdout, a rule between them. */
export async function printTopBriefs(store: Store, n: number, out: Output): Promise<void> {
  let first = true
  for (const story of await topStories(store, n)) {
    if (!first) out.data(`\n${'─'.repeat(72)}\n`)
    first = false
    out.data(renderBrief(await briefOf(store, story.id), 'md'))
  }
}

/** `dossier serve`: the web app and the JSON API on the store until interrupted. */
export async function runServe(options: Options, out: Output): Promise<number> {
  const token = optionalText(options.token) ?? optionalText(process.env.DOSSIER_TOKEN)
  const host = String(options.host)
  const port = wholeNumber(options.port, '--port', 8080)
  const allowHosts = allowedHostsOption(options['allowHost'], process.env.DOSSIER_ALLOW_HOSTS)
  // A store on read-only media is served read-only: imports fail with STORE_READ_ONLY.
  const store = await openStore({ path: String(options.db), mode: 'auto' })
  try {
    const server = await startServer({ store, host, port, token, allowHosts })
    out.info(`Dossier serves ${storeName(options.db)} at ${server.url}/${token === undefined ? '' : ' (API requests need the token; open the app at /#token=<token>)'}; Ctrl-C stops it.`)
    const deliveries = startWebhookDeliveries(store, out)
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    await server.close()
    await deliveries?.stop()
    return 0
  } finally {
    await store.close()
  }
}

/** `--allow-host` (commander gives a repeated variadic option as one list), else the env var's comma-separated names. */
export function allowedHostsOption(option: unknown, env: string | undefined): string[] {
  const given = Array.isArray(option) ? option.map(String) : typeof option === 'string' ? [option] : (env ?? '').split(',')
  return given.map((name) => name.trim()).filter((name) => name !== '')
}

/** `dossier timeline <actor> <counterpart> [--topic T]`: what the actor said about the counterpart, in order, shifts marked. */
export async function runTimeline(actor: string, counterpart: string, options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db), mode: 'read' })
  try {
    const timeline = await findTimeline(store, { actor, counterpart, topic: optionalText(options.topic) })
    if (options.format === 'json') out.data(JSON.stringify(timeline, null, 2))
    else if (!(await printData(out, options.format, [timeline], CSV_TABLES.timelines))) {
      out.data(formatTimeline(timeline))
      out.info(`${timeline.statements.length} statements of ${timeline.actor.name} on ${timeline.counterpart.name}${timeline.topic ? ` (${timeline.topic})` : ''}`)
    }
    return 0
  } finally {
    await store.close()
  }
}

/** A timeline as a table: a position that differs from the row before is marked `→`. */
function formatTimeline(timeline: Timeline): string {
  const rows = timeline.statements.map((s) => [
    describeStatementDate(s),
    s.speaker?.name ?? s.actor.name,
    `${s.shift ? `${s.shift.from} → ` : ''}${s.position}`,
    `${s.polarity === 'negative' ? 'not ' : ''}${s.action}${s.counterpartRole === 'against' ? ' against' : ''}`,
    s.quote.text,
    [...new Set(s.citations.map((c) => c.source))].join(', '),
  ])
  return formatTable(['DATE', 'WHO', 'POSITION', 'ACTION', 'STATEMENT', 'OUTLETS'], rows, [38, 22, 18, 18, 70, 40])
}
