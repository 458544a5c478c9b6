import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from '../helpers/cli.js'

let dir: string
let db: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'))
  db = join(dir, 'store.db')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('dossier CLI on the shipped examples', () => {
  it('cli: ingest stores every example document and exits 0', async () => {
    const run = (await runCli(['ingest', join(REPO_ROOT, 'examples'), '--db', db]))
    expect(run.stderr).not.toMatch(/error/)
    expect(run.code).toBe(0)
    // 11 example files: 7 single pages, and a feed, a feed, a JSON Lines file and a WARC holding 2, 2, 3 and 2.
    expect(run.stderr).toMatch(/^16 documents added, 0 already stored, 0 inputs unchanged, 0 rejected \(11 inputs\)/m)
  })

  it('cli: ingest runs the reader stages only (no sentence layer)', async () => {
    const rows = JSON.parse((await runCli(['export', '--db', db, '--format', 'json', '--what', 'articles'])).stdout) as Array<{ counts: { sentences: number } }>
    expect(rows).toHaveLength(16)
    expect(rows.filter((r) => r.counts.sentences > 0)).toEqual([])
  })

  it('cli: ingesting the same inputs again adds nothing', async () => {
    const run = (await runCli(['ingest', join(REPO_ROOT, 'examples'), '--db', db]))
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^0 documents added/m)
  })

  it('cli: list shows stored documents with titles and dates as JSON', async () => {
    const run = (await runCli(['list', '--db', db, '--format', 'json', '--limit', '500']))
    expect(run.code).toBe(0)
    const rows = JSON.parse(run.stdout) as Array<{ id: string; title?: string; published?: string }>
    expect(rows).toHaveLength(16)
    expect(rows.filter((r) => !r.title)).toEqual([])
    expect(rows.filter((r) => !r.published)).toEqual([])
  })

  it('cli: show prints the clean text; --removed lists reasons; --original the source', async () => {
    const rows = JSON.parse((await runCli(['list', '--db', db, '--format', 'json'])).stdout) as Array<{ id: string; input: string }>
    const page = rows.find((r) => r.input.includes(`${join('examples', 'text')}`))
    expect(page).toBeDefined()
    const shown = (await runCli(['show', page!.id, '--db', db]))
    expect(shown.code).toBe(0)
    expect(shown.stdout).toMatch(/^# /)
    const removed = (await runCli(['show', page!.id, '--db', db, '--removed']))
    expect(removed.stdout).toMatch(/^\[\d+, \d+\) (navigation|title|byline|related-list)/m)
    const original = (await runCli(['show', page!.id, '--db', db, '--original']))
    expect(original.stdout.length).toBeGreaterThan(shown.stdout.length / 2)
  })

  it('cli: show with an unknown id is a usage error (exit 2)', async () => {
    const run = (await runCli(['show', 'nope', '--db', db]))
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/No document with id "nope"/)
  })
})

describe('dossier extract', () => {
  it('extract: prints one JSON record per document with the documented fields', async () => {
    const page = join(dir, 'page.txt')
    writeFileSync(page, 'Harbour council approves new ferry timetable\n\nBy Ada Brennan\n\nThe harbour council approved a new ferry timetable on Tuesday. Ferries will run every twenty minutes from June.\n\nThe council said the change follows a survey of 2,400 passengers.\n')
    const run = (await runCli(['extract', page, '--format', 'jsonl']))
    expect(run.code).toBe(0)
    const record = JSON.parse(run.stdout.trim().split('\n')[0]!) as Record<string, unknown>
    expect(Object.keys(record)).toEqual(expect.arrayContaining(['source', 'title', 'authors', 'published', 'publisher', 'language', 'text', 'removed']))
    expect(record.source).toBe(page)
    expect(record.title).toBe('Harbour council approves new ferry timetable')
    expect(record.authors).toEqual(['Ada Brennan'])
    expect(record.text).toContain('Ferries will run every twenty minutes from June.')
    expect(record.text).not.toContain('By Ada Brennan')
  })

  it('extract: reads stdin with -', async () => {
    const run = (await runCli(['extract', '-', '--format', 'json'], { input: 'A short note\n\nThe museum reopens on Saturday after two years of repairs to its roof.\n' }))
    expect(run.code).toBe(0)
    const records = JSON.parse(run.stdout) as Array<{ source: string; text: string }>
    expect(records[0]?.source).toBe('-')
    expect(records[0]?.text).toContain('The museum reopens on Saturday')
  })

  it('extract: a bad input gets one line naming it, the good ones still come out, exit 1', async () => {
    const good = join(dir, 'good.txt')
    const empty = join(dir, 'empty.txt')
    const binary = join(dir, 'binary.bin')
    const truncated = join(dir, 'cut.txt.gz')
    writeFileSync(good, 'Bridge reopens\n\nThe old bridge reopened to traffic on Monday after repairs.\n')
    writeFileSync(empty, '')
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0]))
    writeFileSync(truncated, gzipSync('The ferry service resumed today after the storm.'.repeat(50)).subarray(0, 30))
    const missing = join(dir, 'missing.txt')
    const run = (await runCli(['extract', empty, binary, good, truncated, missing]))
    expect(run.code).toBe(1)
    const errors = run.stderr.trim().split('\n').filter((l) => l.startsWith('error'))
    expect(errors).toHaveLength(4)
    for (const bad of [empty, binary, truncated, missing]) expect(errors.some((l) => l.includes(bad))).toBe(true)
    expect(run.stdout).toContain('The old bridge reopened to traffic on Monday')
  })

  it('cli: --help lists every command', async () => {
    const run = (await runCli(['--help']))
    expect(run.code).toBe(0)
    const help = run.stdout + run.stderr
    for (const command of ['ingest', 'analyze', 'extract', 'export', 'list', 'show', 'quotes', 'claims', 'entities', 'events']) {
      expect(help).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'))
    }
  })

  it('cli: an unknown option is a usage error (exit 2)', async () => {
    expect((await runCli(['extract', '--no-such-flag', 'x'])).code).toBe(2)
  })

  it('cli: ingest of a bad input stores nothing for it and exits 1', async () => {
    const store = join(dir, 'bad.db')
    const good = join(dir, 'good2.txt')
    writeFileSync(good, 'Library extends hours\n\nThe city library will open until nine in the evening from next month.\n')
    const run = (await runCli(['ingest', good, join(dir, 'empty.txt'), '--db', store]))
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^1 document added/m)
    const rows = JSON.parse((await runCli(['list', '--db', store, '--format', 'json'])).stdout) as unknown[]
    expect(rows).toHaveLength(1)
  })
})
