import { mergeSpans, subtractMergedSpans, type Removal, type Span } from '../../../document/index.js'

/**
 * One line of the source with its surrounding whitespace trimmed off. `start`/`end` bound the
 * visible text, so a blank line has `start === end`.
 */
export interface Line {
  readonly index: number
  readonly start: number
  readonly end: number
  readonly text: string
  /** Leading spaces or tabs before the text: an indented first line can open a paragraph. */
  readonly indent: number
}

/** A line as it stands after removals: the ranges still kept and their text joined by a space. */
export interface KeptLine {
  readonly line: Line
  readonly spans: readonly Span[]
  readonly text: string
}

const LINE_BREAK = /\r\n|\r|\n/g

/**
 * Splits `source` into lines with their offsets, trimming whitespace at both ends of each line.
 *
 * @example
 * splitLines('  Hi\nthere ')[1] // { index: 1, start: 5, end: 10, text: 'there', indent: 0 }
 */
export function splitLines(source: string): Line[] {
  const lines: Line[] = []
  let at = 0
  const push = (from: number, to: number): void => {
    let start = from
    let end = to
    while (start < end && /\s/.test(source[start]!)) start++
    while (end > start && /\s/.test(source[end - 1]!)) end--
    lines.push({ index: lines.length, start, end, text: source.slice(start, end), indent: start - from })
  }
  for (const m of source.matchAll(LINE_BREAK)) {
    push(at, m.index)
    at = m.index + m[0].length
  }
  push(at, source.length)
  return lines
}

/** The line ends a sentence: a full stop, question or exclamation mark, maybe inside closing quotes. */
export function endsSentence(text: string): boolean {
  return /[.!?…]["'”’)\]]*$/.test(text)
}

/** The text opens like a new sentence: a capital, a digit, or an opening quote or bracket before one. */
export function startsLikeSentence(text: string): boolean {
  return /^["'“‘([]?[\p{Lu}\d]/u.test(text)
}

/** Bullets and numbered-list markers at the start of a line, followed by the item text. */
const LIST_MARKER = /^(?:[-*•·▪◦‣]|\d{1,3}[.)])\s+(?=\S)/

/** Length of the list marker (with the space after it) opening `text`, or 0. */
export function listMarkerLength(text: string): number {
  return LIST_MARKER.exec(text)?.[0].length ?? 0
}

/** Headlines, labels and link items stay under this; a line with more words is article prose. */
const MIN_PROSE_WORDS = 20

/** A line long enough to be article prose rather than a heading, label or link. */
export function isProse(text: string): boolean {
  return countWords(text) >= MIN_PROSE_WORDS
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

/**
 * What is left of each line once `removals` are taken out: `null` for a blank or fully removed
 * line (both break a paragraph), otherwise the kept ranges trimmed of whitespace.
 *
 * @example
 * keepLines(source, lines, removals)[0] // { line, spans: [{ start: 9, end: 40 }], text: 'Russian…' }
 */
export function keepLines(source: string, lines: readonly Line[], removals: readonly Removal[]): (KeptLine | null)[] {
  const cut = mergeSpans(removals.map((r) => r.span))
  return lines.map((line) => {
    if (line.start === line.end) return null
    const kept = subtractMergedSpans({ start: line.start, end: line.end }, cut).map((s) => trimSpan(source, s)).filter((s) => s.end > s.start)
    if (kept.length === 0) return null
    return { line, spans: kept, text: kept.map((s) => source.slice(s.start, s.end)).join(' ') }
  })
}

/** Narrows a span to exclude whitespace at both ends. */
export function trimSpan(source: string, s: Span): Span {
  let start = s.start
  let end = s.end
  while (start < end && /\s/.test(source[start]!)) start++
  while (end > start && /\s/.test(source[end - 1]!)) end--
  return { start, end }
}
