import type { EntitiesLayer, Entity, EntityId, Mention, Span } from '../../document/index.js'

/**
 * The mentions that overlap a span, in source order. Mentions are sorted by start, so this is a
 * binary search plus a short walk.
 *
 * @example
 * const [speaker] = mentionsIn(doc.layers.entities!, { start: 120, end: 126 }) // the mention of "Lavrov"
 */
export function mentionsIn(layer: EntitiesLayer, span: Span): Mention[] {
  const { mentions } = layer
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (mentions[mid]!.span.end <= span.start) lo = mid + 1
    else hi = mid
  }
  // Mentions may nest ("Russian" inside "Russian Foreign Ministry"), so walk back over any that
  // start earlier but still reach into the span.
  while (lo > 0 && mentions[lo - 1]!.span.end > span.start) lo--
  const found: Mention[] = []
  for (let i = lo; i < mentions.length && mentions[i]!.span.start < span.end; i++) {
    const m = mentions[i]!
    if (m.span.end > span.start) found.push(m)
  }
  return found
}

/** The entity with this id in the layer, if the document mentions it. */
export function entityById(layer: EntitiesLayer, id: EntityId): Entity | undefined {
  return layer.entities.find((e) => e.id === id)
}

/**
 * The last person mention (of any kind: name, role noun, pronoun) that ends at or before
 * `offset`, or undefined. For a speaker named before a quote.
 *
 * @example
 * personMentionBefore(layer, quote.span.start)?.entity // 'person:sergey-lavrov'
 */
export function personMentionBefore(layer: EntitiesLayer, offset: number): Mention | undefined {
  const { mentions } = layer
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (mentions[mid]!.span.start < offset) lo = mid + 1
    else hi = mid
  }
  for (let i = lo - 1; i >= 0; i--) {
    const m = mentions[i]!
    if (m.span.end <= offset && m.entity.startsWith('person:')) return m
  }
  return undefined
}
