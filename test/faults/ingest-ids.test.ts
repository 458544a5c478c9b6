// Issue 10, finding 12: ids changed when any other item of the same container changed, so a feed
// polled again stored every old item again under a new id. Through the real `dossier ingest`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-faults-ids-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const story = (n: number): string => `Story ${n}: the harbour council met on Tuesday and approved timetable number ${n} for the ferry.`
const item = (n: number): string => `<item><guid>https://desk.example/${n}</guid><title>Story ${n}</title><link>https://desk.example/${n}</link><description>&lt;p&gt;${story(n)}&lt;/p&gt;</description></item>`
const feed = (...items: number[]): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>${items.map(item).join('')}</channel></rss>`
const line = (n: number, text = story(n)): string => JSON.stringify({ id: `r-${n}`, title: `Story ${n}`, text })

describe('ingest faults: ids depend on an item alone (issue 10, finding 12)', () => {
  it('faults: polling a feed that gained an item stores only the new item', async () => {
    const db = join(dir, 'feed.db')
    const path = join(dir, 'feed.xml')
    writeFileSync(path, feed(2, 1))
    expect((await runCli(['ingest', path, '--db', db])).stderr).toMatch(/^2 documents added, 0 already stored/m)
    writeFileSync(path, feed(3, 2, 1))
    const again = await runCli(['ingest', path, '--db', db])
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/^1 document added, 2 already stored, .*; 3 documents in store/m)
  })

  it('faults: a JSON Lines file with one line edited stores only the edited line', async () => {
    const db = join(dir, 'lines.db')
    const path = join(dir, 'dump.jsonl')
    writeFileSync(path, [line(1), line(2), line(3)].join('\n'))
    expect((await runCli(['ingest', path, '--db', db])).stderr).toMatch(/^3 documents added/m)
    writeFileSync(path, [line(1), line(2, `${story(2)} Corrected.`), line(3)].join('\n'))
    expect((await runCli(['ingest', path, '--db', db])).stderr).toMatch(/^1 document added, 2 already stored, .*; 4 documents in store/m)
  })
})
