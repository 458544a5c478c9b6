import { parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { collectPageCandidatesFromDom, findUrlDate } from './page.js'

const pick = (html: string, url?: string) =>
  collectPageCandidatesFromDom(parseDocument(html, { decodeEntities: true }), { url }).map((c) => `${c.field}|${c.basis}|${c.value}`)

describe('collectPageCandidatesFromDom', () => {
  it.each([
    ['<title> Harbour fees rise </title>', 'title|title|Harbour fees rise'],
    ['<meta property="og:title" content="Harbour fees rise">', 'title|meta[property=og:title]|Harbour fees rise'],
    ['<meta property="og:site_name" content="Coast Gazette">', 'publisher|meta[property=og:site_name]|Coast Gazette'],
    ['<meta property="article:published_time" content="2021-05-03T08:00:00Z">', 'published|meta[property=article:published_time]|2021-05-03T08:00:00Z'],
    ['<meta name="DC.date.issued" content="2019-02-01">', 'published|meta[name=dc.date.issued]|2019-02-01'],
    ['<meta name="citation_publication_date" content="2019/02/01">', 'published|meta[name=citation_publication_date]|2019/02/01'],
    ['<meta name="parsely-pub-date" content="2019-02-01">', 'published|meta[name=parsely-pub-date]|2019-02-01'],
    ['<meta name="sailthru.date" content="2019-02-01">', 'published|meta[name=sailthru.date]|2019-02-01'],
    ['<meta itemprop="datePublished" content="2019-02-01">', 'published|meta[itemprop=datepublished]|2019-02-01'],
    ['<meta property="article:modified_time" content="2019-02-02">', 'modified|meta[property=article:modified_time]|2019-02-02'],
    ['<meta name="author" content="Ana Ruiz">', 'author|meta[name=author]|Ana Ruiz'],
    ['<link rel="canonical" href="/a/b">', 'canonical|link[rel=canonical]|https://example.org/a/b'],
    ['<html lang="de-DE"><body></body></html>', 'language|html[lang]|de-DE'],
    ['<time datetime="2020-01-02">2 Jan</time>', 'published|time[datetime]|2020-01-02'],
    ['<time pubdate datetime="2020-01-02">2 Jan</time>', 'published|time[pubdate]|2020-01-02'],
    ['<span itemprop="datePublished">2 January 2020</span>', 'published|itemprop=datepublished:text|2 January 2020'],
    ['<div class="post-date">Posted on 2 January 2020</div>', 'published|[class~=date]:text|Posted on 2 January 2020'],
  ])('page: reads %s', (html, expected) => {
    expect(pick(html, 'https://example.org/x')).toContain(expected)
  })

  it.each([
    ['NewsArticle in @graph', '{"@graph":[{"@type":"WebSite","name":"Gazette"},{"@type":"NewsArticle","datePublished":"2020-03-04","headline":"Fees rise"}]}', 'published|json-ld:NewsArticle.datePublished|2020-03-04'],
    ['top-level array', '[{"@type":"BlogPosting","dateModified":"2020-03-05"}]', 'modified|json-ld:BlogPosting.dateModified|2020-03-05'],
    ['author object', '{"@type":"Article","author":{"@type":"Person","name":"Ana Ruiz"}}', 'author|json-ld:Article.author|Ana Ruiz'],
    ['author array of strings', '{"@type":"Article","author":["Ana Ruiz","Li Wei"]}', 'author|json-ld:Article.author|Li Wei'],
    ['organization author', '{"@type":"Article","author":{"@type":"Organization","name":"Gazette"}}', 'publisher|json-ld:Article.author(organization)|Gazette'],
    ['publisher name', '{"@type":"Article","publisher":{"@type":"Organization","name":"Gazette"}}', 'publisher|json-ld:Article.publisher.name|Gazette'],
    ['language', '{"@type":"Article","inLanguage":"fr"}', 'language|json-ld:Article.inLanguage|fr'],
    ['broken JSON', '{"@type":"Article","datePublished":"2020-03-04",}', 'published|json-ld:datePublished(unparsed)|2020-03-04'],
  ])('page: reads JSON-LD (%s)', (_name, json, expected) => {
    expect(pick(`<script type="application/ld+json">${json}</script>`)).toContain(expected)
  })

  it('page: ignores dates of non-article JSON-LD types', () => {
    expect(pick('<script type="application/ld+json">{"@type":"Organization","foundingDate":"1990","datePublished":"2001-01-01"}</script>')).toEqual([])
  })

  it('page: ignores text inside scripts and the date class of containers', () => {
    expect(pick('<script>var date = "2020-01-01"</script><article class="date">2020-01-01</article>')).toEqual([])
  })

  it('page: reads each term of a space-separated property, Dublin Core in RDFa included', () => {
    const got = pick('<meta property="og:title dc:title" content="Harbour fees rise"><meta property="dc:creator" content="Ana Ruiz">')
    expect(got).toEqual(expect.arrayContaining(['title|meta[property=og:title]|Harbour fees rise', 'title|meta[property=dc:title]|Harbour fees rise', 'author|meta[property=dc:creator]|Ana Ruiz']))
  })

  it.each([
    ['<a rel="author" href="/ana">Ana Ruiz</a>', 'author|a[rel=author]:text|Ana Ruiz'],
    ['<span itemprop="author" itemscope><span itemprop="name">Ana Ruiz</span></span>', 'author|itemprop=author:text|Ana Ruiz'],
    ['<span itemprop="author creator" content="Ana Ruiz"></span>', 'author|itemprop=author|Ana Ruiz'],
    ['<div class="post-byline">By Ana Ruiz, 3 May 2021</div>', 'author|[class~=byline]:text|By Ana Ruiz, 3 May 2021'],
  ])('page: reads a byline element %s', (html, expected) => {
    expect(pick(html)).toContain(expected)
  })

  it('page: reads no byline inside comments', () => {
    expect(pick('<ol class="comment-list"><li><cite class="author fn">Tom Berg</cite></li></ol>').filter((c) => c.startsWith('author'))).toEqual([])
  })

  it('page: adds the URL path date', () => {
    expect(pick('<p>x</p>', 'https://example.org/2021/05/03/story')).toContain('published|url:path-date|2021-05-03')
  })
})

describe('findUrlDate', () => {
  it.each([
    ['https://example.org/2021/05/03/story', '2021-05-03'],
    ['https://example.org/news/2021-5-3-story', '2021-05-03'],
    ['https://example.org/news/20210503/story', '2021-05-03'],
    ['https://example.org/2021/05/story', '2021-05'],
    ['https://example.org/story-12345678', undefined],
    ['https://example.org/2021/13/40/story', undefined],
  ])('findUrlDate: %s → %s', (url, expected) => {
    expect(findUrlDate(url)).toBe(expected)
  })
})

