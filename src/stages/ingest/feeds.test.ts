import { describe, expect, it } from 'vitest'
import type { UnreadableInputError } from '../../errors.js'
import { decodeXmlText, readFeed } from './feeds.js'

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour news</title>
  <item>
    <title>Ferry fares &amp; timetables</title>
    <link>https://harbour.example/ferry</link>
    <guid isPermaLink="false">harbour-1</guid>
    <pubDate>Tue, 21 Mar 2023 09:00:00 GMT</pubDate>
    <dc:creator>Ada Brennan</dc:creator>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>The council raised fares on Monday.</p>]]></content:encoded>
  </item>
  <item>
    <title>Bridge reopens</title>
    <link>https://harbour.example/bridge</link>
    <author>desk@harbour.example (Tom Reyes)</author>
    <description>&lt;p&gt;The bridge reopened after repairs.&lt;/p&gt;</description>
  </item>
  <item><title>Only a title</title></item>
</channel></rss>`

const ATOM = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
  <entry>
    <title type="html">Talks &lt;em&gt;end&lt;/em&gt;</title>
    <id>urn:uuid:1</id>
    <link rel="alternate" href="https://desk.example/talks"/>
    <published>2023-03-22T08:00:00Z</published><updated>2023-03-23T08:00:00Z</updated>
    <author><name>Mira Holt</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks ended on <b>Wednesday</b> &amp; both sides spoke.</p></div></content>
  </entry>
  <entry>
    <title>Plain entry</title>
    <link href="https://desk.example/plain"/>
    <updated>2023-03-24T08:00:00Z</updated>
    <summary>A plain summary &amp; no markup.</summary>
  </entry>
</feed>`

describe('readFeed: RSS 2.0', () => {
  const { items, warnings } = readFeed('feed.xml', RSS, 'rss')

  it('rss: every item is kept; an item with only a title is kept with no body, and a warning', () => {
    expect(items).toHaveLength(3)
    expect(items[2]).toMatchObject({ bodiless: true, content: { kind: 'text', body: '' }, hints: { title: 'Only a title' } })
    expect(warnings).toEqual(['item 3 has no body: kept with its title, link and dates only'])
  })

  it('rss: prefers content:encoded HTML over the description', () => {
    expect(items[0]!.content).toEqual({ kind: 'html', body: '<p>The council raised fares on Monday.</p>' })
    expect(items[1]!.content.body).toBe('<p>The bridge reopened after repairs.</p>')
  })

  it('rss: reads title, link, pubDate and dc:creator / author as hints, guid as key', () => {
    expect(items[0]).toMatchObject({ key: 'harbour-1', hints: { title: 'Ferry fares & timetables', url: 'https://harbour.example/ferry', published: 'Tue, 21 Mar 2023 09:00:00 GMT', authors: ['Ada Brennan'] } })
    expect(items[0]!.entry).toMatchObject({ publishedIso: '2023-03-21T09:00:00.000Z', summary: { type: 'text', value: 'Short summary.' } })
    expect(items[1]).toMatchObject({ key: 'https://harbour.example/bridge', hints: { authors: ['Tom Reyes'] } })
  })
})

describe('readFeed: Atom', () => {
  const { items } = readFeed('feed.atom', ATOM, 'atom')

  it('atom: keeps xhtml content as markup and reads hints', () => {
    expect(items[0]!.content.kind).toBe('html')
    expect(items[0]!.content.body).toContain('<p>Talks ended on <b>Wednesday</b> &amp; both sides spoke.</p>')
    expect(items[0]).toMatchObject({ key: 'urn:uuid:1', hints: { title: 'Talks end', url: 'https://desk.example/talks', published: '2023-03-22T08:00:00Z', authors: ['Mira Holt'] } })
  })

  it('atom: a plain-text summary is text; the updated date stands in for a missing published one', () => {
    expect(items[1]).toMatchObject({ key: 'https://desk.example/plain', content: { kind: 'text', body: 'A plain summary & no markup.' }, hints: { published: '2023-03-24T08:00:00Z' } })
  })
})

describe('readFeed: bad feeds', () => {
  it.each([
    ['broken XML with no item in it', '<rss version="2.0"><channel><item></channel></rss>', 'INPUT_BAD_FEED', /broken XML at line 1/],
    ['a root that is not a feed', '<?xml version="1.0"?><catalog><item>x</item></catalog>', 'INPUT_BAD_FEED', /root element <catalog>/],
    ['entity declarations', '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel></channel></rss>', 'INPUT_BAD_FEED', /entities/],
    ['no items', '<rss version="2.0"><channel><title>Empty</title></channel></rss>', 'INPUT_NO_CONTENT', /no items/],
  ])('feeds: rejects %s', (_, xml, code, reason) => {
    expect(() => readFeed('bad.xml', xml, 'rss')).toThrow(expect.objectContaining({ code, message: expect.stringMatching(reason) }) as UnreadableInputError)
  })
})

describe('decodeXmlText', () => {
  it.each([
    ['&lt;p&gt;A &amp;amp; B&lt;/p&gt;', '<p>A &amp; B</p>'],
    ['<![CDATA[<p>&amp; kept</p>]]> &#233;&#x4E2D;', '<p>&amp; kept</p> é中'],
  ])('feeds: unescapes %j', (raw, text) => {
    expect(decodeXmlText(raw)).toBe(text)
  })
})

describe('readFeed: the bugs of issue 12', () => {
  it('feeds: a plain-text description is text, not HTML (HTML cleaning removed it as boilerplate)', () => {
    const xml = '<rss version="2.0"><channel><item><title>T</title><link>https://a.example/1</link><description>The council met on Monday and agreed to raise fares.</description></item></channel></rss>'
    expect(readFeed('f.xml', xml, 'rss').items[0]!.content).toEqual({ kind: 'text', body: 'The council met on Monday and agreed to raise fares.' })
  })

  it('feeds: a feed whose items have only title, link and date is read, not rejected', () => {
    const xml = '<rss version="2.0"><channel><item><title>A</title><link>https://a.example/1</link><pubDate>Mon, 05 Feb 2024 12:00:00 GMT</pubDate></item></channel></rss>'
    const { items } = readFeed('f.xml', xml, 'rss')
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ bodiless: true, key: 'https://a.example/1', hints: { title: 'A', url: 'https://a.example/1' } })
  })

  it('feeds: an Atom entry with only a summary keeps its title as the title and its summary as the body', () => {
    const xml = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Head</title><id>urn:1</id><summary>Body text.</summary></entry></feed>'
    const item = readFeed('f.atom', xml, 'atom').items[0]!
    expect(item.hints.title).toBe('Head')
    expect(item.content).toEqual({ kind: 'text', body: 'Body text.' })
  })

  it('feeds: base64 Atom content (0.3 mode="base64") is decoded', () => {
    const xml = '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>B</title><id>urn:b</id><content type="text/html" mode="base64">PHA+SGk8L3A+</content></entry></feed>'
    expect(readFeed('f.atom', xml, 'atom').items[0]!.content).toEqual({ kind: 'html', body: '<p>Hi</p>' })
  })

  it('feeds: an Atom 0.3 inline XHTML title is its text, not its markup', () => {
    const xml = '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> move</div></title><id>urn:x</id></entry></feed>'
    expect(readFeed('f.atom', xml, 'atom').items[0]!.hints.title).toBe('A bold move')
  })

  it('feeds: RSS 1.0 under a prefix (<r:item>) is read as RSS', () => {
    const xml = '<x:RDF xmlns:x="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:r="http://purl.org/rss/1.0/"><r:item x:about="https://m.example/1"><r:title>Flour</r:title><r:link>https://m.example/1</r:link><r:description>Prices hold.</r:description></r:item></x:RDF>'
    const feed = readFeed('f.rdf', xml, 'rss')
    expect(feed.kind).toBe('rdf')
    expect(feed.items[0]).toMatchObject({ key: 'https://m.example/1', hints: { title: 'Flour' }, content: { kind: 'text', body: 'Prices hold.' } })
  })

  it('feeds: an ill-formed feed is read up to where it breaks, with a warning', () => {
    const xml = '<rss version="2.0"><channel><item><title>One</title><link>https://b.example/1</link></item><item><title>Two & more</title><description>Cut'
    const feed = readFeed('f.xml', xml, 'rss')
    expect(feed.items.map((i) => i.hints.title)).toEqual(['One', 'Two & more'])
    expect(feed.warnings[0]).toMatch(/^ill-formed XML at line 1, column \d+: .*; read as far as it goes: 2 item\(s\)$/)
  })

  it('feeds: links resolve against xml:base, then the feed URL', () => {
    const xml = '<rss version="2.0"><channel><item xml:base="https://c.example/news/"><title>A</title><link>a.html</link></item><item><title>B</title><link>/b.html</link></item></channel></rss>'
    expect(readFeed('f.xml', xml, 'rss', 'https://feed.example/rss').items.map((i) => i.hints.url)).toEqual(['https://c.example/news/a.html', 'https://feed.example/b.html'])
  })
})

describe('readFeed: white space before the XML declaration', () => {
  it('feeds: is not reported as ill-formed; a later error still names its line in the file', () => {
    const ok = '\n  <?xml version="1.0"?><rss version="2.0"><channel><item><title>A</title><link>https://a.example/1</link></item></channel></rss>'
    expect(readFeed('f.xml', ok, 'rss').warnings).toEqual(['item 1 has no body: kept with its title, link and dates only'])
    const broken = '\n\n<?xml version="1.0"?>\n<rss version="2.0"><channel><item><title>A & B</title></item></channel></rss>'
    expect(readFeed('f.xml', broken, 'rss').warnings[0]).toMatch(/^ill-formed XML at line 4,/)
  })
})

describe('readFeed: hostile and old shapes', () => {
  it('feeds: markup nested 100,000 deep is read as text, not a stack overflow', () => {
    const deep = `<rss version="2.0"><channel><item><title>Deep</title><description>${'<b>'.repeat(100_000)}x${'</b>'.repeat(100_000)}</description></item></channel></rss>`
    const { items } = readFeed('deep.xml', deep, 'rss')
    expect(items[0]!.hints.title).toBe('Deep')
    expect(items[0]!.entry.summary?.value).toContain('x')
  })

  it('feeds: an RSS 0.91 DOCTYPE with HTML entities is read', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>C</title><item><title>Caf&eacute;</title><link>https://c.example/1</link><description>Open.</description></item></channel></rss>'
    const feed = readFeed('old.xml', xml, 'rss')
    expect(feed.warnings).toEqual([])
    expect(feed.items[0]!.hints.title).toBe('Café')
  })
})

describe('readFeed: RSS links written as attributes', () => {
  it('feeds: an RSS <link href="…"/> without a namespace is the item link', () => {
    const xml = '<rss version="2.0"><channel><item><title>A</title><link href="https://l.example/a"/><description>D.</description></item></channel></rss>'
    expect(readFeed('f.xml', xml, 'rss').items[0]!.hints.url).toBe('https://l.example/a')
  })
})
