import { exportRecords, RECORD_KINDS, type RecordKind } from '../api/export.js'
import { CORPUS_RECORD_KINDS, exportCorpusRecords, type CorpusRecordKind } from '../api/export-corpus.js'
import { UsageError } from '../errors.js'
import type { Store } from '../store/index.js'
import { csvLines, type CsvTable } from './csv.js'
import { CSV_TABLES } from './csv-tables.js'
import { checkFormat, listOr, type Format } from './formats.js'
import { withOrigins } from './origins.js'
import { conflictReview, factReview, SCHEMA_ORG_CONTEXT, toNewsArticle, type JsonLdNode } from './jsonld.js'

export { FORMATS, checkFormat, type Format } from './formats.js'
export type { ActorGraph, ActorNode, RelationEdge, ActorGraphOptions } from './graph.js'
export { toNewsArticle, factReview, conflictReview, SCHEMA_ORG_CONTEXT, RATING_OF_STATUS, type JsonLdNode } from './jsonld.js'

/** What `dossier export --what` names: the records of each article's layers, and those across the corpus. */
export const EXPORT_KINDS = [...RECORD_KINDS, ...CORPUS_RECORD_KINDS, 'graph'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

const TABULAR = ['jsonl', 'json', 'csv'] as const satisfies readonly Format[]
const REVIEWED = [...TABULAR, 'jsonld'] as const satisfies readonly Format[]

/** The formats each record kind can be written in, the first its default. */
export const EXPORT_FORMATS_OF: { readonly [K in ExportKind]: readonly Format[] } = {
  articles: REVIEWED,
  entities: TABULAR,
  quotes: TABULAR,
  claims: TABULAR,
  events: TABULAR,
  times: TABULAR,
  stories: TABULAR,
  facts: REVIEWED,
  conflicts: REVIEWED,
  timelines: TABULAR,
  graph: ['gexf', 'graphml', 'csv', 'json'],
}

/** Every format some record kind can be written in. */
export const EXPORT_FORMATS: readonly Format[] = [...new Set(Object.values(EXPORT_FORMATS_OF).flat())]

export interface ExportOptions {
  readonly what: ExportKind
  /** Default: the kind's first format (`jsonl`; `gexf` for the graph). */
  readonly format?: Format
  /** The graph of this story's articles only (`--what graph`). */
  readonly story?: string
}

/**
 * Every record of one kind across the store, written in one format, as text chunks in order; the
 * records are read and written one at a time, so memory does not grow with the store. A format
 * that does not fit the kind (a graph format for quotes) throws UsageError naming the ones that do.
 *
 * @example
 * for await (const chunk of exportText(store, { what: 'quotes', format: 'csv' })) process.stdout.write(chunk)
 */
export async function* exportText(store: Store, options: ExportOptions): AsyncGenerator<string> {
  const what = checkKind(options.what)
  const allowed = EXPORT_FORMATS_OF[what]
  const format = checkFormat(options.format ?? allowed[0]!, allowed, `export --what ${what}`)
  if (what === 'graph') {
    yield* graphText(store, format, options.story)
    return
  }
  if (options.story !== undefined) throw new UsageError('--story picks the articles of the actor graph; it goes with --what graph.')
  if (format === 'jsonld') {
    yield* jsonLdGraph(jsonLdNodes(store, what))
    return
  }
  const records = recordsOf(store, what)
  switch (format) {
    case 'jsonl':
      for await (const record of records) yield `${JSON.stringify(record)}\n`
      return
    case 'json':
      yield* jsonArray(records)
      return
    case 'csv':
      yield* csvLines(records, CSV_TABLES[what as keyof typeof CSV_TABLES] as CsvTable<unknown, unknown>)
      return
    default:
      throw new UsageError(`export --what ${what} takes --format ${listOr(allowed)}, not "${format}".`)
  }
}

function checkKind(what: string): ExportKind {
  if ((EXPORT_KINDS as readonly string[]).includes(what)) return what as ExportKind
  throw new UsageError(`Cannot export "${what}"; --what takes ${listOr(EXPORT_KINDS)}.`)
}

function recordsOf(store: Store, what: ExportKind): AsyncIterable<unknown> {
  if (!(CORPUS_RECORD_KINDS as readonly string[]).includes(what)) return exportRecords(store, { what: what as RecordKind })
  const kind = what as CorpusRecordKind
  return withOrigins(store, kind, exportCorpusRecords(store, kind))
}

/** The actor graph, built whole (the graph formats are documents, not streams), in a graph format or as an edge list. */
async function* graphText(store: Store, format: Format, story: string | undefined): AsyncGenerator<string> {
  // Loaded when a graph is asked for: graphology and its GEXF writer are not light.
  const [{ buildActorGraph }, { edgeListLines, toGexf, toGraphml }] = await Promise.all([import('./graph.js'), import('./graph-formats.js')])
  const graph = await buildActorGraph(store, { story })
  if (format === 'gexf') yield toGexf(graph)
  else if (format === 'graphml') yield toGraphml(graph)
  else if (format === 'csv') yield* edgeListLines(graph)
  else yield `${JSON.stringify(graph.export())}\n`
}

/** The schema.org nodes of a kind that has them: NewsArticles, or the ClaimReviews of facts or conflicts. */
async function* jsonLdNodes(store: Store, what: ExportKind): AsyncGenerator<JsonLdNode> {
  if (what === 'articles') {
    for await (const doc of store.iterateDocuments()) yield toNewsArticle(doc)
    return
  }
  // Records come a story at a time: the story (for its articles' URLs and dates) is read once.
  let story: Awaited<ReturnType<Store['getStory']>>
  const storyOf = async (id: string) => (story?.id === id ? story : (story = await store.getStory(id)))
  if (what === 'facts') for await (const fact of exportCorpusRecords(store, 'facts')) yield factReview(fact, await storyOf(fact.story))
  else if (what === 'conflicts') for await (const conflict of exportCorpusRecords(store, 'conflicts')) yield conflictReview(conflict, await storyOf(conflict.story))
  else throw new UsageError(`export --what ${what} has no JSON-LD form; --format jsonld takes articles, facts or conflicts.`)
}

/** One JSON-LD document: the schema.org context and a `@graph` of the nodes, a node a line. */
function jsonLdGraph(nodes: AsyncIterable<JsonLdNode>): AsyncGenerator<string> {
  return jsonList(nodes, `{"@context":${JSON.stringify(SCHEMA_ORG_CONTEXT)},"@graph":[\n`, ']}\n')
}

/** One JSON array, a record a line. */
function jsonArray(records: AsyncIterable<unknown>): AsyncGenerator<string> {
  return jsonList(records, '[\n', ']\n')
}

/** Items between `open` and `close`, a line each; one is held back so the last is written without a trailing comma. */
async function* jsonList(items: AsyncIterable<unknown>, open: string, close: string): AsyncGenerator<string> {
  yield open
  let held: string | undefined
  for await (const item of items) {
    if (held !== undefined) yield `${held},\n`
    held = JSON.stringify(item)
  }
  if (held !== undefined) yield `${held}\n`
  yield close
}
