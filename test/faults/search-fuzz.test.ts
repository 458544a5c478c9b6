/*
 * Search fuzzer: 10,000 generated queries through the real HTTP app on a real store, half on
 * articles and half on stories, in both modes. Every answer is a 200, or a 400 whose JSON error
 * names the query; never a 500. In words mode a 400 is only for a query over the parameter
 * limit or with more words than a search takes: nothing a person types is a syntax error there.
 *
 * FUZZ_SEED=<n> replays or varies a run; the seed in use is printed.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyze } from '../../src/api/analyze.js'
import { createApp } from '../../src/http/app.js'
import { MAX_PARAM_CHARS } from '../../src/http/params.js'
import { openStore, type Store } from '../../src/store/index.js'
import { REPO_ROOT } from '../helpers/cli.js'

const QUERIES = 10_000
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207)

const SYMBOLS = ['AND', 'OR', 'NOT', 'NEAR', 'NEAR(', '(', ')', '"', '""', '*', '^', ':', '-', '+', ',', '{', '}', 'title:', 'body:', '-title:', '{title body}:', 'and', 'or', 'not', 'near', '\\', "'", '%', '\u0000', '\u202e', '\ufeff', 'Putin', "Putin's", 'U.S.', '5,459', '2023-02-21', 'Russia-China', 'Xi', 'treaty', 'café', 'e\u0301', '東京', '😀', 'ﬁ']
const GAPS = [' ', '', '', '  ', '\t', '\n', '\u00a0', '\u3000']

const word = fc.oneof(fc.constantFrom(...SYMBOLS), fc.stringMatching(/^[a-z]{1,8}\*?$/), fc.integer({ min: -5, max: 3000 }).map(String))
const joined = (parts: fc.Arbitrary<string[]>): fc.Arbitrary<string> =>
  parts.chain((items) => fc.array(fc.constantFrom(...GAPS), { minLength: items.length, maxLength: items.length }).map((gaps) => items.map((item, i) => item + gaps[i]).join('')))
const phrase = fc.oneof(word, joined(fc.array(word, { maxLength: 3 })).map((p) => `"${p}"`), word.map((w) => `"${w}`))

const query = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: joined(fc.array(fc.oneof(word, phrase), { maxLength: 25 })), weight: 6 },
  {
    arbitrary: fc.tuple(fc.array(phrase, { maxLength: 4 }), fc.constantFrom(' ', ', ', ','), fc.option(fc.oneof(word, fc.integer({ min: -2, max: 2000 }).map(String)), { nil: undefined }), fc.boolean())
      .map(([phrases, between, distance, closed]) => `NEAR(${phrases.join(between)}${distance === undefined ? '' : `, ${distance}`}${closed ? ')' : ''}`),
    weight: 3,
  },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 300 }), word, fc.integer({ min: 0, max: 300 })).map(([open, w, close]) => `${'('.repeat(open)}${w}${')'.repeat(close)}`), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('a ', 'NOT a ', 'a OR ', '"x y" ', '( ', 'é', '*'), fc.integer({ min: 100, max: 700 })).map(([piece, n]) => piece.repeat(n)), weight: 1 },
)
const request = fc.record({ path: fc.constantFrom('/api/articles', '/api/stories'), mode: fc.constantFrom('words', 'advanced', undefined), q: query })

describe('faults: search fuzzer', () => {
  let store: Store
  let dir: string
  let app: ReturnType<typeof createApp>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-search-fuzz-'))
    store = await openStore({ path: join(dir, 'store.db') })
    await analyze([join(REPO_ROOT, 'examples/text')], { store, workers: 0 })
    app = createApp({ store, webRoot: join(dir, 'web-absent') })
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it(`${QUERIES} queries on articles and stories, both modes: every answer is 200 or a 400 with a JSON error, never 500`, async () => {
    const statuses = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(request, async ({ path, mode, q }) => {
        const params = new URLSearchParams({ q, ...(mode === undefined ? {} : { mode }) })
        const res = await app.request(`${path}?${params.toString()}`)
        const body = (await res.json()) as { items?: unknown[]; error?: { code: string; message: string } }
        const sent = params.get('q')!
        const key = `${res.status} ${body.error?.code ?? 'ok'}`
        statuses.set(key, (statuses.get(key) ?? 0) + 1)
        if (res.status === 200) return Array.isArray(body.items)
        if (res.status !== 400 || body.error === undefined || body.error.message === '') return false
        if (body.error.code === 'BAD_PARAMETER') return sent.length > MAX_PARAM_CHARS
        if (body.error.code !== 'SEARCH_SYNTAX') return false
        // Words mode refuses only a query with more words than a search takes.
        return mode === 'advanced' || /more than the \d+ a search takes/.test(body.error.message)
      }),
      { numRuns: QUERIES, seed: SEED },
    )
    console.log(`search fuzzer (seed ${SEED}): ${[...statuses].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`)
    expect([...statuses.keys()].filter((k) => !/^(200|400) /.test(k))).toEqual([])
  })
})
