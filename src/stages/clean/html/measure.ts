import type { Element, ParentNode, Text } from 'domhandler'
import type { Span } from '../../../document/index.js'
import type { Pruned } from './furniture.js'
import { walkTree } from './walk.js'

/** Counts over the part of an element's subtree that is still in play, in rendered characters. */
export interface TextStats {
  readonly chars: number
  readonly linkChars: number
  readonly commas: number
}

/**
 * Text, link-text and comma counts for every element, skipping pruned subtrees: the inputs of
 * link density and paragraph scores.
 */
export function measureText(root: ParentNode, source: string, spans: ReadonlyMap<Text, Span>, pruned: Pruned): Map<Element, TextStats> {
  const out = new Map<Element, TextStats>()
  // Sums of the elements open on the walk: a child's counts are added to its parent as it closes.
  const open: Array<{ chars: number; linkChars: number; commas: number }> = [{ chars: 0, linkChars: 0, commas: 0 }]
  walkTree(
    root,
    (node) => {
      if (node.type === 'text') {
        const s = spans.get(node as Text)
        if (s) {
          const top = open[open.length - 1]!
          top.chars += s.end - s.start
          top.commas += countCommas(source, s)
        }
        return false
      }
      if (node.type !== 'tag' || pruned.has(node as Element)) return false
      open.push({ chars: 0, linkChars: 0, commas: 0 })
      return true
    },
    (el) => {
      const sums = open.pop()!
      const stats = { chars: sums.chars, linkChars: el.name === 'a' ? sums.chars : sums.linkChars, commas: sums.commas }
      out.set(el, stats)
      const parent = open[open.length - 1]!
      parent.chars += stats.chars
      parent.linkChars += stats.linkChars
      parent.commas += stats.commas
    },
  )
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
