import { describe, expect, it } from 'vitest'
import { textDocument } from '../../test/helpers/documents.js'
import { MissingLayerError, UnknownStageError } from '../errors.js'
import { checkStageOrder, runStages } from './run.js'
import { selectStages } from './stages.js'
import type { Stage } from './stage.js'

const doc = textDocument('A short note.', { clean: { blocks: [{ kind: 'paragraph', spans: [{ start: 0, end: 13 }] }], removed: [], flags: [] } }, { id: 'd1' })

const needsMetadata: Stage = { name: 'needs-metadata', requires: ['metadata'], produces: [], run: () => ({}) }
const makesMetadata: Stage = {
  name: 'makes-metadata',
  requires: ['clean'],
  produces: ['metadata'],
  run: (d) => ({ metadata: { authors: [], title: { value: d.source.slice(0, 7), basis: 'test', confidence: 1 } } }),
}

describe('pipeline runner', () => {
  it('runner: rejects a stage order whose requirement comes later', () => {
    expect(() => checkStageOrder([needsMetadata, makesMetadata], ['clean'])).toThrow(MissingLayerError)
    expect(() => checkStageOrder([makesMetadata, needsMetadata], ['clean'])).not.toThrow()
  })

  it('runner: adds produced layers without touching the input document', () => {
    const out = runStages(doc, [makesMetadata])
    expect(out.layers.metadata?.title?.value).toBe('A short')
    expect(doc.layers.metadata).toBeUndefined()
    expect(out.layers.clean).toBe(doc.layers.clean)
  })

  it('runner: a missing layer at run time names the stage and the layer', () => {
    expect(() => runStages(doc, [needsMetadata])).toThrow(/needs-metadata.*metadata/)
  })

  it('runner: unknown stage names list the known ones', () => {
    expect(() => selectStages(['nope'])).toThrow(UnknownStageError)
    expect(() => selectStages(['nope'])).toThrow(/Known stages: metadata/)
  })
})

describe('stage names', () => {
  it('STAGE_NAMES, which the reader uses without loading the stages, is the order of STAGES', async () => {
    const { STAGES } = await import('./stages.js')
    const { STAGE_NAMES } = await import('./names.js')
    expect(STAGE_NAMES).toEqual(STAGES.map((s) => s.name))
  })

  it('loadStages gives the reader stages at hand and the others by loading them, in pipeline order', async () => {
    const { loadStages } = await import('./load.js')
    expect((await loadStages(['metadata'])).map((s) => s.name)).toEqual(['metadata'])
    expect((await loadStages(['quotes', 'metadata', 'sentences'])).map((s) => s.name)).toEqual(['metadata', 'sentences', 'quotes'])
    await expect(loadStages(['nope'])).rejects.toThrow(UnknownStageError)
  })
})
