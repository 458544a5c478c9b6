/*
 * Stand-off spans to runs of text: the article view and the side-by-side sources cut the source
 * at every annotation boundary, so each run carries the set of annotations over it and nothing is
 * nested or rewritten. Pure: no DOM here.
 */
import type { Span } from '../../document/span.js'

/** `fact`: a quote or figure two or more outlets share; `single`: one only one outlet carries. */
export type MarkKind = 'entity' | 'quote' | 'claim' | 'event' | 'fact' | 'single' | 'conflict' | 'target'

/** An annotation to show over a span of the source. */
export interface Mark {
  readonly kind: MarkKind
  readonly span: Span
  /** Tooltip text: the speaker of a quote, the entity's name, the fact's statement. */
  readonly label?: string
  /** The entity it names, for a link to the entity page. */
  readonly entity?: string
  /** The fact it belongs to, so the same fact lights up in every source. */
  readonly fact?: string
}

/** A run of the source with every mark that covers all of it. */
export interface Run {
  readonly start: number
  readonly end: number
  readonly marks: readonly Mark[]
}

/** A piece of the page in source order: article text, or a passage cleaning removed (and why). */
export interface Piece {
  readonly span: Span
  readonly removed: { readonly reason: string; readonly note?: string } | null
  /** True when the source has a line break between the previous piece and this one. */
  readonly breakBefore: boolean
}

/**
 * Cuts `range` at every boundary of the marks that reach into it.
 *
 * @example
 * cutRuns({ start: 0, end: 10 }, [{ kind: 'quote', span: { start: 2, end: 5 } }])
 * // [{0,2,[]}, {2,5,[quote]}, {5,10,[]}]
 */
export function cutRuns(range: Span, marks: readonly Mark[]): Run[] {
  const inside = marks.filter((m) => m.span.start < range.end && m.span.end > range.start && m.span.end > m.span.start)
  const cuts = new Set<number>([range.start, range.end])
  for (const m of inside) {
    cuts.add(Math.max(range.start, m.span.start))
    cuts.add(Math.min(range.end, m.span.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const runs: Run[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    runs.push({ start, end, marks: inside.filter((m) => m.span.start <= start && m.span.end >= end) })
  }
  return runs
}

/**
 * The page in source order: the kept spans and the removed passages, each marked with whether a
 * line break precedes it (so paragraphs stay paragraphs). Removed passages that overlap kept text
 * are trimmed to what is not kept.
 */
export function layoutPieces(source: string, kept: readonly Span[], removed: ReadonlyArray<{ readonly span: Span; readonly reason: string; readonly note?: string }>): Piece[] {
  const items: Array<{ span: Span; removed: Piece['removed'] }> = [
    ...kept.map((span) => ({ span, removed: null })),
    ...removed
      .filter((r) => r.reason !== 'whitespace' && r.span.end > r.span.start)
      .map((r) => ({ span: r.span, removed: r.note === undefined ? { reason: r.reason } : { reason: r.reason, note: r.note } })),
  ]
  items.sort((a, b) => a.span.start - b.span.start || (a.removed ? 1 : 0) - (b.removed ? 1 : 0))
  const pieces: Piece[] = []
  let at = 0
  for (const item of items) {
    const start = Math.max(item.span.start, at)
    if (start >= item.span.end) continue
    const gap = source.slice(at, start)
    pieces.push({ span: { start, end: item.span.end }, removed: item.removed, breakBefore: pieces.length > 0 && gap.includes('\n') })
    at = item.span.end
  }
  return pieces
}

/**
 * Reads `start-end` (the `span` parameter of an article link) as a span, or null.
 *
 * @example
 * parseSpanParam('120-164') // { start: 120, end: 164 }
 */
export function parseSpanParam(value: string | null): Span | null {
  const match = /^(\d+)-(\d+)$/.exec(value ?? '')
  if (!match) return null
  const start = Number(match[1])
  const end = Number(match[2])
  return end > start ? { start, end } : null
}

/** The link to a span of an article: the article page scrolls to it and highlights it. */
export function spanHref(article: string, span: Span): string {
  return `#/articles/${encodeURIComponent(article)}?span=${span.start}-${span.end}`
}
