import { createRequire } from 'node:module'
import type { XMLValidator as Validator } from 'fast-xml-parser'
import type { ContainerHints } from '../../document/index.js'
import { decodeHtmlEntities } from './entities.js'
import { rejectInput } from './errors.js'
import { atomEntries, readAtomEntry } from './feeds/atom.js'
import { readJsonFeed } from './feeds/jsonfeed.js'
import type { FeedEntry } from './feeds/model.js'
import { cdfItems, readRssItem, rssItems } from './feeds/rss.js'
import { parseXml } from './feeds/xml.js'

export type { FeedEntry } from './feeds/model.js'

/** fast-xml-parser's validator, loaded on the first feed and kept: it takes ~50 ms to load, and most inputs are no feeds. */
let validator: typeof Validator | undefined
function xmlValidator(): typeof Validator {
  validator ??= (createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser')).XMLValidator
  return validator
}

/** One feed item or entry, ready to become a document. */
export interface FeedItem {
  /** guid / id, else link: the item's own key for its id; absent when it has neither. */
  readonly key?: string
  /** Where the item is in the feed, for messages: its key, else `item-<n>` / `entry-<n>`. */
  readonly record: string
  /**
   * Its content, else its summary: HTML for markup, text for plain text. An item with neither has an
   * empty text body (`bodiless`): it is kept with its title, link and dates so its article can be fetched.
   */
  readonly content: { readonly kind: 'html' | 'text'; readonly body: string }
  readonly bodiless: boolean
  readonly hints: ContainerHints
  /** Everything read from the item, as feedparser reads it. */
  readonly entry: FeedEntry
}

export interface ReadFeed {
  readonly items: readonly FeedItem[]
  readonly warnings: readonly string[]
  /** What the feed turned out to be, by its root element. */
  readonly kind: 'rss' | 'rdf' | 'atom' | 'cdf' | 'jsonfeed'
}

/**
 * Reads a feed into its items: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and 0.3, CDF (by their root
 * element, whatever its namespace prefix) and JSON Feed. Every item is kept, with or without a
 * body. Ill-formed XML is read as far as it goes, with a warning; it is refused only when no item
 * can be read from it.
 *
 * @example
 * const { items } = readFeed('news.xml', xml, 'rss')
 * items[0].entry.publishedIso
 */
export function readFeed(input: string, text: string, format: 'rss' | 'atom' | 'jsonfeed', feedUrl?: string): ReadFeed {
  if (format === 'jsonfeed') {
    const json = readJsonFeed(text, feedUrl)
    if (!json) rejectInput(input, 'INPUT_BAD_FEED', 'JSON Feed that is not a JSON object with an items list')
    return finish(input, 'jsonfeed', json.entries, json.warnings)
  }
  // Feeds never need entity declarations; refusing them closes off entity-expansion bombs.
  if (/<!ENTITY/i.test(text)) rejectInput(input, 'INPUT_BAD_FEED', 'feed declares XML entities (refused: entity expansion)')
  // White space before the XML declaration is common and harmless (feedparser reads past it); lines still count from the file's first.
  const lead = /^[\s\uFEFF]*/.exec(text)![0]
  const valid = xmlValidator().validate(text.slice(lead.length))
  const shift = lead.split('\n').length - 1
  const broken = valid === true ? undefined : `XML at line ${valid.err.line + shift}, column ${valid.err.col}: ${valid.err.msg}`
  const { root } = parseXml(text, feedUrl)
  const rootName = root?.name.replace(/^.*:/, '')
  const kind: ReadFeed['kind'] | undefined = rootName === 'rss' ? 'rss' : rootName === 'rdf' ? 'rdf' : rootName === 'feed' ? 'atom' : rootName === 'channel' ? 'cdf' : undefined
  if (!root || !kind) return rejectInput(input, 'INPUT_BAD_FEED', broken ? `broken ${broken}` : `root element <${root?.raw ?? '?'}> is not a feed's`)
  const nodes = kind === 'atom' ? atomEntries(root) : kind === 'cdf' ? cdfItems(root) : rssItems(root)
  const read = nodes.map((n) => (kind === 'atom' ? readAtomEntry(n) : readRssItem(n)))
  // An item with nothing at all (no title, link, id, date or body) is not an item anyone can use.
  const entries = read.filter(isUsable)
  const empty = read.length - entries.length
  if (broken) {
    if (entries.length === 0) rejectInput(input, 'INPUT_BAD_FEED', `broken ${broken}`)
    return finish(input, kind, entries, [`ill-formed ${broken}; read as far as it goes: ${entries.length} item(s)`, ...emptyWarning(empty)])
  }
  return finish(input, kind, entries, emptyWarning(empty))
}

function isUsable(entry: FeedEntry): boolean {
  return !!(entry.title ?? entry.link ?? entry.id ?? entry.published ?? entry.updated ?? entry.content ?? entry.summary) || entry.enclosures.length > 0
}

function emptyWarning(count: number): string[] {
  return count > 0 ? [`${count} empty item(s) (no title, link, id, date or body) skipped`] : []
}

function finish(input: string, kind: ReadFeed['kind'], entries: readonly FeedEntry[], warnings: string[]): ReadFeed {
  if (entries.length === 0) rejectInput(input, 'INPUT_NO_CONTENT', `${kind === 'atom' ? 'Atom' : kind === 'jsonfeed' ? 'JSON' : 'RSS'} feed has no items`)
  const label = kind === 'atom' ? 'entry' : 'item'
  const items = entries.map((entry, i): FeedItem => {
    const body = entry.content ?? entry.summary
    const key = entry.id ?? entry.link ?? (body ? undefined : `${entry.title ?? ''}\u0000${entry.published ?? entry.updated ?? ''}`)
    if (!body) warnings.push(`${label} ${i + 1} has no body: kept with its title, link and dates only`)
    return {
      ...(key ? { key } : {}),
      record: entry.id ?? entry.link ?? `${label}-${i + 1}`,
      content: body ? { kind: body.type === 'text' ? 'text' : 'html', body: body.value } : { kind: 'text', body: '' },
      bodiless: !body,
      hints: {
        ...(entry.title ? { title: entry.title } : {}),
        ...(entry.link ? { url: entry.link } : {}),
        ...(entry.published ?? entry.updated ? { published: (entry.published ?? entry.updated)! } : {}),
        ...(entry.authors.some((a) => a.name) ? { authors: entry.authors.flatMap((a) => (a.name ? [a.name] : [])) } : {}),
      },
      entry,
    }
  })
  return { items, warnings, kind }
}

/** Unescapes raw XML character data: CDATA sections verbatim, entity and character references (HTML's too) decoded. */
export function decodeXmlText(raw: string): string {
  return raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeHtmlEntities(part))).join('')
}
