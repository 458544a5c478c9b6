import { Element, type ChildNode, type Document as DomDocument, type Text } from 'domhandler'
import type { Span } from '../../../document/index.js'
import { parseHtml } from './parse.js'
import { BLOCK_TAGS, CELL_TAGS, INVISIBLE_TAGS } from './tags.js'
import { walkElements, walkTree } from './walk.js'

/** One line of the rendered page: the text nodes on it and the innermost block element that holds them. */
export interface SourceLine {
  readonly span: Span
  readonly owner: Element | null
  readonly texts: readonly Text[]
}

export interface RenderedPage {
  readonly dom: DomDocument
  /** The whole page's visible text: one line per block, whitespace collapsed inside a line. */
  readonly source: string
  readonly lines: readonly SourceLine[]
  /** Where each rendered text node landed in `source`. */
  readonly spans: ReadonlyMap<Text, Span>
}

const WHITESPACE = /\s+/

/**
 * Parses HTML and renders every visible text node to one plain text, remembering each node's range.
 *
 * @example
 * const page = renderPage('<p>Fares <b>rose</b></p>')   // page.source === 'Fares rose'
 */
export function renderPage(html: string): RenderedPage {
  const dom = wrapFragment(parseHtml(html))
  const r = new Renderer()
  walkTree(dom, (node) => r.enter(node), (el) => r.leave(el))
  r.breakLine()
  return { dom, source: r.parts.join(''), lines: r.lines, spans: r.spans }
}

/**
 * A fragment (a feed item's or JSON Lines record's HTML) has no <body>: its paragraphs would hang
 * off the document root, where no element can hold them. Give it the <body> a full page has.
 */
function wrapFragment(dom: DomDocument): DomDocument {
  let found = false
  walkElements(dom, (el) => {
    found ||= el.name === 'body' || el.name === 'html'
    return !found
  })
  if (found) return dom
  const body = new Element('body', {}, dom.children)
  for (const child of body.children) child.parent = body
  dom.children = [body]
  body.parent = dom
  return dom
}

class Renderer {
  readonly parts: string[] = []
  readonly lines: SourceLine[] = []
  readonly spans = new Map<Text, Span>()
  private length = 0
  private lineStart = 0
  private lineTexts: Text[] = []
  private lineOwner: Element | null = null
  private pendingSpace = false
  /** The block owning the text and whether it is preformatted, for each element entered. */
  private readonly owners: Array<Element | null> = [null]
  private readonly pres: boolean[] = [false]

  /** Called before a node's children; false when they are not rendered. */
  enter(node: ChildNode): boolean {
    const owner = this.owners[this.owners.length - 1]!
    const pre = this.pres[this.pres.length - 1]!
    if (node.type === 'text') {
      this.emitText(node as Text, owner, pre)
      return false
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return false
    const el = node as Element
    const name = el.name
    if (INVISIBLE_TAGS.has(name)) return false
    if (name === 'br') {
      this.breakLine()
      return false
    }
    const block = BLOCK_TAGS.has(name)
    if (block) this.breakLine()
    else if (CELL_TAGS.has(name)) this.pendingSpace = true
    this.owners.push(block ? el : owner)
    this.pres.push(pre || name === 'pre')
    return true
  }

  /** Called after the children of an element `enter` accepted. */
  leave(el: Element): void {
    this.owners.pop()
    this.pres.pop()
    if (BLOCK_TAGS.has(el.name)) this.breakLine()
    else if (CELL_TAGS.has(el.name)) this.pendingSpace = true
  }

  private emitText(node: Text, owner: Element | null, pre: boolean): void {
    if (!pre || !node.data.includes('\n')) return this.emitWords(node, node.data, owner)
    node.data.split('\n').forEach((row, i) => {
      if (i > 0) this.breakLine()
      this.emitWords(node, row, owner)
    })
  }

  private emitWords(node: Text, data: string, owner: Element | null): void {
    const words = data.split(WHITESPACE)
    if (words[0] === '') this.pendingSpace = true
    let first = -1
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!
      if (w === '') continue
      if (i > 0) this.pendingSpace = true
      if (this.length > this.lineStart && this.pendingSpace) this.push(' ')
      if (this.length === this.lineStart) this.lineOwner = owner
      if (first < 0) first = this.length
      this.push(w)
      this.pendingSpace = false
    }
    if (words.length > 1 && words[words.length - 1] === '') this.pendingSpace = true
    if (first >= 0) {
      const prev = this.spans.get(node)
      this.spans.set(node, { start: prev ? prev.start : first, end: this.length })
      if (this.lineTexts[this.lineTexts.length - 1] !== node) this.lineTexts.push(node)
    }
  }

  private push(s: string): void {
    this.parts.push(s)
    this.length += s.length
  }

  breakLine(): void {
    this.pendingSpace = false
    if (this.length === this.lineStart) return
    this.lines.push({ span: { start: this.lineStart, end: this.length }, owner: this.lineOwner, texts: this.lineTexts })
    this.push('\n')
    this.lineStart = this.length
    this.lineTexts = []
  }
}
