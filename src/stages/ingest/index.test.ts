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
