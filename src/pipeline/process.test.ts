import { describe, expect, it } from 'vitest'
import { textDocument } from '../../test/helpers/documents.js'
import type { Document } from '../document/index.js'
import { STAGE_FAILED, failedStageOf, producedLayers, runStagesIsolated, runTask, stagesToComplete } from './process.js'
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
    expect(out.messages).toEqual([expect.objectContaining({ severity: 'error', code: STAGE_FAILED, input: 'note.txt' })])
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
