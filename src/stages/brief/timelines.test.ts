import { describe, expect, it } from 'vitest'
import { annotatedArticle } from '../../../test/helpers/briefs.js'
import { storyTimelines } from './timelines.js'

/*
 * Our own articles about made-up statements by real governments: one story where France praises
 * Germany in two outlets (a timeline with no shift), and earlier coverage in which France's stance on
 * an alliance with Germany moves from open to against (a timeline with a shift).
 */
const praise = (id: string, host: string): ReturnType<typeof annotatedArticle> => annotatedArticle(id, `https://${host}/a`, [
  'Paris welcomes Berlin budget deal',
  'PARIS, May 14, 2024 — French President Emmanuel Macron praised Germany on Tuesday for its budget agreement.',
  'Macron said France would ally with Germany if the treaty talks succeeded.',
  'Macron said on Tuesday that France would not ally with Germany against any third country.',
].join('\n\n'))
const earlier = annotatedArticle('e1', 'https://archive.example/a', [
  'Macron keeps door open to pact',
  'PARIS, March 3, 2021 — French President Emmanuel Macron said on Wednesday that an alliance between France and Germany could not be ruled out.',
].join('\n\n'))

describe('brief: storyTimelines', () => {
  it('shows first the timeline whose position shifts, one per actor pair', () => {
    const members = [praise('m1', 'one.example'), praise('m2', 'two.example')]
    const timelines = storyTimelines(members, [...members, earlier])
    expect(timelines.length).toBeGreaterThan(0)
    const [first] = timelines
    expect(first!.statements.some((s) => s.shift !== null)).toBe(true)
    const pairs = timelines.map((t) => [t.actor.id, t.counterpart.id].sort().join('|'))
    expect(new Set(pairs).size).toBe(pairs.length)
  })
})
