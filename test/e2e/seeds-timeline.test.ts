import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/api/analyze.js'
import { findTimeline } from '../../src/api/timeline.js'
import type { Timeline } from '../../src/document/index.js'
import { openStore, type Store } from '../../src/store/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { SEEDS_DIR } from '../helpers/seeds.js'

// The timeline check: Russia on a military alliance with China across the five seed pages
// (2020 Putin open, 2023 Putin against, 2025 Lavrov against in three reports), through `analyze`.
const present = sharedAvailable('seed timeline tests')

const PUTIN = 'person:vladimir-putin'
const LAVROV = 'person:sergey-lavrov'

let dir = ''
let store: Store
let timeline: Timeline

describe.skipIf(!present)('the Russia–China alliance timeline on the seed pages', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-seeds-timeline-'))
    store = await openStore({ path: join(dir, 'seeds.db') })
    await analyze([SEEDS_DIR], { store })
    timeline = await findTimeline(store, { actor: 'Russia', counterpart: 'China', topic: 'alliance' })
  }, 120_000)
  afterAll(async () => {
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('seeds: three statements, 2020 → 2023 → 2025, with the right speakers and positions', () => {
    expect(timeline.statements.map((s) => [s.date?.slice(0, 4), s.speaker?.id, s.position])).toEqual([
      ['2020', PUTIN, 'open'],
      ['2023', PUTIN, 'against'],
      ['2025', LAVROV, 'against'],
    ])
  })

  it('seeds: the shift is marked at 2023 (open → against) and nowhere else', () => {
    expect(timeline.statements.map((s) => s.shift?.from ?? null)).toEqual([null, 'open', null])
  })

  it('seeds: 2020 rests on Putin\'s "not going to rule it out"', () => {
    expect(timeline.statements[0]!.quote.text.replace(/\s+/g, ' ')).toContain('not going to rule it out')
  })

  it('seeds: 2023 rests on Putin\'s words that Russia forms no military alliance with China', () => {
    const quotes = timeline.statements[1]!.citations.map((c) => c.text.replace(/\s+/g, ' '))
    expect(quotes.some((q) => /military alliance/.test(q))).toBe(true)
  })

  it('seeds: 2025 is one row carried by the three reports of the interview, Lavrov as foreign minister', () => {
    const row = timeline.statements[2]!
    expect(new Set(row.citations.map((c) => c.article)).size).toBe(3)
    expect(row.speaker).toEqual({ id: LAVROV, name: 'Sergey Lavrov', role: 'foreign minister' })
    expect(row.quote.text).toContain('Russia will not ally with anyone against anyone')
    expect(row.counterpartRole).toBe('against')
  })

  it('seeds: every citation is the exact text at its span', async () => {
    for (const s of timeline.statements) {
      for (const c of [s.quote, ...s.citations]) {
        const doc = await store.getDocument(c.article)
        expect(doc!.source.slice(c.span.start, c.span.end)).toBe(c.text)
      }
    }
  })
})
