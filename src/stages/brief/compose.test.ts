import { describe, expect, it } from 'vitest'
import { UsageError } from '../../errors.js'
import { sampleBrief } from '../../../test/helpers/briefs.js'
import { KEY_QUOTES } from './compose.js'
import { renderBrief } from './index.js'

const { brief } = sampleBrief()

describe('brief: compose', () => {
  it('brief compose: sources list the members in story order, then articles only the timelines cite', () => {
    expect(brief.sources.map((s) => [s.article, s.source])).toEqual([
      ['a1', 'harbour.example'], ['a2', 'coastnews.example'], ['a3', 'valleypost.example'],
    ])
  })

  it('brief compose: a member keeps the notes its check gave; others are assessed from their text', () => {
    expect(brief.sources[1]!.notes).toEqual([{ kind: 'unattributed-figure', note: '"$3 million" has no source' }])
    expect(brief.sources[0]!.notes.map((n) => n.kind)).toContain('unattributed-figure')
  })

  it('brief compose: the summary comes from members only', () => {
    expect(brief.summary.flatMap((s) => s.citations.map((c) => c.article)).every((a) => a === 'a1' || a === 'a2')).toBe(true)
  })

  it('brief compose: key quotes are quotes with a speaker, most outlets first', () => {
    expect(brief.quotes.map((f) => f.id)).toEqual(['q1'])
    expect(brief.quotes.length).toBeLessThanOrEqual(KEY_QUOTES)
  })

  it('brief: an unknown format is refused with the formats to use', () => {
    expect(() => renderBrief(brief, 'pdf' as 'md')).toThrow(UsageError)
    expect(() => renderBrief(brief, 'pdf' as 'md')).toThrow(/md, html, json/)
  })
})

describe('brief: facts table order', () => {
  it('brief compose: conflicts first, then agreed facts, then single-source ones', () => {
    expect(brief.facts.map((f) => f.status)).toEqual(['conflict', 'conflict', 'agreed'])
  })
})
