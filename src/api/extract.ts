import type { Document, DateValue, RemovalReason } from '../document/index.js'
import { renderCleanText } from '../document/index.js'
import { BudgetExceededError, type UnreadableInputError } from '../errors.js'
import { LazyPool, type Budget } from '../pipeline/pool.js'
import { READER_STAGE_NAMES, failedStageOf } from '../pipeline/names.js'
import { readInputs, type IngestOptions } from '../stages/ingest/index.js'
import { escapeControlChars } from '../stages/ingest/names.js'
import { checkWorkers, extractEach } from './extract-each.js'

/** Inputs extracted ahead of the one being yielded, at most: bounds memory, keeps workers busy. */
const MAX_INPUTS_IN_FLIGHT = 8

export interface ExtractOptions extends IngestOptions {
  /** Worker threads: a number, or `auto` (threads for large inputs and large batches). */
  readonly workers?: number | 'auto'
  /** Time and memory one document may use on a worker; past it, its input fails alone. */
  readonly budget?: Budget
}

export type ExtractResult =
  | { readonly ok: true; readonly input: string; readonly documents: readonly Document[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly input: string; readonly error: UnreadableInputError | Error }

/**
/**
 * Reads and extracts inputs without storing anything, one result per input, in input order. A
 * failure names its input; a stage that failed on a document is one of its input's warnings. A
 * document that cannot be extracted (or goes past its budget) is a failed result of its own, named
 * `input#record`, after the input's other documents: one bad item does not lose the rest.
 *
 * @example
 * for await (const r of extract(['page.html'])) if (r.ok) console.log(toExtractRecord(r.documents[0]!))
 */
export async function* extract(inputs: readonly string[], options: ExtractOptions = {}): AsyncGenerator<ExtractResult> {
  checkWorkers(options.workers ?? 'auto')
  const pool = new LazyPool(options.workers ?? 'auto', options.budget)
  const pending: Array<Promise<ExtractResult[]>> = []
  try {
    for await (const result of readInputs(inputs, options)) {
      if (!result.ok) {
        pending.push(Promise.resolve([{ ok: false, input: result.input, error: result.error }]))
      } else {
        const { input } = result
        const warnings = result.warnings ?? []
        const processed = extractEach(pool, READER_STAGE_NAMES, result.documents).then(
          ({ docs, failed }): ExtractResult[] => {
            const results: ExtractResult[] = []
            if (docs.length > 0 || failed.length === 0 || warnings.length > 0) {
              results.push({ ok: true, input, documents: docs, warnings: [...warnings, ...stageFailures(docs)] })
            }
            for (const { record, error } of failed) {
              const where = record !== undefined ? `${input}#${escapeControlChars(record)}` : input
              results.push({ ok: false, input: where, error: namingInput(where, error) })
            }
            return results
          },
          (error: unknown): ExtractResult[] => [{ ok: false, input, error: namingInput(input, error) }],
        )
        pending.push(processed)
      }
      while (pending.length > MAX_INPUTS_IN_FLIGHT) yield* await pending.shift()!
    }
    while (pending.length > 0) yield* await pending.shift()!
  } finally {
    await pool.close()
  }
}

function stageFailures(documents: readonly Document[]): string[] {
  return documents.flatMap((d) => d.messages.filter((m) => failedStageOf(m) !== undefined).map((m) => m.message))
}

function namingInput(input: string, error: unknown): Error {
  if (error instanceof BudgetExceededError) return error
  return new Error(`${input}: could not extract: ${error instanceof Error ? error.message : String(error)}`)
}

/** The record `dossier extract` prints for one document (documented in the README). */
export interface ExtractRecord {
  readonly id: string
  readonly source: string
  readonly url: string | null
  readonly title: string | null
  readonly authors: string[]
  readonly published: { readonly date: string; readonly precision: DateValue['precision']; readonly basis: string; readonly confidence: number } | null
  readonly publisher: string | null
  readonly language: string | null
  readonly text: string
  readonly removed: Array<{ readonly start: number; readonly end: number; readonly reason: RemovalReason; readonly note?: string }>
  readonly flags: Array<{ readonly start: number; readonly end: number; readonly kind: string; readonly note: string }>
}

/** Flattens a document into the trafilatura-like record of `dossier extract`. */
export function toExtractRecord(doc: Document): ExtractRecord {
  const meta = doc.layers.metadata
  const clean = doc.layers.clean
  const source = doc.origin.record ? `${doc.origin.input}#${doc.origin.record}` : doc.origin.input
  return {
    id: doc.id,
    source,
    url: meta?.canonicalUrl?.value ?? doc.origin.url ?? doc.hints.url ?? null,
    title: meta?.title?.value ?? null,
    authors: meta?.authors.map((a) => a.value) ?? [],
    published: meta?.published
      ? { ...meta.published.value, basis: meta.published.basis, confidence: meta.published.confidence }
      : null,
    publisher: meta?.publisher?.value ?? null,
    language: meta?.language?.value ?? null,
    text: clean ? renderCleanText(doc.source, clean).text : '',
    removed: (clean?.removed ?? []).map((r) => ({ start: r.span.start, end: r.span.end, reason: r.reason, ...(r.note ? { note: r.note } : {}) })),
    flags: (clean?.flags ?? []).map((f) => ({ start: f.span.start, end: f.span.end, kind: f.kind, note: f.note })),
  }
}
