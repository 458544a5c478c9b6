import type { Element, ParentNode } from 'domhandler'
import { findAll, textContent as textOf } from 'domutils'
import type { RemovalReason } from '../../../document/index.js'
import { CLASS_REASONS, FURNITURE_ROLES, FURNITURE_TAGS, MAYBE_CANDIDATE_CLASS, UNLIKELY_CLASS } from './tags.js'

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
  const visit = (parent: ParentNode, inTable: boolean): void => {
    for (const child of parent.children) {
      if (child.type !== 'tag') continue
      const el = child as Element
      const reason = furnitureReason(el, options, inTable)
      if (reason) pruned.set(el, reason)
      else visit(el, inTable || el.name === 'table' || el.name === 'code')
    }
  }
  visit(root, false)
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
  const authors = findAll(isAuthor, root.children)
  for (const a of authors) {
    if (insidePruned(a, pruned)) continue
    let target: Element = a
    for (let p = a.parent; p && p.type === 'tag'; p = p.parent) {
      const el = p as Element
      if (el.name === 'article' || el.name === 'body' || textOf(el).trim().length > MAX_BYLINE_CHARS) break
      if (findAll(isAuthor, el.children).length > 1) break
      target = el
    }
    if (textOf(target).trim().length <= MAX_BYLINE_CHARS) pruned.set(target, 'byline')
  }
}

function insidePruned(el: Element, pruned: Pruned): boolean {
  for (let p: ParentNode | null = el; p && p.type === 'tag'; p = p.parent) if (pruned.has(p as Element)) return true
  return false
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
