import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportStore } from '../../test/helpers/export-store.js'
import { SCHEMA_OF, schemaNamed } from '../../test/helpers/schemas.js'
import type { Store } from '../store/index.js'
import { exportText } from './index.js'

let store: Store
beforeAll(async () => {
  store = await exportStore()
})
afterAll(async () => store.close())

async function jsonl(what: 'stories' | 'facts' | 'conflicts' | 'timelines'): Promise<Array<Record<string, unknown>>> {
  let out = ''
  for await (const chunk of exportText(store, { what, format: 'jsonl' })) out += chunk
  return out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)
}

const D1 = { input: 'desk.jsonl', record: '4', externalId: 'desk-17' }
const D2 = { input: 'd2.txt', record: null, externalId: null }

describe('export: corpus records join back to the user data', () => {
  it('a story names each article\'s input, record and external id', async () => {
    const bridge = (await jsonl('stories')).find((s) => s.id === 'st-00000000000b') as { articles: Array<Record<string, unknown>> }
    expect(bridge.articles.map((a) => ({ input: a.input, record: a.record, externalId: a.externalId }))).toEqual([D1, D2])
  })

  it('a fact\'s and a conflict\'s citations name where each article came from', async () => {
    const quote = (await jsonl('facts')).find((f) => f.id === 'q1') as { citations: Array<Record<string, unknown>> }
    expect(quote.citations).toMatchObject([{ article: 'd1', ...D1 }, { article: 'd2', ...D2 }])
    const [conflict] = (await jsonl('conflicts')) as Array<{ values: Array<{ citations: Array<Record<string, unknown>> }> }>
    expect(conflict!.values.flatMap((v) => v.citations)).toMatchObject([{ article: 'd1', ...D1 }, { article: 'd2', ...D2 }])
  })

  it.each(['stories', 'facts', 'conflicts'] as const)('%s records with their origins still follow their schema', async (what) => {
    const validate = schemaNamed(SCHEMA_OF[what])
    for (const record of await jsonl(what)) expect(validate(record), JSON.stringify(validate.errors)).toBe(true)
  })
})
