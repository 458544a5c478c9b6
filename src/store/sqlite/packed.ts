import { constants, deflateRawSync, inflateRawSync } from 'node:zlib'
import { LAYER_DICTIONARY_V1 } from './layer-dictionary.js'

/**
 * How the store packs its large values: the source text, the markup, the annotation layers and
 * the raw bytes of each input. Every packed value starts with one format byte, so a later format
 * is a new byte beside the old ones and a store never needs to know which code wrote a row.
 *
 * Deflate (zlib, in Node) rather than a hand-made encoding: the layers are JSON full of repeated
 * keys, spans and words copied from the text, which a general compressor shrinks 5–6× once it is
 * given the right context. That context is the layers' preset dictionary: their field names
 * (`layer-dictionary.ts`) followed by the document's own text, so an alias, a claim's measure or an
 * entity's name becomes a back-reference into the text instead of a second copy.
 */
const FORMAT = {
  /** Deflate of the UTF-8 bytes of well-formed text. */
  textUtf8: 0x01,
  /** Deflate of the UTF-16LE code units of text with a lone surrogate (UTF-8 cannot hold one). */
  textUtf16: 0x02,
  /** Deflate of bytes. */
  bytesDeflate: 0x10,
  /** Bytes as they are: deflate did not make them smaller (an image, a gzip archive). */
  bytesStored: 0x11,
  /** Deflate of the layers' JSON (UTF-8), preset dictionary: field names v1, then the source text. */
  layersV1: 0x21,
  /** Deflate of a JSON text (UTF-8): a story, its check, its clustering state. */
  json: 0x30,
} as const

// Deflate's window: a preset dictionary longer than this is used only for its last 32 KB.
const WINDOW_BYTES = 32 * 1024
// zlib's default: level 9 packed generated articles' text and layers 0.5% smaller for about 15% more time.
const LEVEL = constants.Z_DEFAULT_COMPRESSION
const JSON_LEVEL = 3
const LONE_SURROGATE = /\p{Cs}/u

/** A packed value that does not unpack: a damaged row, or a format this code does not know. */
export class UnpackableValueError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'UnpackableValueError'
  }
}

/**
 * Text as the store packs it; `unpackText` gives it back code unit for code unit, lone surrogates
 * included.
 *
 * @example
 * unpackText(packText('a\ud800b')) === 'a\ud800b' // true
 */
export function packText(text: string): Buffer {
  return LONE_SURROGATE.test(text)
    ? withFormat(FORMAT.textUtf16, deflateRawSync(Buffer.from(text, 'utf16le'), { level: LEVEL }))
    : withFormat(FORMAT.textUtf8, deflateRawSync(Buffer.from(text, 'utf8'), { level: LEVEL }))
}

export function unpackText(packed: Uint8Array): string {
  const format = formatOf(packed)
  if (format === FORMAT.textUtf8) return inflate(packed).toString('utf8')
  if (format === FORMAT.textUtf16) return inflate(packed).toString('utf16le')
  throw unknownFormat(format, 'text')
}

/**
 * Raw input bytes, packed; `unpackBytes` gives them back verbatim. Bytes deflate cannot shrink
 * are kept as they are (one byte longer).
 *
 * @example
 * unpackBytes(packBytes(bytes)).equals(Buffer.from(bytes)) // true
 */
export function packBytes(bytes: Uint8Array): Buffer {
  const deflated = deflateRawSync(bytes, { level: LEVEL })
  return deflated.byteLength < bytes.byteLength
    ? withFormat(FORMAT.bytesDeflate, deflated)
    : withFormat(FORMAT.bytesStored, bytes)
}

export function unpackBytes(packed: Uint8Array): Buffer {
  const format = formatOf(packed)
  if (format === FORMAT.bytesDeflate) return inflate(packed)
  if (format === FORMAT.bytesStored) return Buffer.from(packed.subarray(1))
  throw unknownFormat(format, 'bytes')
}

/**
 * A document's layers (their JSON, as `toExactJson` wrote it) packed against its source text:
 * the same `source` must be given to `unpackLayers`.
 *
 * @example
 * unpackLayers(packLayers(json, doc.source), doc.source) === json // true
 */
export function packLayers(json: string, source: string): Buffer {
  return withFormat(FORMAT.layersV1, deflateRawSync(Buffer.from(json, 'utf8'), { level: LEVEL, dictionary: layerDictionary(source) }))
}

export function unpackLayers(packed: Uint8Array, source: string): string {
  const format = formatOf(packed)
  if (format !== FORMAT.layersV1) throw unknownFormat(format, 'layers')
  return inflate(packed, layerDictionary(source)).toString('utf8')
}

/**
 * A JSON text (as `toExactJson` wrote it) packed: a story, its check or its clustering state.
 * These are rewritten each time their story grows, so a cheaper level than the documents':
 * on generated news's stories, level 3 packed them 2.4× (state), 3.2× (story) and 5.9× (check)
 * against 2.5×, 3.4× and 6.2× at zlib's default, in two thirds of the time.
 *
 * @example
 * unpackJson(packJson('{"id":"st-1"}')) === '{"id":"st-1"}' // true
 */
export function packJson(json: string): Buffer {
  return withFormat(FORMAT.json, deflateRawSync(Buffer.from(json, 'utf8'), { level: JSON_LEVEL }))
}

/** The JSON text of a packed value; a plain string (a row written before migration 9) is its own text. */
export function unpackJson(packed: string | Uint8Array): string {
  if (typeof packed === 'string') return packed
  const format = formatOf(packed)
  if (format !== FORMAT.json) throw unknownFormat(format, 'JSON')
  return inflate(packed).toString('utf8')
}

// The text first, the field names last: a match near the end of the dictionary costs the fewest
// bits, and the field names are what every layer repeats most. A text longer than the window
// keeps its last part.
function layerDictionary(source: string): Buffer {
  const text = Buffer.from(source, 'utf8')
  const room = WINDOW_BYTES - LAYER_DICTIONARY_V1.byteLength
  return Buffer.concat([text.byteLength > room ? text.subarray(text.byteLength - room) : text, LAYER_DICTIONARY_V1])
}

function withFormat(format: number, body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(body.byteLength + 1)
  out[0] = format
  out.set(body, 1)
  return out
}

function formatOf(packed: Uint8Array): number {
  if (packed.byteLength === 0) throw new UnpackableValueError('the packed value is empty')
  return packed[0]!
}

function inflate(packed: Uint8Array, dictionary?: Buffer): Buffer {
  try {
    return inflateRawSync(packed.subarray(1), dictionary === undefined ? {} : { dictionary })
  } catch (error) {
    throw new UnpackableValueError(`the packed value does not inflate (${error instanceof Error ? error.message : String(error)})`)
  }
}

function unknownFormat(format: number, what: string): UnpackableValueError {
  return new UnpackableValueError(`packed ${what} start with format byte 0x${format.toString(16).padStart(2, '0')}, which this Dossier does not know`)
}
