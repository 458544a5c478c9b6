import { describe, expect, it } from 'vitest'
import { renderCleanText } from '../../../document/index.js'
import { cleanTextPage } from './index.js'
import { findLayerProblems } from './invariants.js'

// A made-up scraped page with one leftover of each kind around a short article.
const PAGE = [
  '14 C',
  'Home » local » Harbour Pier Reopens',
  '',
  'Harbour Pier Reopens After Storm Repairs',
  '',
  'by Ana Silva - Local Editor',
  '',
  '(CityWire) The northern pier reopened on Tuesday after three weeks of repairs.',
  'Engineers replaced the cracked beams, the harbour authority said.',
  '',
  'What changes for ferries',
  '',
  'Ferries will return to the northern pier from Friday.',
  '',
  'Pro Tip: check the timetable before you travel.',
  '',
  '- Morning ferry: 7:00',
  '- Evening ferry: 19:00',
  '',
  'Engineers replaced the cracked beams, the harbour authority said.',
  '',
  'Disclaimer: The publisher gives this',
  'content without warranty of any kind.',
  'You may also like',
  '- Tram line approved',
  'Leave a Comment',
  'https://example.org/pier',
].join('\n')

describe('cleanTextPage', () => {
  const layer = cleanTextPage(PAGE)
  const text = renderCleanText(PAGE, layer).text

  it('clean/text: keeps every article sentence', () => {
    for (const s of [
      'The northern pier reopened on Tuesday after three weeks of repairs.',
      'Engineers replaced the cracked beams, the harbour authority said.',
      'What changes for ferries',
      'Ferries will return to the northern pier from Friday.',
      'Pro Tip: check the timetable before you travel.',
      'Morning ferry: 7:00',
      'Evening ferry: 19:00',
    ]) {
      expect(text).toContain(s)
    }
  })

  it.each([
    ['date-bar', '14 C'],
    ['navigation', 'Home » local » Harbour Pier Reopens'],
    ['title', 'Harbour Pier Reopens After Storm Repairs'],
    ['byline', 'by Ana Silva - Local Editor'],
    ['republication', '(CityWire)'],
    ['repeated', 'Engineers replaced the cracked beams, the harbour authority said.'],
    ['disclaimer', 'content without warranty of any kind.'],
    ['related-list', '- Tram line approved'],
    ['comment-prompt', 'Leave a Comment'],
    ['url-list', 'https://example.org/pier'],
  ])('clean/text: removes %s %j', (reason, snippet) => {
    const hit = layer.removed.find((r) => r.reason === reason && PAGE.slice(r.span.start, r.span.end).includes(snippet))
    expect(hit).toBeDefined()
  })

  it('clean/text: the repeated sentence appears once in the clean text', () => {
    expect(text.split('Engineers replaced the cracked beams').length).toBe(2)
  })

  it('clean/text: flags the tip box without removing it', () => {
    expect(layer.flags.map((f) => f.kind)).toEqual(['machine-filler'])
  })

  it('clean/text: every character is kept or removed, nothing overlaps', () => {
    expect(findLayerProblems(PAGE, layer)).toEqual([])
  })

  it.each([[''], ['   \n\n  '], ['Just one line.']])('clean/text: handles the edge input %j', (source) => {
    expect(findLayerProblems(source, cleanTextPage(source))).toEqual([])
  })
})

describe('findLayerProblems', () => {
  it.each([
    ['an overlap', { blocks: [{ kind: 'paragraph' as const, spans: [{ start: 0, end: 4 }] }], removed: [{ span: { start: 2, end: 6 }, reason: 'boilerplate' as const }], flags: [] }],
    ['uncovered text', { blocks: [{ kind: 'paragraph' as const, spans: [{ start: 0, end: 4 }] }], removed: [], flags: [] }],
    ['a span past the end', { blocks: [{ kind: 'paragraph' as const, spans: [{ start: 0, end: 99 }] }], removed: [], flags: [] }],
  ])('clean/text: reports %s', (_name, layer) => {
    expect(findLayerProblems('abcd efgh', layer)).not.toEqual([])
  })
})
