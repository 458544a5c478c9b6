import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'

/** One captured HTTP response to write as a WARC record. */
export interface CapturedResponse {
  readonly url: string
  /** WARC-Date, ISO 8601 with seconds, e.g. `2023-03-21T10:15:00Z`. */
  readonly date: string
  readonly body: Uint8Array | string
  /** The HTTP Content-Type (default `text/html; charset=utf-8`). */
  readonly contentType?: string
  readonly status?: number
  /** Extra HTTP response headers, written as given (e.g. chunked or gzip-encoded bodies). */
  readonly httpHeaders?: Readonly<Record<string, string>>
}

/**
 * Writes one WARC/1.1 `response` record. Its record id is a UUID URN derived from the URL and date,
 * so rebuilding the same capture gives the same bytes. Used by the example corpus and the tests.
 *
 * @example
 * const warc = Buffer.concat(pages.map(writeWarcResponse).map((r) => gzipSync(r)))   // a .warc.gz
 */
export function writeWarcResponse(response: CapturedResponse): Buffer {
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : Buffer.from(response.body)
  const httpHead = [
    `HTTP/1.1 ${response.status ?? 200} OK`,
    `Content-Type: ${response.contentType ?? 'text/html; charset=utf-8'}`,
    ...Object.entries(response.httpHeaders ?? {}).map(([k, v]) => `${k}: ${v}`),
    ...(response.httpHeaders?.['Transfer-Encoding'] ? [] : [`Content-Length: ${body.length}`]),
  ].join('\r\n')
  const block = Buffer.concat([Buffer.from(`${httpHead}\r\n\r\n`, 'latin1'), body])
  const warcHead = [
    'WARC/1.1',
    'WARC-Type: response',
    `WARC-Record-ID: <urn:uuid:${uuidFrom(`${response.url} ${response.date}`)}>`,
    `WARC-Date: ${response.date}`,
    `WARC-Target-URI: ${response.url}`,
    'Content-Type: application/http; msgtype=response',
    `Content-Length: ${block.length}`,
  ].join('\r\n')
  return Buffer.concat([Buffer.from(`${warcHead}\r\n\r\n`, 'latin1'), block, Buffer.from('\r\n\r\n')])
}

/** A WARC.gz: each record its own gzip member, as crawlers write them so records can be read one by one. */
export function gzipWarcRecords(records: readonly Buffer[]): Buffer {
  return Buffer.concat(records.map((r) => gzipSync(r)))
}

function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}
