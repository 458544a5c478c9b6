import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUOTE_PART_SEPARATOR } from '../../src/api/export.js'
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import { REPO_ROOT, SHARED, runCli, sharedAvailable } from '../helpers/cli.js'
import { SCHEMA_OF, schemaNamed } from '../helpers/schemas.js'

const EXAMPLES = join(REPO_ROOT, 'examples')
/** 11 example files holding 16 documents (see cli.test.ts). */
const EXAMPLE_DOCUMENTS = 16
const KINDS = ['articles', 'entities', 'quotes', 'claims', 'events', 'times'] as const

let dir: string
let analyzed: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-analyze-'))
  analyzed = join(dir, 'analyzed.db')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const jsonl = (text: string): Array<Record<string, unknown>> => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)

const exports = new Map<string, Array<Record<string, unknown>>>()
/** The examples' records of one kind, exported once by the real command. */
async function exported(what: string): Promise<Array<Record<string, unknown>>> {
  if (!exports.has(what)) {
    const run = (await runCli(['export', '--db', analyzed, '--what', what]))
    expect(run.code).toBe(0)
    exports.set(what, jsonl(run.stdout))
  }
  return exports.get(what)!
}

describe('dossier analyze', () => {
  it('analyze: stores every example with its annotations and prints a summary, exit 0', async () => {
    const run = (await runCli(['analyze', EXAMPLES, '--db', analyzed]))
    expect(run.stderr).not.toMatch(/^error/m)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^16 documents \(16 added, 0 annotated, 0 already analysed\): \d+ quotes?, \d+ claims?, \d+ entit(y|ies), \d+ events?, \d+ times?; 0 failures \(11 inputs\)/m)
  })

  it('analyze: a second run finds every document analysed and changes nothing', async () => {
    const run = (await runCli(['analyze', EXAMPLES, '--db', analyzed]))
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^16 documents \(0 added, 0 annotated, 16 already analysed\)/m)
  })

  it('analyze: documents ingested before are annotated in place, not skipped', async () => {
    const db = join(dir, 'ingested.db')
    expect((await runCli(['ingest', EXAMPLES, '--db', db])).code).toBe(0)
    const before = jsonl((await runCli(['export', '--db', db, '--what', 'articles'])).stdout)
    // ingest runs the reader stages only: no sentences yet.
    expect(before.map((a) => (a.counts as { sentences: number }).sentences)).toEqual(Array(EXAMPLE_DOCUMENTS).fill(0))
    const run = (await runCli(['analyze', EXAMPLES, '--db', db]))
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^16 documents \(0 added, 16 annotated, 0 already analysed\)/m)
    const after = jsonl((await runCli(['export', '--db', db, '--what', 'articles'])).stdout)
    expect(after.map((a) => a.article)).toEqual(before.map((a) => a.article))
    expect(after.filter((a) => (a.counts as { sentences: number }).sentences === 0)).toEqual([])
  })

  it('analyze: --reanalyze runs every stage again on analysed documents', async () => {
    const db = join(dir, 'again.db')
    expect((await runCli(['analyze', EXAMPLES, '--db', db])).code).toBe(0)
    const run = (await runCli(['analyze', EXAMPLES, '--db', db, '--reanalyze']))
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^16 documents \(0 added, 16 annotated, 0 already analysed\)/m)
  })

  it('analyze: one line per bad input on stderr, the good ones stored, exit 1', async () => {
    const good = join(dir, 'good.txt')
    const empty = join(dir, 'empty.txt')
    writeFileSync(good, 'Ferry strike ends\n\nThe ferry crews returned to work on Tuesday after the union accepted the offer.\n')
    writeFileSync(empty, '')
    const missing = join(dir, 'missing.txt')
    const run = (await runCli(['analyze', good, empty, missing, '--db', join(dir, 'bad.db')]))
    expect(run.code).toBe(1)
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('error'))
    expect(errors).toHaveLength(2)
    for (const bad of [empty, missing]) expect(errors.some((l) => l.includes(bad))).toBe(true)
    expect(run.stderr).toMatch(/^1 document \(1 added, .*; 2 failures \(3 inputs\)/m)
  })
})

describe('dossier export', () => {
  it('export: one JSON line per article, each naming its source and document', async () => {
    const records = (await exported('articles'))
    expect(records).toHaveLength(EXAMPLE_DOCUMENTS)
    for (const r of records) {
      expect(typeof r.source).toBe('string')
      expect(r.article).toBe(r.id)
    }
    expect(records.some((r) => String(r.source).startsWith('https://'))).toBe(true)
    expect(records.some((r) => String(r.source).includes(join('examples', 'text')))).toBe(true)
  })

  it('export: --format json is one array, the same records as jsonl', async () => {
    const array = JSON.parse((await runCli(['export', '--db', analyzed, '--format', 'json'])).stdout) as unknown[]
    expect(array).toEqual((await exported('articles')))
  })

  it('export: --out writes the file and nothing to stdout', async () => {
    const out = join(dir, 'articles.jsonl')
    const run = (await runCli(['export', '--db', analyzed, '--out', out]))
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(jsonl(readFileSync(out, 'utf8'))).toHaveLength(EXAMPLE_DOCUMENTS)
  })

  it('export: an unknown --what is a usage error (exit 2)', async () => {
    expect((await runCli(['export', '--db', analyzed, '--what', 'speeches'])).code).toBe(2)
  })

  it.each(KINDS)('export: every %s record of the examples validates against its JSON Schema', async (what) => {
    const validate = schemaNamed(SCHEMA_OF[what])
    const records = (await exported(what))
    if (what === 'articles') expect(records).toHaveLength(EXAMPLE_DOCUMENTS)
    for (const record of records) expect(validate(record), JSON.stringify(validate.errors)).toBe(true)
  })

  it('export: stored layers of the examples validate against the layers schema', async () => {
    const validate = schemaNamed('layers')
    const store = await SqliteStore.open(analyzed)
    let seen = 0
    for await (const doc of store.iterateDocuments()) {
      expect(validate(doc.layers), JSON.stringify(validate.errors)).toBe(true)
      seen++
    }
    await store.close()
    expect(seen).toBe(EXAMPLE_DOCUMENTS)
  })

  it('analyze and show: the Russian example says which of its layers Russian keeps from being read (issue 14 §5)', async () => {
    const store = await SqliteStore.open(analyzed)
    const russian: string[] = []
    for await (const doc of store.iterateDocuments()) if (doc.layers.metadata?.language?.value === 'ru') russian.push(doc.id)
    await store.close()
    expect(russian).toHaveLength(1)
    const show = await runCli(['show', russian[0]!, '--db', analyzed])
    expect(show.code).toBe(0)
    expect(show.stdout).toContain('- Not read: events not read: the document is in Russian (ru), and Dossier reads events in English only; the events layer is empty')
    const again = await runCli(['analyze', EXAMPLES, '--db', join(dir, 'languages.db')])
    expect(again.stderr).toMatch(/^1 document in Russian \(ru\): the events stage does not read Russian yet; its layer is left empty/m)
    // A language with no lexicon: three stages left out, named in one line.
    const turkish = join(dir, 'haber.txt')
    writeFileSync(turkish, 'Belediye köprüyü kapattı\n\nBelediye başkanı bugün yaptığı açıklamada eski köprünün bir ay boyunca kapalı kalacağını ve bu sürede onarım yapılacağını söyledi. Sürücüler için yeni bir güzergah belirlendi ve trafik polisleri kavşaklarda görev yapacak.\n')
    const tr = await runCli(['analyze', turkish, '--db', join(dir, 'turkish.db')])
    expect(tr.stderr).toMatch(/^1 document in Turkish \(tr\): the quotes, claims and events stages do not read Turkish yet; their layers are left empty/m)
  })

  it('export: a record broken by hand fails the schema', async () => {
    const [record] = (await exported('articles'))
    const validate = schemaNamed('article')
    expect(validate({ ...record, counts: { quotes: 'many' } })).toBe(false)
  })
})

describe('dossier quotes|claims|entities|events', () => {
  it.each([
    ['quotes', /^SPEAKER\s+QUOTE\s+CUE\s+DIRECT\s+ARTICLE/],
    ['claims', /^FIGURE\s+MEASURE\s+OF\s+WHEN\s+SOURCE\s+ARTICLE/],
    ['events', /^ACTOR\s+ACTION\s+TARGET/],
    ['entities', /^NAME\s+TYPE\s+DOCUMENTS\s+MENTIONS\s+ID/],
  ])('%s: prints a table with its header, exit 0', async (command, header) => {
    const run = (await runCli([command, '--db', analyzed]))
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(header)
  })

  it.each(['quotes', 'claims', 'entities', 'events'])('%s --format json prints an array cut at --limit', async (command) => {
    const run = (await runCli([command, '--db', analyzed, '--format', 'json', '--limit', '3']))
    expect(run.code).toBe(0)
    const rows = JSON.parse(run.stdout) as unknown[]
    // The entity index holds each entity once across articles; the others are per-article records.
    const stored = command === 'entities' ? new Set((await exported('entities')).map((e) => e.id)).size : (await exported(command)).length
    expect(rows).toHaveLength(Math.min(3, stored))
  })
})

describe('dossier entities --type', () => {
  it('entities: --type keeps only entities of that type, most widely mentioned first', async () => {
    const run = (await runCli(['entities', '--db', analyzed, '--type', 'person', '--format', 'json', '--limit', '500']))
    expect(run.code).toBe(0)
    const rows = JSON.parse(run.stdout) as Array<{ type: string; documents: number }>
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.filter((r) => r.type !== 'person')).toEqual([])
    expect(rows.map((r) => r.documents)).toEqual([...rows.map((r) => r.documents)].sort((a, b) => b - a))
  })
})

describe('dossier analyze on the seeds', () => {
  const available = sharedAvailable('analyze on the seeds')
  const seeds = join(SHARED, 'corpus/seeds')
  let db: string
  beforeAll(async () => {
    if (!available) return
    db = join(dir, 'seeds.db')
    expect((await runCli(['analyze', seeds, '--db', db])).code).toBe(0)
  })
  const json = async (args: string[]): Promise<Array<Record<string, unknown>>> => {
    const run = (await runCli([...args, '--db', db]))
    expect(run.code).toBe(0)
    return (args.includes('--format') ? JSON.parse(run.stdout) : jsonl(run.stdout)) as Array<Record<string, unknown>>
  }

  it.runIf(available)('seeds: every exported span holds the text its record gives', async () => {
    const store = await SqliteStore.open(db)
    const sources = new Map<string, string>()
    for await (const doc of store.iterateDocuments()) sources.set(doc.id, doc.source)
    await store.close()
    expect(sources.size).toBe(readdirSync(seeds).filter((f) => f.endsWith('.txt')).length)
    for (const what of ['entities', 'claims', 'events', 'times', 'quotes'] as const) {
      const records = (await json(['export', '--what', what]))
      expect(records.length, what).toBeGreaterThan(0)
      for (const r of records) {
        const source = sources.get(String(r.article))!
        const span = r.span as { start: number; end: number } | null
        if (!span) continue
        const parts = (r.parts as Array<{ text: string }> | undefined) ?? []
        const expected = parts.length > 1 ? parts.map((p) => p.text).join(QUOTE_PART_SEPARATOR) : source.slice(span.start, span.end)
        expect(r.text).toBe(expected)
      }
    }
  })

  it.runIf(available)('seeds: quotes --entity Lavrov gives his direct quote, and only quotes he is the speaker of', async () => {
    const rows = (await json(['quotes', '--entity', 'Lavrov', '--format', 'json', '--limit', '100']))
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) expect((r.speaker as { name: string }).name).toBe('Sergey Lavrov')
    expect(rows.some((r) => r.direct === true && String(r.text).startsWith('Russia will not ally with anyone against anyone'))).toBe(true)
  })

  it.runIf(available)('seeds: the entity index counts Lavrov in the three articles that name him', async () => {
    const [lavrov] = (await json(['entities', '--entity', 'lavrov', '--format', 'json']))
    expect(lavrov).toMatchObject({ id: 'person:sergey-lavrov', type: 'person', name: 'Sergey Lavrov', documents: 3 })
    const store = await SqliteStore.open(db)
    const mentioning = await store.documentsMentioning('person:sergey-lavrov')
    await store.close()
    expect(mentioning).toHaveLength(3)
    expect(mentioning.reduce((n, d) => n + d.mentions, 0)).toBe(lavrov!.mentions)
  })

  it.runIf(available)('seeds: the warhead figures are exported with SIPRI as their attribution', async () => {
    const claims = (await json(['export', '--what', 'claims'])).filter((c) => /^5,459|^5,177/.test(String(c.text)))
    expect(claims).toHaveLength(2)
    for (const c of claims) expect(String((c.attribution as { name: string }).name)).toMatch(/Stockholm International Peace Research Institute/)
  })
})
