import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, sharedAvailable } from '../helpers/cli.js'
import { SEEDS_DIR } from '../helpers/seeds.js'

// The seed checks, end to end: the real `dossier analyze` on the five seed pages, then
// `dossier export`, read back as records. Per-stage details live in the seeds-<stage> tests.
const present = sharedAvailable('seed analyze tests')

interface Rec { source: string; [key: string]: unknown }
interface QuoteRec extends Rec { text: string; direct: boolean; partial: boolean; speaker: { entity: string | null; resolution: string } }
interface ClaimRec extends Rec { text: string; value: number; unit: string | null; subject: { entity: string } | null; attribution: { entity: string | null; text: string } | null }
interface TimeRec extends Rec { text: string; value: string | null; role: string; eventDate: boolean }

let dir = ''
const records = async (what: string): Promise<Rec[]> => {
  const out = (await runCli(['export', '--db', join(dir, 'seeds.db'), '--format', 'jsonl', '--what', what]))
  expect(out.code, out.stderr).toBe(0)
  return out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec)
}
const seed = (r: Rec, prefix: string): boolean => r.source.includes(`/${prefix}_`)
/** Export keeps the source's characters; hard-wrapped pages (003) leave line breaks inside a quote. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')

// Every direct (or partial) quote on the seeds, by its opening words, with the one person who said it.
const DIRECT_QUOTES: readonly [string, string, string][] = [
  ['001', 'Russia will not ally with anyone against anyone', 'person:sergey-lavrov'],
  ['001', 'a good idea', 'person:donald-trump'],
  ['002', 'Russia will not ally with anyone against anyone', 'person:sergey-lavrov'],
  ['002', 'a good idea', 'person:donald-trump'],
  ['002', 'clearly define our relationship', 'person:sergey-lavrov'],
  ['002', 'The Americans have been pushing for years', 'person:sergey-lavrov'],
  ['002', 'Sitting on the world’s biggest nuclear arsenal', 'person:guo-jiakun'],
  ['003', 'It is possible to imagine anything', 'person:vladimir-putin'],
  ['003', 'serious competitor', 'person:joe-biden'],
  ['003', 'opponent', 'person:joe-biden'],
  ['004', 'No, these allegations absolutely do not correspond to reality', 'person:vladimir-putin'],
]

describe.skipIf(!present)('dossier analyze on the seed pages', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-seeds-'))
    const out = (await runCli(['analyze', SEEDS_DIR, '--db', join(dir, 'seeds.db')]))
    expect(out.code, out.stderr).toBe(0)
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('seeds: every direct quote is found with the right speaker', async () => {
    const quotes = (await records('quotes')) as QuoteRec[]
    for (const [prefix, opening, speaker] of DIRECT_QUOTES) {
      const found = quotes.filter((q) => seed(q, prefix) && q.direct && flat(q.text).startsWith(opening))
      expect(found, `${prefix}: “${opening}…”`).toHaveLength(1)
      expect(found[0]!.speaker.entity, `${prefix}: “${opening}…”`).toBe(speaker)
    }
  })

  it('seeds: no direct quote is given to anyone but its speaker, and titles in marks are not quotes', async () => {
    const quotes = ((await records('quotes')) as QuoteRec[]).filter((q) => q.direct)
    for (const q of quotes) {
      const expected = DIRECT_QUOTES.find(([prefix, opening]) => seed(q, prefix) && flat(q.text).startsWith(opening))
      if (expected === undefined) expect(q.speaker.entity, `unexpected direct quote “${q.text}”`).toBeNull()
    }
    expect(quotes.some((q) => q.text === 'Russia-24')).toBe(false)
  })

  it('seeds: both Russian warhead figures carry their cited sources', async () => {
    const claims = (await records('claims')) as ClaimRec[]
    const figure = (prefix: string, value: number) => claims.find((c) => seed(c, prefix) && c.value === value && c.unit === 'warhead')
    expect(figure('002', 5459)).toMatchObject({ subject: { entity: 'country:RU' }, attribution: { entity: 'org:sipri' } })
    expect(figure('000', 4477)).toMatchObject({ subject: { entity: 'country:RU' }, attribution: { entity: 'org:fas' } })
    expect(figure('002', 600)).toMatchObject({ subject: { entity: 'country:CN' }, attribution: { entity: 'org:sipri' } })
  })

  it('seeds: the interview date is resolved from "on Wednesday"', async () => {
    const times = (await records('times')) as TimeRec[]
    const wednesday = times.find((t) => seed(t, '002') && t.text === 'Wednesday')
    expect(wednesday).toMatchObject({ value: '2025-10-15', role: 'reported-event', eventDate: true })
  })
})
