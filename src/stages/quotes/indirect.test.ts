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
    ['attribution inside the clause', 'Too often, Moreno said, the debate turns to blame.', 'Too often, Moreno said, the debate turns to blame', 'said', 'Moreno'],
    ['attribution with a time inside the clause', 'The larger boats, she said on Monday, can carry ten tons.', 'The larger boats, she said on Monday, can carry ten tons', 'said', 'she'],
    ['a clause verb the lexicon knows only in its base form', 'Moreno said the council planned to close the road.', 'the council planned to close the road', 'said', 'Moreno'],
  ])('quotes: reported speech, %s', (_, text, statement, cue, speaker) => {
    expect(reported(text)).toEqual([{ text: statement, cue, speaker }])
  })

  it.each([
    ['an object, not a clause', 'The two leaders announced a new partnership in the spring.'],
    ['a cue with nothing reported', 'Moreno said so on Monday.'],
    ['a cue inside a direct quote', '“We said the plan would fail,” Moreno recalled.'],
    ['a cue with an object inside the sentence', 'Shortly before the hearing, Moreno admitted to taking the files, and hid them.'],
    ['a belief verb with an object inside the sentence', 'In fact, the firm still believes in small cars for their price, size and looks.'],
    ['a cue before a quote inside the sentence', 'Asked about the plan on Monday, Moreno replied, “We will see about that.”'],
    ['a cue inside a quote opened in an earlier sentence', '“We met twice. We said the plan would fail,” Moreno recalled.'],
  ])('quotes: no reported speech in %s', (_, text) => {
    expect(reported(text)).toEqual([])
  })
})
