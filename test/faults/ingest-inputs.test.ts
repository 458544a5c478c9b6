// Issue 10, findings 10 (the 50 MB JSON line), 12, 13, 14 and 15: a corpus of bad inputs generated
// here, each beside good ones, through the real `dossier` command. Every bad input gets one line
// naming it and the reason; the good inputs beside it are stored.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maxWorkers } from '../../src/api/ingest.js'
import { writeWarcResponse } from '../../src/stages/ingest/warc-writer.js'
import { runCli, type CliRun } from '../helpers/cli.js'

const ARTICLE = (what: string): string => `${what} reopened on Saturday after two years of repairs, the city council said in a statement on Friday.`
const HUGE_LINE_BYTES = 50_000_000

let dir: string
let corpus: string
let ingested: CliRun
let extracted: CliRun
let stored: Array<{ input: string; url?: string; container: string; title?: string }>

/** The stderr lines about one input (its name as printed, as the line's subject). */
function linesAbout(run: CliRun, name: string): string[] {
  return run.stderr.split('\n').filter((line) => line.includes(name))
}

function jsonl(...records: Array<Record<string, unknown> | string>): string {
  return records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n'
}

function page(title: string, body: string, head = '<meta charset="utf-8">'): string {
  return `<!doctype html><html><head>${head}<title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p><p>${ARTICLE('The pier')}</p></article></body></html>`
}

function writeCorpus(): void {
  const at = (name: string | Buffer): string | Buffer => (typeof name === 'string' ? join(corpus, name) : Buffer.concat([Buffer.from(`${corpus}/`), name]))
  writeFileSync(at('good.txt'), `Library reopens\n\n${ARTICLE('The library')}\n`)
  // Finding 13: a broken first line; finding 10: a 50 MB line between good ones.
  writeFileSync(at('first-line-broken.jsonl'), jsonl('{"title": "cut off', { id: 'fl-2', text: ARTICLE('The museum') }, { id: 'fl-3', text: ARTICLE('The theatre') }))
  const huge = `{"id":"huge","text":"${'a'.repeat(HUGE_LINE_BYTES)}"}`
  writeFileSync(at('huge-line.jsonl'), jsonl({ id: 'hl-1', text: ARTICLE('The bridge') }, huge, { id: 'hl-3', text: ARTICLE('The ferry') }))
  writeFileSync(at('only-broken.jsonl'), jsonl('{"title": "no body"}', '{oops'))
  // Finding 15: javascript: and data: URLs are not kept as a document's url.
  writeFileSync(at('links.jsonl'), jsonl({ url: 'javascript:alert(1)', text: ARTICLE('The station') }, { url: 'https://desk.example/ok', text: ARTICLE('The market') }))
  // Finding 14: a record with too small a Content-Length, and a truncated gzip body, each before a good record.
  const good = (n: number): Buffer => writeWarcResponse({ url: `https://news.example/good-${n}`, date: '2023-03-21T10:00:00Z', body: page('Harbour', ARTICLE(`Quay ${n}`)) })
  const short = writeWarcResponse({ url: 'https://news.example/short', date: '2023-03-21T10:00:00Z', body: page('Short', ARTICLE('The school')) })
  const shortened = Buffer.from(short.toString('latin1').replace(/Content-Length: (\d+)\r\n\r\nHTTP/, (_, n: string) => `Content-Length: ${Number(n) - 30}\r\n\r\nHTTP`), 'latin1')
  writeFileSync(at('short-length.warc'), Buffer.concat([shortened, good(1)]))
  const zipped = gzipSync(page('Cut', ARTICLE('The tunnel')))
  const cut = writeWarcResponse({ url: 'https://news.example/cut', date: '2023-03-21T10:00:00Z', body: zipped.subarray(0, zipped.length - 20), httpHeaders: { 'Content-Encoding': 'gzip' } })
  writeFileSync(at('cut-gzip.warc'), Buffer.concat([cut, good(2)]))
  // Finding 15: charsets, PDF, XHTML and feed entities, hostile file names.
  writeFileSync(at('utf16.txt'), iconv.encode(`Stadium reopens\n\n${ARTICLE('The stadium')}\n`, 'utf-16le'))
  writeFileSync(at('latin1.html'), iconv.encode(page('Café reopens', `The café ${ARTICLE('on the square')}`), 'latin1'))
  // Named on the command line: a directory walk leaves .pdf files alone.
  writeFileSync(join(dir, 'ascii.pdf'), '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (Talks ended on Friday) Tj ET\n%%EOF\n')
  writeFileSync(at('page.xhtml'), `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Caf&eacute; opens</title></head><body><article><h1>Caf&eacute;&nbsp;opens</h1><p>The caf&eacute; on the quay ${ARTICLE('&#8220;at last&#8221;')}</p><p>${ARTICLE('The bakery')}</p></article></body></html>`)
  writeFileSync(at('feed.rss'), `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><guid>e-1</guid><title>Caf&eacute;&nbsp;opens</title><description>&lt;p&gt;The caf&amp;eacute; ${ARTICLE('on the quay')}&lt;/p&gt;</description></item></channel></rss>`)
  writeFileSync(at('bad\nname.txt'), '')
  writeFileSync(at(Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.txt')])), `Cafe reopens\n\n${ARTICLE('The cafe')}\n`)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-faults-ingest-'))
  corpus = join(dir, 'corpus')
  mkdirSync(corpus)
  writeCorpus()
  const db = join(dir, 'store.db')
  ingested = await runCli(['ingest', corpus, join(dir, 'ascii.pdf'), '--db', db])
  extracted = await runCli(['extract', corpus, '--format', 'jsonl'])
  stored = JSON.parse((await runCli(['list', '--db', db, '--format', 'json', '--limit', '500'])).stdout) as typeof stored
}, 240_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const storedFrom = (name: string): typeof stored => stored.filter((d) => d.input.endsWith(`/${name}`))

describe('ingest faults: the bad-input corpus through `dossier ingest` (issue 10)', () => {
  it('faults: exit 1 for the rejected inputs, every stderr line on one line and naming its input', () => {
    expect(ingested.code).toBe(1)
    for (const line of ingested.stderr.trim().split('\n')) expect(line).toMatch(new RegExp(`^(error|warning) ${dir}/`))
  })

  it('faults: a 50 MB JSON line is one rejected record with its line number; the lines around it are stored (finding 10)', () => {
    expect(linesAbout(ingested, 'huge-line.jsonl')).toEqual([
      expect.stringMatching(/^warning .*huge-line\.jsonl: line 2: \d+ bytes is over the 16777216-byte line limit$/),
    ])
    expect(storedFrom('huge-line.jsonl').map((d) => d.container)).toEqual(['jsonl', 'jsonl'])
  })

  it('faults: a .jsonl whose first line is broken is JSON Lines, not one text document (finding 13)', () => {
    expect(linesAbout(ingested, 'first-line-broken.jsonl')).toEqual([expect.stringMatching(/first-line-broken\.jsonl: line 1: not valid JSON/)])
    expect(storedFrom('first-line-broken.jsonl').map((d) => d.container)).toEqual(['jsonl', 'jsonl'])
  })

  it('faults: a JSON Lines file with no good line is rejected, naming it', () => {
    expect(linesAbout(ingested, 'only-broken.jsonl')).toEqual([expect.stringMatching(/^error .*only-broken\.jsonl: no usable JSON Lines record \(line 1: .*; line 2: not valid JSON/)])
    expect(storedFrom('only-broken.jsonl')).toEqual([])
  })

  it('faults: a WARC record with too small a Content-Length is named and skipped; the next record is stored (finding 14)', () => {
    expect(linesAbout(ingested, 'short-length.warc')).toEqual([expect.stringMatching(/short-length\.warc: WARC record 1 \(<urn:uuid:.*>\): Content-Length \d+ is too small: the record runs on for 30 more bytes; skipped$/)])
    expect(storedFrom('short-length.warc').map((d) => d.url)).toEqual(['https://news.example/good-1'])
  })

  it('faults: a truncated gzip HTTP body in a WARC is skipped, not stored as a page (finding 14)', () => {
    expect(linesAbout(ingested, 'cut-gzip.warc')).toEqual([expect.stringMatching(/cut-gzip\.warc: WARC record 1 .*gzip data is truncated/)])
    expect(storedFrom('cut-gzip.warc').map((d) => d.url)).toEqual(['https://news.example/good-2'])
  })

  it('faults: an ASCII-only PDF is refused as unsupported, not stored as an article (finding 15)', () => {
    expect(linesAbout(ingested, 'ascii.pdf')).toEqual([expect.stringMatching(/^error .*ascii\.pdf: unsupported format: PDF/)])
    expect(storedFrom('ascii.pdf')).toEqual([])
  })

  it('faults: UTF-16 without a byte-order mark is stored, with a warning (finding 15)', () => {
    expect(linesAbout(ingested, 'utf16.txt')).toEqual([expect.stringMatching(/utf16\.txt: no byte-order mark; read as UTF-16LE/)])
    expect(storedFrom('utf16.txt').map((d) => d.title)).toEqual(['Stadium reopens'])
  })

  it('faults: javascript: URLs from JSON Lines are not stored (finding 15)', () => {
    expect(linesAbout(ingested, 'links.jsonl')).toEqual([expect.stringMatching(/links\.jsonl: line 1: url "javascript:alert\(1\)" dropped/)])
    expect(storedFrom('links.jsonl').map((d) => d.url ?? null).sort()).toEqual(['https://desk.example/ok', null])
  })

  it('faults: a file name with a newline prints escaped on one line (finding 15)', () => {
    expect(ingested.stderr).toContain(`error ${corpus}/bad\\nname.txt: empty file (0 bytes)\n`)
  })

  it('faults: a file name that is not UTF-8 is read by its real bytes, not reported missing (finding 15)', () => {
    expect(linesAbout(ingested, 'caf\\xe9.txt')).toEqual([])
    expect(storedFrom('caf\\xe9.txt').map((d) => d.title)).toEqual(['Cafe reopens'])
  })

  it('faults: the good inputs are all stored', () => {
    expect(storedFrom('good.txt').map((d) => d.title)).toEqual(['Library reopens'])
    expect(ingested.stderr).toMatch(/^14 documents added, 0 already stored, 0 inputs unchanged, 3 rejected \(14 inputs\)/m)
  })
})

describe('ingest faults: the same corpus through `dossier extract` (issue 10)', () => {
  const records = (): Array<{ source: string; title: string | null; text: string }> => extracted.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; title: string | null; text: string })

  it('faults: extract keeps the lines around a 50 MB line (finding 10)', () => {
    expect(records().filter((r) => r.source.includes('huge-line.jsonl#')).map((r) => r.source.replace(/.*#/, ''))).toEqual(['1', '3'])
  })

  it('faults: latin-1 declared as UTF-8 reads as windows-1252, with a warning (finding 15)', () => {
    expect(records().find((r) => r.source.endsWith('latin1.html'))?.title).toBe('Café reopens')
    expect(linesAbout(extracted, 'latin1.html')).toEqual([expect.stringMatching(/declared charset utf-8 \(meta\) does not fit the bytes; read as windows-1252/)])
  })

  it('faults: entity references in an XHTML page and a feed read as the characters (finding 15)', () => {
    const xhtml = records().find((r) => r.source.endsWith('page.xhtml'))!
    const feed = records().find((r) => r.source.includes('feed.rss#'))!
    expect(`${xhtml.title} ${xhtml.text}`).toContain('Café')
    expect(`${feed.title} ${feed.text}`).toContain('Café')
    expect(`${xhtml.title} ${xhtml.text} ${feed.title} ${feed.text}`).not.toMatch(/&(eacute|nbsp|#8220);/)
  })
})

describe('ingest faults: --workers is bounded (finding 15)', () => {
  it('faults: --workers above the number of cores is a usage error naming the bound', async () => {
    const run = await runCli(['ingest', join(corpus, 'good.txt'), '--db', join(dir, 'workers.db'), '--workers', String(maxWorkers() + 30)])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`--workers is at most ${maxWorkers()}`)
  })
})
