// Issue 10, finding 10: one document that cannot be extracted lost the valid lines before it, and
// `extract` did not name the input. Each item now fails alone, as `input#record`; the items beside
// it are stored and printed. The failing item is one that goes past a one-second time budget
// (megabytes of markup; nesting alone no longer fails, since extraction is iterative), so it fails
// on any machine, and the two short items take milliseconds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'

const NESTING = 5000
/** Repeats of a nested paragraph block: about 8 MB of markup, seconds of cleaning. */
const BLOCKS = 60_000
const BUDGET = ['--workers', '1', '--budget-ms', '1000']
let dir: string
let path: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-faults-item-'))
  path = join(dir, 'deep.jsonl')
  const block = '<div><p>The ferry timetable changed again this week, the harbour office said.</p></div>'
  const deep = `${'<div>'.repeat(NESTING)}${block.repeat(BLOCKS)}${'</div>'.repeat(NESTING)}`
  const story = (n: number, what: string): string => JSON.stringify({ id: `s-${n}`, title: `Story ${n}`, text: `${what} reopened on Saturday after two years of repairs, the council said.` })
  writeFileSync(path, [story(1, 'The library'), JSON.stringify({ id: 'deep', title: 'Deep', html: deep }), story(3, 'The museum')].join('\n'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The deep item fails, alone and named by its record; nothing else is reported. */
function expectOnlyDeepItemReported(stderr: string): void {
  // The run's counts go to stderr too (stdout holds data only): every other line is a report.
  const lines = stderr.trim().split('\n').filter((line) => line !== '' && !/^\d+ documents? \(|^\d+ documents? added|^stories: /.test(line))
  expect(lines.length).toBeGreaterThan(0)
  for (const line of lines) expect(line).toMatch(new RegExp(`^error ${path}#2: .*time budget`))
}

describe('ingest faults: one item that cannot be extracted fails alone (issue 10, finding 10)', () => {
  it('faults: ingest stores the lines around it', async () => {
    const db = join(dir, 'store.db')
    const run = await runCli(['ingest', path, '--db', db, ...BUDGET])
    expectOnlyDeepItemReported(run.stderr)
    const titles = (JSON.parse((await runCli(['list', '--db', db, '--format', 'json'])).stdout) as Array<{ title?: string }>).map((d) => d.title)
    expect(titles).toEqual(expect.arrayContaining(['Story 1', 'Story 3']))
  })

  it('faults: extract prints the lines around it and names it', async () => {
    const run = await runCli(['extract', path, '--format', 'jsonl', ...BUDGET])
    expectOnlyDeepItemReported(run.stderr)
    const sources = run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { source: string }).source)
    expect(sources).toEqual(expect.arrayContaining([`${path}#1`, `${path}#3`]))
  })
})
