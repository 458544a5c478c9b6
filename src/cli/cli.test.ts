import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseCsv } from 'csv-parse/sync'
import { REPO_ROOT } from '../../test/helpers/cli.js'
import { exportStore } from '../../test/helpers/export-store.js'
import { FORMATS } from '../export/formats.js'
import { EXIT } from './commands.js'
import { main } from './main.js'
import type { Output } from './output.js'
import { COMMANDS, type CommandSpec, type OptionSpec } from './spec.js'

/** An Output that keeps what the CLI printed: data (stdout) apart from messages (stderr). */
function recording(): Output & { stdout: string; stderr: string } {
  const out = {
    stdout: '',
    stderr: '',
    data: (text: string) => void (out.stdout += text.endsWith('\n') ? text : `${text}\n`),
    write: async (chunk: string) => void (out.stdout += chunk),
    error: (text: string) => void (out.stderr += `error ${text}\n`),
    warn: (text: string) => void (out.stderr += `warning ${text}\n`),
    info: (text: string) => void (out.stderr += `${text}\n`),
    progress: () => {},
    endProgress: () => {},
  }
  return out
}

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = recording()
  const code = await main(argv, out)
  return { code, stdout: out.stdout, stderr: out.stderr }
}

const SPECS = Object.values(COMMANDS) as CommandSpec[]
const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-conventions-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the CLI by its conventions (clig.dev)', () => {
  it('--version prints the package version on stdout, exit 0', async () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version
    expect(await run('--version')).toEqual({ code: EXIT.ok, stdout: `${version}\n`, stderr: '' })
  })

  it.each(SPECS.map((s) => s.name))('%s --help shows its options and at least one example', async (name) => {
    const { code, stdout } = await run(name, '--help')
    expect(code).toBe(EXIT.ok)
    expect(stdout).toMatch(new RegExp(`^Usage: dossier ${name}`))
    expect(stdout).toMatch(/\nExamples:\n {2}\$ dossier /)
  })

  it('every command gives examples that run the command itself', () => {
    for (const spec of SPECS) {
      expect(spec.examples.length, spec.name).toBeGreaterThan(0)
      for (const [command] of spec.examples) expect(command, spec.name).toMatch(new RegExp(`dossier ${spec.name}\\b`))
    }
  })

  it('--help lists every command, the format vocabulary and the exit codes', async () => {
    const { stdout } = await run('--help')
    for (const spec of SPECS) expect(stdout).toContain(`  ${spec.name} `)
    for (const format of Object.keys(FORMATS)) expect(stdout).toMatch(new RegExp(`^ {2}${format} +\\S`, 'm'))
    expect(stdout).toContain('Exit codes:')
  })

  it('one --format vocabulary: every command takes values of it only, and its default among them', () => {
    for (const spec of SPECS) {
      const option = spec.options.find((o) => o.flags.startsWith('--format'))
      if (!option) continue
      for (const choice of option.choices ?? []) expect(Object.keys(FORMATS), `${spec.name} --format ${choice}`).toContain(choice)
      if (option.default !== undefined) expect(option.choices, spec.name).toContain(option.default)
    }
  })

  it('every list command writes the same data formats: table, json, jsonl and csv', () => {
    for (const name of ['list', 'stories', 'quotes', 'claims', 'events', 'entities'] as const) {
      expect((COMMANDS[name].options as readonly OptionSpec[]).find((o) => o.flags.startsWith('--format'))?.choices, name).toEqual(['table', 'json', 'jsonl', 'csv'])
    }
  })

  it('a --format a command does not take is a usage error (exit 2)', async () => {
    expect((await run('list', '--format', 'xml', '--db', join(dir, 'none.db'))).code).toBe(EXIT.usage)
  })

  it.each([
    ['list'], ['show', 'abc'], ['export'], ['stories'], ['brief'], ['threads'], ['timeline', 'Russia', 'China'],
    ['quotes'], ['claims'], ['events'], ['entities'], ['check'],
  ])('read command %s on a store that does not exist: one message naming it, exit 3, no file made', async (...args) => {
    const db = join(dir, `typo-${args[0]}.db`)
    const { code, stdout, stderr } = await run(...args, '--db', db)
    expect(code).toBe(EXIT.failure)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toEqual([`error The store ${db} does not exist; check --db, or create it with \`dossier ingest\` or \`dossier analyze\`. [STORE_MISSING]`])
    expect(existsSync(db)).toBe(false)
  })
})

describe('the CLI on a store: data formats and export', () => {
  const db = join(dir, 'store.db')
  beforeAll(async () => (await exportStore(db)).close())

  it.each(['list', 'stories', 'quotes', 'claims', 'events', 'entities'])('%s --format csv: a header row and one row per json row, nothing on stderr', async (command) => {
    const csv = await run(command, '--format', 'csv', '--db', db)
    const json = await run(command, '--format', 'json', '--db', db)
    expect(csv.code).toBe(EXIT.ok)
    expect(csv.stderr).toBe('')
    expect(parseCsv(csv.stdout, { columns: true })).toHaveLength((JSON.parse(json.stdout) as unknown[]).length)
    const jsonl = await run(command, '--format', 'jsonl', '--db', db)
    expect(jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(JSON.parse(json.stdout))
  })

  it('export --what facts --format jsonld: one JSON-LD document of ClaimReviews on stdout', async () => {
    const { code, stdout } = await run('export', '--what', 'facts', '--format', 'jsonld', '--db', db)
    expect(code).toBe(EXIT.ok)
    const doc = JSON.parse(stdout) as { '@context': string; '@graph': Array<{ '@type': string }> }
    expect(doc['@graph'].map((n) => n['@type'])).toContain('ClaimReview')
  })

  it('export --what graph --out: the GEXF file, nothing on stdout', async () => {
    const out = join(dir, 'actors.gexf')
    expect(await run('export', '--what', 'graph', '--out', out, '--db', db)).toMatchObject({ code: EXIT.ok, stdout: '' })
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml[^]*<gexf[^]*France/)
  })

  it('export with a format that does not fit the kind: one message naming the ones that do, exit 2, no file left', async () => {
    const out = join(dir, 'quotes.gexf')
    const { code, stderr } = await run('export', '--what', 'quotes', '--format', 'gexf', '--out', out, '--db', db)
    expect(code).toBe(EXIT.usage)
    expect(stderr).toBe('error export --what quotes takes --format jsonl, json or csv, not "gexf".\n')
    expect(existsSync(out)).toBe(false)
  })
})
