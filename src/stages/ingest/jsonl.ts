import type { ContainerHints } from '../../document/index.js'
import { rejectInput } from './errors.js'

/**
 * Bytes one JSON Lines record may take: far above any article, low enough that one hostile line
 * cannot make a string or a parse that exhausts memory. A longer line is one rejected record.
 */
export const MAX_JSONL_LINE_BYTES = 16 * 1024 * 1024

/** One good line of a JSON Lines input. */
export interface JsonLinesRecord {
  /** 1-based line number: where the record is, shown with the input's name. */
  readonly line: number
  /** The record's own key for its id: its `id` field, else its `url`; absent when it has neither. */
  readonly key?: string
  /** The record's `id` field as given (a number as its digits), kept as `origin.externalId`. */
  readonly externalId?: string
  /** The record's `meta` object, kept as `origin.meta`. */
  readonly meta?: { readonly [key: string]: unknown }
  readonly content: { readonly kind: 'html' | 'text'; readonly body: string }
  readonly hints: ContainerHints
}

export interface ReadJsonLines {
  readonly records: readonly JsonLinesRecord[]
  /** One per bad line, naming the line number and the reason. */
  readonly warnings: readonly string[]
}

const NEWLINE = 0x0a
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * Reads JSON Lines (UTF-8, as the format requires): one object per line with `url`, `title`,
 * `text` or `html`, optional `id`, `published`, `authors` and `meta` (an object kept as given). Lines are read one at a time from the
 * bytes and each is decoded on its own, so no line longer than `maxLineBytes` ever becomes a string.
 * A bad line (broken JSON, not UTF-8, too long) is reported in `warnings` with its line number and
 * skipped; the input fails only when no line is good.
 *
 * @example
 * readJsonLines('dump.jsonl', new TextEncoder().encode('{"title":"A","text":"…"}\n{broken\n'))
 * // { records: [{ line: 1, … }], warnings: ['line 2: not valid JSON (…)'] }
 */
export function readJsonLines(input: string, bytes: Uint8Array, maxLineBytes = MAX_JSONL_LINE_BYTES): ReadJsonLines {
  const records: JsonLinesRecord[] = []
  const warnings: string[] = []
  for (const { line, start, end } of splitLines(bytes)) {
    const result = end - start > maxLineBytes
      ? `${end - start} bytes is over the ${maxLineBytes}-byte line limit`
      : readLine(bytes.subarray(start, end))
    if (result === undefined) continue
    if (typeof result === 'string') warnings.push(`line ${line}: ${result}`)
    else records.push({ line, ...result })
  }
  if (records.length === 0) {
    rejectInput(input, 'INPUT_BAD_JSONL', `no usable JSON Lines record${warnings.length ? ` (${warnings.slice(0, 3).join('; ')})` : ''}`)
  }
  return { records, warnings }
}

/** Each line's 1-based number and byte range (without its newline), in order. */
export function* splitLines(bytes: Uint8Array): Generator<{ line: number; start: number; end: number }> {
  let start = 0
  for (let line = 1; start <= bytes.length; line++) {
    const newline = bytes.indexOf(NEWLINE, start)
    const end = newline === -1 ? bytes.length : newline
    if (end > start || newline !== -1) yield { line, start, end }
    if (newline === -1) return
    start = newline + 1
  }
}

/** The record on one line, undefined for a blank line, or why the line cannot be used. */
function readLine(bytes: Uint8Array): Omit<JsonLinesRecord, 'line'> | string | undefined {
  let text: string
  try {
    text = strictUtf8.decode(bytes).trim()
  } catch {
    return 'not valid UTF-8 (JSON Lines must be UTF-8)'
  }
  if (!text) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object'
  const record = value as Record<string, unknown>
  const html = nonEmptyString(record.html)
  const plain = nonEmptyString(record.text)
  if (!html && !plain) return 'has neither a non-empty "text" nor "html" field'
  const url = nonEmptyString(record.url)
  const externalId = keyOf(record.id)
  const key = externalId ?? url
  const meta = record.meta
  return {
    ...(key !== undefined ? { key } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
    ...(typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? { meta: meta as Record<string, unknown> } : {}),
    content: html ? { kind: 'html', body: html } : { kind: 'text', body: plain! },
    hints: {
      ...optional('title', nonEmptyString(record.title)),
      ...optional('url', url),
      ...optional('published', nonEmptyString(record.published)),
      ...optional('authors', authorsOf(record.authors ?? record.author)),
      ...optional('language', nonEmptyString(record.language)),
    },
  }
}

function keyOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return nonEmptyString(value)
}

function authorsOf(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : [value]).map(nonEmptyString).filter((a): a is string => a !== undefined)
  return list.length > 0 ? list : undefined
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>)
}
