import { describe, expect, it } from 'vitest'
import { sentences } from '../../src/stages/sentences/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { annotateSeed, textAt } from '../helpers/seeds.js'

const present = sharedAvailable('seed sentence tests')

function sentenceTexts(prefix: string): string[] {
  const doc = annotateSeed(prefix, [sentences])
  return doc.layers.sentences!.sentences.map((s) => textAt(doc, s.span).replace(/\s+/g, ' '))
}

describe.skipIf(!present)('sentences on the seed pages', () => {
  it('seeds: 002 keeps the two-sentence Lavrov quote inside its reporting sentence', () => {
    const texts = sentenceTexts('002')
    expect(texts).toContain('It is unthinkable.”')
    expect(texts.some((t) => t.startsWith('When asked whether Moscow could join Washington') && t.endsWith('especially against China.'))).toBe(true)
    expect(texts).toContain('China has about 600 but is expanding its stockpile faster than any other country.')
  })

  it('seeds: 003 reads hard-wrapped lines as one sentence and keeps "U.S." inside it', () => {
    const texts = sentenceTexts('003')
    expect(texts).toContain('At a meeting of the Valdai Discussion Club several weeks before the U.S. presidential election, Russian President Vladimir Putin made an interesting comment.')
    expect(texts).toContain('Under U.S. President Barack Obama, many senior officials believed that there wasn’t much to it and that the rapprochement was insincere, since the two countries don’t trust each other and there are fears in Russia of a Chinese demographic expansion in its Far East.')
  })

  it('seeds: 000 splits a sentence glued to the next without a space', () => {
    const texts = sentenceTexts('000')
    expect(texts).toContain('He stated that the concept of aligning with another country against the People’s Republic of China is simply inconceivable.')
    expect(texts.some((t) => t.startsWith('This reaffirmation comes amid'))).toBe(true)
  })

  it('seeds: every sentence lies inside the kept text, none is empty', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const doc = annotateSeed(prefix, [sentences])
      const kept = doc.layers.clean!.blocks.flatMap((b) => b.spans)
      for (const s of doc.layers.sentences!.sentences) {
        expect(s.span.end).toBeGreaterThan(s.span.start)
        expect(kept.some((k) => k.start <= s.span.start && s.span.start < k.end)).toBe(true)
      }
    }
  })
})
