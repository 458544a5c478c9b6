import { describe, expect, it } from 'vitest'
import { findLineFurniture } from './boilerplate.js'
import { splitLines } from './lines.js'
import { extendFurnitureSections } from './sections.js'

function removedText(source: string): string[] {
  const lines = splitLines(source)
  const furniture = findLineFurniture(lines)
  return [...furniture.map((m) => m.removal), ...extendFurnitureSections(lines, furniture)]
    .sort((a, b) => a.span.start - b.span.start)
    .map((r) => source.slice(r.span.start, r.span.end))
}

describe('extendFurnitureSections', () => {
  it('clean/text: removes a hard-wrapped disclaimer to its last line, and not the heading after it', () => {
    const source = [
      'Disclaimer:',
      'The publisher gives this',
      'content without any warranty. We accept no',
      'liability for errors in it.',
      'Weather outlook',
    ].join('\n')
    expect(removedText(source)).toEqual(['Disclaimer:', 'The publisher gives this', 'content without any warranty. We accept no', 'liability for errors in it.'])
  })

  it('clean/text: a disclaimer that ends a sentence stops before the next article paragraph', () => {
    const source = 'Disclaimer: this is not investment advice.\nThe harbour reopened on Tuesday after repairs.'
    expect(removedText(source)).toEqual(['Disclaimer: this is not investment advice.'])
  })

  it('clean/text: removes the items listed under a related-stories heading', () => {
    const source = 'Latest news\nCity\n\n- Tram line approved\n- New park opens downtown\nLeave a Reply'
    expect(removedText(source)).toEqual(['Latest news', 'City', '- Tram line approved', '- New park opens downtown', 'Leave a Reply'])
  })

  it('clean/text: a related list stops at a sub-heading that introduces article prose', () => {
    const prose = 'The council met again on Thursday to discuss the flood defences, and members agreed to fund a second barrier along the eastern bank of the river before winter.'
    const source = `You may also like\n\nWhat happens next\n\n${prose}`
    expect(removedText(source)).toEqual(['You may also like'])
  })
})
