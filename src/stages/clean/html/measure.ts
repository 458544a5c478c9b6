import type { ChildNode, Element, ParentNode, Text } from 'domhandler'
import type { Span } from '../../../document/index.js'
import type { Pruned } from './furniture.js'

/** Counts over the part of an element's subtree that is still in play, in rendered characters. */
export interface TextStats {
  readonly chars: number
  readonly linkChars: number
  readonly commas: number
}

const EMPTY: TextStats = { chars: 0, linkChars: 0, commas: 0 }

/**
 * Text, link-text and comma counts for every element, skipping pruned subtrees: the inputs of
 * link density and paragraph scores.
 */
export function measureText(root: ParentNode, source: string, spans: ReadonlyMap<Text, Span>, pruned: Pruned): Map<Element, TextStats> {
  const out = new Map<Element, TextStats>()
  const visit = (node: ChildNode): TextStats => {
    if (node.type === 'text') {
      const s = spans.get(node as Text)
      if (!s) return EMPTY
      return { chars: s.end - s.start, linkChars: 0, commas: countCommas(source, s) }
    }
    if (node.type !== 'tag') return EMPTY
    const el = node as Element
    if (pruned.has(el)) return EMPTY
    let chars = 0
    let linkChars = 0
    let commas = 0
    for (const c of el.children) {
      const s = visit(c)
      chars += s.chars
      linkChars += s.linkChars
      commas += s.commas
    }
    const stats = { chars, linkChars: el.name === 'a' ? chars : linkChars, commas }
    out.set(el, stats)
    return stats
  }
  for (const c of root.children) visit(c)
  return out
}

export function linkDensity(stats: TextStats | undefined): number {
  return stats && stats.chars > 0 ? stats.linkChars / stats.chars : 0
}

function countCommas(source: string, s: Span): number {
  let n = 0
  for (let i = s.start; i < s.end; i++) if (source.charCodeAt(i) === 44) n++
  return n
}
