import type { Document } from './document.js'
import type { Citation } from './corpus.js'
import type { Span } from './span.js'
import { textOf } from './span.js'

/**
 * The outlet an article comes from, as a reader names it: the publisher the metadata found, else
 * the host of its URL (without `www.`), else the file name of the input.
 *
 * @example
 * outletOf(doc) // 'Harbour Daily', or 'example.org', or 'lavrov-interview.txt'
 */
export function outletOf(doc: Document): string {
  const publisher = doc.layers.metadata?.publisher?.value
  if (publisher !== undefined && publisher.trim() !== '') return publisher.trim()
  const url = doc.layers.metadata?.canonicalUrl?.value ?? doc.origin.url ?? doc.hints.url
  if (url !== undefined) {
    try {
      return new URL(url).hostname.replace(/^www\./, '')
    } catch {
      // not a URL: fall through to the input's name
    }
  }
  const input = doc.origin.input
  const name = input.split(/[\\/]/).pop() ?? input
  return name === '' ? input : name
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
