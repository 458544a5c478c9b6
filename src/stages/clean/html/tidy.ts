import type { Element } from 'domhandler'
import type { Pruned } from './furniture.js'
import { classAndId, reasonForClass } from './furniture.js'
import { linkDensity, type TextStats } from './measure.js'
import { CLASS_WEIGHT, classWeight, elementChildren } from './score.js'
import { HEADING_TAGS } from './tags.js'
import { walkElements } from './walk.js'

/** Containers judged as a whole inside the article (Readability's conditional cleaning). */
const JUDGED_TAGS: ReadonlySet<string> = new Set(['table', 'ul', 'ol', 'div', 'section', 'header', 'dl', 'figure', 'form', 'fieldset'])
/** A container with this many commas is prose, whatever else it holds. */
const PROSE_COMMAS = 10
/** A list whose items hold this share of its text is a list even when it is not `ul`/`ol`. */
const LIST_TEXT_SHARE = 0.9
const MAX_LINK_DENSITY_PLAIN = 0.2
const MAX_LINK_DENSITY_POSITIVE = 0.5
const MIN_CONTAINER_CHARS = 25
const SHORT_EMBED_CHARS = 75

interface Counts {
  p: number
  img: number
  li: number
  input: number
  embed: number
  headingChars: number
  listChars: number
}

/**
 * Removes containers inside the chosen roots that read as furniture: link farms, image strips,
 * forms, lists that outnumber the paragraphs. Adds them to `pruned`.
 */
export function tidyContent(roots: readonly Element[], pruned: Pruned, stats: ReadonlyMap<Element, TextStats>, scores: ReadonlyMap<Element, number>): void {
  // Counted before any pruning here: an element is judged before anything under it, so what it
  // holds is still as it was when the counts were made.
  const inside = countInside(roots, pruned, stats)
  for (const r of roots) {
    // Whether each open element is in a data table (or code), where nothing is judged.
    const inTable: boolean[] = [false]
    walkElements(
      r,
      (el) => {
        if (pruned.has(el)) return false
        if (HEADING_TAGS.has(el.name) && el.name <= 'h2' && classWeight(el) < 0) {
          pruned.set(el, 'boilerplate')
          return false
        }
        const dataTable = inTable[inTable.length - 1]! || (el.name === 'table' && isDataTable(el))
        if (!dataTable && JUDGED_TAGS.has(el.name) && shouldDrop(el, stats, inside.get(el) ?? NO_COUNTS, scores.get(el) ?? 0)) {
          pruned.set(el, reasonForClass(classAndId(el)))
          return false
        }
        inTable.push(dataTable || el.name === 'code' || el.name === 'pre')
        return true
      },
      () => inTable.pop(),
    )
  }
}

function shouldDrop(el: Element, stats: ReadonlyMap<Element, TextStats>, n: Counts, score: number): boolean {
  const st = stats.get(el)
  const chars = st?.chars ?? 0
  const weight = classWeight(el)
  if (weight + score < 0) return true
  if ((st?.commas ?? 0) >= PROSE_COMMAS) return false
  const isList = el.name === 'ul' || el.name === 'ol' || (chars > 0 && n.listChars / chars > LIST_TEXT_SHARE)
  const ld = linkDensity(st)
  const inFigure = el.name === 'figure'
  if (!inFigure && n.img > 1 && n.p / n.img < 0.5) return true
  if (!isList && n.li - 100 > n.p) return true
  if (n.input > Math.floor(n.p / 3)) return true
  if (!isList && !inFigure && chars > 0 && n.headingChars / chars < 0.9 && chars < MIN_CONTAINER_CHARS && (n.img === 0 || n.img > 2) && ld > 0) return true
  if (!isList && weight < CLASS_WEIGHT && ld > MAX_LINK_DENSITY_PLAIN) return true
  if (weight >= CLASS_WEIGHT && ld > MAX_LINK_DENSITY_POSITIVE) return true
  if ((n.embed === 1 && chars < SHORT_EMBED_CHARS) || n.embed > 1) return true
  if (isList && ld > MAX_LINK_DENSITY_POSITIVE) return true
  return false
}

const NO_COUNTS: Counts = { p: 0, img: 0, li: 0, input: 0, embed: 0, headingChars: 0, listChars: 0 }

/** What each judged container holds below it, pruned subtrees left out: one walk of the roots. */
function countInside(roots: readonly Element[], pruned: Pruned, stats: ReadonlyMap<Element, TextStats>): Map<Element, Counts> {
  const out = new Map<Element, Counts>()
  for (const root of roots) {
    const open: Counts[] = [{ ...NO_COUNTS }]
    walkElements(
      root,
      (el) => {
        if (pruned.has(el)) return false
        open.push({ ...NO_COUNTS })
        return true
      },
      (el) => {
        const n = open.pop()!
        if (JUDGED_TAGS.has(el.name)) out.set(el, n)
        const parent = open[open.length - 1]!
        addCounts(parent, n)
        switch (el.name) {
          case 'p': parent.p++; break
          case 'img': parent.img++; break
          case 'li': parent.li++; parent.listChars += stats.get(el)?.chars ?? 0; break
          case 'input': parent.input++; break
          case 'embed': case 'object': case 'iframe': parent.embed++; break
          default: if (HEADING_TAGS.has(el.name)) parent.headingChars += stats.get(el)?.chars ?? 0
        }
      },
    )
  }
  return out
}

function addCounts(to: Counts, n: Counts): void {
  to.p += n.p
  to.img += n.img
  to.li += n.li
  to.input += n.input
  to.embed += n.embed
  to.headingChars += n.headingChars
  to.listChars += n.listChars
}

function isDataTable(table: Element): boolean {
  if (table.attribs.role === 'presentation') return false
  if (table.attribs.datatable === '0') return false
  let rows = 0
  let cols = 0
  let nested = false
  walkElements(table, (c) => {
    if (c.name === 'table') {
      nested = true
      return false
    }
    if (c.name === 'tr') {
      rows++
      cols = Math.max(cols, elementChildren(c).filter((x) => x.name === 'td' || x.name === 'th').length)
    }
    return true
  })
  if (nested) return false
  if (elementChildren(table).some((c) => c.name === 'caption' || c.name === 'thead')) return true
  return rows >= 10 || cols > 4 || rows * cols > 10
}
