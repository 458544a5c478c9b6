import { createWriteStream, existsSync } from 'node:fs'
import { once } from 'node:events'
import { analyze } from '../api/analyze.js'
import { LANGUAGE_NOT_READ } from '../pipeline/names.js'
import { ingest, type IngestEvent } from '../api/ingest.js'
import { extract, toExtractRecord, type ExtractRecord } from '../api/extract.js'
import { recordsOf } from '../api/export.js'
import { exportText, type ExportKind, type Format } from '../export/index.js'
import { languageName, textOf, type Document, type EntityType } from '../document/index.js'
import { StoreError, UsageError } from '../errors.js'
import type { IngestOptions } from '../stages/ingest/index.js'
import { openStore, type EntitySummary, type Store, type WriterOptions } from '../store/index.js'
import { WRITER_WAIT_MS } from '../store/sqlite/writer.js'
import { isPostgresUrl } from '../store/postgres/connection.js'
import { printTopBriefs } from './corpus.js'
import { reportAlerts } from './watches.js'
import { drained, formatTable, type Output } from './output.js'
import { fieldTable, printData } from './print.js'
import { CSV_TABLES } from '../export/csv-tables.js'
import type { CsvTable } from '../export/csv.js'
import type { DocumentSummary } from '../store/index.js'
import { budgetOption, optionalText, storeName, wholeNumber, workersOption, type Options } from './options.js'
import { ENTITY_TABLE, TABLES, namesEntity, type TableKind, type TableSpec } from './tables.js'

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, rejected: 1, usage: 2, failure: 3 } as const


export async function runIngest(inputs: string[], options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db) })
  let done = 0
  try {
    const report = await ingest(inputs, {
      ...readOptions(options),
      store,
      workers: workersOption(options.workers),
      writer: writerOptions(options, out),
      budget: budgetOption(options),
      onEvent: (event) => reportEvent(event, out, () => ++done),
    })
    out.endProgress()
    const parts = [
      `${report.documentsAdded} document${report.documentsAdded === 1 ? '' : 's'} added`,
      `${report.documentsExisting} already stored`,
      `${report.unchanged} input${report.unchanged === 1 ? '' : 's'} unchanged`,
      `${report.rejected.length} rejected`,
    ]
    out.info(`${parts.join(', ')} (${report.inputs} inputs) → ${storeName(options.db)}; ${await store.countDocuments()} documents in store`)
    return report.rejected.length > 0 ? EXIT.rejected : EXIT.ok
  } finally {
    await store.close()
  }
}

export async function runAnalyze(inputs: string[], options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db) })
  let done = 0
  try {
    const report = await analyze(inputs, {
      ...readOptions(options),
      store,
      workers: workersOption(options.workers),
      budget: budgetOption(options),
      reanalyze: Boolean(options.reanalyze),
      writer: writerOptions(options, out),
      onEvent: (event) => reportEvent(event, out, () => ++done),
    })
    out.endProgress()
    const { counts } = report
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
    // Counts are messages, not data: stdout carries only the briefs, so `analyze … > briefs.md` holds them alone.
    out.info(
      `${plural(counts.documents, 'document')} (${report.documentsAdded} added, ${report.documentsAnnotated} annotated, ` +
        `${report.documentsExisting} already analysed): ${plural(counts.quotes, 'quote')}, ${plural(counts.claims, 'claim')}, ` +
        `${counts.entities} ${counts.entities === 1 ? 'entity' : 'entities'}, ${plural(counts.events, 'event')}, ` +
        `${plural(counts.times, 'time')}; ${plural(report.rejected.length, 'failure')} (${plural(report.inputs, 'input')}) → ${storeName(options.db)}`,
    )
    for (const { language, documents, stages } of counts.notRead) {
      const named = stages.length === 1 ? stages[0]! : `${stages.slice(0, -1).join(', ')} and ${stages[stages.length - 1]!}`
      out.info(`${plural(documents, 'document')} in ${languageName(language)} (${language}): the ${named} stage${stages.length === 1 ? ' does' : 's do'} not read ${languageName(language)} yet; ${stages.length === 1 ? 'its layer is' : 'their layers are'} left empty (\`dossier show <id>\` says so per document)`)
    }
    const { stories } = report
    for (const skipped of stories.skipped) out.warn(`${skipped.input}: not placed in a story: ${skipped.reason}`)
    out.info(
      `stories: ${stories.placed} ${stories.placed === 1 ? 'article' : 'articles'} placed (${stories.duplicates} near-copies), ` +
        `${stories.opened} new, ${stories.changed} new or grown; ${plural(stories.threads, 'thread')} written; ` +
        `${await store.countStories()} stories in store`,
    )
    await reportAlerts(store, report.alerts.length, out)
    await printTopBriefs(store, wholeNumber(options.briefs, '--briefs', 3), out)
    return report.rejected.length > 0 ? EXIT.rejected : EXIT.ok
  } finally {
    await store.close()
  }
}

/** `--wait`: how long a write command waits for another writer, saying once on stderr that it waits. */
export function writerOptions(options: Options, out: Output): WriterOptions {
  const seconds = wholeNumber(options.wait, '--wait', WRITER_WAIT_MS / 1000)
  return {
    waitMs: seconds * 1000,
    onWait: (holder) => {
      out.endProgress()
      const who = holder.pid === null ? 'a process holding its write lock' : `pid ${holder.pid}${holder.since === null ? '' : `, writing since ${holder.since}`}`
      out.warn(`waiting for another writer on ${storeName(options.db)} (${who})… up to ${seconds} s (--wait)`)
    },
  }
}

/** `dossier check`: the store's integrity and invariants; one line per finding, exit 3 on any. */
export async function runCheck(options: Options, out: Output): Promise<number> {
  // Writable when it can be: the full-text index's own check needs a writable connection.
  const db = String(options.db)
  let store: Store
  try {
    store = await openStore({ path: db, mode: isPostgresUrl(db) || existsSync(db) ? 'auto' : 'read' })
  } catch (error) {
    // Damaged where the store begins (header, schema): that is the finding, not a failure to check.
    if (!(error instanceof StoreError && error.code === 'STORE_CORRUPT')) throw error
    const finding = `the file cannot be opened as a store: ${error.cause instanceof Error ? error.cause.message : error.message}`
    if (options.format === 'json') out.data(JSON.stringify({ store: db, sound: false, findings: [finding] }, null, 2))
    else out.data(finding)
    out.error(`${db}: damaged where the store begins; restore it from a backup, or build it again with \`dossier analyze\` from its inputs [STORE_CORRUPT]`)
    return EXIT.failure
  }
  try {
    const findings = await store.checkIntegrity()
    if (options.format === 'json') out.data(JSON.stringify({ store: String(options.db), sound: findings.length === 0, findings }, null, 2))
    else for (const finding of findings) out.data(finding)
    if (findings.length === 0) {
      out.info(`${storeName(options.db)}: sound (${await store.countDocuments()} documents, ${await store.countStories()} stories)`)
      return EXIT.ok
    }
    out.error(`${storeName(options.db)}: ${findings.length} problem${findings.length === 1 ? '' : 's'} found`)
    return EXIT.failure
  } finally {
    await store.close()
  }
}

function reportEvent(event: IngestEvent, out: Output, tick: () => number): void {
  if (event.kind === 'rejected') out.error(event.message)
  else if (event.kind === 'warning') out.warn(`${event.input}: ${event.message}`)
  else out.progress(tick(), event.input)
}

/** `dossier export`: records streamed as they are read, in the format asked, to stdout or a file. */
export async function runExport(options: Options, out: Output): Promise<number> {
  const what = String(options.what) as ExportKind
  const format = options.format === undefined ? undefined : (String(options.format) as Format)
  const store = await openStore({ path: String(options.db), mode: 'read' })
  try {
    // Checked before a file is opened: a format that does not fit the kind leaves no empty file behind.
    const chunks = exportText(store, { what, format, story: optionalText(options.story) })
    const first = await chunks.next()
    const sink = options.out ? await fileSink(String(options.out)) : { write: (chunk: string) => out.write(chunk), close: async () => {} }
    try {
      if (!first.done) await sink.write(first.value)
      for await (const chunk of chunks) await sink.write(chunk)
    } finally {
      await sink.close()
    }
    return EXIT.ok
  } finally {
    await store.close()
  }
}

async function fileSink(path: string): Promise<{ write(chunk: string): Promise<void>; close(): Promise<void> }> {
  const stream = createWriteStream(path)
  try {
    await once(stream, 'open')
  } catch (error) {
    throw new UsageError(`Cannot write ${path}: ${(error as Error).message}; choose a file in a folder you can write to.`)
  }
  let failure: Error | undefined
  stream.on('error', (error) => (failure = error))
  const check = (): void => {
    if (failure) throw new UsageError(`Cannot write ${path}: ${failure.message}.`)
  }
  return {
    write: async (chunk) => {
      check()
      if (!stream.write(chunk)) await drained(stream)
    },
    close: () => new Promise<void>((resolve) => stream.end(() => resolve())).then(check),
  }
}

/** `dossier quotes|claims|events`: the stored records of one kind as a table, or as JSON. */
export async function runTable(kind: TableKind, options: Options, out: Output): Promise<number> {
  const limit = wholeNumber(options.limit, '--limit', 50)
  const needle = options.entity === undefined ? undefined : String(options.entity)
  const spec = TABLES[kind] as TableSpec<unknown>
  const store = await openStore({ path: String(options.db), mode: 'read' })
  try {
    const picked: Array<{ record: unknown; article: string }> = []
    let found = 0
    for await (const doc of store.iterateDocuments()) {
      for (const record of recordsOf(doc, kind)) {
        if (needle !== undefined && !spec.names(record, needle)) continue
        found++
        if (picked.length < limit) picked.push({ record, article: articleLabel(doc) })
      }
    }
    if (!(await printData(out, options.format, picked.map((p) => p.record), CSV_TABLES[kind] as CsvTable<unknown>))) {
      out.data(formatTable(spec.header, picked.map((p) => spec.row(p.record, p.article)), spec.widths))
      out.info(`${picked.length} of ${found} ${kind}${needle === undefined ? '' : ` naming "${needle}"`}`)
    }
    return EXIT.ok
  } finally {
    await store.close()
  }
}

/** `dossier entities`: entities across the store from its entity index, most widely mentioned first. */
export async function runEntities(options: Options, out: Output): Promise<number> {
  const limit = wholeNumber(options.limit, '--limit', 50)
  const needle = options.entity === undefined ? undefined : String(options.entity)
  const store = await openStore({ path: String(options.db), mode: 'read' })
  try {
    const type = options.type === undefined ? undefined : (String(options.type) as EntityType)
    const rows = needle === undefined ? await store.listEntities({ limit, type }) : await findEntities(store, needle, limit, type)
    if (!(await printData(out, options.format, rows, ENTITY_CSV))) {
      out.data(formatTable(ENTITY_TABLE.header, rows.map(ENTITY_TABLE.row), ENTITY_TABLE.widths))
      out.info(`${rows.length} entities`)
    }
    return EXIT.ok
  } finally {
    await store.close()
  }
}

const ENTITY_CSV = fieldTable<EntitySummary>('id', 'type', 'name', 'documents', 'mentions')
const DOCUMENT_CSV = fieldTable<DocumentSummary>('id', 'input', 'url', 'container', 'title', 'published', 'publisher', 'chars', 'storedAt')

/** Rows of the entity index read per query while filtering by name. */
const ENTITY_PAGE = 500

async function findEntities(store: Store, needle: string, limit: number, type?: EntityType): Promise<EntitySummary[]> {
  const found: EntitySummary[] = []
  for (let offset = 0; found.length < limit; offset += ENTITY_PAGE) {
    const page = await store.listEntities({ limit: ENTITY_PAGE, offset, type })
    for (const e of page) if (found.length < limit && namesEntity({ entity: e.id, name: e.name }, needle)) found.push(e)
    if (page.length < ENTITY_PAGE) break
  }
  return found
}

function articleLabel(doc: Document): string {
  return doc.layers.metadata?.title?.value ?? doc.hints.title ?? doc.origin.url ?? doc.origin.input
}

export async function runExtract(inputs: string[], options: Options, out: Output): Promise<number> {
  const format = String(options.format)
  const records: ExtractRecord[] = []
  let failed = 0
  for await (const result of extract(inputs, { ...readOptions(options), workers: workersOption(options.workers), budget: budgetOption(options) })) {
    if (!result.ok) {
      failed++
      out.error(result.error.message)
      continue
    }
    for (const warning of result.warnings) out.warn(`${result.input}: ${warning}`)
    for (const doc of result.documents) {
      const record = toExtractRecord(doc)
      if (format === 'jsonl') out.data(JSON.stringify(record))
      else if (format === 'md') out.data(formatMarkdown(record))
      else records.push(record)
    }
  }
  if (format === 'json') out.data(JSON.stringify(records, null, 2))
  return failed > 0 ? EXIT.rejected : EXIT.ok
}

export async function runList(options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db), mode: 'read' })
  try {
    const rows = await store.listDocuments({
      limit: wholeNumber(options.limit, '--limit', 50),
      offset: wholeNumber(options.offset, '--offset', 0),
    })
    if (!(await printData(out, options.format, rows, DOCUMENT_CSV))) {
      const total = await store.countDocuments()
      out.data(formatTable(['ID', 'PUBLISHED', 'PUBLISHER', 'TITLE'], rows.map((r) => [r.id, r.published ?? '-', r.publisher ?? '-', r.title ?? r.input])))
      out.info(`${rows.length} of ${total} documents`)
    }
    return EXIT.ok
  } finally {
    await store.close()
  }
}

export async function runShow(id: string, options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db), mode: 'read' })
  try {
    const doc = await store.getDocument(id)
    if (!doc) throw new UsageError(`No document with id "${id}" in ${storeName(options.db)}; \`dossier list\` shows the ids.`)
    if (options.format === 'json') out.data(JSON.stringify(doc, null, 2))
    else if (options.original) out.data(doc.source)
    else if (options.removed) out.data(formatRemoved(doc))
    else out.data(formatMarkdown(toExtractRecord(doc), doc.messages.filter((m) => m.code === LANGUAGE_NOT_READ).map((m) => m.message)))
    return EXIT.ok
  } finally {
    await store.close()
  }
}

function formatRemoved(doc: Document): string {
  const removed = doc.layers.clean?.removed ?? []
  return removed
    .map((r) => {
      const text = textOf(doc.source, r.span).replace(/\s+/g, ' ').trim()
      return `[${r.span.start}, ${r.span.end}) ${r.reason}${r.note ? ` (${r.note})` : ''}: ${text.length > 100 ? `${text.slice(0, 99)}…` : text}`
    })
    .join('\n')
}

/** A document as `show` prints it: title, metadata, what its language kept from being read, and its clean text. */
function formatMarkdown(record: ExtractRecord, notRead: readonly string[] = []): string {
  const lines = [`# ${record.title ?? '(untitled)'}`, '']
  const meta: Array<[string, string | null]> = [
    ['Source', record.source],
    ['URL', record.url],
    ['Authors', record.authors.length ? record.authors.join(', ') : null],
    ['Publisher', record.publisher],
    ['Published', record.published ? `${record.published.date} (${record.published.basis}, confidence ${record.published.confidence})` : null],
    ['Language', record.language],
  ]
  for (const [key, value] of meta) if (value) lines.push(`- ${key}: ${value}`)
  for (const note of notRead) lines.push(`- Not read: ${note}`)
  lines.push('', record.text, '')
  return lines.join('\n')
}

function readOptions(options: Options): IngestOptions {
  return {
    allowPrivate: Boolean(options.allowPrivate),
    maxInputBytes: wholeNumber(options.maxBytes, '--max-bytes', 50 * 1024 * 1024),
    fetchTimeoutMs: wholeNumber(options.timeout, '--timeout', 20_000),
  }
}
