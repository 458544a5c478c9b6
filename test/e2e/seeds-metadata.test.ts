import { describe, expect, it } from 'vitest'
import type { MetadataLayer } from '../../src/document/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { readSeed } from '../helpers/seeds.js'

const present = sharedAvailable('seed metadata tests')

function metadataOf(prefix: string): { meta: MetadataLayer; source: string } {
  const doc = readSeed(prefix)
  return { meta: doc.layers.metadata!, source: doc.source }
}

describe.skipIf(!present)('metadata on the seed pages', () => {
  it.each([
    ['002', '2025-10-16', 'day', /^text:dateline$/],
    ['000', '2025-10', 'month', /^inferred:latest-past-event/],
    ['001', '2025-09', 'month', /^inferred:latest-past-event/],
    ['003', '2020-11', 'month', /^inferred:president-elect/],
    ['004', '2023', 'year', /^inferred:capture-year/],
  ])('seeds: seed %s is dated %s (%s) on the basis it states', (prefix, date, precision, basis) => {
    const { meta } = metadataOf(prefix)
    expect(meta.published?.value).toEqual({ date, precision })
    expect(meta.published?.basis).toMatch(basis)
  })

  it.each([
    ['000', 'October 2025'],
    ['001', 'In late September'],
    ['003', 'president-elect'],
  ])('seeds: an inferred date of seed %s is less sure than a stated one and points at its cue %j', (prefix, cue) => {
    const { meta, source } = metadataOf(prefix)
    expect(meta.published!.confidence).toBeLessThan(0.5)
    const span = meta.published!.span!
    expect(source.slice(span.start, span.end)).toBe(cue)
  })

  it('seeds: the weather bar date of seed 004 is the capture date, not the publication date', () => {
    const { meta, source } = metadataOf('004')
    expect(meta.captured?.value).toEqual({ date: '2023-05-27', precision: 'day' })
    expect(source.slice(meta.captured!.span!.start, meta.captured!.span!.end)).toMatch(/2023/)
    expect(meta.published?.value.date).not.toBe('2023-05-27')
  })

  it('seeds: the stated date of seed 002 carries its span in the source', () => {
    const { meta, source } = metadataOf('002')
    expect(source.slice(meta.published!.span!.start, meta.published!.span!.end)).toBe('2025-10-16')
  })

  it.each([
    ['000', 1],
    ['002', 0],
  ])('seeds: seed %s names %d author, a person read from its byline, not a role or an agency', (prefix, count) => {
    const { meta, source } = metadataOf(prefix)
    expect(meta.authors).toHaveLength(count)
    for (const a of meta.authors) {
      expect(a.basis).toBe('text:byline')
      expect(source.slice(a.span!.start, a.span!.end)).toBe(a.value)
      expect(a.value).not.toMatch(/editor|staff|agenc/i)
    }
  })

  it.each([
    ['001', 'text:disclaimer-provider'],
    ['003', 'text:first-published-by'],
  ])('seeds: seed %s names its provider (%s) with the span it was read from', (prefix, basis) => {
    const { meta, source } = metadataOf(prefix)
    expect(meta.publisher?.basis).toBe(basis)
    expect(source.slice(meta.publisher!.span!.start, meta.publisher!.span!.end)).toBe(meta.publisher!.value)
  })

  it.each([
    ['000', 'Russia Rejects Forming Alliances Against China or Any Other Nation'],
    ['001', 'Russia Rejects Anti-China Alliances'],
    ['002', 'Lavrov: Russia Won’t Join US Against China'],
    ['003', 'Is Putin Really Considering a Military Alliance With China?'],
    ['004', 'Putin: We will not create a military alliance with China'],
  ])('seeds: seed %s has its headline as title, read from its text, and is English', (prefix, title) => {
    const { meta, source } = metadataOf(prefix)
    expect(meta.title?.basis).toBe('text:title-line')
    expect(meta.title?.value).toBe(title)
    expect(source.slice(meta.title!.span!.start, meta.title!.span!.end).replace(/\s+/g, ' ')).toBe(title)
    expect(meta.language?.value).toBe('en')
  })
})
