import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Brief, Story, StorySummary, Thread, Timeline } from '../../src/document/index.js'
import type { ConflictRecord } from '../../src/api/export-corpus.js'
import { REPO_ROOT, SHARED, runCli, sharedAvailable, type CliRun } from '../helpers/cli.js'
import { SCHEMA_OF, schemaNamed } from '../helpers/schemas.js'

const SEEDS = join(SHARED, 'corpus/seeds')
const EXAMPLES = join(REPO_ROOT, 'examples')
const jsonl = <T>(text: string): T[] => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as T)

let dir: string
let examplesDb: string
let examplesRun: CliRun
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-stories-'))
  examplesDb = join(dir, 'examples.db')
  examplesRun = (await runCli(['analyze', EXAMPLES, '--db', examplesDb, '--briefs', '1']))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('dossier analyze: the main job on the examples', () => {
  it('places every document in a story and prints the stories line, exit 0', async () => {
    expect(examplesRun.code).toBe(0)
    expect(examplesRun.stderr).toMatch(/^stories: 16 articles placed \(\d+ near-copies\), \d+ new, \d+ new or grown; \d+ threads? written; \d+ stories in store$/m)
  })

  it('prints the brief of the top story after it, every summary line cited', async () => {
    const [first] = JSON.parse((await runCli(['stories', '--db', examplesDb, '--format', 'json', '--limit', '1'])).stdout) as StorySummary[]
    expect(examplesRun.stdout).toContain(`# ${first!.title}`)
    // Data only on stdout: it starts with the first brief; the counts went to stderr.
    expect(examplesRun.stdout).toMatch(/^# /)
    const summary = examplesRun.stdout.split('## Summary')[1]!.split('##')[0]!
    const lines = summary.split('\n').filter((l) => l.startsWith('- '))
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).toMatch(/(\[\d+\])+$/)
  })

  it('--briefs 0 prints no brief', async () => {
    const run = (await runCli(['analyze', EXAMPLES, '--db', examplesDb, '--briefs', '0']))
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
  })
})

describe('dossier stories, brief, threads, export on the examples', () => {
  it('stories: a table, most outlets first, and the count on stderr', async () => {
    const run = (await runCli(['stories', '--db', examplesDb]))
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[0]).toMatch(/^ID\s+EVENT\s+OUTLETS\s+ARTICLES\s+TITLE$/)
    const outlets = run.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(/\s{2,}/)[2]))
    expect(outlets).toEqual([...outlets].sort((a, b) => b - a))
    expect(run.stderr).toMatch(/^\d+ of \d+ stories$/m)
  })

  it('stories --search finds the stories whose articles match; a bad --advanced query is exit 2 with a message', async () => {
    const found = JSON.parse((await runCli(['stories', '--db', examplesDb, '--search', 'Belarus', '--format', 'json'])).stdout) as StorySummary[]
    expect(found.length).toBeGreaterThan(0)
    expect(found.some((s) => /Belarus/.test(s.title))).toBe(true)
    const typed = await runCli(['stories', '--db', examplesDb, '--search', 'NEAR(Belarus, "unclosed', '--format', 'json'])
    expect(typed.code).toBe(0)
    const either = JSON.parse((await runCli(['stories', '--db', examplesDb, '--search', 'Belarus OR Xi', '--advanced', '--format', 'json'])).stdout) as StorySummary[]
    expect(either.length).toBeGreaterThan(found.length)
    const bad = await runCli(['stories', '--db', examplesDb, '--search', 'NEAR(Belarus, Minsk)', '--advanced'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Cannot search for "NEAR(Belarus, Minsk)": at character 13, NEAR takes a distance after its comma')
  })

  it('brief --format json: citations are the exact words of their spans in the stored article', async () => {
    const run = (await runCli(['brief', '--db', examplesDb, '--format', 'json']))
    expect(run.code).toBe(0)
    const brief = JSON.parse(run.stdout) as Brief
    const citations = [...brief.summary.flatMap((s) => s.citations), ...brief.facts.flatMap((f) => f.citations)]
    expect(citations.length).toBeGreaterThan(0)
    const sources = new Map<string, string>()
    for (const c of citations) {
      if (!sources.has(c.article)) sources.set(c.article, (JSON.parse((await runCli(['show', c.article, '--db', examplesDb, '--format', 'json'])).stdout) as { source: string }).source)
      expect(sources.get(c.article)!.slice(c.span.start, c.span.end)).toBe(c.text)
    }
  })

  it('brief --format html: a standalone page with a CSP and no script', async () => {
    const run = (await runCli(['brief', '--db', examplesDb, '--format', 'html']))
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/i)
    expect(run.stdout).toContain('Content-Security-Policy')
    expect(run.stdout).not.toMatch(/<script/i)
  })

  it('brief of an unknown story or a query nothing matches: exit 2 naming it', async () => {
    const unknown = (await runCli(['brief', '--db', examplesDb, '--story', 'st-000000000000']))
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('st-000000000000')
    const nothing = (await runCli(['brief', 'zebra', 'quokka', '--db', examplesDb]))
    expect(nothing.code).toBe(2)
    expect(nothing.stderr).toContain('"zebra quokka"')
  })

  it.each(['stories', 'facts', 'conflicts', 'timelines'] as const)('export --what %s: every record follows its schema', async (what) => {
    const run = (await runCli(['export', '--db', examplesDb, '--what', what]))
    expect(run.code).toBe(0)
    const records = jsonl<object>(run.stdout)
    if (what === 'stories') expect(records.length).toBeGreaterThan(0)
    const validate = schemaNamed(SCHEMA_OF[what])
    for (const record of records) expect(validate(record), JSON.stringify(validate.errors)).toBe(true)
  })

  it('export --what stories: one record per story, each article with its id and outlet', async () => {
    const stories = jsonl<Story>((await runCli(['export', '--db', examplesDb, '--what', 'stories'])).stdout)
    const listed = JSON.parse((await runCli(['stories', '--db', examplesDb, '--format', 'json', '--limit', '500'])).stdout) as StorySummary[]
    expect(stories.map((s) => s.id).sort()).toEqual(listed.map((s) => s.id).sort())
    expect(stories.reduce((n, s) => n + s.articles.length, 0)).toBe(16)
  })
})

describe('dossier timeline: errors', () => {
  it('an unknown actor is exit 2 naming it', async () => {
    const run = (await runCli(['timeline', 'Narnia', 'China', '--db', examplesDb]))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Narnia')
  })
})

describe('dossier serve', () => {
  it('refuses a non-loopback address without a token: exit 2 with the reason', async () => {
    const run = (await runCli(['serve', '--db', examplesDb, '--host', '0.0.0.0', '--port', '0']))
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--token/)
  })

  it('refuses a one-character token for a public bind: exit 2 naming the minimum (issue 10)', async () => {
    const run = (await runCli(['serve', '--db', examplesDb, '--host', '0.0.0.0', '--port', '0', '--token', 'x']))
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/at least 16 characters/)
  })

  it('serves the API on the store until interrupted, then exits 0; answers the --allow-host names and no other (issue 10)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/bin.ts'), 'serve', '--db', examplesDb, '--port', '0', '--allow-host', 'dossier.test', '--allow-host', 'news.test:8443'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    })
    let stderr = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        const m = /at (http:\/\/\S+?)\/?[ ;]/.exec(stderr)
        if (m) resolve(m[1]!)
      })
      child.once('exit', () => reject(new Error(`serve exited early: ${stderr}`)))
    })
    const health = (await (await fetch(`${url}/api/health`)).json()) as { ok: boolean; documents: number }
    expect(health).toMatchObject({ ok: true, documents: 16 })
    const port = Number(new URL(url).port)
    const statusFor = (host: string): Promise<number> => new Promise((done, fail) => {
      request({ host: '127.0.0.1', port, path: '/api/ping', headers: { Host: host } }, (res) => {
        res.resume()
        done(res.statusCode ?? 0)
      }).on('error', fail).end()
    })
    expect([await statusFor('dossier.test'), await statusFor('news.test:8443'), await statusFor('news.test:80'), await statusFor(`evil.test:${port}`)]).toEqual([200, 200, 421, 421])
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
  }, 30_000)
})

describe.runIf(sharedAvailable('seed stories e2e'))('dossier analyze on the seeds', () => {
  let db: string
  let run: CliRun
  beforeAll(async () => {
    db = join(dir, 'seeds.db')
    run = (await runCli(['analyze', SEEDS, '--db', db, '--briefs', '1']))
  })

  it('three stories: the 2025 interview in three outlets, 2020 and 2023 alone', async () => {
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^stories: 5 articles placed .* 3 stories in store$/m)
    const stories = JSON.parse((await runCli(['stories', '--db', db, '--format', 'json'])).stdout) as StorySummary[]
    expect(stories.map((s) => [s.eventDate?.slice(0, 4), s.articles])).toEqual([['2025', 3], ['2023', 1], ['2020', 1]])
  })

  it('the brief printed by analyze shows the warhead conflict and the stance timeline', async () => {
    expect(run.stdout).toMatch(/4,477 warheads.*Federation of American Scientists/)
    expect(run.stdout).toMatch(/5,459 warheads.*Stockholm International Peace Research Institute/)
    expect(run.stdout).toMatch(/## Timeline: Russia on China \(alliance\)/)
  })

  it('timeline Russia China --topic alliance: 2020 open → 2023 against (shift) → 2025 against', async () => {
    const t = JSON.parse((await runCli(['timeline', 'Russia', 'China', '--topic', 'alliance', '--db', db, '--format', 'json'])).stdout) as Timeline
    expect(t.statements.map((s) => [s.date?.slice(0, 4), s.position, s.shift?.from ?? null])).toEqual([
      ['2020', 'open', null], ['2023', 'against', 'open'], ['2025', 'against', null],
    ])
    expect(t.statements.map((s) => s.speaker?.name)).toEqual(['Vladimir Putin', 'Vladimir Putin', 'Sergey Lavrov'])
    const table = (await runCli(['timeline', 'Russia', 'China', '--topic', 'alliance', '--db', db]))
    expect(table.stdout).toMatch(/open → against/)
  })

  it('threads: one thread holding the three stories in date order', async () => {
    const threads = JSON.parse((await runCli(['threads', '--db', db, '--format', 'json'])).stdout) as Thread[]
    expect(threads).toHaveLength(1)
    expect(threads[0]!.stories.map((s) => s.eventDate?.slice(0, 4))).toEqual(['2020', '2023', '2025'])
  })

  // The examples may hold no conflict or timeline, which would pass their schema test unread; the seeds hold both.
  it.each(['conflicts', 'timelines'] as const)('export --what %s on the seeds: some records, each following its schema', async (what) => {
    const records = jsonl<object>((await runCli(['export', '--db', db, '--what', what])).stdout)
    expect(records.length).toBeGreaterThan(0)
    const validate = schemaNamed(SCHEMA_OF[what])
    for (const record of records) expect(validate(record), JSON.stringify(validate.errors)).toBe(true)
  })

  it('export --what conflicts: the warhead counts of different definitions and the trade bounds that both hold (issue 15)', async () => {
    const conflicts = jsonl<ConflictRecord>((await runCli(['export', '--db', db, '--what', 'conflicts'])).stdout)
    const warheads = conflicts.find((c) => c.subject?.id === 'country:RU' && /warhead/.test(c.measure))
    expect([warheads?.kind, warheads?.reason]).toEqual(['different-definitions', 'different definitions: "stockpile" (about 4,477 warheads as of early 2025) vs "arsenal" (5,459 warheads)'])
    expect(warheads?.values.map((v) => v.value).sort()).toEqual([4477, 5459])
    const trade = conflicts.find((c) => /trade/.test(c.measure) && c.values.some((v) => v.value === 220e9))
    expect(trade?.kind).toBe('consistent-bounds')
  })
})
