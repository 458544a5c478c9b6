import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import type { Output } from '../../src/cli/output.js'
import type { Alert, Watch } from '../../src/watches/index.js'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { FERRY_FIRST, FERRY_MORE, writePages } from '../helpers/watches.js'

let dir = ''
let db = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-cli-watches-'))
  db = join(dir, 'w.db')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const jsonl = (text: string): Alert[] => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Alert)

describe('dossier watches and alerts', () => {
  it('watches add prints the id; analyze fires the alerts; alerts prints them as JSON Lines; list, edit and remove work', async () => {
    const add = await runCli(['watches', 'add', '--db', db, '--search', 'ferry strike', '--name', 'Ferries', '--outlets', '3'])
    expect(add.code).toBe(0)
    const id = add.stdout.trim()
    expect(id).toMatch(/^w-[0-9a-f]{12}$/)
    expect(add.stderr).toContain(`watch ${id} saved: search "ferry strike"`)

    const first = await runCli(['analyze', writePages(join(dir, 'one'), FERRY_FIRST), '--db', db, '--briefs', '0', '--workers', '0'])
    expect(first.code).toBe(0)
    expect(first.stderr).toContain('alerts: 1 fired')
    const more = await runCli(['analyze', writePages(join(dir, 'two'), FERRY_MORE), '--db', db, '--briefs', '0', '--workers', '0'])
    expect(more.stderr).toContain('alerts: 2 fired')

    const alerts = await runCli(['alerts', '--db', db])
    expect(alerts.code).toBe(0)
    const lines = jsonl(alerts.stdout)
    expect(lines.map((a) => a.kind).sort()).toEqual(['conflict', 'new-story', 'outlets'])
    expect(lines.map((a) => a.seq)).toEqual([1, 2, 3])
    expect(jsonl((await runCli(['alerts', '--db', db, '--after', '2'])).stdout).map((a) => a.seq)).toEqual([3])

    const list = await runCli(['watches', 'list', '--db', db, '--format', 'json'])
    const [watch] = JSON.parse(list.stdout) as Watch[]
    expect(watch).toMatchObject({ id, name: 'Ferries', outlets: 3, webhook: null, target: { kind: 'search', query: 'ferry strike', advanced: false } })
    const edit = await runCli(['watches', 'edit', id, '--db', db, '--outlets', '5', '--webhook', 'https://hooks.example/in', '--secret', 'x'])
    expect(edit.code).toBe(0)
    const table = await runCli(['watches', '--db', db])
    expect(table.stdout).toMatch(new RegExp(`^${id}\\s+Ferries\\s+search "ferry strike"\\s+5\\s+https://hooks.example/in \\(signed\\)$`, 'm'))
    expect(table.stdout).not.toContain('"x"')
    expect((await runCli(['watches', 'remove', id, '--db', db])).code).toBe(0)
    expect(JSON.parse((await runCli(['watches', 'list', '--db', db, '--format', 'json'])).stdout)).toEqual([])
    expect((await runCli(['alerts', '--db', db])).stdout).toBe('')
  }, 120_000)

  it.each([
    [['watches', 'add'], /A watch follows one thing: give a search \(query\), an entity, or an actor with a counterpart/],
    [['watches', 'add', '--search', 'a', '--entity', 'Chile'], /more than one was given/],
    [['watches', 'add', '--search', 'NEAR(a b', '--advanced'], /Cannot search for "NEAR\(a b"/],
    [['watches', 'add', '--entity', 'Nowhereland Republic'], /No entity "Nowhereland Republic" in the store\..*Nor does the gazetteer know it/],
    [['watches', 'add', '--actor', 'Chile'], /needs both an actor and a counterpart/],
    [['watches', 'add', '--actor', 'Chile', '--counterpart', 'Peru', '--topic', 'weather'], /Unknown topic "weather"/],
    [['watches', 'add', '--search', 'ferry', '--outlets', '1'], /outlet threshold must be a whole number from 2 to 1000/],
    [['watches', 'add', '--search', 'ferry', '--webhook', 'ftp://example.org/x'], /alerts are POSTed to http:\/\/ or https:\/\/ addresses only/],
    [['watches', 'remove', 'w-000000000000'], /No watch with id "w-000000000000"/],
    [['watches', 'frobnicate'], /unknown action "frobnicate"; use one of list, add, edit, remove/],
    [['alerts', '--watch', 'w-000000000000'], /No watch with id "w-000000000000"/],
  ])('dossier %j: one clear message, exit 2', async (args, message) => {
    // In process (the same main() the command runs): eleven spawned commands took minutes on a busy machine.
    const errors: string[] = []
    const out: Output = { data: () => {}, write: () => Promise.resolve(), error: (t) => errors.push(t), warn: () => {}, info: () => {}, progress: () => {}, endProgress: () => {} }
    expect(await main([...args, '--db', db], out)).toBe(2)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
  }, 60_000)

  it('alerts --follow prints an alert fired after it started, without being started again', async () => {
    const followDb = join(dir, 'follow.db')
    await runCli(['watches', 'add', '--db', followDb, '--search', 'Portvale'])
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/bin.ts'), 'alerts', '--db', followDb, '--follow', '--interval', '1'], { cwd: REPO_ROOT })
    let stdout = ''
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8') })
    try {
      await runCli(['analyze', writePages(join(dir, 'follow'), FERRY_FIRST), '--db', followDb, '--briefs', '0', '--workers', '0'])
      const deadline = Date.now() + 20_000
      while (!stdout.includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
      expect(jsonl(stdout).map((a) => a.kind)).toEqual(['new-story'])
    } finally {
      child.kill('SIGTERM')
    }
  }, 60_000)
})
