import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readInputs, type IngestResult } from './index.js'

let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-ingest-'))
  writeFileSync(join(dir, 'a.txt'), 'Museum reopens\n\nThe museum reopened on Saturday after repairs.\n')
  writeFileSync(join(dir, 'b.txt'), '')
  writeFileSync(join(dir, 'c.txt'), 'Library hours\n\nThe library now opens until nine.\n')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function collect(inputs: string[], options = {}): Promise<IngestResult[]> {
  const out: IngestResult[] = []
  for await (const r of readInputs(inputs, options)) out.push(r)
  return out
}

describe('readInputs', () => {
  it('ingest: one bad input never stops the others; results come in input order', async () => {
    const results = await collect([dir, join(dir, 'missing.txt'), join(dir, 'c.txt')])
    expect(results.map((r) => [r.input, r.ok ? 'ok' : r.error.code])).toEqual([
      [join(dir, 'a.txt'), 'ok'],
      [join(dir, 'b.txt'), 'INPUT_EMPTY'],
      [join(dir, 'c.txt'), 'ok'],
      [join(dir, 'missing.txt'), 'INPUT_NOT_FOUND'],
      [join(dir, 'c.txt'), 'ok'],
    ])
  })

  it('ingest: reads "-" from the given stdin stream', async () => {
    const [result] = await collect(['-'], { stdin: Readable.from([Buffer.from('Short note\n\nThe pier '), Buffer.from('reopened today.\n')]) })
    expect(result).toMatchObject({ ok: true, input: '-', documents: [{ origin: { input: '-' }, content: { body: 'Short note\n\nThe pier reopened today.\n' } }] })
  })

  it('ingest: stdin past the size cap is refused', async () => {
    const [result] = await collect(['-'], { stdin: Readable.from([Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x61)]), maxInputBytes: 1000 })
    expect(result).toMatchObject({ ok: false, error: { code: 'INPUT_TOO_LARGE' } })
  })

  it('ingest: a file over the cap is refused from its size, before reading', async () => {
    const [result] = await collect([join(dir, 'a.txt')], { maxInputBytes: 20 })
    expect(result).toMatchObject({ ok: false, error: { code: 'INPUT_TOO_LARGE', message: expect.stringMatching(/over the 20-byte limit/) } })
  })
})

describe('readInputs on the shipped examples', () => {
  const examples = join(import.meta.dirname, '../../../examples')

  it('ingest: every example file is read, with the documents its format holds', async () => {
    const results = await collect([examples])
    const counts = Object.fromEntries(results.map((r) => [r.input.slice(examples.length + 1), r.ok ? r.documents.length : r.error.message]))
    expect(counts).toEqual({
      'charset/severny-vestnik-dsnv-cp1251.txt': 1,
      'feeds/harbour-daily-wire.rss.xml': 2,
      'feeds/lantern-review.atom.xml': 2,
      'gzip/northern-ledger-xi-putin-end-talks.txt.gz': 1,
      'html/coastline-courier-xi-leaves-moscow.html': 1,
      'html/meridian-post-xi-putin-joint-statement.html': 1,
      'jsonl/articles.jsonl': 3,
      'text/eastgate-tribune-belarus-weapons-plan.txt': 1,
      'text/harbour-wire-russia-suspends-new-start.txt': 1,
      'text/northern-ledger-xi-arrives-in-moscow.txt': 1,
      'warc/captures.warc.gz': 2,
    })
  })

  it('ingest: the windows-1251 example comes out as Russian text, by detection', async () => {
    const [result] = await collect([join(examples, 'charset/severny-vestnik-dsnv-cp1251.txt')])
    expect(result).toMatchObject({ ok: true, documents: [{ charset: { name: 'windows-1251', basis: 'detected' } }] })
    if (result?.ok) expect(result.documents[0]!.content.body).toContain('Путин объявил о приостановке участия России в ДСНВ')
  })
})
