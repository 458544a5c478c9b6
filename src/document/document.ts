import type { Span } from './span.js'
import type { CleanLayer } from './clean.js'
import type { PageLayer, MetadataLayer } from './metadata.js'
import type { DocumentMessage } from './messages.js'
import type { ClaimsLayer, EntitiesLayer, EventsLayer, QuotesLayer, SentencesLayer, TimesLayer } from './annotations.js'

/** Stable id of a document: hex digest derived from the bytes it came from and its place in them. */
export type DocumentId = string

/** Where a document came from. */
export interface Origin {
  /** The input as the user named it: a path, a URL, or `-` for stdin. */
  readonly input: string
  /** The item within a container input: feed item, JSON Lines line number, WARC record id. */
  readonly record?: string
  /** The article's own URL, when known (from a feed item, a WARC header, a JSON Lines field, the fetched URL). */
  readonly url?: string
  /** SHA-256 (hex) of the raw bytes the document was read from; the bytes are stored verbatim under it. */
  readonly blob: string
  /** The container format the document was read from. */
  readonly container: ContainerFormat
  /** When the bytes were fetched or read (ISO 8601), from the HTTP response or WARC header; not the publication date. */
  readonly capturedAt?: string
  /** The item's own id in the user's data (a JSON Lines record's `id`), so exported records join back to it. */
  readonly externalId?: string
  /** A JSON Lines record's `meta` object, kept as given and exported with the article. */
  readonly meta?: { readonly [key: string]: unknown }
}

export type ContainerFormat = 'text' | 'markdown' | 'html' | 'rss' | 'atom' | 'jsonl' | 'warc' | 'jsonfeed'

/** How the bytes were decoded. */
export interface Charset {
  /** WHATWG encoding label, e.g. `utf-8`, `windows-1251`. */
  readonly name: string
  readonly basis: 'bom' | 'http' | 'meta' | 'xml-declaration' | 'valid-utf8' | 'detected' | 'container'
  readonly confidence: number
}

/** Facts about a document that its container states outside the document itself (feed item fields, JSON Lines fields, HTTP headers). */
export interface ContainerHints {
  readonly title?: string
  readonly url?: string
  readonly published?: string
  readonly authors?: readonly string[]
  readonly language?: string
  readonly contentType?: string
}

/**
 * A document as ingest yields it: decoded, identified, not yet extracted.
 * `content.kind` says whether `content.body` is markup or plain text.
 */
export interface RawDocument {
  readonly id: DocumentId
  readonly origin: Origin
  readonly charset: Charset
  readonly hints: ContainerHints
  readonly content: { readonly kind: 'html' | 'text'; readonly body: string }
}

/**
 * The one model every stage shares. `source` is stored once and never changed;
 * every layer points into it with spans.
 *
 * For a text page `source` is the decoded text as read. For an HTML page it is the
 * text rendering of the whole page (blocks separated by newlines), and `markup` keeps the HTML.
 */
export interface Document {
  readonly id: DocumentId
  readonly origin: Origin
  readonly charset: Charset
  readonly hints: ContainerHints
  readonly markup?: string
  readonly source: string
  readonly layers: Layers
  readonly messages: readonly DocumentMessage[]
}

/** Every annotation layer, by name. A stage produces one or more of them. */
export interface Layers {
  readonly clean?: CleanLayer
  readonly page?: PageLayer
  readonly metadata?: MetadataLayer
  readonly sentences?: SentencesLayer
  readonly times?: TimesLayer
  readonly entities?: EntitiesLayer
  readonly quotes?: QuotesLayer
  readonly claims?: ClaimsLayer
  readonly events?: EventsLayer
}

export type LayerName = keyof Layers

export type { Span }
