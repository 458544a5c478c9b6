import type { Document as DomDocument, Element } from 'domhandler'
import type { Pruned } from './furniture.js'
import { textOfElement } from './score.js'
import { walkElements } from './walk.js'

/** Headings longer than this are not a headline. */
const MAX_HEADLINE_CHARS = 300
/** A heading and a title agree when the shorter holds this share of the longer's words. */
const HEADLINE_OVERLAP = 0.6
const HEADLINE_TAGS = ['h1', 'h2', 'h3']
const TITLE_SEPARATORS = /\s[|–—\-:»·]\s/

/**
 * Marks the page's headline as `title` so it leaves the body but stays readable as metadata: the
 * headings that match `<title>` or `og:title`, else the first `h1`.
 *
 * @example
 * markHeadline(page.dom, pruned)
 */
export function markHeadline(dom: DomDocument, pruned: Pruned): void {
  const titles = pageTitles(dom).map(words).filter((w) => w.length > 0)
  let marked = false
  for (const tag of HEADLINE_TAGS) {
    for (const h of outermost(dom, tag)) {
      if (pruned.has(h)) continue
      const text = textOfElement(h)
      if (text.length > MAX_HEADLINE_CHARS) continue
      const w = words(text)
      if (w.length > 0 && titles.some((t) => agree(w, t))) {
        pruned.set(h, 'title')
        marked = true
      }
    }
    if (marked) return
  }
  const h1 = outermost(dom, 'h1').find((h) => !pruned.has(h) && textOfElement(h).trim().length > 0)
  if (h1 && textOfElement(h1).length <= MAX_HEADLINE_CHARS) pruned.set(h1, 'title')
}

/**
 * The elements of one tag not inside another of the same tag, in document order: a heading's text
 * holds the text of those nested in it, and reading each of 100,000 nested headings would be
 * quadratic.
 */
function outermost(dom: DomDocument, tag: string): Element[] {
  const out: Element[] = []
  let open = 0
  walkElements(
    dom,
    (el) => {
      if (el.name !== tag) return
      if (open === 0) out.push(el)
      open++
    },
    (el) => {
      if (el.name === tag) open--
    },
  )
  return out
}

/** domutils' `getElementsByTagName` is quadratic in depth (it `unshift`s its stack). */
function elementsNamed(dom: DomDocument, tag: string): Element[] {
  const out: Element[] = []
  walkElements(dom, (el) => {
    if (el.name === tag) out.push(el)
  })
  return out
}

function pageTitles(dom: DomDocument): string[] {
  const out: string[] = []
  for (const t of elementsNamed(dom, 'title').slice(0, 1)) {
    const full = textOfElement(t)
    out.push(full, ...full.split(TITLE_SEPARATORS))
  }
  for (const m of elementsNamed(dom, 'meta')) {
    const key = m.attribs.property ?? m.attribs.name
    if ((key === 'og:title' || key === 'twitter:title') && m.attribs.content) out.push(m.attribs.content)
  }
  return out
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
}

function agree(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (short.length < 2 && long.length > 2) return false
  const set = new Set(long)
  const shared = short.filter((w) => set.has(w)).length
  return shared / long.length >= HEADLINE_OVERLAP && shared / short.length >= 0.9
}
