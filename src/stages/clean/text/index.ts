import { mergeSpans, subtractMergedSpans, type Block, type CleanLayer, type Removal } from '../../../document/index.js'
import { findLineFurniture } from './boilerplate.js'
import { findFiller } from './filler.js'
import { findHeader } from './headline.js'
import { keepLines, splitLines, trimSpan } from './lines.js'
import { findRepeats } from './repeats.js'
import { extendFurnitureSections } from './sections.js'
import { mergeHardWraps } from './wraps.js'

/**
 * Cleans a web page someone scraped to plain text or Markdown: keeps the article as ranges of
 * `source` and records every removed range with its reason (page furniture, headline and
 * byline, repeated passages). Machine filler stays but is flagged. Nothing is rewritten.
 *
 * @example
 * const clean = cleanTextPage(source)
 * renderCleanText(source, clean).text // the article, blocks separated by blank lines
 */
export function cleanTextPage(source: string): CleanLayer {
  const lines = splitLines(source)
  // Order matters: furniture first so the header is read past breadcrumbs and error text,
  // then the header, so a headline is never mistaken for a sub-heading of the body.
  const furniture = findLineFurniture(lines)
  // Appended in loops, not spread into push(): a long page has more removals than a call has arguments.
  const removed: Removal[] = furniture.map((m) => m.removal)
  appendAll(removed, extendFurnitureSections(lines, furniture))
  const header = findHeader(source, keepLines(source, lines, removed))
  appendAll(removed, header.removals)
  const grouped = mergeHardWraps(source, keepLines(source, lines, removed))
  appendAll(removed, grouped.removals)
  const repeats = findRepeats(source, grouped.blocks, header.titles)
  appendAll(removed, repeats)
  const blocks = dropRemoved(source, grouped.blocks, repeats)
  const flags = [...header.flags]
  appendAll(flags, findFiller(source, blocks))
  return { blocks, removed: mergeRemovals(source, removed), flags }
}

function dropRemoved(source: string, blocks: readonly Block[], removals: readonly Removal[]): Block[] {
  if (removals.length === 0) return [...blocks]
  const cut = mergeSpans(removals.map((r) => r.span))
  const out: Block[] = []
  for (const block of blocks) {
    const spans = block.spans
      .flatMap((s) => subtractMergedSpans(s, cut))
      .map((s) => trimSpan(source, s))
      .filter((s) => s.end > s.start)
    if (spans.length > 0) out.push({ kind: block.kind, spans })
  }
  return out
}

// Neighbouring removals for the same reason and rule, with only whitespace between, become one.
function mergeRemovals(source: string, removals: readonly Removal[]): Removal[] {
  const sorted = removals.filter((r) => r.span.end > r.span.start).sort((a, b) => a.span.start - b.span.start)
  const out: Removal[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && last.reason === r.reason && last.note === r.note && /^\s*$/.test(source.slice(last.span.end, r.span.start))) {
      out[out.length - 1] = { ...last, span: { start: last.span.start, end: Math.max(last.span.end, r.span.end) } }
    } else {
      out.push(r)
    }
  }
  return out
}

function appendAll<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item)
}
