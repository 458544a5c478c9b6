import type { Element, ParentNode } from 'domhandler'
import type { RemovalReason } from '../../../document/index.js'
import { resolveUpward } from './score.js'
import { CLASS_REASONS, FURNITURE_ROLES, FURNITURE_TAGS, MAYBE_CANDIDATE_CLASS, UNLIKELY_CLASS } from './tags.js'
import { walkElements, walkTree } from './walk.js'

/** Elements removed with their whole subtree, and why. */
export type Pruned = Map<Element, RemovalReason>

export interface FurnitureOptions {
  /** Also drop elements whose class or id looks like furniture (off on the retry for odd markup). */
  readonly byClass: boolean
}

/**
 * Marks page furniture before scoring: hidden elements, furniture tags and roles, and elements
 * whose class or id says they are not the article. Marked subtrees are not descended into.
 *
 * @example
 * const pruned = markFurniture(dom, { byClass: true })
 */
export function markFurniture(root: ParentNode, options: FurnitureOptions): Pruned {
  const pruned: Pruned = new Map()
  const inTable: boolean[] = [false]
  walkElements(
    root,
    (el) => {
      const within = inTable[inTable.length - 1]!
      const reason = furnitureReason(el, options, within)
      if (reason) {
        pruned.set(el, reason)
        return false
      }
      inTable.push(within || el.name === 'table' || el.name === 'code')
      return true
    },
    () => inTable.pop(),
  )
  markBylines(root, pruned)
  return pruned
}

/** A byline container holds at most this many characters (Readability: 100). */
const MAX_BYLINE_CHARS = 100

/**
 * Marks the largest short block around each `rel=author` / `itemprop=author` as the byline. An author
 * link inside furniture already pruned (a footer, a teaser rail) is that furniture's, not the article's
 * byline; and the climb stops below a block holding a second author link (a list of writers).
 */
function markBylines(root: ParentNode, pruned: Pruned): void {
  const isAuthor = (el: Element): boolean => el.attribs.rel === 'author' || el.attribs.itemprop === 'author'
  // Not domutils' findAll: it is quadratic in depth (it `unshift`s its stack).
  const authors: Element[] = []
  walkElements(root, (el) => {
    if (isAuthor(el)) authors.push(el)
  })
  // Memoised; a byline marked below updates the memo of the chain it climbed, the only part of
  // its subtree looked up before (it holds no other author link but those inside `a`).
  const memo = new Map<Element, boolean>()
  const alive = (el: Element): boolean => resolveUpward(el, memo, (e) => (pruned.has(e) ? false : undefined), true)
  for (const a of authors) {
    if (!alive(a)) continue
    let target: Element = a
    // Each step adds only the siblings' subtrees to what is known of the block below: a climb
    // reads each element once, however deep the author link sits.
    let known = measureSubtree(a, isAuthor, 0, Infinity)
    for (let p = a.parent; p && p.type === 'tag'; p = p.parent) {
      const el = p as Element
      if (el.name === 'article' || el.name === 'body') break
      const wider = measureAround(el, target, known, isAuthor)
      if (wider.text.trimmed > MAX_BYLINE_CHARS || wider.authors > 1) break
      target = el
      known = wider
    }
    if (known.text.trimmed > MAX_BYLINE_CHARS) continue
    pruned.set(target, 'byline')
    for (let e: Element | null = a; e; e = e === target ? null : (e.parent as Element)) memo.set(e, false)
  }
}

/** The trimmed length of a subtree's text and the author links in it (below it, not itself). */
interface Measured {
  readonly text: TextExtent
  readonly authors: number
}

/** Where a text's first and last non-space characters are, in a text of `length` characters; -1 when blank. */
interface TextExtent {
  readonly length: number
  readonly first: number
  readonly last: number
  readonly trimmed: number
}

const BLANK: TextExtent = { length: 0, first: -1, last: -1, trimmed: 0 }

function extentOf(data: string): TextExtent {
  const first = data.search(/\S/)
  if (first < 0) return { ...BLANK, length: data.length }
  let last = data.length - 1
  while (/\s/.test(data[last]!)) last--
  return { length: data.length, first, last, trimmed: last + 1 - first }
}

function joinExtents(a: TextExtent, b: TextExtent): TextExtent {
  const first = a.first >= 0 ? a.first : b.first >= 0 ? a.length + b.first : -1
  const last = b.last >= 0 ? a.length + b.last : a.last
  return { length: a.length + b.length, first, last, trimmed: first < 0 ? 0 : last + 1 - first }
}

/**
 * The text extent and author links of a subtree below `root`, starting from `authors` found so
 * far; the walk stops once the text is longer than a byline or more than `maxAuthors` are found.
 */
function measureSubtree(root: ParentNode, isAuthor: (el: Element) => boolean, authors: number, maxAuthors = 1): Measured {
  let text = BLANK
  let found = authors
  walkTree(root, (node) => {
    if (text.trimmed > MAX_BYLINE_CHARS || found > maxAuthors) return false
    if (node.type === 'text') text = joinExtents(text, extentOf(node.data))
    else if (node.type === 'tag' && isAuthor(node as Element)) found++
    return node.type !== 'comment'
  })
  return { text, authors: found }
}

/** What `el` holds, knowing what its child `inner` holds (`inner` itself counted as an author if it is one). */
function measureAround(el: Element, inner: Element, known: Measured, isAuthor: (el: Element) => boolean): Measured {
  let text = BLANK
  let authors = known.authors + (isAuthor(inner) ? 1 : 0)
  for (const child of el.children) {
    if (text.trimmed > MAX_BYLINE_CHARS || authors > 1) break
    if (child === inner) {
      text = joinExtents(text, known.text)
      continue
    }
    if (child.type === 'text') text = joinExtents(text, extentOf(child.data))
    else if (child.type !== 'comment' && 'children' in child) {
      if (child.type === 'tag' && isAuthor(child as Element)) authors++
      const below = measureSubtree(child, isAuthor, authors)
      text = joinExtents(text, below.text)
      authors = below.authors
    }
  }
  return { text, authors }
}

function furnitureReason(el: Element, options: FurnitureOptions, inTable: boolean): RemovalReason | undefined {
  if (isHidden(el)) return 'boilerplate'
  const byTag = FURNITURE_TAGS.get(el.name)
  if (byTag) return byTag
  const role = el.attribs.role
  if (role) {
    const byRole = FURNITURE_ROLES.get(role)
    if (byRole) return byRole
  }
  if (!options.byClass || inTable || el.name === 'body' || el.name === 'a' || el.name === 'html' || el.name === 'article' || el.name === 'main') return undefined
  const words = classAndId(el)
  if (words && UNLIKELY_CLASS.test(words) && !MAYBE_CANDIDATE_CLASS.test(words)) return reasonForClass(words)
  return undefined
}

/** The class and id of an element as one string, for the class patterns. */
export function classAndId(el: Element): string {
  const c = el.attribs.class
  const id = el.attribs.id
  return c && id ? `${c} ${id}` : (c ?? id ?? '')
}

/** The reason a furniture class word implies, `boilerplate` when none is specific. */
export function reasonForClass(words: string): RemovalReason {
  for (const [pattern, reason] of CLASS_REASONS) if (pattern.test(words)) return reason
  return 'boilerplate'
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i

function isHidden(el: Element): boolean {
  const a = el.attribs
  if ('hidden' in a) return true
  if (a.style && HIDDEN_STYLE.test(a.style)) return true
  return a['aria-hidden'] === 'true' && !(a.class ?? '').includes('fallback-image')
}
