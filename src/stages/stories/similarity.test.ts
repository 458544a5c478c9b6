import { describe, expect, it } from 'vitest'
import { DocumentFrequencies, cosine, termCounts, tfidfVector } from './similarity.js'

const TEXTS = {
  talksA: 'Ministers met in Geneva to discuss the arms control treaty and its verification rules.',
  talksB: 'The arms control treaty and verification were discussed when ministers met in Geneva.',
  floods: 'Heavy rain flooded the river valley and farmers lost their harvest to the water.',
}

function vectors(): Record<keyof typeof TEXTS, ReturnType<typeof tfidfVector>> {
  const df = new DocumentFrequencies()
  const counts = Object.fromEntries(Object.entries(TEXTS).map(([k, t]) => [k, termCounts(t)])) as Record<keyof typeof TEXTS, Map<string, number>>
  for (const c of Object.values(counts)) df.add(c)
  return { talksA: tfidfVector(counts.talksA, df), talksB: tfidfVector(counts.talksB, df), floods: tfidfVector(counts.floods, df) }
}

describe('stories: similarity', () => {
  it('stories: drops function and reporting words and folds plurals', () => {
    expect([...termCounts('The ministers said the minister and the sanctions were new').entries()]).toEqual([['minister', 2], ['sanction', 1]])
  })

  it('stories: two wordings of one event are closer than two unrelated events', () => {
    const v = vectors()
    expect(cosine(v.talksA, v.talksB)).toBeGreaterThan(0.6)
    expect(cosine(v.talksA, v.floods)).toBeLessThan(0.05)
  })

  it('stories: a vector is unit length, so a text is fully similar to itself', () => {
    const v = vectors()
    expect(cosine(v.talksA, v.talksA)).toBeCloseTo(1, 10)
  })
})
