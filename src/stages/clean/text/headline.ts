import type { Flag, Removal, Span } from '../../../document/index.js'
import { DATE_LABEL_PREFIX, isDateLine } from './dates.js'
import { GENERATION_LEFTOVERS } from './filler.js'
import { countWords, isProse, listMarkerLength, type KeptLine } from './lines.js'

/** The page header ends at the first prose line, or after this many kept lines at the latest. */
const MAX_HEADER_LINES = 10
/** Headlines are short: longer lines are a lede, not a title. */
const MAX_TITLE_CHARS = 200
const MAX_TITLE_WORDS = 25
/** A headline wrapped onto a second line: that line is short and in title case. */
const MAX_TITLE_CONTINUATION_WORDS = 12
const TITLE_CASE_MIN_RATIO = 0.6
/** Words shorter than this are left out of the title-case ratio ("a", "of", "the"). */
const TITLE_CASE_MIN_WORD_CHARS = 4
const MAX_BYLINE_WORDS = 10

/**
 * "By Jane Doe", "by Jane Doe - World Editor", "By Staff, Agencies", "Written by J. Roe | Reuters".
 * Case-sensitive on purpose: names are capitalised, and "by contrast, …" is prose.
 */
const BYLINE = /^(?:[Bb]y|[Ww]ritten by|[Pp]osted by|[Ww]ords by|Author:)\s+\p{Lu}[\p{L}.'’-]*(?:(?:\s+|\s*,\s*)(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|van|von|al|el|bin))*(?:\s*[-–—|,]\s*[\p{L}\d .&'’-]{1,60})?$/u

/** What the header rules found: removals, flags, and the title text for the repeat check. */
export interface Header {
  readonly removals: Removal[]
  readonly flags: Flag[]
  /** The headline as found (without trailing machine notes), to drop later copies of it. */
  readonly titles: string[]
}

/**
 * Reads the page header (the kept lines before the first prose line): the headline, also when
 * hard-wrapped over two lines, bylines, and bare date lines, all metadata rather than body.
 *
 * @example
 * findHeader(source, keepLines(source, lines, furniture)).titles // ['Putin Rules Out Alliance']
 */
export function findHeader(source: string, kept: readonly (KeptLine | null)[]): Header {
  const header: Header = { removals: [], flags: [], titles: [] }
  let titleFound = false
  let seen = 0
  for (let i = 0; i < kept.length && seen < MAX_HEADER_LINES; i++) {
    const line = kept[i]
    if (!line) continue
    seen++
    let span: Span = { start: line.spans[0]!.start, end: line.spans[line.spans.length - 1]!.end }
    const label = DATE_LABEL_PREFIX.exec(source.slice(span.start, span.end))
    if (label) {
      const end = span.start + label[0].length
      header.removals.push({ span: { start: span.start, end }, reason: 'dateline-meta', note: 'labelled date field' })
      span = { start: skipSpace(source, end, span.end), end: span.end }
      if (span.start === span.end) continue
    }
    const text = source.slice(span.start, span.end)
    if (isProse(withoutLeftover(text))) break
    if (isDateLine(text)) {
      header.removals.push({
        span,
        reason: titleFound ? 'dateline-meta' : 'date-bar',
        note: titleFound ? 'bare date line under the headline' : 'date line above the headline',
      })
    } else if (BYLINE.test(text) && countWords(text) <= MAX_BYLINE_WORDS) {
      header.removals.push({ span, reason: 'byline', note: 'byline' })
    } else if (!titleFound) {
      const next = kept[i + 1]
      const consumed = readTitle(source, span, next ?? null, header)
      if (consumed === 0) break
      titleFound = true
      i += consumed - 1
    }
  }
  return header
}

/** Records the headline starting at `span`; returns how many lines it took (0 if not a headline). */
function readTitle(source: string, span: Span, next: KeptLine | null, header: Header): number {
  const text = source.slice(span.start, span.end)
  const leftover = findLeftover(text)
  const titleEnd = leftover === undefined ? span.end : span.start + text.slice(0, leftover).trimEnd().length
  const title = source.slice(span.start, titleEnd)
  if (!isTitleLike(title)) return 0
  let lines = 1
  let end = titleEnd
  if (leftover === undefined && next && continuesTitle(title, next.text)) {
    lines = 2
    end = next.spans[next.spans.length - 1]!.end
    header.titles.push(`${title} ${next.text}`)
    header.removals.push({ span: { start: span.start, end: span.end }, reason: 'title', note: 'headline (wrapped, line 1)' })
    header.removals.push({ span: { start: next.spans[0]!.start, end }, reason: 'title', note: 'headline (wrapped, line 2)' })
    return lines
  }
  header.titles.push(title)
  header.removals.push({ span: { start: span.start, end }, reason: 'title', note: 'headline' })
  if (leftover !== undefined) {
    const junk = { start: skipSpace(source, titleEnd, span.end), end: span.end }
    header.removals.push({ span: junk, reason: 'title', note: 'machine-written note about the headline' })
    header.flags.push({ span: junk, kind: 'generation-prompt', note: 'generator note about the headline it chose' })
  }
  return lines
}

function withoutLeftover(text: string): string {
  const at = findLeftover(text)
  return at === undefined ? text : text.slice(0, at).trimEnd()
}

function findLeftover(text: string): number | undefined {
  for (const p of GENERATION_LEFTOVERS) {
    const m = p.exec(text)
    if (m && m.index > 0) return m.index
  }
  return undefined
}

function isTitleLike(text: string): boolean {
  const words = countWords(text)
  return (
    text.length <= MAX_TITLE_CHARS &&
    words >= 2 &&
    words <= MAX_TITLE_WORDS &&
    !/[.,;:]$/.test(text) &&
    listMarkerLength(text) === 0
  )
}

function continuesTitle(title: string, next: string): boolean {
  if (/[?!]["”’]?$/.test(title)) return false
  if (/[.,;:]$/.test(next) || countWords(next) > MAX_TITLE_CONTINUATION_WORDS) return false
  if (isDateLine(next) || BYLINE.test(next)) return false
  if (!isTitleLike(`${title} ${next}`)) return false
  return titleCaseRatio(title) >= TITLE_CASE_MIN_RATIO && titleCaseRatio(next) >= TITLE_CASE_MIN_RATIO
}

function titleCaseRatio(text: string): number {
  const words = text.split(/\s+/).filter((w) => w.replace(/[^\p{L}]/gu, '').length >= TITLE_CASE_MIN_WORD_CHARS)
  if (words.length === 0) return 0
  return words.filter((w) => /^["'“‘(]?\p{Lu}/u.test(w)).length / words.length
}

function skipSpace(source: string, at: number, limit: number): number {
  while (at < limit && /\s/.test(source[at]!)) at++
  return at
}
