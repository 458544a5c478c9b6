import { describe, expect, it } from 'vitest'
import type { RemovalReason } from '../../../document/index.js'
import { findHeader } from './headline.js'
import { keepLines, splitLines } from './lines.js'

const LEDE = 'The regional council agreed on Tuesday to rebuild the old stone bridge, ending a dispute that had lasted almost ten years.'

function header(source: string) {
  const h = findHeader(source, keepLines(source, splitLines(source), []))
  return {
    ...h,
    removed: h.removals.map((r): [string, RemovalReason] => [source.slice(r.span.start, r.span.end), r.reason]),
  }
}

describe('findHeader', () => {
  it.each([
    ['Council Backs Bridge Rebuild', [['Council Backs Bridge Rebuild', 'title']]],
    ['Council Backs Bridge Rebuild\n\nby Ana Silva - Local Editor', [['Council Backs Bridge Rebuild', 'title'], ['by Ana Silva - Local Editor', 'byline']]],
    ['Bridge: council says yes\n\nBy Staff, Wires', [['Bridge: council says yes', 'title'], ['By Staff, Wires', 'byline']]],
    ['Monday, March 4, 2024\nCouncil Backs Bridge Rebuild', [['Monday, March 4, 2024', 'date-bar'], ['Council Backs Bridge Rebuild', 'title']]],
    ['Council Backs Bridge Rebuild\n4 March 2024', [['Council Backs Bridge Rebuild', 'title'], ['4 March 2024', 'dateline-meta']]],
    ['date 2024-03-04 Council backs bridge', [['date 2024-03-04', 'dateline-meta'], ['Council backs bridge', 'title']]],
  ])('reads the header of %j', (top, expected) => {
    expect(header(`${top}\n\n${LEDE}`).removed).toEqual(expected)
  })

  it('clean/text: joins a headline hard-wrapped over two title-case lines', () => {
    const h = header(`Will the Council Finally Rebuild the\nOld Stone Bridge?\n${LEDE}`)
    expect(h.removed.map(([, reason]) => reason)).toEqual(['title', 'title'])
    expect(h.titles).toEqual(['Will the Council Finally Rebuild the Old Stone Bridge?'])
  })

  it('clean/text: cuts a machine note off the headline line, removes it and flags it', () => {
    const h = header(`Council Backs Bridge Rebuild This title effectively captures the key decision of the story\n\n${LEDE}`)
    expect(h.titles).toEqual(['Council Backs Bridge Rebuild'])
    expect(h.removed).toEqual([
      ['Council Backs Bridge Rebuild', 'title'],
      ['This title effectively captures the key decision of the story', 'title'],
    ])
    expect(h.flags.map((f) => f.kind)).toEqual(['generation-prompt'])
  })

  it.each([
    [LEDE],
    ['Residents were told to boil water.\nThe advice lasts a week.'],
    ['By the end of the week, the water was safe again, officials said on Friday in a statement.'],
  ])('finds no headline when the page opens with prose: %j', (source) => {
    expect(header(source).removed).toEqual([])
  })
})
