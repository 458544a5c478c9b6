import type { Element } from 'domhandler'
import type { SourceLine } from './render.js'
import type { Pruned } from './furniture.js'
import { linkDensity, type TextStats } from './measure.js'
import { NEGATIVE_CLASS, POSITIVE_CLASS } from './tags.js'
import { walkElements, walkTree } from './walk.js'

/** A paragraph shorter than this adds nothing to its ancestors' scores (Readability: 25 characters). */
const MIN_PARAGRAPH_CHARS = 25
/** Ancestors a paragraph's score reaches (Readability: 5). */
const SCORED_ANCESTORS = 5
/** Score added for a class or id word on the positive or negative list. */
export const CLASS_WEIGHT = 25
/** A sibling joins the top candidate at this share of its score (Readability: 0.2). */
const SIBLING_SCORE_SHARE = 0.2
const MIN_SIBLING_SCORE = 10
/** A near-top candidate counts toward a shared ancestor at this share of the top score. */
const ALTERNATIVE_SCORE_SHARE = 0.75
const MIN_ALTERNATIVES = 3
/**
 * A parent whose score rises again takes over only when it is this close to the top score: further
 * down, the rise comes from sidebars and comments beside the article, not from the article.
 */
const PARENT_CLIMB_SHARE = 0.5
/** Owners whose own text is scored as a paragraph. */
const SCORED_OWNERS: ReadonlySet<string> = new Set(['p', 'pre', 'td', 'tr', 'div', 'section', 'article', 'main', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'font', 'blockquote', 'dd'])
const TAG_SCORES: ReadonlyMap<string, number> = new Map([
  ['div', 5], ['pre', 3], ['td', 3], ['blockquote', 3], ['article', 5], ['main', 5], ['section', 3],
  ['address', -3], ['ol', -3], ['ul', -3], ['dl', -3], ['dd', -3], ['dt', -3], ['li', -3], ['form', -3],
  ['h1', -5], ['h2', -5], ['h3', -5], ['h4', -5], ['h5', -5], ['h6', -5], ['th', -5],
])

/** ±25 for each of class and id on the positive or negative list (Readability's class weight). */
export function classWeight(el: Element): number {
  let w = 0
  for (const v of [el.attribs.class, el.attribs.id]) {
    if (!v) continue
    if (NEGATIVE_CLASS.test(v)) w -= CLASS_WEIGHT
    if (POSITIVE_CLASS.test(v)) w += CLASS_WEIGHT
  }
  return w
}

/** Whether no pruned element sits above `el`; memoised per call site. */
export function makeAliveCheck(pruned: Pruned): (el: Element) => boolean {
  const memo = new Map<Element, boolean>()
  return (el) => resolveUpward(el, memo, (e) => (pruned.has(e) ? false : undefined), true)
}

/**
 * A value inherited down the tree, for `el`: the nearest of its ancestors-or-self that `own`
 * decides, else `fallback` at the top. Climbs with a loop and memoises every element it passed,
 * so the checks of a whole page cost one visit per element however deep it nests.
 */
export function resolveUpward<T>(el: Element, memo: Map<Element, T>, own: (el: Element) => T | undefined, fallback: T): T {
  const passed: Element[] = []
  let result = fallback
  for (let e: Element | null = el; e; e = parentElement(e)) {
    const known = memo.get(e)
    if (known !== undefined) {
      result = known
      break
    }
    const decided = own(e)
    if (decided !== undefined) {
      memo.set(e, decided)
      result = decided
      break
    }
    passed.push(e)
  }
  for (const e of passed) memo.set(e, result)
  return result
}

/**
 * Scores elements by the paragraphs under them (Readability's scheme on the rendered lines) and
 * returns the element most likely to hold the article, with the siblings that belong with it.
 *
 * @example
 * const { roots } = selectContentRoots(page.lines, pruned, stats, page.source)
 */
export function selectContentRoots(lines: readonly SourceLine[], pruned: Pruned, stats: ReadonlyMap<Element, TextStats>, source: string): ContentChoice {
  const alive = makeAliveCheck(pruned)
  const scores = scoreParagraphs(lines, alive, source)
  const final = new Map<Element, number>()
  for (const [el, s] of scores) final.set(el, s * (1 - linkDensity(stats.get(el))))
  let top = pickTop(final)
  if (!top) return { roots: [], scores: final }
  top = climbToSharedAncestor(top, final)
  top = climbWhileParentScoresHigher(top, final)
  while (top.parent && top.parent.type === 'tag' && (top.parent as Element).name !== 'body' && elementChildren(top.parent as Element).length === 1) top = top.parent as Element
  return { roots: withSiblings(top, final, stats, alive), scores: final }
}

/** The chosen content roots, and every scored element's score (tidying weighs them). */
export interface ContentChoice {
  readonly roots: Element[]
  readonly scores: ReadonlyMap<Element, number>
}

function scoreParagraphs(lines: readonly SourceLine[], alive: (el: Element) => boolean, source: string): Map<Element, number> {
  const own = new Map<Element, { chars: number; commas: number }>()
  for (const line of lines) {
    const o = line.owner
    if (!o || !SCORED_OWNERS.has(o.name) || !alive(o)) continue
    const text = source.slice(line.span.start, line.span.end)
    const acc = own.get(o) ?? { chars: 0, commas: 0 }
    acc.chars += text.length
    acc.commas += text.split(',').length - 1
    own.set(o, acc)
  }
  const scores = new Map<Element, number>()
  for (const [el, { chars, commas }] of own) {
    if (chars < MIN_PARAGRAPH_CHARS) continue
    const score = 1 + commas + Math.min(Math.floor(chars / 100), 3)
    // A leaf block is the paragraph itself; a block with text beside child blocks holds a paragraph.
    let node: Element | null = hasBlockChild(el) ? el : parentElement(el)
    for (let level = 0; node && level < SCORED_ANCESTORS; level++, node = parentElement(node)) {
      if (!scores.has(node)) scores.set(node, (TAG_SCORES.get(node.name) ?? 0) + classWeight(node))
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3
      scores.set(node, scores.get(node)! + score / divider)
    }
  }
  return scores
}

/** The best-scoring element below <body>; <body> itself when the paragraphs sit right in it (Readability). */
function pickTop(final: ReadonlyMap<Element, number>): Element | undefined {
  let top: Element | undefined
  let body: Element | undefined
  let best = -Infinity
  for (const [el, s] of final) {
    if (el.name === 'body') body = el
    if (el.name === 'html' || el.name === 'body') continue
    if (s > best) {
      best = s
      top = el
    }
  }
  return top ?? body
}

/** When several strong candidates share an ancestor, the article is that ancestor (Readability). */
function climbToSharedAncestor(top: Element, final: ReadonlyMap<Element, number>): Element {
  const topScore = final.get(top)!
  const rivals = [...final].filter(([el, s]) => el !== top && s >= topScore * ALTERNATIVE_SCORE_SHARE).map(([el]) => el)
  if (rivals.length < MIN_ALTERNATIVES) return top
  // How many rivals sit under each of top's ancestors: each rival climbs to the first ancestor of
  // top above it (memoised, so a deep page is climbed once), and counts there and above.
  const chain: Element[] = []
  for (let p = parentElement(top); p && p.name !== 'body'; p = parentElement(p)) chain.push(p)
  const level = new Map<Element, number>(chain.map((el, i) => [el, i]))
  const memo = new Map<Element, number>()
  const held = new Array<number>(chain.length).fill(0)
  for (const r of rivals) {
    const parent = parentElement(r)
    if (!parent) continue
    const at = resolveUpward(parent, memo, (e) => level.get(e), -1)
    if (at >= 0) held[at]!++
  }
  let holding = 0
  for (let i = 0; i < chain.length; i++) {
    holding += held[i]!
    if (holding >= MIN_ALTERNATIVES) return chain[i]!
  }
  return top
}

function climbWhileParentScoresHigher(top: Element, final: ReadonlyMap<Element, number>): Element {
  const topScore = final.get(top)!
  let last = topScore
  const threshold = last / 3
  let parent = parentElement(top)
  while (parent && parent.name !== 'body') {
    const s = final.get(parent)
    if (s === undefined) {
      parent = parentElement(parent)
      continue
    }
    if (s < threshold) break
    if (s > last && s >= topScore * PARENT_CLIMB_SHARE) return parent
    last = s
    parent = parentElement(parent)
  }
  return top
}

const SENTENCE_END = /\.( |$)/

function withSiblings(top: Element, final: ReadonlyMap<Element, number>, stats: ReadonlyMap<Element, TextStats>, alive: (el: Element) => boolean): Element[] {
  const parent = parentElement(top)
  if (!parent) return [top]
  const topScore = final.get(top) ?? 0
  const threshold = Math.max(MIN_SIBLING_SCORE, topScore * SIBLING_SCORE_SHARE)
  const topClass = top.attribs.class ?? ''
  const out: Element[] = []
  for (const sib of elementChildren(parent)) {
    if (sib === top) {
      out.push(sib)
      continue
    }
    if (!alive(sib)) continue
    const bonus = topClass !== '' && sib.attribs.class === topClass ? topScore * SIBLING_SCORE_SHARE : 0
    const s = final.get(sib)
    if (s !== undefined && s + bonus >= threshold) {
      out.push(sib)
      continue
    }
    if (sib.name !== 'p') continue
    const st = stats.get(sib)
    const len = st?.chars ?? 0
    const ld = linkDensity(st)
    if (len > 80 && ld < 0.25) out.push(sib)
    else if (len > 0 && len <= 80 && ld === 0 && SENTENCE_END.test(textOfElement(sib))) out.push(sib)
  }
  return out
}

export function parentElement(el: Element): Element | null {
  const p = el.parent
  return p && p.type === 'tag' ? (p as Element) : null
}

export function elementChildren(el: Element): Element[] {
  return el.children.filter((c): c is Element => c.type === 'tag')
}

const BLOCKISH = /^(address|article|aside|blockquote|dl|div|fieldset|figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul|li|tr|td)$/
const blockChildMemo = new WeakMap<Element, boolean>()

/** Whether a block element sits anywhere below `el`; one walk fills the answer for its whole subtree. */
function hasBlockChild(el: Element): boolean {
  const known = blockChildMemo.get(el)
  if (known !== undefined) return known
  const found: boolean[] = [false]
  walkElements(
    el,
    (c) => {
      const k = blockChildMemo.get(c)
      if (k !== undefined) {
        found[found.length - 1] ||= k || BLOCKISH.test(c.name)
        return false
      }
      found.push(false)
      return true
    },
    (c) => {
      const below = found.pop()!
      blockChildMemo.set(c, below)
      found[found.length - 1] ||= below || BLOCKISH.test(c.name)
    },
  )
  blockChildMemo.set(el, found[0]!)
  return found[0]!
}

/** The text under an element, outside `<script>` and `<style>`. */
export function textOfElement(el: Element): string {
  const parts: string[] = []
  walkTree(el, (node) => {
    if (node.type === 'text') parts.push((node as { data: string }).data)
    return node.type === 'tag'
  })
  return parts.join('')
}
