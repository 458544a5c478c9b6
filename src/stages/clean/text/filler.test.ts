import { describe, expect, it } from 'vitest'
import type { Block, FlagKind } from '../../../document/index.js'
import { findFiller } from './filler.js'

function flags(text: string): [FlagKind, string][] {
  const block: Block = { kind: 'paragraph', spans: [{ start: 0, end: text.length }] }
  return findFiller(text, [block]).map((f) => [f.kind, text.slice(f.span.start, f.span.end)])
}

describe('findFiller', () => {
  it.each([
    ['Pro Tip: check the tide tables before you sail.', 'machine-filler', 'Pro Tip: check the tide tables before you sail.'],
    ['Did You Know? The pier is older than the town hall.', 'machine-filler', 'Did You Know? The pier is older than the town hall.'],
    [
      'The pier reopened. Key terms related to this include harbour safety, storm damage and ferries. Traders were pleased.',
      'machine-filler',
      'Key terms related to this include harbour safety, storm damage and ferries.',
    ],
    [
      'How does the closure of the northern pier change the way ferries and traders plan their week?',
      'generation-prompt',
      'How does the closure of the northern pier change the way ferries and traders plan their week?',
    ],
    ['Pier Reopens. This headline clearly conveys the outcome of the repairs', 'generation-prompt', 'This headline clearly conveys the outcome of the repairs'],
  ])('clean/text: flags %j', (text, kind, flagged) => {
    expect(flags(text)).toEqual([[kind, flagged]])
  })

  it.each([
    ['What happens to the ferries now?'],
    ['The pier reopened on Tuesday after repairs, the harbour authority said.'],
    ['Tips for sailors were posted at the harbour office.'],
  ])('clean/text: leaves ordinary text unflagged: %j', (text) => {
    expect(flags(text)).toEqual([])
  })
})
