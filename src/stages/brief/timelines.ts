import type { Document, Timeline } from '../../document/index.js'
import { stanceQueriesIn, timelineFrom, type TimelineQuery } from '../analysis/stance.js'

/** Stance timelines a brief shows: the story's main actor pairs, not every pair it mentions. */
export const BRIEF_TIMELINES = 2

/** Queries of a story read for timelines, at most: its most stated positions. */
const MAX_TIMELINE_QUERIES = 12

/**
 * The timelines of what a story's own articles take positions on: each (actor, counterpart,
 * topic) of {@link storyQueries}, read across `threadDocs` (the story's thread: its members and
 * earlier and later stories). A timeline where the position shifts comes first, then one with more
 * statements, then the one more members state; a query with no statement is dropped, and an actor
 * pair is shown once.
 *
 * @example
 * storyTimelines(members, threadDocs) // [{ actor: Russia, counterpart: China, topic: 'alliance', statements: [2020 …, 2023 …, 2025 …] }]
 */
export function storyTimelines(members: readonly Document[], threadDocs: readonly Document[], n: number = BRIEF_TIMELINES): Timeline[] {
  const ranked = storyQueries(members)
    .slice(0, MAX_TIMELINE_QUERIES)
    .map((query, order) => ({ timeline: timelineFrom(threadDocs, query), order }))
    .filter(({ timeline }) => timeline.statements.length > 0)
    .sort((a, b) => shifts(b.timeline) - shifts(a.timeline) || b.timeline.statements.length - a.timeline.statements.length || a.order - b.order)
  const out: Timeline[] = []
  const pairs = new Set<string>()
  for (const { timeline } of ranked) {
    if (out.length >= n) break
    const pair = [timeline.actor.id, timeline.counterpart.id].sort().join('|')
    if (pairs.has(pair)) continue
    pairs.add(pair)
    out.push(timeline)
  }
  return out
}

const shifts = (timeline: Timeline): number => timeline.statements.filter((s) => s.shift !== null).length

/**
 * Every (actor, counterpart, topic) a story's articles take a position on, the one most members
 * state first (ties in the order met): what {@link storyTimelines} reads the thread for, so a
 * caller loading the thread keeps only the articles that state one of them.
 *
 * @example
 * storyQueries(members)[0] // { actor: Russia, counterpart: China, topic: 'alliance' }
 */
export function storyQueries(members: readonly Document[]): TimelineQuery[] {
  const counted = new Map<string, { query: TimelineQuery; members: number; order: number }>()
  for (const doc of members) {
    for (const query of stanceQueriesIn(doc)) {
      const key = `${query.actor.id}|${query.counterpart.id}|${query.topic ?? ''}`
      const seen = counted.get(key)
      if (seen !== undefined) seen.members++
      else counted.set(key, { query, members: 1, order: counted.size })
    }
  }
  return [...counted.values()].sort((a, b) => b.members - a.members || a.order - b.order).map(({ query }) => query)
}
