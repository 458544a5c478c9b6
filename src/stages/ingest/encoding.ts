import { brotliDecompressSync, inflateSync } from 'node:zlib'
import { gunzipCapped } from './gzip.js'

/**
 * Undoes an HTTP Content-Encoding, strictly: a truncated or corrupt body throws rather than coming
 * back as the part that decoded (browsers and fetch() are lenient there, and a cut page would be
 * stored as if it were whole). Output is capped at `maxBytes`.
 *
 * @example
 * decodeContentEncoding('https://x.example/', body, 'gzip', 50 * 1024 * 1024)
 */
export function decodeContentEncoding(input: string, body: Uint8Array, encoding: string | undefined, maxBytes: number): Uint8Array {
  const name = (encoding ?? '').trim().toLowerCase()
  if (name === 'gzip' || name === 'x-gzip') return gunzipCapped(input, body, maxBytes)
  if (name === 'deflate') return inflateSync(body, { maxOutputLength: maxBytes })
  if (name === 'br') return brotliDecompressSync(body, { maxOutputLength: maxBytes })
  // Anything else (zstd, stacked encodings) would be stored as compressed bytes read as text.
  if (name !== '' && name !== 'identity') throw new Error(`unsupported content-encoding "${name}"`)
  return body
}
