import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expandInputs, isDocumentName, type Source } from './expand.js'
import { printableName } from './names.js'

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

  it('expand: a directory given as dir/./ walks as dir/…, as path.join names it', async () => {
    const sources = await collect([`${dir}/./`])
    expect(sources[0]!.input).toBe(join(dir, 'a.html'))
  })

  it('expand: a named file is read whatever its name', async () => {
    expect(await collect([join(dir, 'make.ts')])).toEqual([{ kind: 'file', input: join(dir, 'make.ts'), path: join(dir, 'make.ts'), size: 1 }])
  })

  it.each([
    ['-', 'stdin'],
    ['https://example.org/feed.xml', 'url'],
    ['HTTP://EXAMPLE.ORG/', 'url'],
  ])('expand: %s is a %s source', async (input, kind) => {
    expect(await collect([input])).toMatchObject([{ kind, input }])
  })

  it.each([
    ['a missing path', 'missing.txt', 'INPUT_NOT_FOUND', /no such file or directory/],
    ['an empty directory', 'empty', 'INPUT_EMPTY', /no document files/],
    ['an argument whose name lost its bytes that are not UTF-8', 'caf\ufffd.txt', 'INPUT_NOT_FOUND', /not valid UTF-8, which a command-line argument cannot carry; name the directory/],
  ])('expand: %s is an error source, and the next input still comes', async (_, name, code, reason) => {
    const sources = await collect([join(dir, name), join(dir, 'z.txt')])
    expect(sources[0]).toMatchObject({ kind: 'error', input: join(dir, name), error: { code, message: expect.stringMatching(reason) } })
    expect(sources[1]).toMatchObject({ kind: 'file', input: join(dir, 'z.txt') })
  })

  it('expand: a name with a newline prints escaped and is still read (issue 10, finding 15)', async () => {
    const sub = join(dir, 'odd')
    mkdirSync(sub)
    writeFileSync(join(sub, 'two\nlines.txt'), 'x')
    const sources = await collect([sub, join(sub, 'two\nlines.txt')])
    expect(sources.map((s) => [s.kind, s.input])).toEqual([['file', join(sub, 'two\\nlines.txt')], ['file', join(sub, 'two\\nlines.txt')]])
    rmSync(sub, { recursive: true })
  })

  it('expand: a name that is not UTF-8 is walked by its real bytes, not reported missing (issue 10, finding 15)', async () => {
    const sub = join(dir, 'latin')
    mkdirSync(sub)
    const name = Buffer.concat([Buffer.from(`${sub}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')])
    writeFileSync(name, 'x')
    const sources = await collect([sub])
    expect(sources).toEqual([{ kind: 'file', input: `${sub}/caf\\xe9.txt`, path: name, size: 1 }])
    rmSync(sub, { recursive: true })
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

describe('printableName', () => {
  it.each([
    ['plain.txt', 'plain.txt'],
    ['two\nlines\r.txt', 'two\\nlines\\r.txt'],
    ['esc\u001b[31m.txt', 'esc\\x1b[31m.txt'],
    ['rlo\u202etxt.exe', 'rlo\\u202etxt.exe'],
    ['café.txt', 'café.txt'],
  ])('names: %j prints as %j', (name, printed) => {
    expect(printableName(name)).toBe(printed)
  })

  it('names: bytes that are not UTF-8 print as \\xNN beside the valid characters', () => {
    expect(printableName(Buffer.concat([Buffer.from('é-'), Buffer.from([0xe9, 0xff]), Buffer.from('.txt')]))).toBe('é-\\xe9\\xff.txt')
  })
})
