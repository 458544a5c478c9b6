import type { ArticleQuality, Brief, Citation, DocumentId } from '../../document/index.js'

/** The brief's sources, numbered from 1 as `[n]` marks refer to them. */
export interface NumberedSources {
  readonly list: readonly ArticleQuality[]
  /** The numbers of the articles these citations come from, each once, ascending. */
  marksOf(citations: readonly Citation[]): number[]
  /** The same, for articles named by id (an article the list lacks has no mark). */
  marksOfArticles(ids: readonly DocumentId[]): number[]
}

/**
 * Numbers a brief's sources list for citation marks. An article cited somewhere in the brief but
 * missing from `sources` (a brief built by hand) is appended, so no mark points nowhere.
 *
 * @example
 * const sources = numberSources(brief)
 * sources.marksOf(sentence.citations) // [1, 3]
 */
export function numberSources(brief: Brief): NumberedSources {
  const list: ArticleQuality[] = [...brief.sources]
  const numbers = new Map<DocumentId, number>(list.map((s, i) => [s.article, i + 1]))
  for (const c of citationsOf(brief)) {
    if (numbers.has(c.article)) continue
    list.push({ article: c.article, source: c.source, title: null, notes: [] })
    numbers.set(c.article, list.length)
  }
  const marksOfArticles = (ids: readonly DocumentId[]): number[] =>
    [...new Set(ids.flatMap((id) => numbers.get(id) ?? []))].sort((a, b) => a - b)
  return { list, marksOfArticles, marksOf: (citations) => marksOfArticles(citations.map((c) => c.article)) }
}

/** Every citation a brief holds (its sources list aside), in the order a reader meets them. */
export function citationsOf(brief: Pick<Brief, 'summary' | 'quotes' | 'facts' | 'conflicts' | 'timelines'>): Citation[] {
  return [
    ...brief.summary.flatMap((s) => s.citations),
    ...brief.quotes.flatMap((f) => [...f.citations, ...f.variants.map((v) => v.citation)]),
    ...brief.facts.flatMap((f) => f.citations),
    ...brief.conflicts.flatMap((c) => c.values.flatMap((v) => v.citations)),
    ...brief.timelines.flatMap((t) => t.statements.flatMap((s) => [s.quote, ...s.citations])),
  ]
}

/** Source text on one line: a hard-wrapped sentence keeps its words, not its line breaks. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
