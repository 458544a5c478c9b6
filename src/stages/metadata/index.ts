import { renderCleanText, type Attested, type DateValue, type Document, type MetadataLayer, type PageCandidate } from '../../document/index.js'
import type { Stage, StageConfig } from '../../pipeline/stage.js'
import { chooseAuthors } from './authors.js'
import { findCapturedDate, gatherDateEvidence, sourceSpan } from './date-evidence.js'
import { chooseDate } from './dates.js'
import { inferPublishedDate } from './infer-date.js'
import { chooseLanguage } from './language.js'
import { choosePublisher } from './publisher.js'
import { chooseTitle } from './title.js'

/** Languages whose writers put the month first in numeric dates (05/03/2021 = May 3). */
const MONTH_FIRST_LANGUAGES: ReadonlySet<string> = new Set(['en'])

/**
 * Reads the document's metadata, each value with its basis, confidence and, when read from the
 * text, its span: title, authors, publisher, language, canonical URL, publication and capture date.
 *
 * @example
 * const layer = readMetadata(doc)
 * layer.published // { value: { date: '2025-10-16', precision: 'day' }, basis: 'text:date-line', confidence: 0.85, span }
 */
export function readMetadata(doc: Document, config: Readonly<StageConfig> = {}): MetadataLayer {
  const clean = doc.layers.clean ?? { blocks: [], removed: [], flags: [] }
  const candidates = doc.layers.page?.candidates ?? []
  const { text, offsets } = renderCleanText(doc.source, clean)
  const language = chooseLanguage(candidates, doc.hints.language, text)
  const publisher = choosePublisher(doc.source, candidates, clean.removed, clean.blocks[0]?.spans[0])
  const title = chooseTitle({ source: doc.source, candidates, hint: doc.hints.title, removals: clean.removed, blocks: clean.blocks, sites: siteNames(candidates, doc, publisher?.value) })
  const captured = findCapturedDate(doc)
  const published = choosePublished(doc, text, offsets, language?.value, captured, config)
  return {
    ...(title ? { title } : {}),
    authors: chooseAuthors(doc.source, candidates, doc.hints.authors, clean.removed),
    ...(publisher ? { publisher } : {}),
    ...(language ? { language } : {}),
    ...optional('canonicalUrl', chooseCanonical(candidates, doc)),
    ...(published ? { published } : {}),
    ...(captured ? { captured } : {}),
  }
}

function choosePublished(
  doc: Document,
  text: string,
  offsets: Int32Array,
  language: string | undefined,
  captured: Attested<DateValue> | undefined,
  config: Readonly<StageConfig>,
): Attested<DateValue> | undefined {
  const dayFirst = !MONTH_FIRST_LANGUAGES.has(language ?? '')
  const evidence = gatherDateEvidence(doc, text, offsets, dayFirst, captured?.span)
  const latest = captured?.value.date ?? config.referenceDate
  const best = chooseDate(evidence, latest)
  if (best) return { value: best.value, basis: best.basis, confidence: best.confidence, ...(best.span ? { span: best.span } : {}) }
  const inferred = inferPublishedDate(text, captured?.value)
  if (!inferred) return undefined
  const span = inferred.index !== undefined && inferred.length ? sourceSpan(offsets, inferred.index, inferred.length) : undefined
  return { value: inferred.value, basis: inferred.basis, confidence: inferred.confidence, ...(span ? { span } : {}) }
}

function chooseCanonical(candidates: readonly PageCandidate[], doc: Document): Attested<string> | undefined {
  const link = candidates.find((c) => c.field === 'canonical' && c.basis === 'link[rel=canonical]')
  if (link) return { value: link.value, basis: link.basis, confidence: 0.9 }
  const og = candidates.find((c) => c.field === 'canonical')
  if (og) return { value: og.value, basis: og.basis, confidence: 0.8 }
  if (doc.hints.url) return { value: doc.hints.url, basis: 'hint:url', confidence: 0.75 }
  if (doc.origin.url) return { value: doc.origin.url, basis: 'origin:url', confidence: 0.6 }
  return undefined
}

/** Names the site goes by, to recognise it in a title: its publisher candidates, the chosen publisher and the host. */
function siteNames(candidates: readonly PageCandidate[], doc: Document, publisher: string | undefined): string[] {
  const names = candidates.filter((c) => c.field === 'publisher' && !/^https?:/.test(c.value)).map((c) => c.value)
  if (publisher) names.push(publisher)
  for (const url of [doc.hints.url, doc.origin.url, candidates.find((c) => c.field === 'canonical')?.value]) {
    try {
      if (url) names.push(new URL(url).hostname.replace(/^www\./, ''))
    } catch {
      // not a URL: no host to add
    }
  }
  return names
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>)
}

/** The metadata stage: title, authors, outlet, language, canonical URL and dates, each with its evidence. */
export const metadata: Stage = {
  name: 'metadata',
  requires: ['clean', 'page'],
  produces: ['metadata'],
  run: (doc, config) => ({ metadata: readMetadata(doc, config) }),
}
