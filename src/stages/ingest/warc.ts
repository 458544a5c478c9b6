import { decodeContentEncoding } from './encoding.js'
import { rejectInput } from './errors.js'

/** One HTML response captured in a WARC file, its HTTP body decoded from transfer and content encodings. */
export interface WarcPage {
  /** WARC-Record-ID, e.g. `<urn:uuid:…>`. */
  readonly recordId: string
  readonly url?: string
  /** WARC-Date: when the page was captured. */
  readonly capturedAt?: string
  /** The HTTP Content-Type of the captured response. */
  readonly contentType?: string
  readonly body: Uint8Array
}

export interface ReadWarc {
  readonly pages: readonly WarcPage[]
  readonly warnings: readonly string[]
}

const CRLF_CRLF = Buffer.from('\r\n\r\n')
const LF_LF = Buffer.from('\n\n')
const HTML_MEDIA_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i

const WARC_VERSION = Buffer.from('WARC/1.')

interface Headers { readonly [name: string]: string }
interface Block { readonly headers: Headers; readonly body: Uint8Array; readonly next: number }
/** A record that cannot be read: why, its id when its headers were read, and where reading can go on. */
interface BadRecord { readonly reason: string; readonly recordId?: string; readonly resume?: number }

/**
 * Reads the HTML `response` records of an uncompressed WARC file (a WARC.gz is gunzipped first:
 * one gzip member per record decompresses as one stream). A record whose Content-Length does not
 * end where the next record starts is skipped with a warning naming it, and reading goes on at the
 * next record; a truncated or garbled record with no record after it ends the read with a warning.
 * The records before a bad one are kept.
 *
 * Written by hand rather than with warcio: warcio reads asynchronously (this stage is pure and
 * synchronous), and on a too-small Content-Length it only logs to the console and returns the cut
 * record as complete, which is the fault this check exists for.
 *
 * @example
 * const { pages } = readWarc('crawl.warc', bytes, 50 * 1024 * 1024)
 * pages[0].url   // the WARC-Target-URI
 */
export function readWarc(input: string, bytes: Uint8Array, maxBytes: number): ReadWarc {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const pages: WarcPage[] = []
  const warnings: string[] = []
  let skipped = 0
  let at = 0
  let index = 0
  while (at < buffer.length) {
    while (at < buffer.length && (buffer[at] === 0x0d || buffer[at] === 0x0a)) at++
    if (at >= buffer.length) break
    index++
    const record = readRecord(buffer, at)
    if ('reason' in record) {
      const name = `WARC record ${index}${record.recordId ? ` (${record.recordId})` : ''}`
      if (record.resume !== undefined) {
        warnings.push(`${name}: ${record.reason}; skipped`)
        skipped++
        at = record.resume
        continue
      }
      if (pages.length === 0 && skipped === 0) rejectInput(input, 'INPUT_BAD_WARC', `record ${index}: ${record.reason}`)
      warnings.push(`${name}: ${record.reason}; the rest of the file was not read`)
      break
    }
    at = record.next
    const page = toHtmlPage(input, record, maxBytes)
    if (typeof page === 'string') {
      if (page) warnings.push(`WARC record ${index} (${record.headers['warc-record-id'] ?? 'no id'}): ${page}`)
      skipped++
    } else {
      pages.push(page)
    }
  }
  if (pages.length === 0) rejectInput(input, 'INPUT_NO_CONTENT', `WARC file has no HTML response records (${skipped} other records)`)
  return { pages, warnings }
}

/**
 * One WARC record: version line, headers, a block of Content-Length bytes, then CRLF CRLF and the
 * next record or the end. A block that does not end there has a wrong Content-Length: the record
 * is bad (not the one after it), and reading resumes at the next version line.
 */
function readRecord(buffer: Buffer, at: number): Block | BadRecord {
  const head = splitHead(buffer, at)
  if (!head) return { reason: 'headers do not end' }
  const [versionLine, ...lines] = head.text.split(/\r?\n/)
  if (!/^WARC\/\d+\.\d+$/.test(versionLine?.trim() ?? '')) return { reason: `expected a WARC/1.x version line, found ${JSON.stringify((versionLine ?? '').slice(0, 40))}` }
  const headers = parseHeaders(lines)
  const recordId = headers['warc-record-id']
  const id = recordId ? { recordId } : {}
  const length = Number(headers['content-length'])
  if (!Number.isInteger(length) || length < 0) return { reason: 'missing or bad Content-Length', ...id, ...resumeAfter(buffer, head.bodyStart) }
  const end = head.bodyStart + length
  if (end > buffer.length) return { reason: `truncated: Content-Length ${length}, ${buffer.length - head.bodyStart} bytes left`, ...id }
  if (!endsRecord(buffer, end)) {
    const early = resumeAfter(buffer, head.bodyStart)
    if (early.resume !== undefined && early.resume < end) {
      return { reason: `Content-Length ${length} is too large: the next record starts ${early.resume - head.bodyStart} bytes in`, ...id, ...early }
    }
    const resume = resumeAfter(buffer, end)
    let realEnd = resume.resume ?? buffer.length
    for (let n = 0; n < 4 && realEnd > end && (buffer[realEnd - 1] === 0x0a || buffer[realEnd - 1] === 0x0d); n++) realEnd--
    return { reason: `Content-Length ${length} is too small: the record runs on for ${realEnd - end} more bytes`, ...id, ...resume }
  }
  return { headers, body: buffer.subarray(head.bodyStart, end), next: end }
}

/** True when a block ending at `end` is followed by nothing but line ends, then the end or a next record. */
function endsRecord(buffer: Buffer, end: number): boolean {
  let at = end
  while (at < buffer.length && (buffer[at] === 0x0d || buffer[at] === 0x0a)) at++
  return at >= buffer.length || (at > end && buffer.subarray(at, at + WARC_VERSION.length).equals(WARC_VERSION))
}

/** Where the next record starts: a `WARC/1.` version line at or after `from`, if there is one. */
function resumeAfter(buffer: Buffer, from: number): { resume?: number } {
  for (let at = buffer.indexOf(WARC_VERSION, from); at !== -1; at = buffer.indexOf(WARC_VERSION, at + 1)) {
    if (buffer[at - 1] === 0x0a) return { resume: at }
  }
  return {}
}

/** The page in an HTML response record, '' for a record that is simply not a page, or why a response could not be read. */
function toHtmlPage(input: string, record: Block, maxBytes: number): WarcPage | string {
  const type = record.headers['warc-type']
  if (type !== 'response' || !/application\/http/i.test(record.headers['content-type'] ?? '')) return ''
  const http = splitHead(record.body as Buffer, 0)
  if (!http) return 'HTTP headers do not end'
  const [statusLine, ...lines] = http.text.split(/\r?\n/)
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(statusLine ?? '')?.[1])
  if (!(status >= 200 && status < 300)) return ''
  const headers = parseHeaders(lines)
  const contentType = headers['content-type']
  if (contentType !== undefined && !HTML_MEDIA_TYPE.test(contentType)) return ''
  // A crawler that stopped early says so; the page it kept is not the page that was served.
  if (record.headers['warc-truncated']) return `capture truncated by the crawler (WARC-Truncated: ${record.headers['warc-truncated']})`
  let body: Uint8Array = record.body.subarray(http.bodyStart)
  const declared = Number(headers['content-length'])
  if (headers['content-length'] !== undefined && !/chunked/i.test(headers['transfer-encoding'] ?? '') && Number.isInteger(declared) && declared > body.length) {
    return `HTTP body truncated: Content-Length ${declared}, ${body.length} bytes captured`
  }
  try {
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body as Buffer)
    body = decodeContentEncoding(input, body, headers['content-encoding'], maxBytes)
  } catch (error) {
    return `HTTP body could not be decoded (${error instanceof Error ? error.message : String(error)})`
  }
  const recordId = record.headers['warc-record-id'] ?? ''
  return {
    recordId,
    ...(record.headers['warc-target-uri'] ? { url: record.headers['warc-target-uri'].replace(/^<|>$/g, '') } : {}),
    ...(record.headers['warc-date'] ? { capturedAt: record.headers['warc-date'] } : {}),
    ...(contentType ? { contentType } : {}),
    body,
  }
}

function splitHead(buffer: Buffer, at: number): { text: string; bodyStart: number } | undefined {
  const crlf = buffer.indexOf(CRLF_CRLF, at)
  const lf = buffer.indexOf(LF_LF, at)
  const useLf = lf !== -1 && (crlf === -1 || lf < crlf)
  const end = useLf ? lf : crlf
  if (end === -1) return undefined
  return { text: buffer.toString('latin1', at, end), bodyStart: end + (useLf ? LF_LF.length : CRLF_CRLF.length) }
}

function parseHeaders(lines: readonly string[]): Headers {
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return headers
}

/** Undoes HTTP/1.1 chunked transfer encoding: hex size line, data, CRLF, until a zero-size chunk. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at)
    if (lineEnd === -1) throw new Error('chunk size line does not end')
    const size = parseInt(body.toString('latin1', at, lineEnd), 16)
    // A negative size would move `at` backwards and loop forever on the same line.
    if (!Number.isInteger(size) || size < 0 || lineEnd + 2 + size > body.length) throw new Error('bad chunk size')
    if (size === 0) break
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}
