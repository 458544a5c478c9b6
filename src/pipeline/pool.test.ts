import { describe, expect, it } from 'vitest'
import { textDocument } from '../../test/helpers/documents.js'
import { ProcessPool, replyTo } from './pool.js'
import { STAGE_FAILED } from './process.js'

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

  it('pool: a stage that now runs on a worker takes its earlier failure message with it, and the other messages stay', async () => {
    const note = { severity: 'warning' as const, code: 'CHARSET_GUESSED', input: 'note.txt', message: 'charset guessed' }
    const failed = { severity: 'error' as const, code: STAGE_FAILED, input: 'note.txt', message: 'stage "metadata" failed on document d3: out of memory' }
    const pool = new ProcessPool(1)
    try {
      const [threaded] = await pool.annotate([{ ...doc, messages: [note, failed] }], ['metadata'])
      expect(threaded?.messages).toEqual([note])
    } finally {
      await pool.close()
    }
  })
})
