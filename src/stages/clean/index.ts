import type { Document, RawDocument } from '../../document/index.js'
import { extractHtml } from './html/index.js'
import { cleanTextPage } from './text/index.js'
import { collectPageCandidatesFromDom } from '../metadata/page.js'

/**
 * Builds the Document from what ingest read: for HTML, renders the page to text and keeps the
 * main content; for a text page, keeps the article and marks the scrape leftovers. Either way
 * `source` is never rewritten and the clean text is a set of kept ranges of it.
 *
 * @example
 * const doc = extractDocument(raw)
 * console.log(cleanTextOf(doc.source, doc.layers.clean!))
 */
export function extractDocument(raw: RawDocument): Document {
  const base = { id: raw.id, origin: raw.origin, charset: raw.charset, hints: raw.hints, messages: [] }
  if (raw.content.kind === 'html') {
    const url = raw.hints.url ?? raw.origin.url
    const { source, clean, dom } = extractHtml(raw.content.body, { url })
    const candidates = collectPageCandidatesFromDom(dom, { url })
    return { ...base, markup: raw.content.body, source, layers: { clean, page: { candidates } } }
  }
  const source = raw.content.body
  return { ...base, source, layers: { clean: cleanTextPage(source), page: { candidates: [] } } }
}
