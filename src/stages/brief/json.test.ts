import { describe, expect, it } from 'vitest'
import type { Brief } from '../../document/index.js'
import { sampleBrief } from '../../../test/helpers/briefs.js'
import { renderJson } from './json.js'

const { brief, docs } = sampleBrief()

/** The same values with every object's keys in reverse order, as another writer might build them. */
function reversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversed) as T
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)])) as T
}

describe('brief: JSON', () => {
  it('brief json: the Brief object whole', () => {
    expect(JSON.parse(renderJson(brief))).toEqual(JSON.parse(JSON.stringify(brief)) as Brief)
  })

  it('brief json: the same brief prints the same bytes whatever order its keys were built in', () => {
    expect(renderJson(reversed(brief))).toBe(renderJson(brief))
  })

  it('brief json: every summary citation gives the span of its exact words', () => {
    const parsed = JSON.parse(renderJson(brief)) as Brief
    for (const c of parsed.summary.flatMap((s) => s.citations)) {
      const doc = docs.find((d) => d.id === c.article)!
      expect(doc.source.slice(c.span.start, c.span.end)).toBe(c.text)
    }
  })

  it('brief json: a citation reads article, source, text, then span', () => {
    const citation = (JSON.parse(renderJson(brief)) as Brief).summary[0]!.citations[0]!
    expect(Object.keys(citation)).toEqual(['article', 'source', 'text', 'span'])
    expect(Object.keys(citation.span)).toEqual(['start', 'end'])
  })
})
