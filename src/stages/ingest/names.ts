/**
 * Characters escaped when a name or message is printed: C0 and C1 controls, DEL, line and paragraph
 * separators, and bidirectional overrides. A newline in a file name would otherwise split its error
 * line in two, and an escape sequence or a right-to-left override could rewrite what a terminal shows.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * Text safe to print on one line: control and bidi characters become escapes (`\n`, `\x1b`, `\u202e`).
 *
 * @example
 * escapeControlChars('bad\nname.txt')   // 'bad\\nname.txt'
 */
export function escapeControlChars(text: string): string {
  return text.replace(UNPRINTABLE, (c) => SHORT_ESCAPES[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c.charCodeAt(0))}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
}

/**
 * The printable name of a path, from its real bytes: valid UTF-8 is shown as text, any byte that is
 * not part of valid UTF-8 as `\xNN`, controls escaped. Two different names never print alike
 * unless they differ only in what is escaped.
 *
 * @example
 * printableName(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]))   // 'caf\\xe9.txt'
 */
export function printableName(name: string | Uint8Array): string {
  if (typeof name === 'string') return escapeControlChars(name)
  const bytes = Buffer.from(name.buffer, name.byteOffset, name.byteLength)
  const text = bytes.toString('utf8')
  if (Buffer.from(text, 'utf8').equals(bytes)) return escapeControlChars(text)
  let out = ''
  for (let at = 0; at < bytes.length;) {
    const length = utf8SequenceLength(bytes, at)
    out += length > 0 ? escapeControlChars(bytes.toString('utf8', at, at + length)) : `\\x${hex(bytes[at]!)}`
    at += Math.max(length, 1)
  }
  return out
}

/** Length of the valid UTF-8 sequence starting at `at`, or 0 if the byte there does not start one. */
function utf8SequenceLength(bytes: Buffer, at: number): number {
  const lead = bytes[at]!
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
  if (length <= 1) return length
  const slice = bytes.subarray(at, at + length)
  if (slice.length < length) return 0
  const text = slice.toString('utf8')
  return text.includes('\ufffd') ? 0 : length
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0')
}
