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

  it('rss: each item with content becomes one item; an empty item is a warning', () => {
    expect(items).toHaveLength(2)
    expect(warnings).toEqual(['item 3 has no content and was skipped'])
  })

  it('rss: prefers content:encoded HTML over the description', () => {
    expect(items[0]!.content).toEqual({ kind: 'html', body: '<p>The council raised fares on Monday.</p>' })
    expect(items[1]!.content.body).toBe('<p>The bridge reopened after repairs.</p>')
  })

  it('rss: reads title, link, pubDate and dc:creator / author as hints, guid as key', () => {
    expect(items[0]).toMatchObject({ key: 'harbour-1', hints: { title: 'Ferry fares & timetables', url: 'https://harbour.example/ferry', published: 'Tue, 21 Mar 2023 09:00:00 GMT', authors: ['Ada Brennan'] } })
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
    ['broken XML', '<rss version="2.0"><channel><item><title>x</channel></rss>', 'INPUT_BAD_FEED', /broken XML at line 1/],
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
