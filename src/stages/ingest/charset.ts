import { createRequire } from 'node:module'
import type { Charset } from '../../document/index.js'
import { rejectInput } from './errors.js'

/** Bytes scanned for a `<meta charset>` or XML declaration: the HTML standard's prescan length. */
const DECLARATION_SCAN_BYTES = 1024
/**
 * Lowest chardet confidence (0–100) we decode by. Random high bytes score up to about 35 as a CJK
 * charset, real Cyrillic or Latin-1 prose 50–80, so the replacement check below does the rest.
 */
const MIN_DETECTION_CONFIDENCE = 30
/** Bytes handed to chardet: its statistics settle well within this, and it costs about 1 ms per KB. */
const DETECTION_SAMPLE_BYTES = 64 * 1024
/** Share of U+FFFD in a guessed decoding above which the guess is wrong: real text in its charset has none. */
const MAX_REPLACEMENT_RATIO = 0.001
/**
 * Share of bytes above 0x7f under which text that is not UTF-8 is read as windows-1252: mostly-ASCII
 * text with a few stray high bytes is nearly always a Western legacy page, and chardet is blind on it.
 */
const MAX_STRAY_HIGH_BYTE_RATIO = 0.02

/** Leading bytes checked for the NUL pattern of UTF-16 without a byte-order mark. */
const UTF16_SCAN_BYTES = 4096
/**
 * Share of UTF-16 code units whose high byte is NUL above which text is UTF-16 without a BOM: any
 * Latin-script text is mostly such units (an ASCII letter is 0x00 0x41), binary data has NULs on
 * both sides alike, and CJK text has none (and is left to the other checks).
 */
const MIN_UTF16_NUL_UNIT_RATIO = 0.3
/** Share of code units with a NUL low byte still allowed in UTF-16 (U+0100, U+4E00 …). */
const MAX_UTF16_OTHER_NUL_RATIO = 0.02

// chardet and iconv-lite load on the first page that needs them (a legacy charset, or none
// declared and not UTF-8): together about 40 ms of `import 'dossier/reader'`, while most pages are
// UTF-8 and decode with TextDecoder.
const require = createRequire(import.meta.url)
let chardetModule: typeof import('chardet') | undefined
let iconvModule: typeof import('iconv-lite') | undefined
const chardet = (): typeof import('chardet') => (chardetModule ??= require('chardet') as typeof import('chardet'))
const iconv = (): typeof import('iconv-lite') => (iconvModule ??= require('iconv-lite') as typeof import('iconv-lite'))

export interface DecodedText {
  readonly text: string
  readonly charset: Charset
  readonly warnings: readonly string[]
}

const BOMS: ReadonlyArray<{ bytes: number[]; name: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], name: 'utf-8' },
  { bytes: [0xff, 0xfe], name: 'utf-16le' },
  { bytes: [0xfe, 0xff], name: 'utf-16be' },
]

/** The encoding a byte-order mark announces, with the mark's length. */
export function findBom(bytes: Uint8Array): { name: string; length: number } | undefined {
  const bom = BOMS.find((b) => b.bytes.every((v, i) => bytes[i] === v))
  return bom ? { name: bom.name, length: bom.bytes.length } : undefined
}

/**
 * Decodes bytes to text and says on what basis: a byte-order mark, then the HTTP content-type charset,
 * then an in-document declaration (XML declaration at the start, `<meta charset>` / `http-equiv`),
 * then a strict UTF-8 check, then statistical detection. A declared charset that does not fit the
 * bytes is still used, lossily, with a warning; undeclared bytes that fit nothing are rejected.
 *
 * @example
 * decodeText('page.html', bytes, 'text/html; charset=windows-1251').charset
 * // { name: 'windows-1251', basis: 'http', confidence: 1 }
 */
export function decodeText(input: string, bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = findBom(bytes)
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.name), charset: { name: bom.name, basis: 'bom', confidence: 1 }, warnings: [] }
  const utf16 = findUtf16ByNulPattern(bytes)
  if (utf16) {
    const warning = `no byte-order mark; read as ${utf16.toUpperCase()} by its pattern of NUL bytes`
    return { text: decodeAs(bytes, utf16), charset: { name: utf16, basis: 'detected', confidence: 0.9 }, warnings: [warning] }
  }

  const declared = charsetOfContentType(contentType)
  if (declared) return decodeDeclared(bytes, declared, 'http')
  const inDocument = findDeclaredCharset(bytes)
  if (inDocument) return decodeDeclared(bytes, inDocument.name, inDocument.basis)

  const utf8 = decodeStrictUtf8(bytes)
  if (utf8 !== undefined) return { text: utf8, charset: { name: 'utf-8', basis: 'valid-utf8', confidence: 1 }, warnings: [] }
  return decodeDetected(input, bytes)
}

/**
 * UTF-16 without a byte-order mark, told by where its NUL bytes fall: the high byte of each
 * Latin-script code unit is 0, second in little-endian, first in big-endian.
 *
 * @example
 * findUtf16ByNulPattern(iconv.encode('Talks ended.', 'utf-16le'))   // 'utf-16le'
 */
export function findUtf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, UTF16_SCAN_BYTES) & ~1
  const units = length / 2
  if (units < 2) return undefined
  let nulFirst = 0
  let nulSecond = 0
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) nulFirst++
    if (bytes[i + 1] === 0) nulSecond++
  }
  if (nulSecond / units >= MIN_UTF16_NUL_UNIT_RATIO && nulFirst / units <= MAX_UTF16_OTHER_NUL_RATIO) return 'utf-16le'
  if (nulFirst / units >= MIN_UTF16_NUL_UNIT_RATIO && nulSecond / units <= MAX_UTF16_OTHER_NUL_RATIO) return 'utf-16be'
  return undefined
}

/** The `charset` parameter of a Content-Type header, lower-cased, if iconv knows it. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')
  return match ? knownCharset(match[1]!) : undefined
}

/** A charset declared in the first bytes: an XML declaration at the start, or an HTML `<meta>`. */
export function findDeclaredCharset(bytes: Uint8Array): { name: string; basis: 'meta' | 'xml-declaration' } | undefined {
  // Latin-1 maps each byte to one character, so ASCII declarations read right in any ASCII-compatible encoding.
  const head = Buffer.from(bytes.subarray(0, DECLARATION_SCAN_BYTES)).toString('latin1')
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  if (xml) {
    const name = knownCharset(xml[1]!)
    if (name) return { name, basis: 'xml-declaration' }
  }
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head)
  if (meta) {
    const name = knownCharset(meta[1]!)
    if (name) return { name, basis: 'meta' }
  }
  return undefined
}

function decodeDeclared(bytes: Uint8Array, name: string, basis: 'http' | 'meta' | 'xml-declaration'): DecodedText {
  // A page that says windows-1251 but is valid UTF-8 (re-saved by an editor, served by a proxy) is UTF-8.
  if (name !== 'utf-8' && hasNonAscii(bytes)) {
    const utf8 = decodeStrictUtf8(bytes)
    if (utf8 !== undefined) {
      return { text: utf8, charset: { name: 'utf-8', basis: 'valid-utf8', confidence: 1 }, warnings: [`declared charset ${name} (${basis}) ignored: the bytes are valid UTF-8`] }
    }
  }
  if (name === 'utf-8') {
    // The common case: decode once, strictly, and keep the result.
    const strict = decodeStrictUtf8(bytes)
    if (strict !== undefined) return { text: strict, charset: { name, basis, confidence: 1 }, warnings: [] }
    // Latin-1 text labelled UTF-8 (a template's header on an old article) is the usual cause, and
    // windows-1252 reads it without loss where UTF-8 would replace every accented letter.
    const western = decodeAs(bytes, 'windows-1252')
    if (decodesCleanly(western)) {
      return {
        text: western,
        charset: { name: 'windows-1252', basis: 'detected', confidence: 0.6 },
        warnings: [`declared charset utf-8 (${basis}) does not fit the bytes; read as windows-1252, which decodes every byte`],
      }
    }
    return {
      text: decodeAs(bytes, name),
      charset: { name, basis, confidence: 0.5 },
      warnings: [`declared charset utf-8 (${basis}) does not fit every byte; invalid sequences were replaced with U+FFFD`],
    }
  }
  return { text: decodeAs(bytes, name), charset: { name, basis, confidence: 1 }, warnings: [] }
}

function decodeDetected(input: string, bytes: Uint8Array): DecodedText {
  const best = chardet().analyse(bytes.subarray(0, DETECTION_SAMPLE_BYTES)).find((m) => !/^(ascii|utf-8)$/i.test(m.name) && knownCharset(m.name))
  if (best && best.confidence >= MIN_DETECTION_CONFIDENCE) {
    const name = knownCharset(best.name)!
    const text = decodeAs(bytes, name)
    if (replacementRatio(text) <= MAX_REPLACEMENT_RATIO) return { text, charset: { name, basis: 'detected', confidence: best.confidence / 100 }, warnings: [`charset guessed as ${name} (confidence ${best.confidence}%)`] }
  }
  if (highByteRatio(bytes) <= MAX_STRAY_HIGH_BYTE_RATIO) {
    return { text: decodeAs(bytes, 'windows-1252'), charset: { name: 'windows-1252', basis: 'detected', confidence: 0.3 }, warnings: ['not UTF-8; a few stray high bytes read as windows-1252'] }
  }
  rejectInput(input, 'INPUT_BAD_ENCODING', 'not valid UTF-8 and no charset declared or detected with confidence')
}

/** A WHATWG-style label for a charset name iconv can decode; ISO-8859-1 reads as windows-1252, as browsers do. */
function knownCharset(label: string): string | undefined {
  const name = label.trim().toLowerCase()
  const whatwg = /^(iso-?8859-1|latin-?1|us-ascii|ascii|cp1252)$/.test(name) ? 'windows-1252' : name === 'utf8' ? 'utf-8' : name
  if (whatwg === 'utf-8' || whatwg === 'windows-1252') return whatwg
  return iconv().encodingExists(whatwg) ? whatwg : undefined
}

function decodeAs(bytes: Uint8Array, name: string): string {
  if (name === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, { stripBOM: false })
}

function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** No U+FFFD and no C1 control: what windows-1252 yields for bytes it does not define, or that are not text. */
function decodesCleanly(text: string): boolean {
  return !/[\u0080-\u009f\ufffd]/.test(text)
}

function replacementRatio(text: string): number {
  let bad = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++
  return text.length === 0 ? 0 : bad / text.length
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((b) => b > 0x7f)
}

function highByteRatio(bytes: Uint8Array): number {
  let high = 0
  for (const b of bytes) if (b > 0x7f) high++
  return bytes.length === 0 ? 0 : high / bytes.length
}
