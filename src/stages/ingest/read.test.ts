import { gzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { hashBytes, makeDocumentId, makeItemId } from './identity.js'
import { readBytes } from './read.js'
import { gzipWarcRecords, writeWarcResponse } from './warc-writer.js'

const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s)
const TEXT = 'Harbour council approves ferry timetable\n\nThe council approved a new timetable on Tuesday.\n'
const HTML = '<!doctype html><html><head><title>Bridge reopens</title></head><body><p>The bridge reopened on Monday.</p></body></html>'
const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</title><guid>g-1</guid><description>&lt;p&gt;First.&lt;/p&gt;</description></item><item><title>B</title><link>https://x.example/b</link><description>Second.</description></item></channel></rss>'
const JSONL = '{"title":"A","text":"First story."}\n{"title":"B","html":"<p>Second story.</p>","url":"https://x.example/b"}\n'

function read(input: string, bytes: Uint8Array, meta = {}, options = {}) {
  const result = readBytes(input, bytes, meta, options)
  if (!result.ok) throw new Error(`expected ${input} to be read: ${result.error.message}`)
  return result
}

describe('readBytes: formats', () => {
  it.each([
    ['page.txt', TEXT, 'text', 'text'],
    ['notes.md', '# Ferry\n\nThe **council** met.\n', 'markdown', 'text'],
    ['page.html', HTML, 'html', 'html'],
    ['page.bin', HTML, 'html', 'html'],
  ])('read: %s is one %s document of kind %s', (input, text, container, kind) => {
    const { documents } = read(input, bytesOf(text))
    expect(documents).toHaveLength(1)
    expect(documents[0]!.origin).toMatchObject({ input, container })
    expect(documents[0]!.origin.record).toBeUndefined()
    expect(documents[0]!.content).toEqual({ kind, body: text })
  })

  it.each([
    ['feed.xml', RSS, 'rss', ['g-1', 'https://x.example/b']],
    ['dump.jsonl', JSONL, 'jsonl', ['1', '2']],
  ])('read: %s becomes one document per item, keyed by record', (input, text, container, records) => {
    const bytes = bytesOf(text)
    const { documents } = read(input, bytes)
    expect(documents.map((d) => d.origin.record)).toEqual(records)
    expect(documents.map((d) => d.origin.container)).toEqual([container, container])
    expect(documents.map((d) => d.id)).toEqual(documents.map((d, i) => makeItemId(i === 0 && container === 'rss' ? 'g-1' : d.hints.url, d.content)))
    expect(documents[0]!.charset.basis).toBe('container')
  })

  it('read: WARC.gz pages carry their target URI and capture date', () => {
    const warc = gzipWarcRecords([writeWarcResponse({ url: 'https://x.example/a', date: '2023-03-21T10:00:00Z', body: HTML })])
    const { documents } = read('crawl.warc.gz', warc)
    expect(documents[0]!.origin).toMatchObject({ container: 'warc', url: 'https://x.example/a', capturedAt: '2023-03-21T10:00:00Z' })
    expect(documents[0]!.origin.record).toMatch(/^<urn:uuid:/)
    expect(documents[0]!.content).toEqual({ kind: 'html', body: HTML })
  })

  it('read: a WARC page in windows-1251 is decoded by its HTTP charset', () => {
    const body = iconv.encode('<p>Договор СНВ-3 истекает в феврале.</p>', 'windows-1251')
    const warc = writeWarcResponse({ url: 'https://x.example/ru', date: '2023-02-22T10:00:00Z', body, contentType: 'text/html; charset=windows-1251' })
    const doc = read('ru.warc', warc).documents[0]!
    expect(doc.content.body).toBe('<p>Договор СНВ-3 истекает в феврале.</p>')
    expect(doc.charset).toMatchObject({ name: 'windows-1251', basis: 'http' })
  })

  it('read: gzip is detected by magic bytes; the blob keeps the compressed bytes and their hash', () => {
    const zipped = gzipSync(TEXT)
    const result = read('page', zipped)
    expect(result.documents[0]!.content.body).toBe(TEXT)
    expect(result.blob).toMatchObject({ sha256: hashBytes(zipped), bytes: zipped, input: 'page', mediaType: 'application/gzip' })
    expect(result.documents[0]!.id).toBe(makeDocumentId(hashBytes(zipped), ''))
  })

  it('read: the same bytes give the same ids; the URL and capture time come from meta', () => {
    const meta = { url: 'https://x.example/page', capturedAt: '2023-03-21T10:00:00.000Z', contentType: 'text/html' }
    const a = read('https://x.example/page', bytesOf(HTML), meta).documents[0]!
    const b = read('https://x.example/page', bytesOf(HTML), meta).documents[0]!
    expect(a.id).toBe(b.id)
    expect(a.origin).toMatchObject({ url: meta.url, capturedAt: meta.capturedAt })
    expect(a.hints).toMatchObject({ url: meta.url, contentType: 'text/html' })
  })

  it('read: a feed item without a link does not take the feed URL as its own', () => {
    const doc = read('https://x.example/feed', bytesOf(RSS), { url: 'https://x.example/feed' }).documents[0]!
    expect(doc.origin.url).toBeUndefined()
    expect(doc.hints.url).toBeUndefined()
  })

  it('read: malformed HTML is still read', () => {
    const html = '<html><body><div><p>Unclosed paragraph <b>and bold<div></span>Stray close</body>'
    expect(read('broken.html', bytesOf(html)).documents[0]!.content.body).toBe(html)
  })

  it('read: a bad JSON line is a warning on an ok result', () => {
    const result = read('dump.jsonl', bytesOf(`${JSONL}{"title": "cut\n`))
    expect(result.documents).toHaveLength(2)
    expect(result.warnings).toEqual([expect.stringMatching(/^line 3: not valid JSON/)])
  })
})

describe('readBytes: ids (issue 10, finding 12)', () => {
  const ids = (input: string, text: string): string[] => read(input, bytesOf(text)).documents.map((d) => d.id)
  const item = (n: number): string => `<item><guid>g-${n}</guid><title>T${n}</title><description>Story ${n}.</description></item>`
  const feed = (...items: number[]): string => `<?xml version="1.0"?><rss version="2.0"><channel>${items.map(item).join('')}</channel></rss>`

  it('ids: a feed that gains an item keeps the ids of the items it had', () => {
    const before = ids('feed.xml', feed(1, 2))
    const after = ids('feed.xml', feed(3, 1, 2))
    expect(after.slice(1)).toEqual(before)
    expect(after[0]).not.toBe(before[0])
  })

  it('ids: a JSON Lines file with one line edited keeps the ids of the other lines', () => {
    const line = (n: number, text = `Story ${n}.`): string => JSON.stringify({ id: `r-${n}`, text })
    const before = ids('dump.jsonl', [line(1), line(2), line(3)].join('\n'))
    const after = ids('dump.jsonl', [line(1), line(2, 'Story 2, corrected.'), line(3)].join('\n'))
    expect([after[0], after[2]]).toEqual([before[0], before[2]])
    expect(after[1]).not.toBe(before[1])
  })

  it('jsonl: the id and meta of a record are kept on the origin with its line number', () => {
    const { documents } = read('dump.jsonl', bytesOf('{"text":"First."}\n{"id":"r-9","meta":{"desk":"city"},"text":"Second."}\n'))
    expect(documents.map((d) => d.origin)).toMatchObject([{ record: '1' }, { record: '2', externalId: 'r-9', meta: { desk: 'city' } }])
    expect(documents[0]!.origin).not.toHaveProperty('externalId')
  })

  it('ids: JSON Lines without id or url are keyed by content, not by line number', () => {
    const before = ids('dump.jsonl', '{"text":"First."}\n{"text":"Second."}\n')
    const after = ids('dump.jsonl', '{"text":"New."}\n{"text":"First."}\n{"text":"Second."}\n')
    expect(after.slice(1)).toEqual(before)
  })

  it('ids: a WARC record keeps its id when another record is added to the file', () => {
    const a = writeWarcResponse({ url: 'https://x.example/a', date: '2023-03-21T10:00:00Z', body: HTML })
    const b = writeWarcResponse({ url: 'https://x.example/b', date: '2023-03-21T10:00:00Z', body: HTML.replace('Monday', 'Friday') })
    const one = read('crawl.warc', a).documents.map((d) => d.id)
    const two = read('crawl.warc', Buffer.concat([a, b])).documents.map((d) => d.id)
    expect(two[0]).toBe(one[0])
  })

  it('ids: an item repeated with the same key and content is stored once, with a warning', () => {
    const result = read('feed.xml', bytesOf(feed(1, 1, 2)))
    expect(result.documents).toHaveLength(2)
    expect(result.warnings).toEqual([expect.stringMatching(/g-1#2: same key and content as g-1; stored once/)])
  })
})

describe('readBytes: hostile input (issue 10, findings 13 and 15)', () => {
  it('jsonl: a .jsonl whose first line is broken is JSON Lines with one bad line, not one text document', () => {
    const result = read('dump.jsonl', bytesOf(`{"title": "cut\n${JSONL}`))
    expect(result.documents.map((d) => d.origin.container)).toEqual(['jsonl', 'jsonl'])
    expect(result.warnings).toEqual([expect.stringMatching(/^line 1: not valid JSON/)])
  })

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['/relative/path'],
  ])('urls: %s from JSON Lines is not kept as the url, with a warning', (url) => {
    const result = read('dump.jsonl', bytesOf(JSON.stringify({ url, text: 'Story.' })))
    expect(result.documents[0]!.hints.url).toBeUndefined()
    expect(result.documents[0]!.origin.url).toBeUndefined()
    expect(result.warnings).toEqual([expect.stringMatching(/^line 1: url ".*" dropped: only absolute http and https URLs are kept/)])
  })

  it('urls: a javascript: link of a feed item is not kept', () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><item><link>javascript:alert(1)</link><description>Story.</description></item></channel></rss>'
    const result = read('feed.xml', bytesOf(rss))
    expect(result.documents[0]!.hints.url).toBeUndefined()
    expect(result.warnings[0]).toMatch(/dropped/)
  })

  it.each([
    ['utf-16le', iconv.encode(TEXT, 'utf-16le')],
    ['utf-16be', iconv.encode(TEXT, 'utf-16be')],
  ])('charset: %s without a byte-order mark is read, not rejected as binary', (name, bytes) => {
    const result = read('page.txt', bytes)
    expect(result.documents[0]!.content.body).toBe(TEXT)
    expect(result.documents[0]!.charset).toMatchObject({ name, basis: 'detected' })
    expect(result.warnings[0]).toMatch(/no byte-order mark/)
  })

  it('feeds: HTML entity references in a feed are decoded, not kept as text', () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Caf&eacute;&nbsp;opens</title><description>&lt;p&gt;Caf&amp;eacute; &#233;&lt;/p&gt;</description></item></channel></rss>'
    const doc = read('feed.xml', bytesOf(rss)).documents[0]!
    expect(doc.hints.title).toBe('Café opens')
    expect(doc.content.body).toBe('<p>Caf&eacute; é</p>')
  })

  it('feeds: numeric references follow HTML (&#150; is an en dash); unknown names stay as written', () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><item><title>A &#150; B &bogus; &amp;lt;</title><description>Story.</description></item></channel></rss>'
    expect(read('feed.xml', bytesOf(rss)).documents[0]!.hints.title).toBe('A – B &bogus; &lt;')
  })

  it('feeds: an Atom text entry with HTML entities reads as the characters', () => {
    const atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:1</id><title>Caf&eacute;</title><content type="text">Caf&eacute;&nbsp;opens &amp; &lt;b&gt;</content></entry></feed>'
    const doc = read('atom.xml', bytesOf(atom)).documents[0]!
    expect(doc.hints.title).toBe('Café')
    expect(doc.content.body).toBe('Café\u00a0opens & <b>')
  })
})

describe('readBytes: bad input', () => {
  it.each([
    ['an empty file', new Uint8Array(0), {}, 'INPUT_EMPTY', /empty file/],
    ['a whitespace-only file', bytesOf(' \n\t\n'), {}, 'INPUT_EMPTY', /only whitespace/],
    ['empty gzip', gzipSync(''), {}, 'INPUT_EMPTY', /gzip data holds 0 bytes/],
    ['a binary file', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), {}, 'INPUT_BINARY', /NUL byte/],
    ['a file over the cap', bytesOf(TEXT), { maxInputBytes: 10 }, 'INPUT_TOO_LARGE', /over the 10-byte limit/],
    ['truncated gzip', gzipSync(TEXT.repeat(20)).subarray(0, 30), {}, 'INPUT_BAD_GZIP', /truncated/],
    ['a gzip bomb', gzipSync(Buffer.alloc(2 << 20, 0x61)), { maxInputBytes: 1 << 20 }, 'INPUT_GZIP_BOMB', /expands past/],
    ['a broken feed', bytesOf('<?xml version="1.0"?><rss version="2.0"><channel><item></rss>'), {}, 'INPUT_BAD_FEED', /broken XML/],
    ['HTML with no text', bytesOf('<html><head><script>var a</script></head><body><img src=x></body></html>'), {}, 'INPUT_NO_CONTENT', /no visible text/],
    ['XML that is not a feed', bytesOf('<?xml version="1.0"?><catalog><book>A</book></catalog>'), {}, 'INPUT_UNREADABLE', /neither an RSS\/Atom feed nor HTML/],
    ['JSON Lines with no good line', bytesOf('{"title":"no body"}\n'), {}, 'INPUT_BAD_JSONL', /no usable/],
    ['an ASCII-only PDF', bytesOf('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (Talks ended) Tj ET\n%%EOF\n'), {}, 'INPUT_UNSUPPORTED', /unsupported format: PDF/],
  ])('read: rejects %s with a stable code and a message naming the input', (_, bytes, options, code, reason) => {
    const result = readBytes('in/put.x', bytes, {}, options)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.message).toMatch(/^in\/put\.x: /)
    expect(result.error.message).toMatch(reason)
  })
})

describe('readBytes: feeds of every kind become documents (issue 12)', () => {
  it('feeds: a JSON Feed is read as a feed, not as JSON Lines, and its relative urls resolve against the feed URL', () => {
    const json = '{\n "version": "https://jsonfeed.org/version/1.1",\n "title": "L",\n "items": [{"id": "1", "url": "/a", "title": "A", "content_text": "Body."}]\n}'
    const { documents } = read('https://l.example/feed.json', bytesOf(json), { url: 'https://l.example/feed.json' })
    expect(documents).toHaveLength(1)
    expect(documents[0]).toMatchObject({ origin: { container: 'jsonfeed', record: '1', url: 'https://l.example/a' }, content: { kind: 'text', body: 'Body.' } })
  })

  it('feeds: a CDF channel is read as a feed of its items', () => {
    const cdf = '<?xml version="1.0"?><CHANNEL HREF="https://c.example/"><TITLE>C</TITLE><ITEM HREF="https://c.example/1"><TITLE>Rain</TITLE><ABSTRACT>Rain in the north.</ABSTRACT></ITEM></CHANNEL>'
    const { documents } = read('c.cdf', bytesOf(cdf))
    expect(documents[0]).toMatchObject({ hints: { title: 'Rain', url: 'https://c.example/1' }, content: { kind: 'text', body: 'Rain in the north.' } })
  })

  it('feeds: items with no body are stored with an empty text body, their title, link and date', () => {
    const rss = '<rss version="2.0"><channel><item><title>A</title><link>https://h.example/a</link><pubDate>Mon, 05 Feb 2024 12:00:00 GMT</pubDate></item><item><title>B</title><link>https://h.example/b</link></item></channel></rss>'
    const result = read('h.xml', bytesOf(rss))
    expect(result.documents.map((d) => [d.hints.title, d.hints.url, d.content.body])).toEqual([['A', 'https://h.example/a', ''], ['B', 'https://h.example/b', '']])
    expect(new Set(result.documents.map((d) => d.id)).size).toBe(2)
  })
})

describe('readBytes: a JSON Feed whose version comes late', () => {
  it('feeds: is still a JSON Feed when "version" follows 2 KB of description', () => {
    const json = `{\n "title": "L",\n "description": "${'d'.repeat(2000)}",\n "version": "https://jsonfeed.org/version/1.1",\n "items": [{"id": "1", "url": "https://l.example/a", "content_text": "Body."}]\n}`
    expect(read('feed.json', bytesOf(json)).documents.map((d) => d.origin.container)).toEqual(['jsonfeed'])
  })
})
