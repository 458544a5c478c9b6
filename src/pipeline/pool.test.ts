import { describe, expect, it } from 'vitest'
import type { RawDocument } from '../document/index.js'
import { BudgetExceededError } from '../errors.js'
import { textDocument } from '../../test/helpers/documents.js'
import { ProcessPool } from './pool.js'
import { replyTo } from './reply.js'
import { STAGE_FAILED } from './process.js'

function rawHtml(input: string, body: string): RawDocument {
  return { id: `id-${input}`, origin: { input, blob: 'b'.repeat(64), container: 'html' }, charset: { name: 'utf-8', basis: 'valid-utf8', confidence: 1 }, hints: {}, content: { kind: 'html', body } }
}

const ARTICLE = '<p>The harbour council voted on Tuesday to raise ferry fares by ten percent, citing fuel costs and crew wages.</p>'
/** A page whose extraction takes seconds: 500,000 nested elements. */
const HOSTILE = `<html><body><p>Intro.</p>${'<div>'.repeat(500_000)}${ARTICLE}</body></html>`

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

  it('pool: a document past its time budget fails its input alone, named, and the next input runs on a new worker', async () => {
    const pool = new ProcessPool(1, { ms: 1000, mb: 2048 })
    try {
      const hostile = pool.process([rawHtml('deep.html', HOSTILE)], ['metadata'])
      const normal = pool.process([rawHtml('fares.html', `<html><body>${ARTICLE}</body></html>`)], ['metadata'])
      const error = await hostile.catch((e: unknown) => e)
      expect(error).toBeInstanceOf(BudgetExceededError)
      expect((error as BudgetExceededError).budget).toBe('time')
      expect((error as Error).message).toBe('deep.html: gave up after 1 s on document id-deep.html (time budget; raise it with --budget-ms)')
      const [doc] = await normal
      expect(doc?.source).toContain('ferry fares')
    } finally {
      await pool.close()
    }
  }, 120_000)

  it('pool: a worker out of its memory budget fails the input it held, named, and the pool goes on', async () => {
    const pool = new ProcessPool(1, { ms: 600_000, mb: 128 })
    try {
      const error = await pool.process([rawHtml('deep.html', HOSTILE)], ['metadata']).catch((e: unknown) => e)
      expect((error as BudgetExceededError).budget).toBe('memory')
      expect((error as Error).message).toBe('deep.html: gave up on document id-deep.html: out of memory past 128 MB (memory budget; raise it with --budget-mb)')
      const [doc] = await pool.process([rawHtml('fares.html', `<html><body>${ARTICLE}</body></html>`)], ['metadata'])
      expect(doc?.source).toContain('ferry fares')
    } finally {
      await pool.close()
    }
  }, 120_000)
})
