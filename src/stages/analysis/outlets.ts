import type { DocumentId } from '../../document/index.js'
import { outletKey, outletOf } from '../../document/index.js'
import type { CheckArticle } from './check.js'

/**
 * A counter of independent outlets among a story's articles: two articles of one outlet are one
 * source, and so are a copy and its original (republished wire copy is not a second witness);
 * articles of unknown outlet are each their own, as the story's count has them.
 *
 * @example
 * const count = outletCounter(articles)
 * count(['a', 'b-copy-of-a', 'c']) // 2
 */
export function outletCounter(articles: readonly CheckArticle[]): (ids: Iterable<DocumentId>) => number {
  const parent = new Map<string, string>()
  const find = (key: string): string => {
    let root = key
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!
    parent.set(key, root)
    return root
  }
  const union = (a: string, b: string): void => {
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent.set(ra, rb)
  }
  for (const { doc, duplicateOf } of articles) {
    union(`doc:${doc.id}`, `outlet:${outletKey(outletOf(doc), doc.id)}`)
    if (duplicateOf !== null) union(`doc:${doc.id}`, `doc:${duplicateOf}`)
  }
  return (ids) => new Set([...ids].map((id) => find(`doc:${id}`))).size
}
