import type { Document as DomDocument } from 'domhandler'
import type { CleanLayer } from '../../../document/index.js'
import { markFurnitureBlocks } from './blocks.js'
import { markFurniture } from './furniture.js'
import { markHeadline } from './headline.js'
import { buildCleanLayer } from './layer.js'
import { measureText } from './measure.js'
import { renderPage } from './render.js'
import { selectContentRoots } from './score.js'
import { tidyContent } from './tidy.js'

/** Below this many kept characters the extraction is retried with gentler furniture rules (Readability: 500). */
const MIN_ARTICLE_CHARS = 500
/**
 * The gentler retry must keep this many times the text to win: a short article is often right, and
 * the retry, blind to class names, tends to add the comment and teaser areas beside it.
 */
const RETRY_GAIN = 2

/**
 * Renders an HTML page to its visible text (`source`) and keeps the main article as spans of it.
 * The headline and byline are recorded as removals (`title`, `byline`) so metadata can read them.
 * The parsed page comes back too (`dom`, read-only by contract) so nothing parses it again.
 *
 * @example
 * const { source, clean } = extractHtml(html, { url: 'https://example.org/a' })
 * console.log(renderCleanText(source, clean).text)
 */
export function extractHtml(html: string, options: { url?: string } = {}): { source: string; clean: CleanLayer; dom: DomDocument } {
  void options
  const page = renderPage(html)
  let best: CleanLayer | undefined
  let bestChars = -1
  for (const byClass of [true, false]) {
    const pruned = markFurniture(page.dom, { byClass })
    markHeadline(page.dom, pruned)
    const stats = measureText(page.dom, page.source, page.spans, pruned)
    const { roots, scores } = selectContentRoots(page.lines, pruned, stats, page.source)
    tidyContent(roots, pruned, stats, scores)
    markFurnitureBlocks(page, roots, pruned, stats)
    const clean = buildCleanLayer(page, roots, pruned)
    const chars = keptChars(clean)
    if (best === undefined || chars > bestChars * RETRY_GAIN) {
      best = clean
      bestChars = chars
    }
    if (chars >= MIN_ARTICLE_CHARS) break
  }
  return { source: page.source, clean: best ?? { blocks: [], removed: [], flags: [] }, dom: page.dom }
}

function keptChars(clean: CleanLayer): number {
  let n = 0
  for (const b of clean.blocks) for (const s of b.spans) n += s.end - s.start
  return n
}
