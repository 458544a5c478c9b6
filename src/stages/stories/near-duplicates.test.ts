import { describe, expect, it } from 'vitest'
import { estimateJaccard, minhashSignature, shingleHashes } from './minhash.js'
import { NearDuplicateIndex } from './near-duplicates.js'

const WIRE = [
  'The two ministers met in Geneva on Tuesday to discuss the future of the arms control treaty that expires next year.',
  'Both sides said the talks were useful but gave no details of any agreement on verification or on the number of launchers.',
  'A spokesman for the foreign ministry said further meetings would follow in the spring, and that experts would meet first.',
  'Analysts said the meeting was the first at this level in three years and a sign that both capitals want to keep talking.',
].join(' ')

const REPUBLISHED = `Geneva talks: what we know. ${WIRE} Read more: our coverage of arms control. Follow us for updates.`

const OTHER_REPORT = [
  'Arms control diplomats gathered on Tuesday in Geneva, where the foreign ministers held their first meeting in three years.',
  'Officials would not say whether the sides agreed on verification, and a ministry spokesman promised more meetings in the spring.',
  'The treaty expires next year; experts expect talks on launchers to be the hardest part of any new deal.',
].join(' ')

describe('stories: near-duplicates', () => {
  it('stories: a republished copy with extra furniture is a near-duplicate of its original', () => {
    const index = new NearDuplicateIndex<string>()
    expect(index.add('wire', minhashSignature(WIRE))).toEqual([])
    const found = index.add('copy', minhashSignature(REPUBLISHED))
    expect(found.map((f) => f.key)).toEqual(['wire'])
    expect(found[0]!.similarity).toBeGreaterThan(0.7)
  })

  it('stories: another outlet reporting the same meeting in its own words is not a near-duplicate', () => {
    const index = new NearDuplicateIndex<string>()
    index.add('wire', minhashSignature(WIRE))
    expect(index.add('other', minhashSignature(OTHER_REPORT))).toEqual([])
  })

  it('stories: the estimate tracks the true Jaccard similarity of the shingle sets', () => {
    const a = shingleHashes(WIRE)
    const b = shingleHashes(REPUBLISHED)
    const setA = new Set(a)
    const shared = [...new Set(b)].filter((h) => setA.has(h)).length
    const truth = shared / (setA.size + new Set(b).size - shared)
    expect(Math.abs(estimateJaccard(minhashSignature(WIRE), minhashSignature(REPUBLISHED)) - truth)).toBeLessThan(0.12)
  })

  it('stories: empty texts match nothing, not even each other', () => {
    expect(estimateJaccard(minhashSignature(''), minhashSignature(''))).toBe(0)
  })

  it('stories: query finds a duplicate without adding the article', () => {
    const index = new NearDuplicateIndex<number>()
    index.add(1, minhashSignature(WIRE))
    expect(index.query(minhashSignature(WIRE))[0]).toEqual({ key: 1, similarity: 1 })
    expect(index.size).toBe(1)
  })
})
