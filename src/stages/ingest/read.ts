import type { Charset, ContainerFormat, ContainerHints, Origin, RawDocument } from '../../document/index.js'
import { UnreadableInputError } from '../../errors.js'
import type { Blob } from '../../store/store.js'
import { decodeText, findBom, findUtf16ByNulPattern } from './charset.js'
import { rejectInput } from './errors.js'
import { readFeed } from './feeds.js'
import { gunzipCapped, isGzip } from './gzip.js'
import { hasVisibleText } from './html.js'
import { hashBytes, makeDocumentId, makeItemId, uniqueRecordKeys } from './identity.js'
import { readJsonLines } from './jsonl.js'
import { escapeControlChars } from './names.js'
import { isJsonFeed } from './feeds/jsonfeed.js'
import { findBinaryReason, isJsonLines, isPdf, isWarc, sniffTextFormat } from './sniff.js'
import { describeDroppedUrl, isHttpUrl } from './urls.js'
import { readWarc } from './warc.js'

/** Default size cap per input, after decompression: far above any article, below what hurts memory. */
export const DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024

export type IngestResult =
  | { readonly ok: true; readonly input: string; readonly blob: Blob; readonly documents: RawDocument[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly input: string; readonly error: UnreadableInputError }

/** Facts about the bytes from where they came from: an HTTP response, a WARC header. */
export interface BytesMeta {
  readonly contentType?: string
  readonly url?: string
  readonly capturedAt?: string
}

const MEDIA_TYPES: Record<ContainerFormat, string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  jsonl: 'application/jsonl',
  jsonfeed: 'application/feed+json',
  warc: 'application/warc',
}

interface Read { readonly documents: RawDocument[]; readonly warnings: readonly string[]; readonly format: ContainerFormat }

/**
 * Reads one already-loaded input into documents: decompresses, detects the format and charset by
 * content, splits containers (feeds, JSON Lines, WARC) into their items. Pure: no I/O, no clock.
 * Bad input comes back as `{ ok: false }` with a stable code; it never throws.
 *
 * @example
 * const result = readBytes('page.html', bytes, { contentType: 'text/html; charset=utf-8' })
 * if (result.ok) result.documents[0].content.kind   // 'html'
 */
export function readBytes(input: string, bytes: Uint8Array, meta: BytesMeta = {}, options: { maxInputBytes?: number } = {}): IngestResult {
  const maxBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES
  try {
    const sha256 = hashBytes(bytes)
    const compressed = isGzip(bytes)
    const read = readDocuments(input, sha256, bytes, meta, maxBytes)
    const mediaType = meta.contentType ?? (compressed ? 'application/gzip' : MEDIA_TYPES[read.format])
    // Warnings quote the input (a broken line, a URL): printed on one line each, escaped.
    return { ok: true, input, blob: { sha256, bytes, input, mediaType }, documents: read.documents, warnings: read.warnings.map(escapeControlChars) }
  } catch (error) {
    if (error instanceof UnreadableInputError) return { ok: false, input, error }
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, input, error: new UnreadableInputError(input, `cannot read: ${reason}`, 'INPUT_UNREADABLE') }
  }
}

/** The container's charset for JSON Lines, which is UTF-8 by definition and decoded line by line. */
const JSONL_CHARSET: Charset = { name: 'utf-8', basis: 'container', confidence: 1 }
/** Bytes scanned to tell JSON Lines by its first characters. */
const JSONL_SCAN_BYTES = 1024
/** Bytes searched for a JSON Feed's `version` URL. */
const JSON_FEED_SCAN_BYTES = 64 * 1024

function readDocuments(input: string, sha256: string, raw: Uint8Array, meta: BytesMeta, maxBytes: number): Read {
  if (raw.length === 0) rejectInput(input, 'INPUT_EMPTY', 'empty file (0 bytes)')
  if (raw.length > maxBytes) rejectInput(input, 'INPUT_TOO_LARGE', `${raw.length} bytes is over the ${maxBytes}-byte limit`)
  const bytes = isGzip(raw) ? gunzipCapped(input, raw, maxBytes) : raw
  if (bytes.length === 0) rejectInput(input, 'INPUT_EMPTY', 'gzip data holds 0 bytes')
  if (isWarc(bytes)) return readWarcDocuments(input, sha256, bytes, meta, maxBytes)
  if (isPdf(bytes)) rejectInput(input, 'INPUT_UNSUPPORTED', 'unsupported format: PDF (convert it to text or HTML first)')

  const bom = findBom(bytes)?.name
  const utf16 = bom?.startsWith('utf-16') || findUtf16ByNulPattern(bytes) !== undefined
  if (!utf16) {
    const binary = findBinaryReason(bytes)
    if (binary) rejectInput(input, 'INPUT_BINARY', binary)
  }
  const name = nameOf(input, meta)
  const base = { input, sha256, meta }
  // Before decoding: JSON Lines is read line by line from the bytes, never as one string.
  // A JSON Feed is one pretty-printed object: its "version" may come after a long description.
  const jsonFeed = !utf16 && isJsonFeed(Buffer.from(bytes.subarray(0, JSON_FEED_SCAN_BYTES)).toString('latin1'))
  if (!utf16 && !jsonFeed && isJsonLines(Buffer.from(bytes.subarray(0, JSONL_SCAN_BYTES)).toString('latin1'), name)) {
    return readJsonLinesDocuments({ ...base, charset: JSONL_CHARSET }, bytes, [])
  }
  const { text, charset, warnings } = decodeText(input, bytes, meta.contentType)
  if (text.includes('\u0000')) rejectInput(input, 'INPUT_BINARY', 'binary content (NUL character in the decoded text)')
  if (!text.trim()) rejectInput(input, 'INPUT_EMPTY', 'holds only whitespace')

  const format = sniffTextFormat(text, name)
  switch (format) {
    case 'rss':
    case 'atom':
    case 'jsonfeed': {
      const feed = readFeed(input, text, format, meta.url ?? (/^https?:\/\//i.test(input) ? input : undefined))
      const records = uniqueRecordKeys(feed.items.map((item) => item.record))
      const parts = feed.items.map((item, i): Part => ({ format, record: records[i]!, key: item.key, content: item.content, hints: item.hints, inContainer: true }))
      return itemDocuments({ ...base, charset }, parts, [...warnings, ...feed.warnings], format)
    }
    case 'jsonl':
      // UTF-16 JSON Lines (rare): read as UTF-8 like any other.
      return readJsonLinesDocuments({ ...base, charset: { ...charset, basis: 'container' } }, Buffer.from(text, 'utf8'), warnings)
    case 'html':
      if (!hasVisibleText(text)) rejectInput(input, 'INPUT_NO_CONTENT', 'HTML page has no visible text')
      return { documents: [makeDocument({ ...base, charset }, { format, content: { kind: 'html', body: text } })], warnings, format }
    case 'xml':
      return rejectInput(input, 'INPUT_UNREADABLE', 'XML document that is neither an RSS/Atom feed nor HTML')
    default:
      return { documents: [makeDocument({ ...base, charset }, { format, content: { kind: 'text', body: text } })], warnings, format }
  }
}

function readJsonLinesDocuments(base: Base, bytes: Uint8Array, warnings: readonly string[]): Read {
  const lines = readJsonLines(base.input, bytes)
  const parts = lines.records.map((r): Part => ({
    format: 'jsonl', record: String(r.line), key: r.key, externalId: r.externalId, meta: r.meta, content: r.content, hints: r.hints, inContainer: true,
  }))
  return itemDocuments(base, parts, [...warnings, ...lines.warnings], 'jsonl')
}

/**
 * The documents of a container's items: a url that is not http(s) (`javascript:`, `data:`) is
 * dropped from the item with a warning, and an item that repeats an earlier one (same key and
 * content, so the same id) is left out with a warning.
 */
function itemDocuments(base: Base, parts: readonly Part[], warnings: readonly string[], format: ContainerFormat): Read {
  const found = [...warnings]
  const seen = new Map<string, string>()
  const documents: RawDocument[] = []
  for (const part of parts) {
    const label = format === 'jsonl' ? `line ${part.record}` : `${part.record}`
    const url = part.hints?.url
    let kept = part
    if (url !== undefined && !isHttpUrl(url)) {
      found.push(`${label}: ${describeDroppedUrl(url)}`)
      const { url: _dropped, ...hints } = part.hints!
      kept = { ...part, hints }
    }
    const doc = makeDocument(base, kept)
    const first = seen.get(doc.id)
    if (first !== undefined) {
      found.push(`${label}: same key and content as ${first}; stored once`)
      continue
    }
    seen.set(doc.id, label)
    documents.push(doc)
  }
  return { documents, warnings: found, format }
}

function readWarcDocuments(input: string, sha256: string, bytes: Uint8Array, meta: BytesMeta, maxBytes: number): Read {
  const warc = readWarc(input, bytes, maxBytes)
  const warnings = [...warc.warnings]
  const keys = uniqueRecordKeys(warc.pages.map((p, i) => p.recordId || `record-${i + 1}`))
  const documents: RawDocument[] = []
  warc.pages.forEach((page, i) => {
    const where = `${input}#${keys[i]}`
    try {
      const decoded = decodeText(where, page.body, page.contentType)
      warnings.push(...decoded.warnings.map((w) => `${keys[i]}: ${w}`))
      if (!hasVisibleText(decoded.text)) rejectInput(where, 'INPUT_NO_CONTENT', 'HTML page has no visible text')
      const pageMeta = { ...meta, url: page.url, capturedAt: page.capturedAt, contentType: page.contentType }
      documents.push(makeDocument({ input, sha256, charset: decoded.charset, meta: pageMeta }, { format: 'warc', record: keys[i]!, key: page.recordId || undefined, content: { kind: 'html', body: decoded.text } }))
    } catch (error) {
      if (!(error instanceof UnreadableInputError)) throw error
      warnings.push(`${keys[i]}: skipped: ${error.reason}`)
    }
  })
  if (documents.length === 0) rejectInput(input, 'INPUT_NO_CONTENT', `no readable HTML record in the WARC file (${warnings.join('; ')})`)
  return { documents, warnings, format: 'warc' }
}

interface Base { readonly input: string; readonly sha256: string; readonly charset: Charset; readonly meta: BytesMeta }
interface Part {
  readonly format: ContainerFormat
  /** Where the item is in its container (guid, line number, record id), for messages and `origin.record`. */
  readonly record?: string
  /** The item's own key for its id (see `makeItemId`); only for items of a container. */
  readonly key?: string | undefined
  /** The item's own id and metadata in the user's data (JSON Lines `id` and `meta`), kept on the origin. */
  readonly externalId?: string | undefined
  readonly meta?: Origin['meta']
  readonly content: RawDocument['content']
  readonly hints?: ContainerHints
  /** An item of a container decoded as a whole: its charset is the container's. */
  readonly inContainer?: boolean
}

function makeDocument(base: Base, part: Part): RawDocument {
  // A feed's or JSON Lines file's own URL is not its items' URL.
  const url = part.inContainer ? part.hints?.url : part.hints?.url ?? base.meta.url
  const { meta } = base
  const hints: ContainerHints = {
    ...(url ? { url } : {}),
    ...(meta.contentType ? { contentType: meta.contentType } : {}),
    ...part.hints,
  }
  return {
    id: part.record === undefined ? makeDocumentId(base.sha256, '') : makeItemId(part.key, part.content),
    origin: {
      input: base.input,
      ...(part.record !== undefined ? { record: part.record } : {}),
      ...(url ? { url } : {}),
      blob: base.sha256,
      container: part.format,
      ...(meta.capturedAt ? { capturedAt: meta.capturedAt } : {}),
      ...(part.externalId !== undefined ? { externalId: part.externalId } : {}),
      ...(part.meta !== undefined ? { meta: part.meta } : {}),
    },
    charset: part.inContainer ? { ...base.charset, basis: 'container' } : base.charset,
    hints,
    content: part.content,
  }
}

/** The name that can tell Markdown from text: a path, or a URL's path. */
function nameOf(input: string, meta: BytesMeta): string {
  const url = meta.url ?? (/^https?:\/\//i.test(input) ? input : undefined)
  if (!url) return input
  try {
    return new URL(url).pathname
  } catch {
    return input
  }
}
