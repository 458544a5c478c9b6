import { enclosure, firstText, opt } from './atom.js'
import { parseFeedDate } from './dates.js'
import { type FeedAuthor, type FeedEntry, parseRssAuthor, plainText, readGuessedText, readTextConstruct, uniqueAuthors, uniqueStrings } from './model.js'
import { type XmlElement, childElements, firstChild, resolveUrl, textOf } from './xml.js'

/** The items of an RSS 0.9x/2.0 or RSS 1.0 (RDF) feed: under the channel, or beside it (RDF). */
export function rssItems(root: XmlElement): XmlElement[] {
  const channels = childElements(root, 'channel')
  return [...childElements(root, 'item'), ...channels.flatMap((c) => childElements(c, 'item'))]
}

/** The items of a CDF (Channel Definition Format) file: ITEM elements at any depth of nested channels. */
export function cdfItems(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (el: XmlElement): void => {
    for (const c of childElements(el)) {
      if (c.name === 'item') out.push(c)
      else if (c.name === 'channel') walk(c)
    }
  }
  walk(root)
  return out
}

/**
 * Reads one RSS item, with the namespaces feeds use under any prefix: Dublin Core, content:encoded,
 * Atom elements inside RSS, iTunes authors. A guid that is a permalink stands in for a missing link.
 */
export function readRssItem(item: XmlElement): FeedEntry {
  const guidEl = firstChild(item, 'guid')
  const guid = textOf(guidEl).trim()
  const about = Object.entries(item.attrs).find(([k]) => k.toLowerCase().endsWith(':about') || k.toLowerCase() === 'about')?.[1]?.trim()
  const linkText = firstText(item, 'link')
  const atomLink = childElements(item, 'atom:link').find((l) => l.attrs.href && (!l.attrs.rel || l.attrs.rel === 'alternate'))
  const guidIsLink = guid && (guidEl?.attrs.isPermaLink ?? guidEl?.attrs.ispermalink ?? 'true').toLowerCase() !== 'false' && /^https?:\/\//i.test(guid)
  // An Atom-style <link href> written without its namespace is common in RSS too.
  const hrefLink = childElements(item, 'link').find((l) => l.attrs.href)?.attrs.href
  const rawLink = linkText ?? hrefLink ?? atomLink?.attrs.href ?? item.attrs.href ?? item.attrs.HREF ?? (guidIsLink ? guid : undefined) ?? (about && /^https?:\/\//i.test(about) ? about : undefined)
  // As feedparser: dc:date is the updated date, not the published one (a document's date falls back to it).
  const published = firstText(item, 'pubdate', 'dcterms:issued', 'atom:published', 'atom:issued')
  const updated = firstText(item, 'atom:updated', 'dcterms:modified', 'lastbuilddate', 'dc:date') ?? item.attrs.LASTMOD ?? item.attrs.lastmod
  const authors: Array<FeedAuthor | undefined> = [
    ...childElements(item, 'author', 'managingeditor').filter((el) => el.children.every((c) => typeof c === 'string')).map((el) => parseRssAuthor(textOf(el))),
    ...childElements(item, 'atom:author', 'author').map((el) => textOf(firstChild(el, 'atom:name', 'name')).trim()).filter(Boolean).map((name) => ({ name })),
    ...childElements(item, 'dc:creator', 'dc:author').map((el) => parseRssAuthor(textOf(el))),
    ...childElements(item, 'itunes:author').map((el) => parseRssAuthor(textOf(el))),
  ]
  const enclosures = [
    ...childElements(item, 'enclosure').filter((e) => e.attrs.url).map((e) => enclosure(resolveUrl(e.attrs.url!, e.base) ?? e.attrs.url!.trim(), e.attrs.type, e.attrs.length)),
    ...childElements(item, 'atom:link').filter((l) => l.attrs.rel === 'enclosure' && l.attrs.href).map((l) => enclosure(resolveUrl(l.attrs.href!, l.base) ?? l.attrs.href!, l.attrs.type, l.attrs.length)),
  ]
  const contentEl = firstChild(item, 'content:encoded', 'atom:content', 'xhtml:body', 'body', 'fullitem')
  const content = contentEl?.name === 'atom:content' ? readTextConstruct(contentEl) : contentEl?.name === 'xhtml:body' || contentEl?.name === 'body' ? readTextConstruct({ ...contentEl, attrs: { ...contentEl.attrs, type: 'xhtml' } }) : readGuessedText(contentEl)
  const summaryEl = firstChild(item, 'description', 'dc:description', 'atom:summary', 'abstract', 'itunes:summary')
  return {
    ...opt('title', plainText(readGuessedText(firstChild(item, 'title', 'dc:title', 'atom:title')))),
    ...opt('link', rawLink ? resolveUrl(rawLink, item.base) ?? rawLink.trim() : undefined),
    ...opt('id', guid || about || firstText(item, 'atom:id')),
    ...opt('published', published),
    ...opt('publishedIso', parseFeedDate(published)),
    ...opt('updated', updated),
    ...opt('updatedIso', parseFeedDate(updated)),
    authors: uniqueAuthors(authors),
    categories: uniqueStrings([
      ...childElements(item, 'category').map(textOf),
      ...childElements(item, 'dc:subject').map(textOf),
      ...childElements(item, 'atom:category').map((c) => c.attrs.term ?? textOf(c)),
    ]),
    ...opt('summary', summaryEl?.name === 'atom:summary' ? readTextConstruct(summaryEl) : readGuessedText(summaryEl)),
    ...opt('content', content),
    enclosures,
  }
}
