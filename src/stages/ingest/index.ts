import { readFile } from 'node:fs/promises'
import { UnreadableInputError } from '../../errors.js'
import { expandInputs, pathError, type Source } from './expand.js'
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_REDIRECTS, fetchUrl } from './fetch.js'
import { DEFAULT_MAX_INPUT_BYTES, readBytes, type BytesMeta, type IngestResult } from './read.js'
import { readStream } from './stream.js'

export { expandInputs, type Source } from './expand.js'
export { readBytes, DEFAULT_MAX_INPUT_BYTES, type IngestResult, type BytesMeta } from './read.js'

export interface IngestOptions {
  /** Allow fetching loopback, private and link-local addresses (default false). */
  allowPrivate?: boolean
  /** Size cap per input, after decompression (default 50 MiB). */
  maxInputBytes?: number
  /** Timeout for one URL, redirects and body included (default 20 000 ms). */
  fetchTimeoutMs?: number
  /** Redirects followed per URL (default 5). */
  maxRedirects?: number
  /** The stream read for input `-` (default `process.stdin`). */
  stdin?: NodeJS.ReadableStream
}

/**
 * Expands inputs (files, directories recursively in sorted order, `-` for stdin, http(s) URLs) and
 * reads each one: one result per file, stream or URL, in order. A bad input is an `{ ok: false }`
 * result with a stable code; the inputs after it are still read.
 *
 * @example
 * for await (const r of readInputs(['examples', 'https://example.org/feed.xml'])) {
 *   if (r.ok) console.log(r.input, r.documents.length)
 *   else console.error(r.error.message)
 * }
 */
export async function* readInputs(inputs: readonly string[], options: IngestOptions = {}): AsyncGenerator<IngestResult> {
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES
  for await (const source of expandInputs(inputs)) {
    if (source.kind === 'error') {
      yield { ok: false, input: source.input, error: source.error }
      continue
    }
    let loaded: { bytes: Uint8Array; meta: BytesMeta }
    try {
      loaded = await loadSource(source, options, maxInputBytes)
    } catch (error) {
      if (!(error instanceof UnreadableInputError)) throw error
      // A URL's errors name the URL as given; the message names it as printed.
      const named = error.input === source.input ? error : new UnreadableInputError(source.input, error.reason, error.code)
      yield { ok: false, input: source.input, error: named }
      continue
    }
    yield readBytes(source.input, loaded.bytes, loaded.meta, { maxInputBytes })
  }
}

/**
 * Loads one expanded source's bytes (a file, stdin, a URL fetched politely) without reading them
 * as documents: the queue enqueues bytes and its workers read them. Throws UnreadableInputError.
 */
export async function loadSource(source: Exclude<Source, { kind: 'error' }>, options: IngestOptions, maxBytes: number): Promise<{ bytes: Uint8Array; meta: BytesMeta }> {
  switch (source.kind) {
    case 'file':
      // Checked before reading: an oversized file is refused without loading it.
      if (source.size > maxBytes) throw new UnreadableInputError(source.input, `${source.size} bytes is over the ${maxBytes}-byte limit`, 'INPUT_TOO_LARGE')
      try {
        return { bytes: await readFile(source.path), meta: {} }
      } catch (error) {
        throw pathError(source.input, error)
      }
    case 'stdin':
      return { bytes: await readStream('-', options.stdin ?? process.stdin, maxBytes), meta: {} }
    case 'url': {
      const fetched = await fetchUrl(source.url, {
        allowPrivate: options.allowPrivate ?? false,
        maxBytes,
        timeoutMs: options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
        maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      })
      return { bytes: fetched.bytes, meta: { url: fetched.url, capturedAt: fetched.capturedAt, ...(fetched.contentType ? { contentType: fetched.contentType } : {}) } }
    }
  }
}
