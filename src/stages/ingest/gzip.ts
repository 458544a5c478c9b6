import { gunzipSync } from 'node:zlib'
import { rejectInput } from './errors.js'

/** The two magic bytes every gzip member starts with (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]
}

/**
 * Decompresses gzip bytes (every member of a multi-member file, as WARC.gz writes one per record),
 * stopping at `maxBytes` of output so a small bomb cannot fill memory.
 *
 * @example
 * const text = gunzipCapped('page.txt.gz', bytes, 50 * 1024 * 1024)
 */
export function gunzipCapped(input: string, bytes: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      rejectInput(input, 'INPUT_GZIP_BOMB', `gzip expands past the ${maxBytes}-byte limit (from ${bytes.length} compressed bytes)`)
    }
    const detail = error instanceof Error ? error.message : String(error)
    if (code === 'Z_BUF_ERROR') rejectInput(input, 'INPUT_BAD_GZIP', `gzip data is truncated (${detail})`)
    rejectInput(input, 'INPUT_BAD_GZIP', `gzip data is corrupt (${detail})`)
  }
}
