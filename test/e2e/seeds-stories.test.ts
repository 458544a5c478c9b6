import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/api/analyze.js'
import type { Story } from '../../src/document/index.js'
import { openStore, type Store } from '../../src/store/index.js'
import { sharedAvailable } from '../helpers/cli.js'
import { SEEDS_DIR } from '../helpers/seeds.js'

// Issue 4 §1 and §7 on the seeds: three reports of the 2025 Lavrov interview are one story, the
// 2020 and 2023 pieces stories of their own, all three one Russia–China thread; placement is
// incremental and marks copies.
const present = sharedAvailable('seed stories tests')

// Our own words: one more report of the October 2025 interview, written for this test.
const OWN_REPORT = `Lavrov rules out joining Washington against Beijing

Published October 17, 2025

Moscow will not join any coalition aimed at China, Russian Foreign Minister Sergey Lavrov said in a newspaper interview this week.
Asked whether Russia and the United States could press China together into nuclear arms talks, Lavrov said Russia would not ally with anyone against anyone, least of all against China.
He recalled that President Vladimir Putin had offered to extend the New START treaty for a year, and that Washington had not answered.
`

let dir = ''
let store: Store
const inputOf = async (story: Story): Promise<string[]> => story.articles.map((a) => a.id)

describe.skipIf(!present)('stories on the seed pages', () => {
  const seedIds = new Map<string, string>()
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-seed-stories-'))
    store = await openStore({ path: join(dir, 'seeds.db') })
    await analyze([SEEDS_DIR], { store, workers: 0 })
    for (const d of await store.listDocuments()) seedIds.set(d.input.split('/').pop()!.slice(0, 3), d.id)
  }, 120_000)
  afterAll(async () => {
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const storyOfSeed = async (prefix: string): Promise<string | undefined> => store.storyOf(seedIds.get(prefix)!)

  it('seeds: exactly three stories: 000, 001 and 002 together, 003 alone, 004 alone', async () => {
    expect(await store.countStories()).toBe(3)
    const [a, b, c, d, e] = await Promise.all(['000', '001', '002', '003', '004'].map(storyOfSeed))
    expect(a).toBeDefined()
    expect([b, c]).toEqual([a, a])
    expect(new Set([a, d, e]).size).toBe(3)
    const interview = (await store.getStory(a!))!
    expect(interview).toMatchObject({ eventDate: '2025-10-15', eventDateBasis: 'reported-event', outlets: 3 })
    expect(interview.articles).toHaveLength(3)
    expect(interview.actors.map((x) => x.id)).toEqual(expect.arrayContaining(['person:sergey-lavrov', 'country:RU', 'country:CN']))
    expect((await store.getStory(d!))?.eventDate?.slice(0, 4)).toBe('2020')
    expect((await store.getStory(e!))?.eventDate?.slice(0, 4)).toBe('2023')
  })

  it('seeds: every story has its check saved', async () => {
    for (const s of await store.listStories()) expect((await store.getStoryCheck(s.id))?.story).toBe(s.id)
  })

  it('seeds: the three stories are one Russia–China thread, earliest first', async () => {
    const threads = await store.listThreads()
    expect(threads).toHaveLength(1)
    const thread = threads[0]!
    expect(thread.actors.map((a) => a.id)).toEqual(expect.arrayContaining(['country:RU', 'country:CN']))
    expect(thread.stories.map((s) => s.eventDate?.slice(0, 4))).toEqual(['2020', '2023', '2025'])
    for (const s of await store.listStories()) expect(s.thread).toBe(thread.id)
  })

  it('seeds: analysing the same inputs again changes nothing', async () => {
    const before = await Promise.all((await store.listStories()).map((s) => store.getStory(s.id)))
    const report = await analyze([SEEDS_DIR], { store, workers: 0 })
    expect(report.stories).toMatchObject({ placed: 0, changed: 0, threads: 0, skipped: [] })
    expect(await Promise.all((await store.listStories()).map((s) => store.getStory(s.id)))).toEqual(before)
  }, 120_000)

  it('seeds: re-analysing them with the same engine rewrites no story (each is composed again and found unchanged)', async () => {
    const before = await Promise.all((await store.listStories()).map((s) => store.getStory(s.id)))
    const report = await analyze([SEEDS_DIR], { store, workers: 0, reanalyze: true })
    expect(report.documentsAnnotated).toBe(5)
    expect(report.stories).toMatchObject({ placed: 0, changed: 0, threads: 0, skipped: [] })
    expect(await Promise.all((await store.listStories()).map((s) => store.getStory(s.id)))).toEqual(before)
  }, 120_000)

  it('seeds: a later report of the interview joins its story; the others stay as they were', async () => {
    const interview = (await storyOfSeed('000'))!
    const others = await Promise.all(['003', '004'].map(async (p) => store.getStory((await storyOfSeed(p))!)))
    const file = join(dir, 'own-report.txt')
    writeFileSync(file, OWN_REPORT)
    const report = await analyze([file], { store, workers: 0 })
    expect(report.stories).toMatchObject({ placed: 1, opened: 0, changed: 1, duplicates: 0 })
    const story = (await store.getStory(interview))!
    expect(story.articles).toHaveLength(4)
    expect(await inputOf(story)).toEqual(expect.arrayContaining([...['000', '001', '002'].map((p) => seedIds.get(p))]))
    expect(await Promise.all(others.map((s) => store.getStory(s!.id)))).toEqual(others)
    expect(await store.countStories()).toBe(3)
  }, 120_000)

  it('seeds: a copy of a seed under other furniture is marked duplicateOf its original', async () => {
    const original = readFileSync(join(SEEDS_DIR, (await store.listDocuments()).find((d) => d.id === seedIds.get('001'))!.input.split('/').pop()!), 'utf8')
    const file = join(dir, 'mirror-copy.txt')
    writeFileSync(file, `Mirror News | World | Politics\n\n${original}\n\nShare this article\nMore from Mirror News\n`)
    const report = await analyze([file], { store, workers: 0 })
    expect(report.stories).toMatchObject({ placed: 1, duplicates: 1, opened: 0 })
    const story = (await store.getStory((await storyOfSeed('001'))!))!
    const copy = story.articles.find((a) => a.duplicateOf !== null)
    expect(copy?.duplicateOf?.id).toBe(seedIds.get('001'))
    expect(copy?.duplicateOf?.similarity).toBeGreaterThanOrEqual(0.7)
  }, 120_000)
})
