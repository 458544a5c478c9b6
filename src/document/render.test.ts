import { describe, expect, it } from 'vitest'
import type { CleanLayer } from './clean.js'
import { renderCleanText } from './render.js'

const source = 'Home > News\nFerry fares rise\nThe council raised fares\nby ten percent on Monday.\nShare this!'
const at = (s: string): { start: number; end: number } => ({ start: source.indexOf(s), end: source.indexOf(s) + s.length })

describe('renderCleanText', () => {
  const clean: CleanLayer = {
    blocks: [
      { kind: 'heading', spans: [at('Ferry fares rise')] },
      { kind: 'paragraph', spans: [at('The council raised fares'), at('by ten percent on Monday.')] },
    ],
    removed: [{ span: at('Home > News'), reason: 'navigation' }, { span: at('Share this!'), reason: 'share-prompt' }],
    flags: [],
  }

  it('render: joins blocks with a blank line and a hard-wrapped block with one space', () => {
    expect(renderCleanText(source, clean).text).toBe('Ferry fares rise\n\nThe council raised fares by ten percent on Monday.')
  })

  it('render: maps every kept character back to its source offset, joins to -1', () => {
    const { text, offsets } = renderCleanText(source, clean)
    for (let i = 0; i < text.length; i++) {
      const o = offsets[i]!
      if (o === -1) expect(text[i]).toMatch(/\s/)
      else expect(source[o]).toBe(text[i])
    }
    const joined = text.indexOf('fares by') + 'fares'.length
    expect(offsets[joined]).toBe(-1)
  })
})
