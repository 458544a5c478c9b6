import { describe, expect, it } from 'vitest'
import { storyCountText } from './stories.js'

describe('storyCountText', () => {
  const items = (n: number): unknown[] => Array.from({ length: n }, (_, i) => i)
  it.each([
    ['an empty list', { items: [], total: 0, offset: 0, limit: 25 }, 'no stories'],
    ['the first page', { items: items(25), total: 212, offset: 0, limit: 25 }, '1–25 of 212'],
    ['the last page', { items: items(12), total: 212, offset: 200, limit: 25 }, '201–212 of 212'],
    ['a search bounded to its newest matches', { items: items(25), total: 212, offset: 0, limit: 25, totalCapped: true as const },
      '1–25 of 212, from the newest matching articles; narrow the search for older ones'],
    ['a bounded search with no story', { items: [], total: 0, offset: 0, limit: 25, totalCapped: true as const }, 'no stories among the newest matching articles'],
  ])('%s', (_label, page, text) => {
    expect(storyCountText(page)).toBe(text)
  })
})
