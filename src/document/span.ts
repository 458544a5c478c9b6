/**
 * Half-open range [start, end) in `Document.source`, in UTF-16 code units:
 * `source.slice(span.start, span.end)` is always the text it names.
 *
 * @example
 * const s = span(4, 9)           // "quick" in "The quick fox"
 */
export interface Span {
  readonly start: number
  readonly end: number
}

/** Builds a span and checks it is well formed. */
export function span(start: number, end: number): Span {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RangeError(`span(${start}, ${end}): expected 0 <= start <= end, both integers`)
  }
  return { start, end }
}

/** The text a span names in `source`. */
export function textOf(source: string, s: Span): string {
  return source.slice(s.start, s.end)
}

export function spanLength(s: Span): number {
  return s.end - s.start
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end
}

/** Sorts spans and merges those that overlap or touch. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: Span[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.start <= last.end) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end }
    } else {
      out.push(s)
    }
  }
  return out
}

/** The parts of `whole` not covered by any of `covered`. */
export function subtractSpans(whole: Span, covered: readonly Span[]): Span[] {
  return subtractMergedSpans(whole, mergeSpans(covered))
}

/**
 * `subtractSpans` for spans already merged by `mergeSpans`: finds the first one that can reach
 * `whole` by binary search, so subtracting the same removals from every line of a long page
 * costs a merge once and a search per line, not a sort per line.
 *
 * @example
 * const cut = mergeSpans(removals.map((r) => r.span))
 * const kept = lines.map((line) => subtractMergedSpans(line, cut))
 */
export function subtractMergedSpans(whole: Span, merged: readonly Span[]): Span[] {
  let lo = 0
  let hi = merged.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (merged[mid]!.end <= whole.start) lo = mid + 1
    else hi = mid
  }
  const out: Span[] = []
  let at = whole.start
  for (let i = lo; i < merged.length && merged[i]!.start < whole.end; i++) {
    const c = merged[i]!
    if (c.start > at) out.push({ start: at, end: c.start })
    at = Math.max(at, c.end)
  }
  if (at < whole.end) out.push({ start: at, end: whole.end })
  return out
}
