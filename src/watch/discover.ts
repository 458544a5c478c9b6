import { UnreadableInputError } from '../errors.js'
import { decodeText } from '../stages/ingest/charset.js'
import { readFeed } from '../stages/ingest/feeds.js'
import { childElements, firstChild, parseXml, textOf, type XmlElement } from '../stages/ingest/feeds/xml.js'
import { parseFeedDate } from '../stages/ingest/feeds/dates.js'
import { gunzipCapped, isGzip } from '../stages/ingest/gzip.js'
import { DEFAULT_MAX_INPUT_BYTES } from '../stages/ingest/read.js'
import { sniffTextFormat } from '../stages/ingest/sniff.js'
import type { FoundItem, SourceKind } from '../store/index.js'
import { findArticleLinks } from './links.js'
import { articleKey } from './urls.js'

/** What a poll found on a source. */
export interface Discovered {
  /** Items in the source's order; newest first where the source says when each was published. */
  readonly items: readonly FoundItem[]
  /** A sitemap index's sitemaps, to read in the same poll. */
  readonly sitemaps: readonly string[]
  readonly title?: string
  readonly warnings: readonly string[]
}

/**
 * Reads what a source served into items, by its content (a feed added as a page is still read as
 * a feed): RSS, Atom and JSON Feed through the feed reader; a sitemap's `<url>`s (with Google News
 * `<news:news>` titles and dates) or a sitemap index's sitemaps; any other HTML as a page whose
 * article links are followed (only when the source is a `page`: a feed URL that serves HTML has
 * moved, which is worth an error). Each item is keyed by its article URL, else its feed id.
 * Throws UnreadableInputError when nothing can be read.
 *
 * @example
 * discoverItems('https://desk.example/rss', 'feed', bytes, 'application/rss+xml').items[0].link
 */
export function discoverItems(url: string, kind: SourceKind, raw: Uint8Array, contentType?: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): Discovered {
  // `sitemap.xml.gz` is served as gzip data, not with a gzip Content-Encoding (which fetchUrl undoes).
  const bytes = isGzip(raw) ? gunzipCapped(url, raw, maxBytes) : raw
  const { text, warnings } = decodeText(url, bytes, contentType)
  const format = sniffTextFormat(text, new URL(url).pathname)
  if (format === 'rss' || format === 'atom' || format === 'jsonfeed') {
    const feed = readFeedItems(url, text, format)
    return { ...feed, warnings: [...warnings, ...feed.warnings] }
  }
  const { root } = text.trimStart().startsWith('<') ? parseXml(text, url) : { root: undefined }
  if (root?.name === 'urlset') return { items: readUrlset(root), sitemaps: [], warnings }
  if (root?.name === 'sitemapindex') {
    const sitemaps = childElements(root, 'sitemap').flatMap((s) => {
      const loc = articleKey(textOf(firstChild(s, 'loc')))
      return loc ? [{ loc, lastmod: parseFeedDate(textOf(firstChild(s, 'lastmod'))) ?? '' }] : []
    })
    // Newest first: a news site's index lists every month it ever published.
    sitemaps.sort((a, b) => b.lastmod.localeCompare(a.lastmod))
    return { items: [], sitemaps: sitemaps.map((s) => s.loc), warnings }
  }
  if (format === 'html' && kind === 'page') {
    return { items: findArticleLinks(text, url).map((l) => ({ key: l.url, link: l.url, ...(l.text ? { title: l.text } : {}) })), sitemaps: [], warnings }
  }
  const what = format === 'html' ? 'an HTML page (add it with --kind page to follow its links)' : format === 'xml' ? `XML with root <${root?.raw ?? '?'}>` : `${format} text`
  throw new UnreadableInputError(url, `not a feed or a sitemap: ${what}`, 'INPUT_BAD_FEED')
}

function readFeedItems(url: string, text: string, format: 'rss' | 'atom' | 'jsonfeed'): Omit<Discovered, 'warnings'> & { warnings: string[] } {
  let feed
  try {
    feed = readFeed(url, text, format, url)
  } catch (error) {
    // A feed with no items now is a quiet feed, not a broken one: it is polled again as usual.
    if (error instanceof UnreadableInputError && error.code === 'INPUT_NO_CONTENT') return { items: [], sitemaps: [], warnings: [] }
    throw error
  }
  const items = feed.items.flatMap((item): FoundItem[] => {
    const { entry } = item
    const link = entry.link !== undefined ? articleKey(entry.link) : undefined
    const key = link ?? (entry.id ? `${url}#${entry.id}` : undefined)
    if (key === undefined) return []
    const published = entry.publishedIso ?? entry.updatedIso
    return [{
      key,
      ...(link ? { link } : {}),
      ...(entry.title ? { title: entry.title } : {}),
      ...(published ? { published } : {}),
      ...(item.bodiless ? {} : { body: { kind: item.content.kind, text: item.content.body } }),
    }]
  })
  const skipped = feed.items.length - items.length
  return { items, sitemaps: [], warnings: [...feed.warnings, ...(skipped > 0 ? [`${skipped} item(s) with neither a link nor an id skipped: nothing to follow`] : [])] }
}

function readUrlset(root: XmlElement): FoundItem[] {
  const items = childElements(root, 'url').flatMap((u): Array<FoundItem & { order: string }> => {
    const link = articleKey(textOf(firstChild(u, 'loc')))
    if (!link) return []
    const news = firstChild(u, 'news:news')
    const title = textOf(firstChild(news, 'news:title')).trim()
    const published = parseFeedDate(textOf(firstChild(news, 'news:publication_date'))) ?? parseFeedDate(textOf(firstChild(u, 'lastmod')))
    return [{ key: link, link, ...(title ? { title } : {}), ...(published ? { published } : {}), order: published ?? '' }]
  })
  // Newest first, so a poll capped at some items takes the newest.
  items.sort((a, b) => b.order.localeCompare(a.order))
  return items.map(({ order: _order, ...item }) => item)
}
