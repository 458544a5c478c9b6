import { describe, expect, it } from 'vitest'
import { endsSentence, keepLines, listMarkerLength, splitLines, startsLikeSentence } from './lines.js'

describe('splitLines', () => {
  it('clean/text: gives each line its trimmed offsets in the source', () => {
    const source = '  Harbour closed\r\n\nFerries wait. \nlast'
    const lines = splitLines(source)
    expect(lines.map((l) => l.text)).toEqual(['Harbour closed', '', 'Ferries wait.', 'last'])
    for (const l of lines) expect(source.slice(l.start, l.end)).toBe(l.text)
    expect(lines[0]!.indent).toBe(2)
  })
})

describe('line shape tests', () => {
  it.each([
    ['The mayor spoke.', true],
    ['He asked why?', true],
    ['“We are ready.”', true],
    ['the council voted to', false],
    ['Key figures:', false],
  ])('endsSentence(%j) is %s', (text, expected) => {
    expect(endsSentence(text)).toBe(expected)
  })

  it.each([
    ['The vote', true],
    ['“Never,” she said', true],
    ['2024 was dry', true],
    ['and then', false],
  ])('startsLikeSentence(%j) is %s', (text, expected) => {
    expect(startsLikeSentence(text)).toBe(expected)
  })

  it.each([
    ['- first item', 2],
    ['• bullet', 2],
    ['3. third', 3],
    ['-5 degrees', 0],
    ['Plain text', 0],
  ])('listMarkerLength(%j) is %i', (text, expected) => {
    expect(listMarkerLength(text)).toBe(expected)
  })
})

describe('keepLines', () => {
  it('clean/text: keeps what a removal leaves of a line and drops fully removed lines', () => {
    const source = '(WIRE) Rain fell.\nMenu'
    const lines = splitLines(source)
    const kept = keepLines(source, lines, [
      { span: { start: 0, end: 6 }, reason: 'republication' },
      { span: { start: 18, end: 22 }, reason: 'navigation' },
    ])
    expect(kept[0]?.text).toBe('Rain fell.')
    expect(kept[1]).toBeNull()
  })
})
