import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'

// Hostile size and depth, generated here, through the real CLI. Each run passes its budget
// explicitly: the default (30 s a document) assumes a machine of its own, and a test machine is
// shared; what is asserted is the outcome and the message, never a time.

const FARES = 'The harbour council voted on Tuesday to raise ferry fares by ten percent, citing fuel costs, crew wages and the repair of two ageing vessels.'
const ARTICLE = `<p>${FARES}</p><p>Commuters who cross twice a day said the rise would cost them several hundred a year, and a riders group promised to appeal.</p>`
const page = (body: string): string => `<html><head><title>Ferry fares rise</title></head><body>${body}</body></html>`
const SENTENCE = 'The old bridge will close for six weeks from Monday while engineers replace its deck, the city said. '
const NAMES = ['Jane Alder', 'Omar Haddad', 'Lena Fischer', 'Kwame Mensah']

/** A long article of distinct paragraphs naming people in full, by surname and as "she". */
function longArticle(paragraphs: number): string {
  const out = ['Talks go on\n\n']
  for (let i = 0; i < paragraphs; i++) {
    const name = NAMES[i % NAMES.length]!
    out.push(`On day ${i}, ${name} met officials of the United Nations in Geneva about report ${i * 13}. ` +
      `"We will keep working on part ${i}," ${name.split(' ')[1]} told Reuters. She said the president would visit area ${i}.\n\n`)
  }
  return out.join('')
}

let dir: string
const file = (name: string, content: string): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-extract-faults-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('extract: hostile depth and size (issue 10)', () => {
  it('extracts 100,000 nested elements, unclosed nesting and 22 MB of one repeated sentence, with the normal page beside them', async () => {
    const inputs = [
      file('nested-b.html', page(`${'<b>'.repeat(100_000)}${ARTICLE}${'</b>'.repeat(100_000)}`)),
      file('nested-div.html', page(`<p>Intro.</p>${'<div class="content">'.repeat(100_000)}${ARTICLE}`)),
      file('fares.html', page(`<article>${ARTICLE}</article>`)),
      file('repeated.txt', SENTENCE.repeat(230_000)),
    ]
    const run = await runCli(['extract', ...inputs, '--budget-ms', '180000'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const records = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { source: string; text: string })
    expect(records.map((r) => r.source)).toEqual(inputs)
    for (const r of records.slice(0, 3)) expect(r.text).toContain(FARES)
    expect(records[3]!.text.trim()).toBe(SENTENCE.trim())
  }, 600_000)

  it('names the input and the budget when extraction runs out of time; the other inputs are printed', async () => {
    const deep = file('deep.html', page(`<p>Intro.</p>${'<div>'.repeat(500_000)}${ARTICLE}`))
    const fares = file('fares2.html', page(`<article>${ARTICLE}</article>`))
    const run = await runCli(['extract', deep, fares, '--budget-ms', '1000'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(new RegExp(`^error ${deep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: gave up after 1 s on document \\w+ \\(time budget; raise it with --budget-ms\\)$`, 'm'))
    const records = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { source: string; text: string })
    expect(records.map((r) => r.source)).toEqual([fares])
  }, 600_000)
})

describe('analyze: budgets (issue 10) and long documents (issue 11)', () => {
  it('a document past its time budget fails alone and named; the other documents are stored', async () => {
    const db = join(dir, 'budget.db')
    const deep = file('deep-analyze.html', page(`<p>Intro.</p>${'<div>'.repeat(500_000)}${ARTICLE}`))
    const run = await runCli(['analyze', file('fares3.html', page(`<article>${ARTICLE}</article>`)), deep, file('bridge.txt', `Bridge closes\n\n${SENTENCE}`), '--db', db, '--budget-ms', '1000', '--briefs', '0'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${deep}: gave up after 1 s on document`)
    expect(run.stderr).toContain('(time budget; raise it with --budget-ms)')
    const list = await runCli(['list', '--db', db, '--format', 'json'])
    expect((JSON.parse(list.stdout) as Array<{ input: string }>).map((d) => d.input).sort()).toEqual([join(dir, 'bridge.txt'), join(dir, 'fares3.html')])
  }, 600_000)

  it('analyzes a 2 MB article through every stage and stores its people', async () => {
    const db = join(dir, 'long.db')
    const run = await runCli(['analyze', file('long.txt', longArticle(10_000)), '--db', db, '--budget-ms', '180000', '--briefs', '0'])
    // Nothing but the run's counts on stderr: no error, no warning.
    expect(run.stderr).toMatch(/^1 document \(1 added, .*; 0 failures \(1 input\)/)
    expect(run.stderr).not.toMatch(/^(error|warning) /m)
    expect(run.code).toBe(0)
    const entities = await runCli(['entities', '--db', db, '--format', 'json'])
    expect(entities.stdout).toContain('Omar Haddad')
  }, 600_000)
})
