import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../test/helpers/cli.js'
import { parseEvery } from './watch.js'

const dir = mkdtempSync(join(tmpdir(), 'dossier-sources-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('dossier sources', () => {
  it('cli: sources add, import an OPML list, list as JSON, remove; bad outlines and unknown ids named on stderr', async () => {
    const db = join(dir, 'sources.db')
    const opml = join(dir, 'subs.opml')
    writeFileSync(opml, '<opml version="2.0"><body><outline text="Wire" xmlUrl="https://wire.example/rss"/><outline text="Bad" xmlUrl="ftp://x.example/f"/></body></opml>')
    const add = await runCli(['sources', 'add', 'https://desk.example/rss', 'https://desk.example/news-sitemap.xml', '--db', db])
    expect(add).toMatchObject({ code: 0, stdout: 'added: #1 feed https://desk.example/rss\nadded: #2 sitemap https://desk.example/news-sitemap.xml\n' })
    const imported = await runCli(['sources', 'import', opml, '--db', db])
    expect(imported.code).toBe(1)
    expect(imported.stdout).toMatch(/1 feed added, 0 already followed, 1 rejected/)
    expect(imported.stderr).toMatch(/outline "Bad": xmlUrl "ftp:\/\/x\.example\/f" is not an http\(s\) URL/)
    const list = await runCli(['sources', 'list', '--format', 'json', '--db', db])
    expect((JSON.parse(list.stdout) as Array<{ url: string; status: string }>).map((s) => [s.url, s.status])).toEqual([
      ['https://desk.example/rss', 'new'], ['https://desk.example/news-sitemap.xml', 'new'], ['https://wire.example/rss', 'new'],
    ])
    const removed = await runCli(['sources', 'remove', '2', '42', '--db', db])
    expect(removed).toMatchObject({ code: 1, stdout: 'removed: #2 https://desk.example/news-sitemap.xml\n' })
    expect(removed.stderr).toMatch(/no source "42"/)
    expect((await runCli(['sources', 'add', 'file:///etc/passwd', '--db', db])).code).toBe(2)
  }, 240_000)
})

describe('parseEvery', () => {
  it.each([['15m', 900_000], ['90s', 90_000], ['2h', 7_200_000], ['1.5m', 90_000], ['5000', 5000]])('cli: --every %s is %d ms', (text, ms) => {
    expect(parseEvery(text)).toBe(ms)
  })

  it.each(['soon', '10ms', '0s', '-5m'])('cli: --every %s is refused', (text) => {
    expect(() => parseEvery(text)).toThrow(/--every/)
  })
})
