import { describe, expect, it } from 'vitest'
import { textDocument } from '../../test/helpers/documents.js'
import type { Document, RawDocument } from '../document/index.js'
import { LANGUAGE_NOT_READ, STAGE_FAILED, failedStageOf, processDocument, producedLayers, runStagesIsolated, runTask, stagesToComplete } from './process.js'
import type { Stage } from './stage.js'

const doc = textDocument('A short note.', { clean: { blocks: [{ kind: 'paragraph', spans: [{ start: 0, end: 13 }] }], removed: [], flags: [] } }, { id: 'd2' })
const stage = (name: string, requires: Stage['requires'], produces: Stage['produces']): Stage => ({
  name, requires, produces, run: () => Object.fromEntries(produces.map((p) => [p, { made: name }])),
})
const first = stage('first', ['clean'], ['sentences'])
const second = stage('second', ['sentences'], ['times'])
const third = stage('third', ['times'], ['quotes'])
const broken = (name: string): Stage => ({ name, requires: ['sentences'], produces: ['times'], run: () => { throw new Error('no calendar') } })

describe('pipeline: completing stored documents', () => {
  it.each([
    ['nothing yet: every stage', {}, ['first', 'second', 'third']],
    ['a middle layer missing: it and every later stage', { sentences: {}, quotes: {} }, ['second', 'third']],
    ['every layer present: none', { sentences: {}, times: {}, quotes: {} }, []],
  ])('process: %s', (_label, layers, expected) => {
    const stored = { ...doc, layers: { ...doc.layers, ...layers } } as Document
    expect(stagesToComplete(stored, [first, second, third]).map((s) => s.name)).toEqual(expected)
  })

  it('process: the produced layers of the stages run are what an update writes', () => {
    const done = { ...doc, layers: { ...doc.layers, sentences: { sentences: [] }, times: { times: [] } } }
    expect(Object.keys(producedLayers(done, [second]))).toEqual(['times'])
  })

  it('process: a stage that throws marks its document and keeps what earlier stages made', () => {
    const out = runStagesIsolated(doc, [first, broken('broken'), third])
    expect(out.layers.sentences).toEqual({ made: 'first' })
    expect(out.layers.times).toBeUndefined()
    expect(out.layers.quotes).toBeUndefined()
    expect(out.messages).toEqual([expect.objectContaining({ severity: 'error', code: STAGE_FAILED, input: 'note.txt', stage: 'broken' })])
    expect(out.messages[0]?.message).toMatch(/stage "broken" failed on document d2: no calendar/)
    expect(stagesToComplete(out, [first, broken('broken'), third]).map((s) => s.name)).toEqual(['broken', 'third'])
  })

  it.each([
    ['the failed stage now runs: its message goes', [first, second, third], []],
    ['the failed stage fails again: one message, not two', [first, broken('second'), third], ['second']],
    ['the failed stage is not run: its message stays', [first], ['second']],
  ])('process: an earlier STAGE_FAILED message when %s', (_label, stages, failed) => {
    const earlier = runStagesIsolated(doc, [first, broken('second'), third])
    const note = { severity: 'warning' as const, code: 'CHARSET_GUESSED', input: 'note.txt', message: 'charset guessed' }
    const stored = { ...earlier, messages: [note, ...earlier.messages] }
    const out = runStagesIsolated(stored, stages)
    expect(out.messages.filter((m) => m.code === STAGE_FAILED).map(failedStageOf)).toEqual(failed)
    expect(out.messages[0]).toEqual(note)
  })

  it('process: an annotate task resolves stages by name and keeps the stored layers', () => {
    const [out] = runTask({ kind: 'annotate', stages: ['metadata'], docs: [{ ...doc, layers: { ...doc.layers, page: { candidates: [] } } }] })
    expect(out?.layers.metadata).toEqual({ authors: [] })
    expect(out?.layers.clean).toEqual(doc.layers.clean)
  })
})

describe('pipeline: stages gated by the document\'s language (issue 14 §5)', () => {
  const read = (body: string, language: string): Document => {
    const raw: RawDocument = { id: `doc-${language}`, origin: { input: `${language}.txt`, blob: '', container: 'text' }, charset: { name: 'utf-8', basis: 'container', confidence: 1 }, hints: { language, published: '2025-10-16' }, content: { kind: 'text', body } }
    return processDocument(raw)
  }
  const notRead = (doc: Document): Array<string | undefined> => doc.messages.filter((m) => m.code === LANGUAGE_NOT_READ).map((m) => m.stage)

  it('process: English is read by every stage', () => {
    const doc = read('Budget talks\n\nThe mayor said on Monday that the city will spend $120 million on the bridge.', 'en')
    expect(notRead(doc)).toEqual([])
    expect(doc.layers.claims?.claims.map((c) => c.value)).toEqual([120_000_000])
  })

  it('process: German gets its quotes and figures (in its own number format); events are left empty, with a message naming the stage', () => {
    const doc = read('Haushalt\n\n„Wir bauen die Brücke“, sagte Bürgermeisterin Hanna Kessler am Montag. Die Stadt gibt 1.234 Millionen Euro aus.', 'de')
    expect(doc.layers.quotes?.quotes).toHaveLength(1)
    expect(doc.layers.claims?.claims.map((c) => [c.value, c.unit])).toEqual([[1_234_000_000, 'EUR']])
    expect(doc.layers.events).toEqual({ events: [] })
    expect(notRead(doc)).toEqual(['events'])
    const events = doc.messages.find((m) => m.stage === 'events')!
    expect(events).toMatchObject({ severity: 'info', input: 'de.txt' })
    expect(events.message).toBe('events not read: the document is in German (de), and Dossier reads events in English only; the events layer is empty')
  })

  it('process: a language Dossier has no lexicon for keeps its clean text, metadata, dates and gazetteer names, and says which layers it skips', () => {
    const doc = read('Bütçe\n\nBelediye başkanı Pazartesi günü “Köprüyü inşa edeceğiz” dedi. Rusya ve Çin görüştü.', 'tr')
    expect(notRead(doc)).toEqual(['quotes', 'claims', 'events'])
    expect(doc.layers.quotes).toEqual({ quotes: [] })
    expect(doc.layers.sentences?.sentences.length).toBeGreaterThan(0)
    expect(doc.messages.find((m) => m.stage === 'quotes')!.message).toMatch(/^quotes not read: the document is in Turkish \(tr\), and Dossier reads quotes in English, German, French, Spanish, Italian, Russian, Polish and Chinese only/)
  })

  it('process: annotating a stored document again writes each message once', () => {
    const doc = read('Haushalt\n\nDie Stadt gibt 1.234 Millionen Euro aus.', 'de')
    const again = runStagesIsolated(doc, [])
    expect(notRead(again)).toEqual(['events'])
    const [redone] = runTask({ kind: 'annotate', stages: ['sentences', 'times', 'entities', 'quotes', 'claims', 'events'], docs: [doc], all: true })
    expect(notRead(redone!)).toEqual(['events'])
  })

  it('process: the stage of a failure message is read from the message itself, and from its words on messages stored before', () => {
    expect(failedStageOf({ severity: 'error', code: STAGE_FAILED, input: 'a', stage: 'times', message: 'anything' })).toBe('times')
    expect(failedStageOf({ severity: 'error', code: STAGE_FAILED, input: 'a', message: 'stage "claims" failed on document d1: boom' })).toBe('claims')
    expect(failedStageOf({ severity: 'info', code: LANGUAGE_NOT_READ, input: 'a', stage: 'claims', message: '…' })).toBeUndefined()
  })
})
