import { describe, expect, it } from 'vitest'
import { renderCleanText } from '../../../document/index.js'
import { cleanTextPage } from './index.js'

const SENTENCE = 'The harbour council voted on Tuesday to raise ferry fares by ten percent, citing fuel costs. '

describe('text cleaning on long repetitive text (issue 10: 22 MB overflowed the call stack)', () => {
  it('cleans 22 MB of one sentence repeated, keeping its first copy', () => {
    const source = SENTENCE.repeat(240_000)
    expect(source.length).toBeGreaterThan(22_000_000)
    const clean = cleanTextPage(source)
    expect(renderCleanText(source, clean).text.trim()).toBe(SENTENCE.trim())
    expect(clean.removed.some((r) => r.reason === 'repeated')).toBe(true)
  })
})
