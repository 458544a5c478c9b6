import type { Block, BlockKind, Removal, Span } from '../../../document/index.js'
import { countWords, endsSentence, listMarkerLength, startsLikeSentence, type KeptLine } from './lines.js'

/**
 * A run of lines is hard-wrapped (PDF or e-mail text) when at least this share of its lines
 * break mid-sentence; a page that puts one sentence per line has almost none.
 */
const WRAPPED_RUN_MIN_OPEN_SHARE = 0.5
/** Wrapped text has a right margin; lines longer than this were not wrapped by width. */
const MAX_WRAPPED_LINE_CHARS = 140
/**
 * A sentence-ending line shorter than this share of the run's width stopped before the margin:
 * the paragraph ends there if the next line opens like a sentence.
 */
const PARAGRAPH_END_WIDTH_RATIO = 0.8
/** An unpunctuated line shorter than this share of the width, before a capital, is a sub-heading. */
const HEADING_LINE_WIDTH_RATIO = 0.5
/** Tables scraped to text: several short unpunctuated lines that each open with a capital. */
const MIN_TABLE_ROWS = 3
const MAX_TABLE_ROW_CHARS = 100
/** Sub-headings are short and carry no closing full stop. */
const MAX_HEADING_WORDS = 14
const MAX_HEADING_CHARS = 120

const MARKDOWN_HEADING = /^#{1,6}\s+(?=\S)/
const MARKDOWN_QUOTE = /^>\s?/
const MARKDOWN_TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/

export interface Blocks {
  readonly blocks: Block[]
  /** List bullets, Markdown markers and table rules taken off the blocks. */
  readonly removals: Removal[]
}

/**
 * Groups kept lines into blocks: lines of one hard-wrapped paragraph become one block with a
 * span per line; otherwise each line is a block (a heading, list item, table row or paragraph).
 * `null` entries (blank or removed lines) always end a block.
 *
 * @example
 * mergeHardWraps(source, keepLines(source, lines, removed)).blocks[0].spans.length // 3 lines, 1 paragraph
 */
export function mergeHardWraps(source: string, kept: readonly (KeptLine | null)[]): Blocks {
  const out: Blocks = { blocks: [], removals: [] }
  for (const run of splitRuns(kept)) {
    if (isTableRun(run)) {
      for (const line of run) addTableRow(line, out)
      continue
    }
    for (const paragraph of splitParagraphs(run)) addBlock(source, paragraph, out)
  }
  return out
}

function splitRuns(kept: readonly (KeptLine | null)[]): KeptLine[][] {
  const runs: KeptLine[][] = []
  let run: KeptLine[] = []
  for (const line of kept) {
    if (line) run.push(line)
    else if (run.length > 0) {
      runs.push(run)
      run = []
    }
  }
  if (run.length > 0) runs.push(run)
  return runs
}

function isTableRun(run: readonly KeptLine[]): boolean {
  if (run.length < MIN_TABLE_ROWS) return false
  if (run.every((l) => /^\|.*\|$/.test(l.text) || l.text.includes('\t'))) return true
  return run.every(
    (l) =>
      l.text.length <= MAX_TABLE_ROW_CHARS &&
      !/[.!?,;:]["”’)]?$/.test(l.text) &&
      /^[\p{Lu}\d]/u.test(l.text) &&
      listMarkerLength(l.text) === 0,
  )
}

function addTableRow(line: KeptLine, out: Blocks): void {
  if (MARKDOWN_TABLE_RULE.test(line.text)) {
    for (const span of line.spans) out.removals.push({ span, reason: 'boilerplate', note: 'table rule' })
    return
  }
  out.blocks.push({ kind: 'table-row', spans: line.spans })
}

function splitParagraphs(run: readonly KeptLine[]): KeptLine[][] {
  if (!isWrappedRun(run)) return run.map((l) => [l])
  const width = run.reduce((w, l) => Math.max(w, l.text.length), 0)
  const paragraphs: KeptLine[][] = [[run[0]!]]
  for (let i = 1; i < run.length; i++) {
    if (breaksParagraph(run[i - 1]!, run[i]!, width)) paragraphs.push([run[i]!])
    else paragraphs[paragraphs.length - 1]!.push(run[i]!)
  }
  return paragraphs
}

function isWrappedRun(run: readonly KeptLine[]): boolean {
  if (run.length < 2) return false
  if (run.some((l) => l.text.length > MAX_WRAPPED_LINE_CHARS)) return false
  const open = run.slice(0, -1).filter((l) => !endsSentence(l.text)).length
  return open / (run.length - 1) >= WRAPPED_RUN_MIN_OPEN_SHARE
}

// The paragraph-break rule for wrapped text: a new item, or a sentence that stops short of the
// margin (or whose next line is indented) followed by a line that opens a sentence.
function breaksParagraph(prev: KeptLine, next: KeptLine, width: number): boolean {
  if (listMarkerLength(next.text) > 0 || MARKDOWN_HEADING.test(next.text)) return true
  if (!startsLikeSentence(next.text)) return false
  if (endsSentence(prev.text)) {
    return next.line.indent > 0 || prev.text.length < PARAGRAPH_END_WIDTH_RATIO * width
  }
  return prev.text.length < HEADING_LINE_WIDTH_RATIO * width && !/[,;:\-–—]$/.test(prev.text)
}

function addBlock(source: string, lines: readonly KeptLine[], out: Blocks): void {
  const first = lines[0]!
  const spans: Span[] = lines.flatMap((l) => [...l.spans])
  let kind: BlockKind = 'paragraph'
  const marker = listMarkerLength(first.text) || MARKDOWN_HEADING.exec(first.text)?.[0].length || 0
  if (MARKDOWN_QUOTE.test(first.text)) {
    kind = 'quote'
    stripMarkers(source, lines, MARKDOWN_QUOTE, spans, out)
  } else if (marker > 0) {
    kind = listMarkerLength(first.text) > 0 ? 'list-item' : 'heading'
    const head = spans[0]!
    out.removals.push({ span: { start: head.start, end: head.start + marker }, reason: 'boilerplate', note: kind === 'heading' ? 'heading marker' : 'list marker' })
    spans[0] = { start: head.start + marker, end: head.end }
  } else if (lines.length === 1 && isHeadingLike(first.text)) {
    kind = 'heading'
  }
  out.blocks.push({ kind, spans })
}

function stripMarkers(source: string, lines: readonly KeptLine[], marker: RegExp, spans: Span[], out: Blocks): void {
  let at = 0
  for (const line of lines) {
    const head = spans[at]!
    const m = marker.exec(source.slice(head.start, head.end))
    if (m && m[0].length > 0) {
      out.removals.push({ span: { start: head.start, end: head.start + m[0].length }, reason: 'boilerplate', note: 'quote marker' })
      spans[at] = { start: head.start + m[0].length, end: head.end }
    }
    at += line.spans.length
  }
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i]!.end <= spans[i]!.start) spans.splice(i, 1)
}

function isHeadingLike(text: string): boolean {
  return text.length <= MAX_HEADING_CHARS && countWords(text) <= MAX_HEADING_WORDS && !/[.,;:]["”’)]?$/.test(text)
}
