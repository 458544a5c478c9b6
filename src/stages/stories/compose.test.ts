import { describe, expect, it } from 'vitest'
import type { Document, Entity, Mention } from '../../document/index.js'
import { composeStory, type StoryMember } from './compose.js'
import { termCounts } from './similarity.js'

// Members written in our own words, built by hand: a headline, a body, its actors and dates.
interface Sketch {
  readonly id: string
  readonly headline: string
  readonly body: string
  readonly eventDate?: string
  readonly published?: string
  readonly actors?: ReadonlyArray<readonly [id: string, name: string, mentions: number]>
  readonly mismatch?: boolean
  readonly language?: string
}

function member(s: Sketch): StoryMember {
  const entities: Entity[] = (s.actors ?? []).map(([id, name]) => ({ id, type: id.startsWith('person:') ? 'person' : 'country', name, aliases: [name], roles: [], known: true }))
  const mentions: Mention[] = (s.actors ?? []).flatMap(([id, , n]) => Array.from({ length: n }, () => ({ span: { start: 0, end: 1 }, entity: id, kind: 'name' as const, sentence: 0 })))
  const doc: Document = {
    id: s.id,
    origin: { input: `${s.id}.txt`, blob: s.id, container: 'text' },
    charset: { name: 'utf-8', basis: 'valid-utf8', confidence: 1 },
    hints: { title: s.headline, url: `https://${s.id}.example/story` },
    source: `${s.headline}\n${s.body}`,
    layers: { entities: { entities, mentions }, ...(s.language ? { metadata: { authors: [], language: { value: s.language, basis: 'html[lang]', confidence: 0.9 } } } : {}) },
    messages: [],
  }
  return {
    doc,
    article: {
      text: s.body,
      counts: termCounts(s.body),
      entities: new Set(entities.map((e) => e.id)),
      quotes: new Set(),
      date: s.eventDate ?? s.published ?? null,
      eventDate: s.eventDate ?? null,
      published: s.published ?? null,
      language: s.language ?? null,
    },
    duplicateOf: null,
    headlineMismatch: s.mismatch ?? false,
  }
}

function unit(counts: Map<string, number>): Map<string, number> {
  const norm = Math.sqrt([...counts.values()].reduce((s, w) => s + w * w, 0))
  return new Map([...counts].map(([t, w]) => [t, w / norm]))
}

const CENTRAL = { id: 'central', headline: 'Neighbours sign fishing accord', body: 'The two neighbours signed a fishing accord over quotas in the shared bay, ending the dispute.' }
const OFF_CENTRE = { id: 'offcentre', headline: 'Bay dispute settled', body: 'Fishermen in the northern port welcomed news that the bay dispute was over.' }

describe('stories: composing', () => {
  it('stories: the title is the headline of the member closest to the centroid', () => {
    const members = [member(OFF_CENTRE), member(CENTRAL)]
    const story = composeStory('st-fish', members, unit(termCounts(CENTRAL.body)), '2024-03-13T08:00:00Z')
    expect(story).toMatchObject({ title: CENTRAL.headline, titleFrom: 'central' })
  })

  it('stories: a headline the body does not support (headline-mismatch) is passed over, however central', () => {
    const members = [member({ ...CENTRAL, headline: 'Neighbours go to war over fish', mismatch: true }), member(OFF_CENTRE)]
    const story = composeStory('st-fish', members, unit(termCounts(CENTRAL.body)), '2024-03-13T08:00:00Z')
    expect(story).toMatchObject({ title: OFF_CENTRE.headline, titleFrom: 'offcentre' })
  })

  it.each([
    ['the date most members report', [{ eventDate: '2024-03-12', published: '2024-03-13' }, { eventDate: '2024-03-12' }, { eventDate: '2024-03-11', published: '2024-03-11' }], '2024-03-12', 'reported-event'],
    ['the earliest reported date on a tie', [{ eventDate: '2024-03-12' }, { eventDate: '2024-03-11' }], '2024-03-11', 'reported-event'],
    ['a reported date over any publication date', [{ published: '2024-03-10' }, { eventDate: '2024-03-12', published: '2024-03-13' }], '2024-03-12', 'reported-event'],
    ['the earliest publication date when none reports one', [{ published: '2024-03-14' }, { published: '2024-03-13' }], '2024-03-13', 'published'],
    ['nothing when no member is dated', [{}, {}], null, 'none'],
  ] as const)('stories: event date is %s', (_, dates, eventDate, basis) => {
    const members = dates.map((d, i) => member({ ...CENTRAL, id: `m${i}`, ...d }))
    const story = composeStory('st-fish', members, unit(termCounts(CENTRAL.body)), '2024-03-15T08:00:00Z')
    expect(story).toMatchObject({ eventDate, eventDateBasis: basis })
  })

  it('stories: first and last span every member date; outlets count distinct sources', () => {
    const members = [member({ ...CENTRAL, id: 'a', eventDate: '2024-03-12' }), member({ ...OFF_CENTRE, id: 'b', published: '2024-03-14' })]
    expect(composeStory('st-fish', members, unit(termCounts(CENTRAL.body)), '2024-03-15T08:00:00Z')).toMatchObject({ first: '2024-03-12', last: '2024-03-14', outlets: 2 })
  })

  it('stories: actors named by as many members are ranked by mentions, so a one-article story leads with whom it is about', () => {
    const story = composeStory('st-fish', [member({ ...CENTRAL, actors: [['country:XA', 'Xaland', 1], ['person:~ana-vell', 'Ana Vell', 4], ['country:XB', 'Xbria', 2]] })], unit(termCounts(CENTRAL.body)), '2024-03-15T08:00:00Z')
    expect(story.actors.map((a) => a.id)).toEqual(['person:~ana-vell', 'country:XB', 'country:XA'])
  })

  it('stories: a story says the languages its articles are written in, most articles first', () => {
    const members = [
      member({ ...CENTRAL, language: 'de-DE' }),
      member({ ...OFF_CENTRE, id: 'b', language: 'en' }),
      member({ ...OFF_CENTRE, id: 'c', language: 'de' }),
      member({ ...OFF_CENTRE, id: 'd' }),
    ]
    const story = composeStory('st-fish', members, unit(termCounts(CENTRAL.body)), '2024-03-13T08:00:00Z')
    expect(story.languages).toEqual(['de', 'en'])
    expect(story.articles.map((a) => a.language)).toEqual(['de', 'en', 'de', null])
  })
})
