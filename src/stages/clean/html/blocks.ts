import type { Element } from 'domhandler'
import type { RemovalReason } from '../../../document/index.js'
import { BLOCK_CUES, DATE_ONLY_LINE, LINK_BLOCK_DENSITY, MAX_CUE_BLOCK_CHARS, SHOUTED_LETTER_SHARE, endsLikeSentence, looksLikeLabel } from './cues.js'
import type { Pruned } from './furniture.js'
import { linkDensity, type TextStats } from './measure.js'
import type { RenderedPage } from './render.js'
import { makeAliveCheck, resolveUpward } from './score.js'

/**
 * Marks short blocks inside the content that are furniture by their words: bylines, date lines,
 * share and comment prompts, "Read more" and shouted promo links, ad labels.
 *
 * @example
 * markFurnitureBlocks(page, roots, pruned, stats)
 */
export function markFurnitureBlocks(page: RenderedPage, roots: readonly Element[], pruned: Pruned, stats: ReadonlyMap<Element, TextStats>): void {
  const inContent = makeContentCheck(roots, pruned)
  const texts = new Map<Element, string>()
  for (const line of page.lines) {
    const o = line.owner
    if (!o || !inContent(o)) continue
    const t = page.source.slice(line.span.start, line.span.end)
    texts.set(o, texts.has(o) ? `${texts.get(o)} ${t}` : t)
  }
  for (const [owner, text] of texts) {
    if (text.length > MAX_CUE_BLOCK_CHARS) continue
    const reason = cueReason(text, stats.get(owner))
    if (reason) pruned.set(owner, reason)
  }
}

function cueReason(text: string, st: TextStats | undefined): RemovalReason | undefined {
  const t = text.trim()
  if (looksLikeLabel(t)) {
    for (const [pattern, reason] of BLOCK_CUES) if (pattern.test(t)) return reason
  }
  if (!endsLikeSentence(t) && DATE_ONLY_LINE.test(t)) return 'dateline-meta'
  if (linkDensity(st) >= LINK_BLOCK_DENSITY && shouted(t)) return 'related-list'
  return undefined
}

function shouted(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? []
  if (letters.length < 12) return false
  const upper = letters.filter((c) => c !== c.toLowerCase()).length
  return upper / letters.length >= SHOUTED_LETTER_SHARE
}

function makeContentCheck(roots: readonly Element[], pruned: Pruned): (el: Element) => boolean {
  const rootSet = new Set(roots)
  const alive = makeAliveCheck(pruned)
  const memo = new Map<Element, boolean>()
  const under = (el: Element): boolean => resolveUpward(el, memo, (e) => (rootSet.has(e) ? true : undefined), false)
  return (el) => alive(el) && under(el)
}
