import { ingest } from '../api/ingest.js'
import { extract, toExtractRecord, type ExtractRecord } from '../api/extract.js'
import type { Document } from '../document/index.js'
import { UsageError } from '../errors.js'
import type { IngestOptions } from '../stages/ingest/index.js'
import { openStore } from '../store/index.js'
import { formatTable, type Output } from './output.js'

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, rejected: 1, usage: 2, failure: 3 } as const

type Options = Record<string, string | boolean | undefined>

export async function runIngest(inputs: string[], options: Options, out: Output): Promise<number> {
  const store = await openStore({ path: String(options.db) })
  let done = 0
  try {
    const report = await ingest(inputs, {
      ...readOptions(options),
      store,
      workers: options.workers === 'auto' ? 'auto' : positiveInt(options.workers, '--workers', 0),
      onEvent: (event) => {
        if (event.kind === 'rejected') out.error(event.message)
        else if (event.kind === 'warning') out.warn(`${event.input}: ${event.message}`)
        else out.progress(++done, event.input)
      },
    })
    out.endProgress()
    const parts = [
      `${report.documentsAdded} document${report.documentsAdded === 1 ? '' : 's'} added`,
      `${report.documentsExisting} already stored`,
      `${report.unchanged} input${report.unchanged === 1 ? '' : 's'} unchanged`,
      `${report.rejected.length} rejected`,
    ]
    out.data(`${parts.join(', ')} (${report.inputs} inputs) → ${String(options.db)}; ${await store.countDocuments()} documents in store`)
    return report.rejected.length > 0 ? EXIT.rejected : EXIT.ok
  } finally {
    await store.close()
  }
}

export async function runExtract(inputs: string[], options: Options, out: Output): Promise<number> {
  const format = String(options.format)
  const records: ExtractRecord[] = []
  let failed = 0
  for await (const result of extract(inputs, readOptions(options))) {
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
  const store = await openStore({ path: String(options.db) })
  try {
    const rows = await store.listDocuments({
      limit: positiveInt(options.limit, '--limit', 50),
      offset: positiveInt(options.offset, '--offset', 0),
    })
    if (options.format === 'json') out.data(JSON.stringify(rows, null, 2))
    else if (options.format === 'jsonl') for (const row of rows) out.data(JSON.stringify(row))
    else {
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
  const store = await openStore({ path: String(options.db) })
  try {
    const doc = await store.getDocument(id)
    if (!doc) throw new UsageError(`No document with id "${id}" in ${String(options.db)}; \`dossier list\` shows the ids.`)
    if (options.format === 'json') out.data(JSON.stringify(doc, null, 2))
    else if (options.original) out.data(doc.source)
    else if (options.removed) out.data(formatRemoved(doc))
    else out.data(formatMarkdown(toExtractRecord(doc)))
    return EXIT.ok
  } finally {
    await store.close()
  }
}

function formatRemoved(doc: Document): string {
  const removed = doc.layers.clean?.removed ?? []
  return removed
    .map((r) => {
      const text = doc.source.slice(r.span.start, r.span.end).replace(/\s+/g, ' ').trim()
      return `[${r.span.start}, ${r.span.end}) ${r.reason}${r.note ? ` (${r.note})` : ''}: ${text.length > 100 ? `${text.slice(0, 99)}…` : text}`
    })
    .join('\n')
}

function formatMarkdown(record: ExtractRecord): string {
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
  lines.push('', record.text, '')
  return lines.join('\n')
}

function readOptions(options: Options): IngestOptions {
  return {
    allowPrivate: Boolean(options.allowPrivate),
    maxInputBytes: positiveInt(options.maxBytes, '--max-bytes', 50 * 1024 * 1024),
    fetchTimeoutMs: positiveInt(options.timeout, '--timeout', 20_000),
  }
}

function positiveInt(value: unknown, flag: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} takes a whole number of 0 or more, not "${String(value)}".`)
  return n
}
