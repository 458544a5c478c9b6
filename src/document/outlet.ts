import type { Document } from './document.js'
import type { Citation } from './corpus.js'
import type { Span } from './span.js'
import { textOf } from './span.js'

/** What an article's outlet reads when neither its metadata nor its URL names one. */
export const UNKNOWN_OUTLET = 'unknown outlet'

/**
 * The outlet an article comes from, as a reader names it: the publisher or site name the metadata
 * found (never a date or a time that landed there), else the host of its URL (without `www.`),
 * else {@link UNKNOWN_OUTLET}. A file's name is where the user kept it, not who published it.
 *
 * @example
 * outletOf(doc) // 'Harbour Daily', or 'example.org', or 'unknown outlet'
 */
export function outletOf(doc: Document): string {
  return outletFrom(doc.layers.metadata?.publisher?.value, doc.layers.metadata?.canonicalUrl?.value ?? doc.origin.url ?? doc.hints.url)
}

/**
 * The outlet of a publisher name and a URL, by the rule of {@link outletOf}: for a caller that holds
 * a stored summary (`publisher`, `url`) rather than the document.
 *
 * @example
 * outletFrom(undefined, 'https://www.example.org/a') // 'example.org'
 */
export function outletFrom(publisherName: string | undefined, url: string | undefined): string {
  const publisher = publisherName?.trim()
  if (publisher !== undefined && publisher !== '' && !looksLikeDateOrTime(publisher)) return publisher
  if (url !== undefined) {
    try {
      const host = new URL(url).hostname.replace(/^www\./, '')
      if (host !== '') return host
    } catch {
      // not a URL: no outlet to read from it
    }
  }
  return UNKNOWN_OUTLET
}

/**
 * The key two articles share when they come from one outlet: the outlet's name, except that
 * articles of unknown outlet are each their own (nothing says they share a publisher).
 *
 * @example
 * outletKey('Harbour Daily', 'd1') // 'Harbour Daily'
 * outletKey('unknown outlet', 'd1') // 'unknown outlet#d1'
 */
export function outletKey(outlet: string, article: string): string {
  return outlet === UNKNOWN_OUTLET ? `${UNKNOWN_OUTLET}#${article}` : outlet
}

/** "Aug 10, 2016 11:15 am UTC", "7:08pm", "2016-08-10": a date or a clock time, not a publisher. */
function looksLikeDateOrTime(text: string): boolean {
  return /\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?(?![a-z])/i.test(text)
    || /^\d{4}-\d{2}(?:-\d{2})?\b/.test(text)
    || /^(?:\p{L}+,?\s+)?(?:\d{1,2}\s+\p{L}{3,9}\.?|\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}\b/u.test(text)
}

/**
 * A citation of a span of a document: its outlet and the exact words.
 *
 * @example
 * citationOf(doc, quote.span) // { article: doc.id, source: 'Harbour Daily', span, text: '…' }
 */
export function citationOf(doc: Document, span: Span, source: string = outletOf(doc)): Citation {
  return { article: doc.id, source, span, text: textOf(doc.source, span) }
}
