import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/api/analyze.js'
import { briefOf, renderBrief, topStories } from '../../src/api/brief.js'
import type { Brief, Document } from '../../src/document/index.js'
import { outletKey } from '../../src/document/index.js'
import { citationsOf } from '../../src/stages/brief/citations.js'
import { openStore, type Store } from '../../src/store/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { SEEDS_DIR } from '../helpers/seeds.js'

// The whole engine on the five seed pages: analyze into a store, then the brief of the story of
// seed 002 (the 2025 interview, three outlets); its timelines read across its thread (the 2020
// and 2023 pieces).
const present = sharedAvailable('seed brief tests')

let dir = ''
let store: Store
const docs = new Map<string, Document>()
let brief: Brief
const flat = (text: string): string => text.replace(/\s+/g, ' ')
const prefixOf = (id: string): string => docs.get(id)!.origin.input.split('/').pop()!.slice(0, 3)

describe.skipIf(!present)('seeds: the brief of the 2025 interview', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-seed-brief-'))
    store = await openStore({ path: join(dir, 'seeds.db') })
    await analyze([SEEDS_DIR], { store, workers: 0 })
    for await (const doc of store.iterateDocuments()) docs.set(doc.id, doc)
    const interview = [...docs.values()].find((d) => d.origin.input.includes('/002_'))!
    brief = await briefOf(store, (await store.storyOf(interview.id))!)
  }, 120_000)
  afterAll(async () => {
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('seeds brief: the interview story is the top story, of three outlets', async () => {
    expect((await topStories(store, 1))[0]?.id).toBe(brief.story.id)
    expect(brief.story.outlets).toBe(3)
  })

  it('seeds brief: an article with no publisher and no URL is of "unknown outlet", never its file name, and the story counts it as its own outlet (issue 15)', () => {
    expect(brief.story.articles.map((a) => a.source).sort()).toEqual(['MENAFN', 'unknown outlet', 'unknown outlet'])
    const members = new Set(brief.story.articles.map((a) => a.id))
    expect(brief.sources.filter((s) => members.has(s.article)).map((s) => s.source).sort()).toEqual(['MENAFN', 'unknown outlet', 'unknown outlet'])
    expect(new Set(brief.story.articles.map((a) => outletKey(a.source, a.id))).size).toBe(brief.story.outlets)
  })

  it('seeds brief: the summary cites at least two outlets', () => {
    // Two seeds name no publisher and no URL: each is its own unknown outlet (issue 15).
    const outlets = new Set(brief.summary.flatMap((s) => s.citations.map((c) => outletKey(c.source, c.article))))
    expect(outlets.size).toBeGreaterThanOrEqual(2)
  })

  it('seeds brief: every citation is the exact text of its span in its document', () => {
    const cited = citationsOf(brief)
    expect(cited.length).toBeGreaterThan(20)
    for (const c of cited) {
      const doc = docs.get(c.article)!
      expect(doc.source.slice(c.span.start, c.span.end)).toBe(c.text)
    }
  })

  it('seeds brief: the Lavrov quote is a key quote with his name, role and both outlets that print it', () => {
    const quote = brief.quotes.find((f) => f.citations[0]!.text.startsWith('Russia will not ally with anyone against anyone'))
    expect(quote?.who).toMatchObject({ id: 'person:sergey-lavrov', name: 'Sergey Lavrov', role: 'foreign minister' })
    expect(quote!.outlets).toBeGreaterThanOrEqual(2)
    expect(renderBrief(brief, 'md')).toContain('**Sergey Lavrov (foreign minister)**: “Russia will not ally with anyone against anyone')
  })

  it('seeds brief: the warhead conflict shows both counts with their sources', () => {
    const conflict = brief.conflicts.find((c) => /warhead/.test(c.measure) && c.subject?.id === 'country:RU')
    expect(conflict?.values.map((v) => [v.value, v.attribution]).sort()).toEqual([
      [4477, 'Federation of American Scientists'],
      [5459, 'Stockholm International Peace Research Institute'],
    ])
    const md = renderBrief(brief, 'md')
    expect(md).toMatch(/^- \*\*4,477 warheads\*\* — as of 2025; per Federation of American Scientists.* \[\d\]$/m)
    expect(md).toMatch(/^- \*\*5,459 warheads\*\* — .*per Stockholm International Peace Research Institute.* \[\d\]$/m)
  })

  it('seeds brief: the Russia–China alliance timeline runs 2020 → 2023 → 2025 with its positions', () => {
    const timeline = brief.timelines.find((t) => t.actor.id === 'country:RU' && t.counterpart.id === 'country:CN' && t.topic === 'alliance')
    expect(timeline?.statements.map((s) => [s.date?.slice(0, 4), s.position])).toEqual([['2020', 'open'], ['2023', 'against'], ['2025', 'against']])
    expect(timeline!.statements[1]!.shift).toEqual({ from: 'open' })
  })

  it('seeds brief: the sources list the three outlets first, then the earlier pieces the timeline cites', () => {
    expect(brief.sources.slice(0, 3).map((s) => prefixOf(s.article)).sort()).toEqual(['000', '001', '002'])
    expect(brief.sources.slice(3).map((s) => prefixOf(s.article)).sort()).toEqual(['003', '004'])
    expect(brief.sources.find((s) => prefixOf(s.article) === '001')!.notes.map((n) => n.kind)).toContain('factual-slip')
  })

  it('seeds brief: every line of the Markdown that states something cites a source', () => {
    const lines = renderBrief(brief, 'md').split('\n')
    const claims = lines.filter((line, i) => line.trim() !== '' && !line.startsWith('#') && !/^\|[-|]+\|$/.test(line) && !/^\|[-|]+\|$/.test(lines[i + 1] ?? ''))
    for (const line of claims) expect(line, line).toMatch(/(?<!\\)\[\d+\]/)
  })

  it('seeds brief: the summary leaves out filler and slips the check notes', () => {
    const texts = brief.summary.map((s) => flat(s.text))
    expect(texts.some((t) => t.includes('then-U.S. President'))).toBe(false)
    expect(texts.some((t) => t.startsWith('Did You Know') || t.startsWith('Pro Tip'))).toBe(false)
  })
})
