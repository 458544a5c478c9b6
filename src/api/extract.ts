import type { Document, DateValue, RemovalReason } from '../document/index.js'
import { renderCleanText } from '../document/index.js'
import type { UnreadableInputError } from '../errors.js'
import { READER_STAGE_NAMES, processDocument } from '../pipeline/process.js'
import { selectStages } from '../pipeline/run.js'
import { readInputs, type IngestOptions } from '../stages/ingest/index.js'
import { escapeControlChars } from '../stages/ingest/names.js'

export type ExtractResult =
  | { readonly ok: true; readonly input: string; readonly documents: readonly Document[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly input: string; readonly error: UnreadableInputError | Error }

/**
 * Reads and extracts inputs without storing anything, one result per input. A document that cannot
 * be extracted is a failed result of its own, named `input#record`, after the input's other
 * documents: one bad item does not lose the rest.
 *
 * @example
 * for await (const r of extract(['page.html'])) if (r.ok) console.log(toExtractRecord(r.documents[0]!))
 */
export async function* extract(inputs: readonly string[], options: IngestOptions = {}): AsyncGenerator<ExtractResult> {
  const stages = selectStages(READER_STAGE_NAMES)
  for await (const result of readInputs(inputs, options)) {
    if (!result.ok) {
      yield { ok: false, input: result.input, error: result.error }
      continue
    }
    const documents: Document[] = []
    const failed: ExtractResult[] = []
    for (const raw of result.documents) {
      try {
        documents.push(processDocument(raw, stages))
      } catch (error) {
        const input = raw.origin.record !== undefined ? `${result.input}#${escapeControlChars(raw.origin.record)}` : result.input
        const reason = error instanceof Error ? error.message : String(error)
        failed.push({ ok: false, input, error: new Error(`${input}: could not extract: ${reason}`) })
      }
    }
    if (documents.length > 0 || failed.length === 0 || result.warnings.length > 0) yield { ok: true, input: result.input, documents, warnings: result.warnings ?? [] }
    yield* failed
  }
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
