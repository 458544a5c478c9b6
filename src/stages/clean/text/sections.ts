import type { Removal } from '../../../document/index.js'
import type { LineMatch } from './boilerplate.js'
import { DISCLAIMER_VOCABULARY } from './rules.js'
import { endsSentence, isProse, listMarkerLength, type Line } from './lines.js'

/** A link item under a related-stories heading is a headline: one line, no longer than this. */
const MAX_RELATED_ITEM_CHARS = 160

/**
 * Extends furniture that spans several lines: the whole paragraph of a disclaimer (even
 * hard-wrapped) and the items listed under a related-stories heading.
 *
 * @example
 * extendFurnitureSections(lines, findLineFurniture(lines)) // removals for the lines after the openers
 */
export function extendFurnitureSections(lines: readonly Line[], matches: readonly LineMatch[]): Removal[] {
  const matched = new Set(matches.map((m) => m.line.index))
  const out: Removal[] = []
  for (const m of matches) {
    if (m.rule.opensDisclaimer) for (const r of extendDisclaimer(lines, m.line, matched)) out.push(r)
    if (m.rule.opensList) for (const r of extendRelatedList(lines, m.line, matched)) out.push(r)
  }
  return out
}

// A wrapped disclaimer continues while a line breaks mid-sentence or keeps the legal vocabulary.
function extendDisclaimer(lines: readonly Line[], opener: Line, matched: ReadonlySet<number>): Removal[] {
  const out: Removal[] = []
  let prev = opener
  let j = opener.index + 1
  // A bare "Disclaimer:" label may stand on its own line above its text.
  if (/^(?:legal )?disclaimer\s*:?$/i.test(opener.text)) while (j < lines.length && lines[j]!.start === lines[j]!.end) j++
  for (; j < lines.length; j++) {
    const line = lines[j]!
    if (line.start === line.end || matched.has(line.index)) break
    const continues = !endsSentence(prev.text) || DISCLAIMER_VOCABULARY.test(line.text)
    if (!continues) break
    out.push({ span: { start: line.start, end: line.end }, reason: 'disclaimer', note: 'disclaimer paragraph (continued)' })
    prev = line
  }
  return out
}

// Items are list lines or short headline-like lines; a short line that introduces prose is a
// sub-heading of the article, so the list stops there.
function extendRelatedList(lines: readonly Line[], heading: Line, matched: ReadonlySet<number>): Removal[] {
  const out: Removal[] = []
  for (let j = heading.index + 1; j < lines.length; j++) {
    const line = lines[j]!
    if (line.start === line.end) continue
    if (matched.has(line.index)) break
    const isItem = listMarkerLength(line.text) > 0 || line.text.length <= MAX_RELATED_ITEM_CHARS
    if (!isItem || isProse(line.text)) break
    if (listMarkerLength(line.text) === 0 && introducesProse(lines, j)) break
    out.push({ span: { start: line.start, end: line.end }, reason: 'related-list', note: 'item under a related-stories heading' })
  }
  return out
}

function introducesProse(lines: readonly Line[], index: number): boolean {
  for (let k = index + 1; k < lines.length; k++) {
    const line = lines[k]!
    if (line.start === line.end) continue
    return isProse(line.text) && listMarkerLength(line.text) === 0
  }
  return false
}
