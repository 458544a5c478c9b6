import { describe, expect, it } from 'vitest'
import { lexicalTags, tokenize } from './index.js'

function tokens(text: string): string[] {
  return tokenize(text, { start: 0, end: text.length }).map((t) => `${text.slice(t.start, t.end)}/${t.kind}`)
}

describe('tokens', () => {
  it.each([
    ['numbers with separators and decimals', 'Russia holds 5,459 or 3.5.', ['Russia/word', 'holds/word', '5,459/number', 'or/word', '3.5/number', './punct']],
    ['money and percent symbols', '$220 billion, 18%', ['$/symbol', '220/number', 'billion/word', ',/punct', '18/number', '%/symbol']],
    ['initialisms, apostrophes and hyphens', "The U.S. didn't join Sino-Russian talks", ['The/word', 'U.S./word', "didn't/word", 'join/word', 'Sino-Russian/word', 'talks/word']],
    ['curly quotes are punctuation', '“No,” he said', ['“/punct', 'No/word', ',/punct', '”/punct', 'he/word', 'said/word']],
    ['decades keep their suffix', 'in the 1990s', ['in/word', 'the/word', '1990s/number']],
    ['a period glued to a capital splits', 'end.The', ['end/word', './punct', 'The/word']],
  ])('tokens: %s', (_name, text, expected) => {
    expect(tokens(text)).toEqual(expected)
  })

  it('tokens: offsets are in the source when the span starts later', () => {
    const text = 'xx Lima talks'
    const found = tokenize(text, { start: 3, end: text.length })
    expect(found.map((t) => [t.start, t.end])).toEqual([[3, 7], [8, 13]])
  })

  it('tokens: the lexicon tags function words, verbs and first names, and knows nothing of rare surnames', () => {
    expect(lexicalTags('Said')).toContain('PastTense')
    expect(lexicalTags('he')).toContain('Pronoun')
    expect(lexicalTags('Sergei')).toContain('MaleName')
    expect(lexicalTags('Zhvaniadze')).toEqual([])
  })
})
