import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { ContainerHints } from '../../document/index.js'
import { decodeHtmlEntities, htmlEntityDecoder } from './entities.js'
import { rejectInput } from './errors.js'

/** One feed item or entry, ready to become a document. */
export interface FeedItem {
  /** guid / id, else link: the item's own key for its id; absent when it has neither. */
  readonly key?: string
  /** Where the item is in the feed, for messages: its key, else `item-<n>` / `entry-<n>`. */
  readonly record: string
  readonly content: { readonly kind: 'html' | 'text'; readonly body: string }
  readonly hints: ContainerHints
}

export interface ReadFeed {
  readonly items: readonly FeedItem[]
  readonly warnings: readonly string[]
}

type Node = Record<string, unknown>

// Repeatable elements always come back as arrays, so one item and many read alike.
const REPEATED = new Set(['item', 'entry', 'link', 'author', 'dc:creator', 'contributor'])

// Atom content is kept raw: `type="xhtml"` content is markup the object model would take apart.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  // HTML's named references (&eacute;, &nbsp;) as well as XML's: feeds use them, XML alone leaves them as text.
  entityDecoder: htmlEntityDecoder,
  stopNodes: ['feed.entry.content', 'feed.entry.summary'],
  isArray: (name) => REPEATED.has(name),
})

/**
 * Reads an RSS 2.0 (or RSS 1.0/RDF) or Atom feed: each item or entry with HTML content becomes one
 * item, its title, link, date and authors as hints. Items with no content are skipped with a warning.
 *
 * @example
 * const { items } = readFeed('news.xml', xml, 'rss')
 * items[0].hints.title
 */
export function readFeed(input: string, xml: string, format: 'rss' | 'atom'): ReadFeed {
  // Feeds never need entity declarations; refusing them closes off entity-expansion bombs.
  if (/<!ENTITY/i.test(xml)) rejectInput(input, 'INPUT_BAD_FEED', 'feed declares XML entities (refused: entity expansion)')
  const valid = XMLValidator.validate(xml)
  if (valid !== true) rejectInput(input, 'INPUT_BAD_FEED', `broken XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`)
  const root = parser.parse(xml) as Node
  const raw = format === 'atom' ? entriesOf(root) : itemsOf(root)
  const warnings: string[] = []
  const items: FeedItem[] = []
  raw.forEach((node, i) => {
    const item = format === 'atom' ? readAtomEntry(node, i) : readRssItem(node, i)
    if (item) items.push(item)
    else warnings.push(`${format === 'atom' ? 'entry' : 'item'} ${i + 1} has no content and was skipped`)
  })
  if (items.length === 0) rejectInput(input, 'INPUT_NO_CONTENT', `${format === 'atom' ? 'Atom' : 'RSS'} feed has no items with content`)
  return { items, warnings }
}

function itemsOf(root: Node): Node[] {
  const rss = (root.rss ?? root['rdf:RDF']) as Node | undefined
  const channel = rss?.channel as Node | undefined
  return asNodes(channel?.item ?? rss?.item)
}

function entriesOf(root: Node): Node[] {
  return asNodes((root.feed as Node | undefined)?.entry)
}

function readRssItem(item: Node, index: number): FeedItem | undefined {
  const html = textOf(item['content:encoded']) || textOf(item.description)
  const title = plainTitle(textOf(item.title))
  const link = asNodes(item.link).map(textOf).find(Boolean) || undefined
  if (!html) return undefined
  const authors = [...asNodes(item['dc:creator']).map(textOf), ...asNodes(item.author).map((a) => nameOfRssAuthor(textOf(a)))].filter(Boolean)
  const key = textOf(item.guid) || link || undefined
  return {
    ...(key ? { key } : {}),
    record: key ?? `item-${index + 1}`,
    content: { kind: 'html', body: html },
    hints: compact({ title, url: link, published: textOf(item.pubDate) || textOf(item['dc:date']) || undefined, authors: unique(authors) }),
  }
}

function readAtomEntry(entry: Node, index: number): FeedItem | undefined {
  const content = readAtomText(entry.content) ?? readAtomText(entry.summary)
  if (!content) return undefined
  const links = asNodes(entry.link)
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0]
  const url = typeof alternate?.['@_href'] === 'string' ? alternate['@_href'] : undefined
  const authors = asNodes(entry.author).map((a) => textOf(a.name)).filter(Boolean)
  const titleNode = entry.title
  const title = plainTitle(textOf(titleNode))
  const key = textOf(entry.id) || url || undefined
  return {
    ...(key ? { key } : {}),
    record: key ?? `entry-${index + 1}`,
    content,
    hints: compact({ title, url, published: textOf(entry.published) || textOf(entry.updated) || undefined, authors: unique(authors) }),
  }
}

/** Atom text constructs: `text` is plain, `html` is escaped markup, `xhtml` is inline markup (kept raw). */
function readAtomText(node: unknown): FeedItem['content'] | undefined {
  if (node === undefined) return undefined
  const raw = textOf(node)
  const type = typeof node === 'object' && node !== null ? (node as Node)['@_type'] : undefined
  if (type === 'xhtml') return raw.trim() ? { kind: 'html', body: raw.trim() } : undefined
  const decoded = decodeXmlText(raw).trim()
  if (!decoded) return undefined
  return { kind: type === 'html' || type === 'text/html' ? 'html' : 'text', body: decoded }
}

/** Unescapes raw XML character data: CDATA sections verbatim, entity and character references (HTML's too) decoded. */
export function decodeXmlText(raw: string): string {
  return raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeHtmlEntities(part))).join('')
}

/** "jane@example.org (Jane Doe)" → "Jane Doe"; RSS asks for an e-mail address, feeds put a name there too. */
function nameOfRssAuthor(author: string): string {
  return /\(([^)]+)\)\s*$/.exec(author)?.[1]?.trim() ?? author.trim()
}

function plainTitle(title: string): string | undefined {
  const plain = title.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim()
  return plain || undefined
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node
  if (typeof node === 'number') return String(node)
  if (Array.isArray(node)) return textOf(node[0])
  if (typeof node === 'object' && node !== null && '#text' in node) return textOf((node as Node)['#text'])
  return ''
}

function asNodes(value: unknown): Node[] {
  if (value === undefined || value === null) return []
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v !== null ? (v as Node) : { '#text': v }))
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()))]
}

function compact(hints: { title?: string; url?: string; published?: string; authors: string[] }): ContainerHints {
  return {
    ...(hints.title ? { title: hints.title } : {}),
    ...(hints.url ? { url: hints.url } : {}),
    ...(hints.published ? { published: hints.published.trim() } : {}),
    ...(hints.authors.length > 0 ? { authors: hints.authors } : {}),
  }
}
