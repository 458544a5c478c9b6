import { describe, expect, it } from 'vitest'
import type { BlockKind } from '../../../document/index.js'
import { keepLines, splitLines } from './lines.js'
import { mergeHardWraps } from './wraps.js'

function blocks(source: string): [BlockKind, string][] {
  const { blocks } = mergeHardWraps(source, keepLines(source, splitLines(source), []))
  return blocks.map((b) => [b.kind, b.spans.map((s) => source.slice(s.start, s.end)).join(' ')])
}

// Lines wrapped near 60 characters, the way PDF text arrives.
const WRAPPED = [
  'The harbour authority said on Monday that the northern pier',
  'would stay closed until engineers finish checking the cracks',
  'found after the storm. Ferries will use the southern quay.',
  'Fishermen were told to expect delays.',
  'Traders at the market said the closure had already cut their',
  'sales, and several asked the council for help with the rent.',
]

describe('mergeHardWraps', () => {
  it('clean/text: joins the lines of a wrapped paragraph into one block with a span per line', () => {
    const source = WRAPPED.slice(0, 3).join('\n')
    const { blocks: out } = mergeHardWraps(source, keepLines(source, splitLines(source), []))
    expect(out).toHaveLength(1)
    expect(out[0]!.spans).toHaveLength(3)
  })

  it('clean/text: starts a paragraph after a sentence that stops short of the margin', () => {
    expect(blocks(WRAPPED.join('\n')).map(([, text]) => text)).toEqual([
      WRAPPED.slice(0, 4).join(' '),
      WRAPPED.slice(4).join(' '),
    ])
  })

  it('clean/text: keeps joining when a full-width line ends a sentence mid-paragraph', () => {
    expect(blocks(WRAPPED.slice(1, 4).join('\n'))).toHaveLength(1)
  })

  it('clean/text: starts a paragraph at an indented line after a sentence end', () => {
    const source = [WRAPPED[0], WRAPPED[1], 'found after the storm.', '  Ferries will use the southern quay from', 'Tuesday morning, the operator said.'].join('\n')
    expect(blocks(source)).toHaveLength(2)
  })

  it('clean/text: an indented line in mid-sentence continues the paragraph', () => {
    const source = [WRAPPED[0], '  would stay closed until engineers finish checking the cracks', 'found after the storm.'].join('\n')
    expect(blocks(source)).toHaveLength(1)
  })

  it('clean/text: keeps one-sentence-per-line text as separate paragraphs', () => {
    const source = 'The pier is closed.\nFerries use the southern quay instead of the northern one.\nTraders want help.'
    expect(blocks(source).map(([kind]) => kind)).toEqual(['paragraph', 'paragraph', 'paragraph'])
  })

  it.each([
    ['Harbour works', 'heading'],
    ['## Harbour works', 'heading'],
    ['- Pier closed', 'list-item'],
    ['2) Quay open', 'list-item'],
    ['> The pier is closed.', 'quote'],
    ['The pier is closed.', 'paragraph'],
    ['Three things changed this week:', 'paragraph'],
  ])('%j is a %s', (line, kind) => {
    expect(blocks(line)[0]?.[0]).toBe(kind)
  })

  it('clean/text: takes the list marker off the item and records it as removed', () => {
    const source = '• Pier closed'
    const { blocks: out, removals } = mergeHardWraps(source, keepLines(source, splitLines(source), []))
    expect(source.slice(out[0]!.spans[0]!.start, out[0]!.spans[0]!.end)).toBe('Pier closed')
    expect(removals.map((r) => r.note)).toEqual(['list marker'])
  })

  it.each([
    ['Port Berths Cranes\nNorth 4 2\nSouth 6 3'],
    ['| Port | Berths |\n|---|---|\n| North | 4 |'],
  ])('clean/text: reads a scraped table as one row per line: %j', (source) => {
    expect(blocks(source).every(([kind]) => kind === 'table-row')).toBe(true)
  })
})
