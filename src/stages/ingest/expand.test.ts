import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expandInputs, isDocumentName, type Source } from './expand.js'

let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-expand-'))
  mkdirSync(join(dir, 'b-feeds'))
  mkdirSync(join(dir, 'empty'))
  for (const name of ['z.txt', 'a.html', 'README.md', '.hidden.txt', 'make.ts', 'b-feeds/news.xml', 'b-feeds/old.warc.gz', 'noext']) writeFileSync(join(dir, name), 'x')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function collect(inputs: string[]): Promise<Source[]> {
  const out: Source[] = []
  for await (const s of expandInputs(inputs)) out.push(s)
  return out
}

describe('expandInputs', () => {
  it('expand: walks a directory recursively in sorted order, document files only', async () => {
    const sources = await collect([dir])
    expect(sources.map((s) => s.input)).toEqual(['a.html', 'b-feeds/news.xml', 'b-feeds/old.warc.gz', 'noext', 'z.txt'].map((n) => join(dir, n)))
    expect(sources.every((s) => s.kind === 'file')).toBe(true)
  })

  it('expand: a named file is read whatever its name', async () => {
    expect(await collect([join(dir, 'make.ts')])).toEqual([{ kind: 'file', input: join(dir, 'make.ts'), size: 1 }])
  })

  it.each([
    ['-', 'stdin'],
    ['https://example.org/feed.xml', 'url'],
    ['HTTP://EXAMPLE.ORG/', 'url'],
  ])('expand: %s is a %s source', async (input, kind) => {
    expect(await collect([input])).toEqual([{ kind, input }])
  })

  it.each([
    ['a missing path', 'missing.txt', 'INPUT_NOT_FOUND', /no such file or directory/],
    ['an empty directory', 'empty', 'INPUT_EMPTY', /no document files/],
  ])('expand: %s is an error source, and the next input still comes', async (_, name, code, reason) => {
    const sources = await collect([join(dir, name), join(dir, 'z.txt')])
    expect(sources[0]).toMatchObject({ kind: 'error', input: join(dir, name), error: { code, message: expect.stringMatching(reason) } })
    expect(sources[1]).toMatchObject({ kind: 'file', input: join(dir, 'z.txt') })
  })

  it.each([
    ['story.txt', true],
    ['story.html.gz', true],
    ['crawl.warc.gz', true],
    ['STORY.HTM', true],
    ['noext', true],
    ['README.md', false],
    ['LICENSE', false],
    ['make-warc.ts', false],
    ['photo.jpg', false],
  ])('isDocumentName: %s → %s', (name, expected) => {
    expect(isDocumentName(name)).toBe(expected)
  })
})
