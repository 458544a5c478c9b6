import type { Brief } from '../../document/index.js'

/**
 * Keys that lead an object, in this order; the rest follow alphabetically. A brief read back from
 * the store or built anew prints the same bytes.
 */
const LEADING_KEYS = ['id', 'story', 'article', 'kind', 'title', 'source', 'statement', 'text', 'span', 'start', 'end'] as const
const RANK: ReadonlyMap<string, number> = new Map(LEADING_KEYS.map((k, i) => [k, i]))

/**
 * The brief as JSON: the Brief object whole (every citation with its span), keys in a stable order.
 *
 * @example
 * JSON.parse(renderJson(brief)).summary[0].citations[0].span // { start: 81, end: 298 }
 */
export function renderJson(brief: Brief): string {
  return `${JSON.stringify(orderKeys(brief), null, 2)}\n`
}

function orderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderKeys)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
  entries.sort(([a], [b]) => (RANK.get(a) ?? LEADING_KEYS.length) - (RANK.get(b) ?? LEADING_KEYS.length) || (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([k, v]) => [k, orderKeys(v)]))
}
