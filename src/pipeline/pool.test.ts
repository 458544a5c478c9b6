import { describe, expect, it } from 'vitest'
import { textDocument } from '../../test/helpers/documents.js'
import { ProcessPool, replyTo } from './pool.js'

const doc = textDocument('Harbour reopens\nThe harbour reopened on Monday after the storm.', {
  clean: { blocks: [{ kind: 'heading', spans: [{ start: 0, end: 15 }] }, { kind: 'paragraph', spans: [{ start: 16, end: 61 }] }], removed: [], flags: [] },
  page: { candidates: [] },
}, { id: 'd3' })

describe('process pool', () => {
  it('pool: an annotate reply carries only the layers the stages made', () => {
    const reply = replyTo({ id: 1, task: { kind: 'annotate', stages: ['metadata'], docs: [doc] } })
    expect(reply.ok && 'changes' in reply ? reply.changes.map((c) => Object.keys(c.layers)) : reply).toEqual([['metadata']])
  })

  it('pool: a worker thread annotates stored documents by stage name, keeping what they held', async () => {
    const pool = new ProcessPool(1)
    try {
      const [inline] = await new ProcessPool(0).annotate([doc], ['metadata'])
      const [threaded] = await pool.annotate([doc], ['metadata'])
      expect(threaded).toEqual(inline)
      expect(threaded?.source).toBe(doc.source)
      expect(threaded?.layers.metadata?.title?.value).toBe('Harbour reopens')
    } finally {
      await pool.close()
    }
  })
})
