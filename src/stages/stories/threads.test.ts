import { describe, expect, it } from 'vitest'
import { linkThreads, linked, type ThreadNode } from './threads.js'

// Story centroids in our own words: unit vectors over a handful of topic terms.
function centroid(weights: Record<string, number>): Map<string, number> {
  const norm = Math.sqrt(Object.values(weights).reduce((s, w) => s + w * w, 0))
  return new Map(Object.entries(weights).map(([t, w]) => [t, w / norm]))
}

const XA = { id: 'country:XA', name: 'Xaland' }
const XB = { id: 'country:XB', name: 'Xbria' }
const XC = { id: 'country:XC', name: 'Xcoria' }
const LEADER = { id: 'person:~ana-vell', name: 'Ana Vell' }
const FISHING = centroid({ fishing: 3, quota: 2, bay: 2, accord: 1 })
const FISHING_LATER = centroid({ fishing: 2, quota: 3, bay: 1, boat: 1 })
const TUNNEL = centroid({ tunnel: 3, railway: 2, freight: 2 })

function node(id: string, actors: ThreadNode['actors'], c: Map<string, number>, eventDate: string | null = null, thread: string | null = null): ThreadNode {
  return { id, title: `story ${id}`, eventDate, thread, actors, centroid: c }
}

describe('threads: linking', () => {
  it.each([
    ['the same leading pair and topic', [XA, XB, XC], [XB, XA], FISHING_LATER, true],
    ['the same leading pair, another topic', [XA, XB], [XA, XB], TUNNEL, false],
    ['two shared actors, but not the pair both lead with (one busy pair everywhere)', [XA, LEADER, XB], [XA, XC, XB, LEADER], FISHING_LATER, false],
    ['one lead actor only', [XA], [XA, XB], FISHING_LATER, false],
  ] as const)('threads: %s → linked %s', (_, actorsA, actorsB, other, expected) => {
    expect(linked(node('st-a', actorsA, FISHING), node('st-b', actorsB, other))).toBe(expected)
  })

  it('threads: linked stories of any year become one thread, earliest first, named for their shared actors and topic', () => {
    const nodes = [node('st-2024', [XA, XB], FISHING, '2024-03-12'), node('st-2019', [XB, XA], FISHING_LATER, '2019-06'), node('st-tunnel', [XA, XB], TUNNEL, '2024-03-12')]
    const { threads, removed } = linkThreads(nodes, new Set(nodes.map((n) => n.id)))
    expect(removed).toEqual([])
    expect(threads).toHaveLength(1)
    expect(threads[0]).toMatchObject({ id: 'th-2019', actors: [XA, XB].map((a) => expect.objectContaining({ id: a.id })) })
    expect(threads[0]!.stories.map((s) => s.id)).toEqual(['st-2019', 'st-2024'])
    expect(threads[0]!.title).toMatch(/^Xaland, Xbria: /)
    expect(threads[0]!.terms).toContain('fishing')
  })

  it('threads: a new story joins an existing thread, which keeps its id', () => {
    const nodes = [
      node('st-2019', [XA, XB], FISHING, '2019-06', 'th-2019'),
      node('st-2024', [XA, XB], FISHING_LATER, '2024-03-12', 'th-2019'),
      node('st-2025', [XB, XA], FISHING, '2025-01-02'),
    ]
    const { threads, removed } = linkThreads(nodes, new Set(['st-2025']))
    expect(removed).toEqual([])
    expect(threads.map((t) => [t.id, t.stories.map((s) => s.id)])).toEqual([['th-2019', ['st-2019', 'st-2024', 'st-2025']]])
  })

  it.each([
    ['a story dated before all of it', [['st-2019', 'th-2019'], ['st-2024', 'th-2019'], ['st-2015', null]], ['st-2015'], 'th-2019', []],
    ['a story linking two threads (the larger keeps its id)', [['st-2015', 'th-2015'], ['st-2019', 'th-2019'], ['st-2024', 'th-2019'], ['st-2025', null]], ['st-2025'], 'th-2019', ['th-2015']],
  ] as const)('threads: a thread joined by %s keeps its id', (_, stories, changed, id, removed) => {
    const nodes = stories.map(([story, thread]) => node(story, [XA, XB], FISHING, story.slice(3), thread))
    const result = linkThreads(nodes, new Set(changed))
    expect(result.threads.map((t) => [t.id, t.stories.map((s) => s.id)])).toEqual([[id, [...stories.map(([s]) => s)].sort()]])
    expect(result.removed).toEqual(removed)
  })

  it('threads: a changed story that links to nothing writes no thread', () => {
    const nodes = [node('st-fish', [XA, XB], FISHING), node('st-tunnel', [XC, LEADER], TUNNEL)]
    expect(linkThreads(nodes, new Set(['st-tunnel']))).toEqual({ threads: [], removed: [] })
  })
})
