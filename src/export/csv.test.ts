import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportStore } from '../../test/helpers/export-store.js'
import { UsageError } from '../errors.js'
import { openStore, type Store } from '../store/index.js'
import { CSV_TABLES } from './csv-tables.js'
import { exportText, type ExportKind, type Format } from './index.js'

let store: Store
beforeAll(async () => {
  store = await exportStore()
})
afterAll(async () => store.close())

async function text(what: ExportKind, format: Format, from = store): Promise<string> {
  let out = ''
  for await (const chunk of exportText(from, { what, format })) out += chunk
  return out
}
const rowsOf = (csv: string): Array<Record<string, string>> => parse(csv, { columns: true }) as Array<Record<string, string>>
const jsonl = (out: string): Array<Record<string, unknown>> => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)

describe('export: csv', () => {
  it.each(Object.keys(CSV_TABLES) as Array<keyof typeof CSV_TABLES>)('csv: %s parses as RFC 4180 with its header and one row per record', async (what) => {
    const csv = await text(what, 'csv')
    const header = parse(csv, { to_line: 1 }) as string[][]
    expect(header[0]).toEqual(CSV_TABLES[what].columns.map((c) => c.header))
    const records = jsonl(await text(what, 'jsonl'))
    const expected = what === 'timelines' ? records.flatMap((t) => t.statements as unknown[]).length : records.length
    expect(rowsOf(csv)).toHaveLength(expected)
    expect(csv.split('\r\n').at(-1)).toBe('')
  })

  it('csv: the documented kinds have rows on the fixture store', async () => {
    for (const what of ['articles', 'entities', 'quotes', 'claims', 'events', 'times', 'stories', 'facts', 'conflicts'] as const) {
      expect(rowsOf(await text(what, 'csv')).length, what).toBeGreaterThan(0)
    }
  })

  it('csv: a cell with a comma and quotes comes back as written', async () => {
    const stories = rowsOf(await text('stories', 'csv'))
    expect(stories.map((s) => s.title)).toContain('Council approves new bridge, "at last"')
  })

  it('csv: a quote row has the same words, span and speaker as its JSON record, and where it came from in the user data', async () => {
    const [json] = jsonl(await text('quotes', 'jsonl')).filter((q) => q.article === 'd1') as Array<{ text: string; span: { start: number }; speaker: { name: string } }>
    const [row] = rowsOf(await text('quotes', 'csv')).filter((q) => q.article === 'd1')
    expect(row).toMatchObject({ text: json!.text, 'span.start': String(json!.span.start), 'speaker.name': json!.speaker.name, input: 'desk.jsonl', record: '4', externalId: 'desk-17' })
  })

  it('csv: a fact lists its status, outlets and the articles that carry it', async () => {
    const facts = rowsOf(await text('facts', 'csv'))
    expect(facts.find((f) => f.kind === 'quote')).toMatchObject({ status: 'agreed', outlets: '2', sources: 'harbour.example; coastnews.example', articles: 'd1; d2', 'who.name': 'Mira Holt' })
    expect(facts.filter((f) => f.status === 'conflict').map((f) => f.conflict)).toEqual(['c1', 'c1'])
  })

  it('csv: a conflict row gives each side in one cell', async () => {
    const [conflict] = rowsOf(await text('conflicts', 'csv'))
    expect(conflict).toMatchObject({ kind: 'contradiction', measure: 'ferries', values: '40 ferries; 52 ferries', articles: 'd1; d2' })
  })

  it('csv: an empty store gives the header row alone', async () => {
    const empty = await openStore({ path: ':memory:' })
    try {
      expect(await text('conflicts', 'csv', empty)).toBe(`${CSV_TABLES.conflicts.columns.map((c) => c.header).join(',')}\r\n`)
    } finally {
      await empty.close()
    }
  })

  it('export: a format that does not fit the kind is refused, naming the ones that do', async () => {
    await expect(text('quotes', 'gexf')).rejects.toThrow(UsageError)
    await expect(text('quotes', 'gexf')).rejects.toThrow(/export --what quotes takes --format jsonl, json or csv, not "gexf"/)
    await expect(text('speeches' as ExportKind, 'csv')).rejects.toThrow(/--what takes articles, entities/)
  })

  it('export: json is one array of the jsonl records', async () => {
    expect(JSON.parse(await text('facts', 'json'))).toEqual(jsonl(await text('facts', 'jsonl')))
    const empty = await openStore({ path: ':memory:' })
    try {
      expect(JSON.parse(await text('conflicts', 'json', empty))).toEqual([])
    } finally {
      await empty.close()
    }
  })
})
