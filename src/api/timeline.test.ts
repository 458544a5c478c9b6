import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Timeline } from '../document/index.js'
import { UsageError } from '../errors.js'
import { openStore, type Store } from '../store/index.js'
import { analyze } from './analyze.js'
import { allTimelines, findTimeline } from './timeline.js'

// Three short reports of our own, through the whole engine into an in-memory store: a Chilean
// minister open to an alliance with Peru in 2021, against it in 2024 (the same words in two outlets).
const ARTICLES: Record<string, string> = {
  'open-2021.txt': `Chile open to Peru alliance

SANTIAGO, June 2, 2021 — Chilean Foreign Minister Ana Costa said on Tuesday that an alliance with Peru could be possible.
"We are not going to rule it out," Costa said of a military alliance with Peru.
`,
  'against-2024.txt': `Chile rules out alliance with Peru

SANTIAGO, March 10, 2024 — Chilean Foreign Minister Ana Costa said on Sunday that Chile will not form a military alliance with Peru.
"Chile will not ally with Peru against anyone," Costa told reporters in Santiago.
`,
  'against-2024-copy.txt': `Costa: no alliance with Peru

SANTIAGO, March 11, 2024 — Chilean Foreign Minister Ana Costa said on Sunday that her country will not form a military alliance with Peru.
"Chile will not ally with Peru against anyone," Costa said.
`,
}

let dir = ''
let store: Store

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-timeline-'))
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text)
  store = await openStore({ path: ':memory:' })
  await analyze([dir], { store })
}, 60_000)

afterAll(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const rows = (t: Timeline): string[][] =>
  t.statements.map((s) => [s.date ?? '-', s.speaker?.name ?? '-', s.position, s.shift === null ? '' : `shift from ${s.shift.from}`, String(s.citations.length)])

describe('findTimeline', () => {
  it('timeline: orders a minister\'s statements, merges one statement in two outlets, marks the shift', async () => {
    const t = await findTimeline(store, { actor: 'Chile', counterpart: 'Peru', topic: 'alliance' })
    expect(rows(t)).toEqual([
      ['2021-06-01', 'Ana Costa', 'open', '', '1'],
      ['2024-03-10', 'Ana Costa', 'against', 'shift from open', '2'],
    ])
    expect(t.statements[1]!.quote.text).toContain('Chile will not ally with Peru against anyone')
  })

  it.each([
    ['an id', 'country:CL'],
    ['a name in another case', 'chile'],
    ['a name the gazetteer knows', 'Republic of Chile'],
  ])('timeline: resolves the actor by %s', async (_, actor) => {
    const t = await findTimeline(store, { actor, counterpart: 'Peru', topic: 'alliance' })
    expect([t.actor.id, t.statements.length]).toEqual(['country:CL', 2])
  })

  it('timeline: an unknown name is a UsageError that names it and points to `dossier entities`', async () => {
    const error = await findTimeline(store, { actor: 'Atlantis', counterpart: 'Peru' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toMatch(/"Atlantis".*dossier entities/)
  })

  it('timeline: an unknown topic is a UsageError listing the topics', async () => {
    await expect(findTimeline(store, { actor: 'Chile', counterpart: 'Peru', topic: 'weather' })).rejects.toThrow(/Topics: alliance/)
  })

  it('timeline: without a topic, every action counts; a topic is named as in TOPICS', async () => {
    expect((await findTimeline(store, { actor: 'Chile', counterpart: 'Peru' })).topic).toBeNull()
    expect((await findTimeline(store, { actor: 'Chile', counterpart: 'Peru', topic: 'Ally' })).topic).toBe('alliance')
  })
})

describe('allTimelines', () => {
  it('timeline: yields each actor, counterpart and topic with two statements or more', async () => {
    const all: Timeline[] = []
    for await (const t of allTimelines(store)) all.push(t)
    expect(all.map((t) => [t.actor.name, t.counterpart.name, t.topic, t.statements.length])).toEqual([['Chile', 'Peru', 'alliance', 2]])
  })
})
