import type { Span } from './span.js'

/**
 * A value with the evidence for it: where it was found (`basis`, e.g. `meta[property=article:published_time]`,
 * `json-ld:datePublished`, `text:date-line`, `inferred:relative-weekday`), how sure we are (0..1), and the
 * span of the source it was read from when it was read from the text.
 */
export interface Attested<T> {
  readonly value: T
  readonly basis: string
  readonly confidence: number
  readonly span?: Span
}

/** A calendar date as precise as the evidence allows: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export interface DateValue {
  readonly date: string
  readonly precision: 'day' | 'month' | 'year'
}

/**
 * Metadata candidates found in the page itself before the text was cleaned: meta tags, JSON-LD,
 * `<time>` elements, `<title>`, `<link rel=canonical>`, `<html lang>`. The metadata stage weighs them.
 */
export interface PageCandidate {
  readonly field: 'title' | 'author' | 'publisher' | 'published' | 'modified' | 'language' | 'canonical' | 'description' | 'section'
  readonly value: string
  /** Where it was found, as a short selector-like string. */
  readonly basis: string
}

export interface PageLayer {
  readonly candidates: readonly PageCandidate[]
}

export interface MetadataLayer {
  readonly title?: Attested<string>
  readonly authors: readonly Attested<string>[]
  readonly publisher?: Attested<string>
  readonly language?: Attested<string>
  readonly canonicalUrl?: Attested<string>
  readonly published?: Attested<DateValue>
  /** The date the page was captured (a "today" bar, an HTTP/WARC date): never the publication date. */
  readonly captured?: Attested<DateValue>
}
