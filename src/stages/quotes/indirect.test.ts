import { describe, expect, it } from 'vitest'
import type { Block } from '../../document/index.js'
import { segmentSentences } from '../sentences/index.js'
import { findQuotes } from './index.js'

function reported(text: string): { text: string; cue: string; speaker: string | null }[] {
  const blocks: Block[] = [{ kind: 'paragraph', spans: [{ start: 0, end: text.length }] }]
  const at = (s: { start: number; end: number } | null): string | null => (s === null ? null : text.slice(s.start, s.end))
  return findQuotes(text, segmentSentences(text, blocks), undefined).quotes
    .filter((q) => !q.direct)
    .map((q) => ({ text: at(q.span)!, cue: at(q.cue)!, speaker: at(q.speaker.span) }))
}

describe('quotes: reported speech', () => {
  it.each([
    ['bare clause', 'Ada Moreno said the port will reopen in spring.', 'the port will reopen in spring', 'said', 'Ada Moreno'],
    ['"that" clause', 'The mayor stressed that no homes were lost.', 'that no homes were lost', 'stressed', 'The mayor'],
    ['"that" after a place and time', 'Moreno noted in a statement on Friday that the fund is empty.', 'that the fund is empty', 'noted', 'Moreno'],
    ['attribution after the clause', 'The bridge will stay closed until June, officials said.', 'The bridge will stay closed until June', 'said', 'officials'],
    ['according to, first', 'According to the city archive, the tower was built in 1902.', 'the tower was built in 1902', 'According to', 'the city archive'],
    ['according to, last', 'Exports grew by a third last year, according to the trade office.', 'Exports grew by a third last year', 'according to', 'the trade office'],
  ])('quotes: reported speech, %s', (_, text, statement, cue, speaker) => {
    expect(reported(text)).toEqual([{ text: statement, cue, speaker }])
  })

  it.each([
    ['an object, not a clause', 'The two leaders announced a new partnership in the spring.'],
    ['a cue with nothing reported', 'Moreno said so on Monday.'],
    ['a cue inside a direct quote', '“We said the plan would fail,” Moreno recalled.'],
    ['a cue inside a quote opened in an earlier sentence', '“We met twice. We said the plan would fail,” Moreno recalled.'],
  ])('quotes: no reported speech in %s', (_, text) => {
    expect(reported(text)).toEqual([])
  })
})
