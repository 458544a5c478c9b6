import { describe, expect, it } from 'vitest'
import type { Document, RawDocument } from '../../document/index.js'
import { runStages } from '../../pipeline/run.js'
import { STAGES } from '../../pipeline/stages.js'
import { extractDocument } from '../clean/index.js'
import { findHeadlines, noteHeadlineMismatch } from './headline.js'

/** A plain-text article, extracted and annotated by the real stages: its first line is the headline. */
function annotate(text: string): Document {
  const raw: RawDocument = {
    id: 'd', origin: { input: 'note.txt', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: {},
    content: { kind: 'text', body: text },
  }
  return runStages(extractDocument(raw), STAGES)
}

const BODY = 'Chile will not ally with anyone against Peru, Foreign Minister Ana Ruiz told reporters in Santiago on Tuesday.\n'

describe('analysis: headline mismatch', () => {
  it.each([
    ['a side the alliance is against that the body never gives', `Chile Rejects Alliances Against Peru or Bolivia\n\n${BODY}`, /names Bolivia as the side "Alliances" is against/],
    ['the opposite polarity', 'Chile Allies With Peru\n\nChile will not ally with Peru, Foreign Minister Ana Ruiz said on Tuesday.\n', /the body says the opposite/],
    ['a settled statement where the body has a possibility', 'Chile Will Ally With Peru\n\nChile could ally with Peru next year, Foreign Minister Ana Ruiz said on Tuesday.\n', /the body only has it as possible/],
  ])('headline: notes %s', (_name, text, note) => {
    const doc = annotate(text)
    const notes = noteHeadlineMismatch(doc)
    expect(notes).toHaveLength(1)
    expect(notes[0]!.note).toMatch(note)
    expect(doc.source.slice(notes[0]!.span!.start, notes[0]!.span!.end)).toBe(text.split('\n')[0])
    expect(doc.source.slice(notes[0]!.compared!.start, notes[0]!.compared!.end)).toBe(text.split('\n')[2])
  })

  it.each([
    ['the body supports every participant', `Chile Rejects Alliances Against Peru\n\n${BODY}`],
    ['the body has no event of the headline\'s action', 'Chile Rejects Alliances Against Peru\n\nFerries between Chile and Peru ran late all week, the port said on Tuesday.\n'],
    ['the headline holds no event', `Chile and Peru in Talks\n\n${BODY}`],
  ])('headline: no note when %s', (_name, text) => {
    expect(noteHeadlineMismatch(annotate(text))).toEqual([])
  })

  it('headline: a generator\'s note about its headline is no headline; a heading that opens the text is one', () => {
    const source = 'Chile Rejects Alliances\nThis headline sums up the article\nPeru Answers\nBody text.'
    const doc: Document = {
      id: 'd', origin: { input: 'note.txt', blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: {},
      source,
      layers: {
        clean: {
          blocks: [{ kind: 'heading', spans: [{ start: 58, end: 70 }] }, { kind: 'paragraph', spans: [{ start: 71, end: 81 }] }],
          removed: [{ span: { start: 0, end: 23 }, reason: 'title' }, { span: { start: 24, end: 57 }, reason: 'title' }],
          flags: [{ span: { start: 24, end: 57 }, kind: 'generation-prompt', note: 'generator note' }],
        },
      },
      messages: [],
    }
    expect(findHeadlines(doc).map((s) => source.slice(s.start, s.end))).toEqual(['Chile Rejects Alliances', 'Peru Answers'])
  })
})
