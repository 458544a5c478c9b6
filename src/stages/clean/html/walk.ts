import { hasChildren, isTag, type ChildNode, type Element, type ParentNode } from 'domhandler'

/**
 * Walks a DOM subtree depth-first in document order with a stack of its own, not the call stack:
 * a hostile page nests elements 100,000 deep. `enter` sees every node below `root`; returning
 * `false` skips the node's children (and its `leave`). `leave` sees each entered element after its
 * children.
 *
 * @example
 * walkTree(dom, (node) => node.type !== 'script', (el) => console.log('closed', el.name))
 */
export function walkTree(root: ParentNode, enter: (node: ChildNode) => boolean | void, leave?: (el: Element) => void): void {
  const parents: ParentNode[] = [root]
  const next: number[] = [0]
  while (parents.length > 0) {
    const top = parents.length - 1
    const parent = parents[top]!
    const i = next[top]!
    if (i >= parent.children.length) {
      parents.pop()
      next.pop()
      if (top > 0 && leave && isTag(parent as ChildNode)) leave(parent as Element)
      continue
    }
    next[top] = i + 1
    const child = parent.children[i]!
    if (enter(child) === false) continue
    if (hasChildren(child)) {
      parents.push(child)
      next.push(0)
    }
  }
}

/**
 * Every `tag` element below `root` (not `root` itself, nor `<script>`/`<style>`) in document order;
 * `enter` returning `false` skips a subtree.
 */
export function walkElements(root: ParentNode, enter: (el: Element) => boolean | void, leave?: (el: Element) => void): void {
  walkTree(root, (node) => (node.type === 'tag' ? enter(node) : false), leave)
}

/** The text of a subtree (domutils' `textContent`, without recursion). */
export function textOfNode(root: ParentNode): string {
  const parts: string[] = []
  walkTree(root, (node) => {
    if (node.type === 'text') parts.push(node.data)
    return node.type !== 'comment'
  })
  return parts.join('')
}
