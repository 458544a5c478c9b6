import type { ContainerHints } from '../../document/index.js'
import { rejectInput } from './errors.js'

/** One good line of a JSON Lines input. */
export interface JsonLinesRecord {
  /** 1-based line number: the record key, so ids survive edits to other lines' content. */
  readonly line: number
  readonly content: { readonly kind: 'html' | 'text'; readonly body: string }
  readonly hints: ContainerHints
}

export interface ReadJsonLines {
  readonly records: readonly JsonLinesRecord[]
  /** One per bad line, naming the line number and the reason. */
  readonly warnings: readonly string[]
}

/**
 * Reads JSON Lines: one object per line with `url`, `title`, `text` or `html`, optional `published`
 * and `authors`. A bad line is reported in `warnings` and skipped; the input fails only when no line
 * is good, so one malformed record in a large export does not lose the rest.
 *
 * @example
 * readJsonLines('dump.jsonl', '{"title":"A","text":"…"}\n{broken\n')
 * // { records: [{ line: 1, … }], warnings: ['line 2: not valid JSON (…)'] }
 */
export function readJsonLines(input: string, text: string): ReadJsonLines {
  const records: JsonLinesRecord[] = []
  const warnings: string[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (!line) return
    const result = readLine(line)
    if (typeof result === 'string') warnings.push(`line ${i + 1}: ${result}`)
    else records.push({ line: i + 1, ...result })
  })
  if (records.length === 0) {
    rejectInput(input, 'INPUT_BAD_JSONL', `no usable JSON Lines record${warnings.length ? ` (${warnings.slice(0, 3).join('; ')})` : ''}`)
  }
  return { records, warnings }
}

/** The record on one line, or why it cannot be used. */
function readLine(line: string): Omit<JsonLinesRecord, 'line'> | string {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object'
  const record = value as Record<string, unknown>
  const html = nonEmptyString(record.html)
  const text = nonEmptyString(record.text)
  if (!html && !text) return 'has neither a non-empty "text" nor "html" field'
  return {
    content: html ? { kind: 'html', body: html } : { kind: 'text', body: text! },
    hints: {
      ...optional('title', nonEmptyString(record.title)),
      ...optional('url', nonEmptyString(record.url)),
      ...optional('published', nonEmptyString(record.published)),
      ...optional('authors', authorsOf(record.authors ?? record.author)),
      ...optional('language', nonEmptyString(record.language)),
    },
  }
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
