import { describe, expect, it } from 'vitest'
import { findBinaryReason, isPdf, isWarc, sniffTextFormat } from './sniff.js'

describe('sniffTextFormat', () => {
  it.each([
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', '', 'rss'],
    ['<?xml version="1.0"?><!-- made by hand --><rdf:RDF xmlns:rdf="x"></rdf:RDF>', '', 'rss'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', '', 'atom'],
    ['<!DOCTYPE html><html><body><p>Hi</p></body></html>', '', 'html'],
    ['  <div class="story"><p>A fragment of a page</p></div>', '', 'html'],
    ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', '', 'html'],
    ['<?xml version="1.0"?><catalog><book/></catalog>', '', 'xml'],
    ['{"url": "https://x.example/a", "text": "Hello"}\n{"text": "More"}\n', '', 'jsonl'],
    ['# Council meets\n\nThe council met on [Monday](https://x.example).\n', '', 'markdown'],
    ['Council meets\n\nThe council met on Monday.\n', 'notes.md', 'markdown'],
    ['Council meets\n\nThe council met on Monday.\n', 'notes.txt', 'text'],
    ['{not json at all\nsecond line\n', '', 'text'],
    [`{"url": "https://x.example/long", "text": "${'The harbour council met again. '.repeat(400)}"}\n{"text": "More"}\n`, '', 'jsonl'],
    ['Prices rose 3% <in> March, the office said.', '', 'text'],
    ['{"title": "cut off\n{"text": "More"}\n', '', 'jsonl'],
    ['{broken first line\n{"text": "More"}\n', 'dump.jsonl', 'jsonl'],
    ['{{Infobox town}} Harbour is a town.\n', '', 'text'],
  ])('sniff: %j is %s', (text, name, format) => {
    expect(sniffTextFormat(text, name)).toBe(format)
  })
})

describe('findBinaryReason', () => {
  it.each([
    ['a NUL byte', Uint8Array.from([0x47, 0x49, 0x46, 0x00, 0x01]), /NUL byte at offset 3/],
    ['many control characters', Uint8Array.from([1, 2, 3, 4, 5, 65, 66, 67, 68, 69]), /50% control characters/],
  ])('binary: flags %s', (_, bytes, reason) => {
    expect(findBinaryReason(bytes)).toMatch(reason)
  })

  it('binary: text with tabs, newlines and an escape is not binary', () => {
    expect(findBinaryReason(new TextEncoder().encode('a\tb\r\nc\fd\u001b[0m é'))).toBeUndefined()
  })

  it('isPdf: recognises the %PDF- header, even in an all-ASCII file', () => {
    expect(isPdf(new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n'))).toBe(true)
    expect(isPdf(new TextEncoder().encode('The %PDF- format is old.'))).toBe(false)
  })

  it('isWarc: recognises the version line', () => {
    expect(isWarc(new TextEncoder().encode('WARC/1.1\r\n'))).toBe(true)
    expect(isWarc(new TextEncoder().encode('WARNING: x'))).toBe(false)
  })
})

describe('sniffTextFormat: feeds by their root, under any prefix', () => {
  it.each([
    ['<r:rss xmlns:r="x"><r:channel/></r:rss>', 'rss'],
    ['<?xml version="1.0"?><RDF:RDF xmlns:RDF="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', 'rss'],
    ['<a:feed xmlns:a="http://www.w3.org/2005/Atom"></a:feed>', 'atom'],
    ['<?xml version="1.0"?><CHANNEL HREF="https://c.example/"><ITEM HREF="https://c.example/1"/></CHANNEL>', 'rss'],
    ['{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": []\n}', 'jsonfeed'],
  ])('sniff: %j is %s', (text, format) => {
    expect(sniffTextFormat(text)).toBe(format)
  })
})
