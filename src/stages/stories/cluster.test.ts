import { describe, expect, it } from 'vitest'
import { CROSS_LANGUAGE_SIMILARITY, SAME_STORY_SIMILARITY, StoryClusterer, daysBetween, joinThreshold, joinWindow, mergeWindows, storySimilarity, type ArticleFeatures } from './cluster.js'
import { DocumentFrequencies, termCounts, tfidfVector } from './similarity.js'

const ARTICLES = [
  { key: 'a1', date: '2024-03-12', text: 'The coastal republic and its northern neighbour signed a fishing accord on Tuesday, ending a dispute over quotas in the shared bay.', entities: ['country:XA', 'country:XB'] },
  { key: 'a2', date: '2024-03-12', text: 'A fishing accord over quotas in the shared bay was signed by the two neighbours, settling the dispute, officials in the northern capital said.', entities: ['country:XA', 'country:XB'] },
  { key: 'a3', date: '2024-03', text: 'Fishermen welcomed the quotas accord the two neighbours signed this week; the bay dispute had lasted a decade.', entities: ['country:XB'] },
  { key: 'b1', date: '2019-06-02', text: 'The coastal republic and its northern neighbour failed to agree on fishing quotas in the shared bay, and the dispute went on.', entities: ['country:XA', 'country:XB'] },
  { key: 'c1', date: '2024-03-12', text: 'A new railway tunnel under the mountains opened to freight trains after nine years of construction work.', entities: [] },
]

function withActors(counts: Map<string, number>, actors: readonly string[]): Map<string, number> {
  for (const a of actors) counts.set(a, (counts.get(a) ?? 0) + 1)
  return counts
}

function features(): ArticleFeatures<string>[] {
  const df = new DocumentFrequencies()
  const counts = ARTICLES.map((a) => termCounts(a.text))
  for (const c of counts) df.add(c)
  return ARTICLES.map((a, i) => ({ key: a.key, vector: tfidfVector(counts[i]!, df), entities: new Set(a.entities), quotes: new Set<string>(), date: a.date }))
}

describe('stories: clustering', () => {
  it('stories: three reports of one event are one story; the same dispute years earlier and an unrelated event are stories of their own', () => {
    const clusters = new StoryClusterer<string>((key) => key)
    const placed = features().map((f) => clusters.add(f).story)
    expect(placed).toEqual(['a1', 'a1', 'a1', 'b1', 'c1'])
    expect(clusters.stories[0]).toMatchObject({ first: '2024-03', last: '2024-03-12', size: 3 })
  })

  it('stories: a shared direct quote pulls a loosely worded report into the story', () => {
    const [a1, , , , c1] = features()
    const withQuote = new StoryClusterer<string>((key) => key)
    withQuote.add({ ...a1!, quotes: new Set(['q:we-will-sign']) })
    const joined = withQuote.add({ ...c1!, entities: a1!.entities, quotes: new Set(['q:we-will-sign']) })
    const without = new StoryClusterer<string>((key) => key)
    without.add(a1!)
    const apart = without.add({ ...c1!, entities: a1!.entities })
    expect(joined).toEqual({ story: 'a1', opened: false })
    expect(apart).toEqual({ story: 'c1', opened: true })
  })

  it('stories: a report in another language joins on the cross-language threshold; in the story\'s own language, or against a story whose languages are not known, it needs the same-language one', () => {
    // Two reports sharing their two actors and no word: between the two thresholds.
    const df = new DocumentFrequencies()
    const english = withActors(termCounts('Ministers of Arvania and Belmont signed the Kessel water accord in Tarnow on Tuesday after long talks over the river'), ['person:~ana-kessel', 'country:XA'])
    const german = withActors(termCounts('Die Minister unterzeichneten am Dienstag nach langen Gesprächen ein Abkommen über das Wasser des Flusses'), ['person:~ana-kessel', 'country:XA'])
    for (const filler of ['harbour cranes stood idle', 'a bakery opened downtown', 'the orchestra played late', 'snow closed the pass']) df.add(termCounts(filler))
    df.add(english)
    df.add(german)
    const en: ArticleFeatures<string> = { key: 'en', vector: tfidfVector(english, df), entities: new Set(['person:~ana-kessel', 'country:XA']), quotes: new Set(), date: '2024-05-07', language: 'en' }
    const de: ArticleFeatures<string> = { ...en, key: 'de', vector: tfidfVector(german, df), language: 'de' }
    const similarity = storySimilarity(de, { centroid: new Map(en.vector), entityCounts: new Map([...en.entities].map((e) => [e, 1])), quotes: new Set() })
    expect(similarity).toBeGreaterThanOrEqual(CROSS_LANGUAGE_SIMILARITY)
    expect(similarity).toBeLessThan(SAME_STORY_SIMILARITY)

    const across = new StoryClusterer<string>((key) => key)
    across.add(en)
    expect(across.add(de)).toEqual({ story: 'en', opened: false })
    expect(across.stories[0]!.languages).toEqual(new Set(['en', 'de']))

    const sameLanguage = new StoryClusterer<string>((key) => key)
    sameLanguage.add(en)
    expect(sameLanguage.add({ ...de, language: 'en' })).toEqual({ story: 'de', opened: true })

    const unknown = new StoryClusterer<string>((key) => key)
    unknown.restore({ id: 'old', first: '2024-05-07', last: '2024-05-07', centroid: new Map(en.vector), entityCounts: new Map([...en.entities].map((e) => [e, 1])), quotes: new Set(), size: 1 })
    expect(unknown.add(de)).toEqual({ story: 'de', opened: true })
    expect(joinThreshold(null, { languages: new Set(['en']) })).toBe(SAME_STORY_SIMILARITY)
  })

  it('stories: a restored story takes a new report as if it had never left memory', () => {
    const [a1, a2] = features()
    const first = new StoryClusterer<string>((key) => key)
    first.add(a1!)
    const [state] = first.changed()
    const second = new StoryClusterer<string>((key) => key)
    second.restore({ ...state!, centroid: new Map(state!.centroid), entityCounts: new Map(state!.entityCounts), quotes: new Set(state!.quotes) })
    expect(second.add(a2!)).toEqual({ story: 'a1', opened: false })
    expect(second.changed().map((s) => [s.id, s.size])).toEqual([['a1', 2]])
  })

  it.each([
    ['three days apart are two events', '2024-03-15', false],
    ['a day apart are one', '2024-03-13', true],
    ['without a reported date of its own, the publication date only has to be near', null, true],
  ])('stories: two alike reports whose reported event dates lie %s', (_, reported, together) => {
    // Regression (issue 4): a report of one event that looks ahead to the next, and a report of the
    // next that looks back, share words and actors; their own event dates tell them apart.
    const [a1, a2] = features()
    const clusters = new StoryClusterer<string>((key) => key)
    clusters.add({ ...a1!, reported: '2024-03-12' })
    const placed = clusters.add({ ...a2!, date: reported ?? '2024-03-14', reported })
    expect(placed.opened).toBe(!together)
  })

  it.each([
    ['2025-10-15', '2025-10-15', 0],
    ['2025-10', '2025-10-15', 0],
    ['2025-10-01', '2025-10-22', 21],
    ['2020', '2023-05-27', 877],
  ])('stories: daysBetween(%s, %s) is %d', (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days)
  })

  it.each([
    ['2025-10-15', '2025-10-15', { from: '2025-09-24', to: '2025-11-05' }],
    ['2020', '2020', { from: '2019-12-11', to: '2021-01-21' }],
  ])('stories: joinWindow(%s, %s) widens by the event gap', (from, to, window) => {
    expect(joinWindow(from, to)).toEqual(window)
  })
})

describe('mergeWindows', () => {
  it.each([
    ['overlapping and touching windows become one', [['2024-03-10', '2024-03-20'], ['2024-03-01', '2024-03-12'], ['2024-03-20', '2024-03-25']], [['2024-03-01', '2024-03-25']]],
    ['a window inside another adds nothing', [['2024-03-01', '2024-03-30'], ['2024-03-05', '2024-03-06']], [['2024-03-01', '2024-03-30']]],
    ['apart windows stay apart, earliest first', [['2025-01-01', '2025-01-05'], ['2020-06-01', '2020-06-02']], [['2020-06-01', '2020-06-02'], ['2025-01-01', '2025-01-05']]],
  ] as const)('mergeWindows: %s', (_, windows, expected) => {
    expect(mergeWindows(windows.map(([from, to]) => ({ from, to })))).toEqual(expected.map(([from, to]) => ({ from, to })))
  })
})
