import type { Context } from 'hono'
import { SEARCH_MODES, type SearchQuery } from '../store/index.js'
import { HttpError } from './errors.js'

/** Items per page when the request names no `limit`. */
export const DEFAULT_PAGE_LIMIT = 50
/** The most items one page may hold: a bigger page is a 400, not a silent cut. */
export const MAX_PAGE_LIMIT = 200
/** Longest query parameter the API reads, in characters: a search query, a name, an id. */
export const MAX_PARAM_CHARS = 1000

/** A date prefix as the store compares them: `2025`, `2025-10`, `2025-10-15`. */
const DATE_PREFIX = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/

function badParameter(name: string, message: string): HttpError {
  return new HttpError(400, 'BAD_PARAMETER', `Parameter "${name}" ${message}.`)
}

/** A query parameter as text, or undefined when absent or empty; too long is a 400. */
export function textParam(c: Context, name: string): string | undefined {
  const value = c.req.query(name)
  if (value === undefined || value === '') return undefined
  if (value.length > MAX_PARAM_CHARS) throw badParameter(name, `is longer than ${MAX_PARAM_CHARS} characters`)
  return value
}

/** A whole number between `min` and `max`, or the fallback when absent. */
export function intParam(c: Context, name: string, fallback: number, min: number, max: number): number {
  const text = textParam(c, name)
  if (text === undefined) return fallback
  if (!/^\d+$/.test(text)) throw badParameter(name, `must be a whole number, got ${JSON.stringify(text)}`)
  const value = Number(text)
  if (value < min || value > max) throw badParameter(name, `must be between ${min} and ${max}, got ${text}`)
  return value
}

/** One of a fixed set of words, or the fallback when absent. */
export function choiceParam<T extends string>(c: Context, name: string, choices: readonly T[], fallback: T): T
export function choiceParam<T extends string>(c: Context, name: string, choices: readonly T[]): T | undefined
export function choiceParam<T extends string>(c: Context, name: string, choices: readonly T[], fallback?: T): T | undefined {
  const text = textParam(c, name)
  if (text === undefined) return fallback
  if (!(choices as readonly string[]).includes(text)) throw badParameter(name, `must be one of ${choices.join(', ')}, got ${JSON.stringify(text)}`)
  return text as T
}

/** A yes/no flag: `1`, `true` or `yes` is true, `0`, `false` or `no` (or absent) is false. */
export function booleanParam(c: Context, name: string): boolean {
  return YES.has(choiceParam(c, name, ['1', 'true', 'yes', '0', 'false', 'no'], 'false'))
}

const YES: ReadonlySet<string> = new Set(['1', 'true', 'yes'])

/** A date prefix (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or undefined when absent. */
export function dateParam(c: Context, name: string): string | undefined {
  const text = textParam(c, name)
  if (text !== undefined && !DATE_PREFIX.test(text)) throw badParameter(name, `must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(text)}`)
  return text
}

/** A required query parameter. */
export function requiredParam(c: Context, name: string): string {
  const text = textParam(c, name)
  if (text === undefined) throw badParameter(name, 'is required')
  return text
}

export interface Page {
  readonly limit: number
  readonly offset: number
}

/** `limit` (default 50, at most 200) and `offset` of a list request. */
export function pageParams(c: Context): Page {
  return {
    limit: intParam(c, 'limit', DEFAULT_PAGE_LIMIT, 1, MAX_PAGE_LIMIT),
    offset: intParam(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
  }
}

/**
 * The search of a list request: `q`, read as a person's words unless `mode=advanced` asks for
 * operators (AND, OR, NOT, parentheses, prefix*, NEAR); undefined when `q` is absent or empty.
 */
export function searchParam(c: Context): SearchQuery | undefined {
  const mode = choiceParam(c, 'mode', SEARCH_MODES, 'words')
  const text = textParam(c, 'q')
  return text === undefined || mode === 'words' ? text : { text, mode }
}
