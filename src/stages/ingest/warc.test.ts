import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { UnreadableInputError } from '../../errors.js'
import { gunzipCapped } from './gzip.js'
import { readWarc } from './warc.js'
import { gzipWarcRecords, writeWarcResponse } from './warc-writer.js'

const CAP = 1 << 20
const page = (title: string): string => `<html><head><title>${title}</title></head><body><p>${title} opened on Friday.</p></body></html>`
const first = writeWarcResponse({ url: 'https://news.example/a', date: '2023-03-21T10:00:00Z', body: page('Library') })
const second = writeWarcResponse({ url: 'https://news.example/b', date: '2023-03-22T11:00:00Z', body: page('Museum') })

function warcinfo(): Buffer {
  const block = 'software: test\r\n'
  return Buffer.from(`WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:0>\r\nContent-Length: ${block.length}\r\n\r\n${block}\r\n\r\n`)
}

describe('readWarc', () => {
  it('warc: reads each HTML response with its target URI, date and record id', () => {
    const { pages, warnings } = readWarc('crawl.warc', Buffer.concat([warcinfo(), first, second]), CAP)
    expect(warnings).toEqual([])
    expect(pages.map((p) => [p.url, p.capturedAt])).toEqual([
      ['https://news.example/a', '2023-03-21T10:00:00Z'],
      ['https://news.example/b', '2023-03-22T11:00:00Z'],
    ])
    expect(pages[0]!.recordId).toMatch(/^<urn:uuid:[0-9a-f-]{36}>$/)
    expect(Buffer.from(pages[1]!.body).toString()).toBe(page('Museum'))
  })

  it('warc: a WARC.gz of one gzip member per record reads like the plain file', () => {
    const gz = gzipWarcRecords([first, second])
    const { pages } = readWarc('crawl.warc.gz', gunzipCapped('crawl.warc.gz', gz, CAP), CAP)
    expect(pages).toHaveLength(2)
  })

  it.each([
    ['an image response', writeWarcResponse({ url: 'https://news.example/i.png', date: '2023-03-21T10:00:00Z', body: 'x', contentType: 'image/png' })],
    ['a 404 response', writeWarcResponse({ url: 'https://news.example/gone', date: '2023-03-21T10:00:00Z', body: page('Gone'), status: 404 })],
  ])('warc: skips %s', (_, record) => {
    expect(readWarc('crawl.warc', Buffer.concat([record, first]), CAP).pages).toHaveLength(1)
  })

  it('warc: decodes chunked, gzip-encoded HTTP bodies', () => {
    const zipped = gzipSync(page('Harbour'))
    const chunked = Buffer.concat([Buffer.from(`${zipped.length.toString(16)}\r\n`), zipped, Buffer.from('\r\n0\r\n\r\n')])
    const record = writeWarcResponse({ url: 'https://news.example/c', date: '2023-03-21T10:00:00Z', body: chunked, httpHeaders: { 'Transfer-Encoding': 'chunked', 'Content-Encoding': 'gzip' } })
    expect(Buffer.from(readWarc('c.warc', record, CAP).pages[0]!.body).toString()).toBe(page('Harbour'))
  })

  it.each([
    ['a negative chunk size', { 'Transfer-Encoding': 'chunked' }, Buffer.from('-6\r\nabcdef\r\n0\r\n\r\n'), /bad chunk size/],
    ['an unsupported content-encoding', { 'Content-Encoding': 'zstd' }, Buffer.from('(compressed bytes)'), /unsupported content-encoding "zstd"/],
  ])('warc: a record with %s is skipped with a warning; the others are kept', (_, httpHeaders, body, warning) => {
    const bad = writeWarcResponse({ url: 'https://news.example/bad', date: '2023-03-21T10:00:00Z', body, httpHeaders })
    const { pages, warnings } = readWarc('mixed.warc', Buffer.concat([bad, first]), CAP)
    expect(pages).toHaveLength(1)
    expect(warnings.join('\n')).toMatch(warning)
  })

  it('warc: a truncated last record is a warning; the records before it are kept', () => {
    const cut = Buffer.concat([first, second.subarray(0, second.length - 60)])
    const { pages, warnings } = readWarc('cut.warc', cut, CAP)
    expect(pages).toHaveLength(1)
    expect(warnings[0]).toMatch(/^WARC record 2 \(<urn:uuid:[0-9a-f-]+>\): truncated/)
  })

  it.each([
    ['garbage after the version line', Buffer.from('WARC/1.1\r\nno length here\r\n\r\nbody'), 'INPUT_BAD_WARC'],
    ['only non-HTML records', warcinfo(), 'INPUT_NO_CONTENT'],
  ])('warc: rejects %s', (_, bytes, code) => {
    expect(() => readWarc('bad.warc', bytes, CAP)).toThrow(expect.objectContaining({ code }) as UnreadableInputError)
  })

  it('warc: a record whose Content-Length is too small is skipped and named; the next record is read (issue 10, finding 14)', () => {
    const short = Buffer.from(first.toString('latin1').replace(/Content-Length: (\d+)\r\n\r\nHTTP/, (_, n: string) => `Content-Length: ${Number(n) - 40}\r\n\r\nHTTP`), 'latin1')
    const { pages, warnings } = readWarc('short.warc', Buffer.concat([second, short, second]), CAP)
    expect(pages.map((p) => p.url)).toEqual(['https://news.example/b', 'https://news.example/b'])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^WARC record 2 \(<urn:uuid:[0-9a-f-]+>\): Content-Length \d+ is too small: the record runs on for 40 more bytes; skipped$/)
    expect(warnings[0]).toContain(readWarc('a.warc', first, CAP).pages[0]!.recordId)
  })

  it('warc: a record whose Content-Length is too large is skipped and named; the record it ran into is read', () => {
    const long = Buffer.from(first.toString('latin1').replace(/Content-Length: (\d+)\r\n\r\nHTTP/, (_, n: string) => `Content-Length: ${Number(n) + 100}\r\n\r\nHTTP`), 'latin1')
    const { pages, warnings } = readWarc('long.warc', Buffer.concat([long, second, second]), CAP)
    expect(pages.map((p) => p.url)).toEqual(['https://news.example/b', 'https://news.example/b'])
    expect(warnings).toEqual([expect.stringMatching(/^WARC record 1 \(<urn:uuid:[0-9a-f-]+>\): Content-Length \d+ is too large: the next record starts \d+ bytes in; skipped$/)])
  })

  it.each([
    ['a truncated gzip body', { 'Content-Encoding': 'gzip' }, gzipSync(page('Harbour')).subarray(0, 40), /gzip data is truncated/],
    ['a body shorter than its HTTP Content-Length', { 'X-Length': 'declared' }, Buffer.from(page('Harbour')), /HTTP body truncated: Content-Length 99, \d+ bytes captured/],
  ])('warc: a response with %s is skipped with a warning, not stored as a complete page (issue 10, finding 14)', (_, httpHeaders, body, warning) => {
    const record = writeWarcResponse({ url: 'https://news.example/cut', date: '2023-03-21T10:00:00Z', body, httpHeaders })
    // The HTTP head's own Content-Length says more than the record holds; same digit count, so the WARC block length stays right.
    const cut = Buffer.from(record.toString('latin1').replace(/(X-Length: declared\r\nContent-Length: )(\d+)/, (_, head: string, n: string) => head + n.replace(/\d/g, '9')), 'latin1')
    const { pages, warnings } = readWarc('cut.warc', Buffer.concat([cut, first]), CAP)
    expect(pages.map((p) => p.url)).toEqual(['https://news.example/a'])
    expect(warnings.join('\n')).toMatch(warning)
  })

  it('warc: a record the crawler marked WARC-Truncated is skipped with a warning', () => {
    const marked = Buffer.from(first.toString('latin1').replace('WARC-Type: response', 'WARC-Type: response\r\nWARC-Truncated: length'), 'latin1')
    const { pages, warnings } = readWarc('t.warc', Buffer.concat([marked, second]), CAP)
    expect(pages).toHaveLength(1)
    expect(warnings[0]).toMatch(/WARC-Truncated: length/)
  })
})
