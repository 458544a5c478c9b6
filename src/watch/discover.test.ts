import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { discoverItems } from './discover.js'
import { findArticleLinks } from './links.js'
import { readOpml } from './opml.js'
import { guessSourceKind } from './sources.js'
import { articleKey } from './urls.js'

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8')

describe('articleKey', () => {
  it.each([
    ['https://News.example/a?utm_source=rss&id=4#top', 'https://news.example/a?id=4'],
    ['http://desk.example/b?fbclid=x', 'http://desk.example/b'],
    ['  https://desk.example/c  ', 'https://desk.example/c'],
    ['javascript:alert(1)', undefined],
    ['not a url', undefined],
  ])('urls: %j is known as %j', (link, key) => {
    expect(articleKey(link)).toBe(key)
  })
})

describe('readOpml', () => {
  it('opml: every outline with an xmlUrl, in folders too, once each; bad URLs rejected with why', () => {
    const opml = readOpml(`<?xml version="1.0"?><opml version="1.0"><head/><body>
      <outline text="News"><outline text="Wire" xmlUrl="https://wire.example/rss"/><outline title="Wire again" xmlUrl="https://wire.example/rss"/></outline>
      <outline text="Harbour" type="rss" XMLURL="https://harbour.example/atom.xml"/>
      <outline text="Mail" xmlUrl="mailto:desk@example.org"/><outline text="Just a folder"/></body></opml>`)
    expect(opml?.feeds).toEqual([{ url: 'https://wire.example/rss', title: 'Wire' }, { url: 'https://harbour.example/atom.xml', title: 'Harbour' }])
    expect(opml?.rejected).toEqual([{ outline: 'Mail', reason: expect.stringMatching(/not an http\(s\) URL/) }])
  })

  it('opml: a file that is not OPML is undefined', () => {
    expect(readOpml('<rss version="2.0"/>')).toBeUndefined()
  })
})

describe('discoverItems', () => {
  it('discover: a feed item is keyed by its article URL, with its title, date and feed body', () => {
    const feed = `<rss version="2.0"><channel><item><title>Dam opens</title><link>/2026/dam-opens?utm_medium=feed</link>
      <pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><description>The dam opened on Tuesday.</description></item>
      <item><title>No link</title><guid isPermaLink="false">tag:desk,2026:9</guid></item></channel></rss>`
    const found = discoverItems('https://desk.example/rss', 'feed', bytes(feed))
    expect(found.items).toEqual([
      { key: 'https://desk.example/2026/dam-opens', link: 'https://desk.example/2026/dam-opens', title: 'Dam opens', published: '2026-03-03T10:00:00.000Z', body: { kind: 'text', text: 'The dam opened on Tuesday.' } },
      { key: 'https://desk.example/rss#tag:desk,2026:9', title: 'No link' },
    ])
  })

  it('discover: a feed with no items is quiet, not broken', () => {
    expect(discoverItems('https://desk.example/rss', 'feed', bytes('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')).items).toEqual([])
  })

  it('discover: a sitemap index gives its sitemaps, newest first', () => {
    const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://desk.example/sm-2026-01.xml</loc><lastmod>2026-01-31</lastmod></sitemap>
      <sitemap><loc>https://desk.example/sm-2026-03.xml</loc><lastmod>2026-03-03</lastmod></sitemap></sitemapindex>`
    expect(discoverItems('https://desk.example/sitemap.xml', 'sitemap', bytes(index)).sitemaps).toEqual(['https://desk.example/sm-2026-03.xml', 'https://desk.example/sm-2026-01.xml'])
  })

  it('discover: a plain sitemap gives its URLs by lastmod, newest first', () => {
    const urlset = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://desk.example/old-story-name</loc><lastmod>2025-12-01</lastmod></url>
      <url><loc>https://desk.example/new-story-name</loc><lastmod>2026-03-01</lastmod></url></urlset>`
    expect(discoverItems('https://desk.example/sitemap.xml', 'sitemap', bytes(urlset)).items.map((i) => i.link)).toEqual(['https://desk.example/new-story-name', 'https://desk.example/old-story-name'])
  })

  it('discover: a gzipped sitemap (sitemap.xml.gz) is read', () => {
    const urlset = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://desk.example/story-one-2026</loc></url></urlset>'
    expect(discoverItems('https://desk.example/sitemap.xml.gz', 'sitemap', gzipSync(urlset)).items.map((i) => i.link)).toEqual(['https://desk.example/story-one-2026'])
  })

  it('discover: an HTML page under a feed URL is refused with what it is and what to do', () => {
    expect(() => discoverItems('https://desk.example/rss', 'feed', bytes('<!doctype html><html><body><p>Moved</p></body></html>'))).toThrow(/not a feed or a sitemap: an HTML page \(add it with --kind page/)
  })
})

describe('findArticleLinks', () => {
  it('links: same-site article links once each, with their text; sections, tags, files and other sites left out', () => {
    const html = `<a href="/">Home</a><a href="/world">World</a><a href="/tag/rates">Rates</a><a href="/world/2026/03/rates-held">Rates held</a>
      <a href="/world/2026/03/rates-held#comments">Comments</a><a href="/img/chart.png">Chart</a><a href="https://other.example/2026/story-9">Elsewhere</a>
      <a href="/business/harbour-levy-vote-delayed">Levy vote delayed</a>`
    expect(findArticleLinks(html, 'https://desk.example/')).toEqual([
      { url: 'https://desk.example/world/2026/03/rates-held', text: 'Rates held' },
      { url: 'https://desk.example/business/harbour-levy-vote-delayed', text: 'Levy vote delayed' },
    ])
  })
})

describe('guessSourceKind', () => {
  it.each([
    ['https://desk.example/news-sitemap.xml', 'sitemap'],
    ['https://desk.example/sitemap_index.xml.gz', 'sitemap'],
    ['https://desk.example/rss', 'feed'],
  ])('sources: %s is guessed a %s', (url, kind) => {
    expect(guessSourceKind(url)).toBe(kind)
  })
})
