import { enclosure, opt } from './atom.js'
import { parseFeedDate } from './dates.js'
import { type FeedAuthor, type FeedEntry, looksLikeHtml, uniqueAuthors, uniqueStrings } from './model.js'
import { resolveUrl } from './xml.js'

type Json = Record<string, unknown>

/** True when a text is a JSON Feed (version 1 or 1.1): an object whose `version` names jsonfeed.org. */
export function isJsonFeed(head: string): boolean {
  return /^\s*\{/.test(head) && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head)
}

/** The items of a JSON Feed, each read as an entry; undefined when the text is not a JSON Feed object. */
export function readJsonFeed(text: string, feedUrl?: string): { entries: FeedEntry[]; warnings: string[] } | undefined {
  let feed: unknown
  try {
    feed = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isObject(feed) || !Array.isArray(feed.items)) return undefined
  const base = str(feed.feed_url) ?? str(feed.home_page_url) ?? feedUrl
  const feedAuthors = authorsOf(feed)
  const warnings: string[] = []
  const entries: FeedEntry[] = []
  feed.items.forEach((item, i) => {
    if (!isObject(item)) {
      warnings.push(`item ${i + 1} is not an object and was skipped`)
      return
    }
    const url = str(item.url) ?? str(item.external_url)
    const html = str(item.content_html)
    const contentText = str(item.content_text)
    const summary = str(item.summary)
    const authors = authorsOf(item)
    const published = str(item.date_published)
    const updated = str(item.date_modified)
    entries.push({
      ...opt('title', str(item.title)),
      ...opt('link', url ? resolveUrl(url, base) ?? url : undefined),
      ...opt('id', str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : undefined)),
      ...opt('published', published),
      ...opt('publishedIso', parseFeedDate(published)),
      ...opt('updated', updated),
      ...opt('updatedIso', parseFeedDate(updated)),
      authors: authors.length > 0 ? authors : feedAuthors,
      categories: uniqueStrings(Array.isArray(item.tags) ? item.tags.map((t) => (typeof t === 'string' ? t : undefined)) : []),
      ...opt('summary', summary ? { type: looksLikeHtml(summary) ? 'html' as const : 'text' as const, value: summary } : undefined),
      ...opt('content', html ? { type: 'html' as const, value: html } : contentText ? { type: 'text' as const, value: contentText } : undefined),
      enclosures: (Array.isArray(item.attachments) ? item.attachments : []).filter(isObject).flatMap((a) => {
        const u = str(a.url)
        return u ? [enclosure(resolveUrl(u, base) ?? u, str(a.mime_type), typeof a.size_in_bytes === 'number' ? String(a.size_in_bytes) : undefined)] : []
      }),
    })
  })
  return { entries, warnings }
}

/** Version 1.1's `authors` list, else version 1's `author`. */
function authorsOf(node: Json): FeedAuthor[] {
  const list = Array.isArray(node.authors) ? node.authors : isObject(node.author) ? [node.author] : []
  return uniqueAuthors(list.filter(isObject).map((a) => {
    const name = str(a.name)
    const url = str(a.url)
    return { ...(name ? { name } : {}), ...(url ? { url } : {}) }
  }).filter((a) => a.name))
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined
}
