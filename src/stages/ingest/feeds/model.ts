import { decodeHtmlEntities } from '../entities.js'
import { type XmlElement, innerXml, textOf } from './xml.js'

/** A text value of a feed: plain text, HTML markup (escaped in the feed), or inline XHTML (as markup). */
export interface FeedText {
  readonly type: 'text' | 'html' | 'xhtml'
  readonly value: string
}

export interface FeedAuthor {
  readonly name?: string
  readonly email?: string
  readonly url?: string
}

export interface FeedEnclosure {
  readonly url: string
  readonly type?: string
  readonly length?: number
}

/** One item or entry of any feed format, read as feedparser reads it. */
export interface FeedEntry {
  readonly title?: string
  /** The item's page, absolute (resolved against xml:base and the feed's URL) when it can be. */
  readonly link?: string
  readonly id?: string
  /** The dates as written, and as ISO 8601 UTC instants when they can be read. */
  readonly published?: string
  readonly publishedIso?: string
  readonly updated?: string
  readonly updatedIso?: string
  readonly authors: readonly FeedAuthor[]
  readonly categories: readonly string[]
  readonly summary?: FeedText
  readonly content?: FeedText
  readonly enclosures: readonly FeedEnclosure[]
}

/** An Atom-style text construct, by its `type` (and Atom 0.3's `mode`): text, escaped HTML, inline XHTML or base64. */
export function readTextConstruct(el: XmlElement | undefined): FeedText | undefined {
  if (!el) return undefined
  const type = (el.attrs.type ?? '').trim().toLowerCase()
  const mode = (el.attrs.mode ?? '').trim().toLowerCase()
  const hasElements = el.children.some((c) => typeof c !== 'string')
  const markupType = type === 'html' || type === 'text/html' ? 'html' : type === 'xhtml' || type === 'application/xhtml+xml' ? 'xhtml' : undefined
  const binary = type !== '' && !markupType && type !== 'text' && !type.startsWith('text/') && !type.endsWith('xml')
  if (mode === 'base64' || (binary && !hasElements)) {
    const decoded = decodeBase64(textOf(el))
    if (decoded === undefined) return undefined
    return nonEmpty({ type: markupType === 'html' || looksLikeHtml(decoded) ? 'html' : 'text', value: decoded })
  }
  // Inline markup: XHTML content, Atom 0.3's default "xml" mode, or any element written inside.
  if (markupType === 'xhtml' || (hasElements && mode !== 'escaped')) {
    const divs = el.children.filter((c) => typeof c !== 'string' || c.trim())
    const only = divs.length === 1 && typeof divs[0] !== 'string' ? divs[0] : undefined
    const inner = only && /^(xhtml:)?div$/.test(only.name) && only.raw.toLowerCase().endsWith('div') ? innerXml(only) : innerXml(el)
    return nonEmpty({ type: 'xhtml', value: inner.trim() })
  }
  const text = textOf(el).trim()
  if (markupType === 'html' || mode === 'escaped') return nonEmpty({ type: 'html', value: text })
  return nonEmpty({ type: 'text', value: text })
}

/** An RSS text value, whose type is not declared: HTML when it holds markup, else text. */
export function readGuessedText(el: XmlElement | undefined): FeedText | undefined {
  if (!el) return undefined
  if (el.children.some((c) => typeof c !== 'string')) return readTextConstruct(el)
  const text = textOf(el).trim()
  return nonEmpty({ type: looksLikeHtml(text) ? 'html' : 'text', value: text })
}

/**
 * Markup: a tag or a comment. A character reference left after decoding is not enough: `&amp;lt;`
 * in a title is the text "&lt;", written by someone who meant it.
 */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|<!--/i.test(text)
}

/** The plain text of a value: tags removed, references decoded, white space collapsed. */
export function plainText(text: FeedText | undefined): string | undefined {
  if (!text) return undefined
  const plain = text.type === 'text' ? text.value : decodeHtmlEntities(text.value.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' '))
  const collapsed = plain.replace(/\s+/g, ' ').trim()
  return collapsed || undefined
}

function nonEmpty(text: FeedText): FeedText | undefined {
  return text.value.trim() ? text : undefined
}

function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/=_-]*$/.test(compact)) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.from(compact, 'base64'))
  } catch {
    return undefined
  }
}

/** "jane@example.org (Jane Doe)" → name and e-mail; "Jane Doe <jane@…>" too; a bare name is a name. */
export function parseRssAuthor(value: string): FeedAuthor | undefined {
  const text = value.replace(/\s+/g, ' ').trim()
  if (!text) return undefined
  const paren = /^(\S+@\S+)\s*\((.+)\)$/.exec(text)
  if (paren) return { email: paren[1]!, name: paren[2]!.trim() }
  const angle = /^(.*?)\s*<(\S+@\S+)>$/.exec(text)
  if (angle) return angle[1] ? { name: angle[1], email: angle[2]! } : { email: angle[2]! }
  if (/^\S+@\S+\.\S+$/.test(text)) return { email: text }
  return { name: text }
}

export function uniqueAuthors(authors: ReadonlyArray<FeedAuthor | undefined>): FeedAuthor[] {
  const seen = new Set<string>()
  const out: FeedAuthor[] = []
  for (const a of authors) {
    if (!a || (!a.name && !a.email)) continue
    const key = (a.name ?? a.email ?? '').toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(a)
  }
  return out
}

export function uniqueStrings(values: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(values.map((v) => v?.replace(/\s+/g, ' ').trim()).filter((v): v is string => !!v))]
}

/** An entry's fields as plain values, the form the fixtures' expectations and `bench:feeds` compare. */
export interface EntrySummary {
  readonly title: string | null
  readonly link: string | null
  readonly id: string | null
  readonly published: string | null
  readonly updated: string | null
  readonly authors: readonly string[]
  readonly categories: readonly string[]
  readonly summary: string | null
  readonly content: string | null
  readonly contentType: FeedText['type'] | null
  readonly enclosures: readonly string[]
}

export function summariseEntry(e: FeedEntry): EntrySummary {
  return {
    title: e.title ?? null,
    link: e.link ?? null,
    id: e.id ?? null,
    published: e.publishedIso ?? null,
    updated: e.updatedIso ?? null,
    authors: e.authors.flatMap((a) => (a.name ?? a.email ? [(a.name ?? a.email)!] : [])),
    categories: e.categories,
    summary: plainText(e.summary) ?? null,
    content: plainText(e.content) ?? null,
    contentType: e.content?.type ?? e.summary?.type ?? null,
    enclosures: e.enclosures.map((x) => x.url),
  }
}
