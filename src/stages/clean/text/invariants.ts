import type { CleanLayer, Span } from '../../../document/index.js'

/**
 * Checks the promises a clean layer makes about `source`: every span lies inside it, blocks
 * and removals never overlap, and every non-whitespace character is either kept in a block or
 * removed with a reason. Returns one line per problem; empty means the layer is sound.
 *
 * @example
 * findLayerProblems(source, cleanTextPage(source)) // []
 */
export function findLayerProblems(source: string, layer: CleanLayer): string[] {
  const problems: string[] = []
  const owned: { span: Span; what: string }[] = [
    ...layer.blocks.flatMap((b, i) => b.spans.map((span) => ({ span, what: `block ${i} (${b.kind})` }))),
    ...layer.removed.map((r) => ({ span: r.span, what: `removal ${r.reason} (${r.note ?? ''})` })),
  ]
  for (const { span, what } of owned) {
    if (span.start < 0 || span.end > source.length || span.end < span.start) problems.push(`${what}: span ${span.start}-${span.end} outside the source`)
  }
  for (const f of layer.flags) {
    if (f.span.start < 0 || f.span.end > source.length) problems.push(`flag ${f.kind}: span outside the source`)
  }
  const sorted = [...owned].sort((a, b) => a.span.start - b.span.start)
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!
    const cur = sorted[i]!
    if (cur.span.start < prev.span.end) problems.push(`${prev.what} overlaps ${cur.what} at ${cur.span.start}`)
  }
  let at = 0
  for (const { span } of sorted) {
    for (const p of uncovered(source, at, span.start)) problems.push(p)
    at = Math.max(at, span.end)
  }
  for (const p of uncovered(source, at, source.length)) problems.push(p)
  return problems
}

function uncovered(source: string, from: number, to: number): string[] {
  const text = source.slice(from, to)
  const m = /\S/.exec(text)
  return m ? [`text at ${from + m.index} is neither kept nor removed: ${JSON.stringify(text.trim().slice(0, 40))}`] : []
}
