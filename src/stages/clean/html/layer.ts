import type { Element, Text } from 'domhandler'
import type { Block, BlockKind, CleanLayer, Removal, RemovalReason, Span } from '../../../document/index.js'
import type { Pruned } from './furniture.js'
import type { RenderedPage, SourceLine } from './render.js'
import { resolveUpward } from './score.js'

type Status = 'keep' | RemovalReason

/**
 * Turns the extractor's decisions (content roots, pruned subtrees) into the clean layer: kept
 * spans grouped one block per paragraph, every other rendered range recorded with its reason.
 *
 * @example
 * const clean = buildCleanLayer(page, roots, pruned)
 */
export function buildCleanLayer(page: RenderedPage, roots: readonly Element[], pruned: Pruned): CleanLayer {
  const statusOf = makeStatus(new Set(roots), pruned)
  const blocks: { kind: BlockKind; owner: Element | null; spans: Span[] }[] = []
  const removed: Removal[] = []
  let lastBlockLine = -2
  page.lines.forEach((line, index) => {
    for (const piece of piecesOf(line, page.spans, statusOf)) {
      if (piece.status !== 'keep') {
        addRemoval(removed, piece.span, piece.status, page.source)
        continue
      }
      const last = blocks[blocks.length - 1]
      if (last && last.owner === line.owner && line.owner !== null && lastBlockLine >= index - 1) last.spans.push(piece.span)
      else blocks.push({ kind: kindOf(line.owner), owner: line.owner, spans: [piece.span] })
      lastBlockLine = index
    }
  })
  const out: Block[] = blocks.map((b) => ({ kind: b.kind, spans: b.spans }))
  return { blocks: out, removed, flags: [] }
}

interface Piece {
  readonly span: Span
  readonly status: Status
}

/** Splits a line into runs of text nodes with one status, each run spanning the spaces inside it. */
function piecesOf(line: SourceLine, spans: ReadonlyMap<Text, Span>, statusOf: (t: Text) => Status): Piece[] {
  const out: { start: number; end: number; status: Status }[] = []
  for (const t of line.texts) {
    const s = spans.get(t)
    if (!s) continue
    const start = Math.max(s.start, line.span.start)
    const end = Math.min(s.end, line.span.end)
    if (end <= start) continue
    const status = statusOf(t)
    const last = out[out.length - 1]
    if (last && last.status === status) last.end = end
    else out.push({ start, end, status })
  }
  return out.map((p) => ({ span: { start: p.start, end: p.end }, status: p.status }))
}

function addRemoval(removed: Removal[], span: Span, reason: RemovalReason, source: string): void {
  const last = removed[removed.length - 1]
  if (last && last.reason === reason && source.slice(last.span.end, span.start).trim() === '') {
    removed[removed.length - 1] = { span: { start: last.span.start, end: span.end }, reason }
  } else {
    removed.push({ span, reason })
  }
}

function makeStatus(roots: ReadonlySet<Element>, pruned: Pruned): (t: Text) => Status {
  const memo = new Map<Element, Status>()
  // A reason inside the content wins; outside it, everything is boilerplate unless more specific.
  const own = (el: Element): Status | undefined => pruned.get(el) ?? (roots.has(el) ? 'keep' : undefined)
  const ofElement = (el: Element): Status => resolveUpward(el, memo, own, 'boilerplate')
  return (t) => {
    const p = t.parent
    return p && p.type === 'tag' ? ofElement(p as Element) : 'boilerplate'
  }
}

const KINDS: ReadonlyMap<string, BlockKind> = new Map([
  ['h1', 'heading'], ['h2', 'heading'], ['h3', 'heading'], ['h4', 'heading'], ['h5', 'heading'], ['h6', 'heading'],
  ['li', 'list-item'], ['dt', 'list-item'], ['dd', 'list-item'], ['tr', 'table-row'], ['blockquote', 'quote'], ['pre', 'preformatted'],
])

function kindOf(owner: Element | null): BlockKind {
  return (owner && KINDS.get(owner.name)) ?? 'paragraph'
}
