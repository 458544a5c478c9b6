import { exportRecords, RECORD_KINDS, type RecordKind } from '../api/export.js'
import { CORPUS_RECORD_KINDS, exportCorpusRecords, type CorpusRecordKind } from '../api/export-corpus.js'
import { UsageError } from '../errors.js'
import type { Store } from '../store/index.js'
import { csvLines, type CsvTable } from './csv.js'
import { CSV_TABLES } from './csv-tables.js'
import { checkFormat, listOr, type Format } from './formats.js'

export { FORMATS, checkFormat, type Format } from './formats.js'

/** What `dossier export --what` names: the records of each article's layers, and those across the corpus. */
export const EXPORT_KINDS = [...RECORD_KINDS, ...CORPUS_RECORD_KINDS] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

const TABULAR = ['jsonl', 'json', 'csv'] as const satisfies readonly Format[]

/** The formats each record kind can be written in, the first its default. */
export const EXPORT_FORMATS_OF: { readonly [K in ExportKind]: readonly Format[] } = {
  articles: TABULAR,
  entities: TABULAR,
  quotes: TABULAR,
  claims: TABULAR,
  events: TABULAR,
  times: TABULAR,
  stories: TABULAR,
  facts: TABULAR,
  conflicts: TABULAR,
  timelines: TABULAR,
}

/** Every format some record kind can be written in. */
export const EXPORT_FORMATS: readonly Format[] = [...new Set(Object.values(EXPORT_FORMATS_OF).flat())]

export interface ExportOptions {
  readonly what: ExportKind
  /** Default: the kind's first format (`jsonl`). */
  readonly format?: Format
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
  return (CORPUS_RECORD_KINDS as readonly string[]).includes(what)
    ? exportCorpusRecords(store, what as CorpusRecordKind)
    : exportRecords(store, { what: what as RecordKind })
}

/** One JSON array, a record a line; one record is held back so the last is written without a trailing comma. */
async function* jsonArray(records: AsyncIterable<unknown>): AsyncGenerator<string> {
  yield '[\n'
  let held: string | undefined
  for await (const record of records) {
    if (held !== undefined) yield `${held},\n`
    held = JSON.stringify(record)
  }
  if (held !== undefined) yield `${held}\n`
  yield ']\n'
}
