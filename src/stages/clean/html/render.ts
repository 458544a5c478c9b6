import { Element, type AnyNode, type Document as DomDocument, type Text } from 'domhandler'
import { findOne } from 'domutils'
import { parseDocument } from 'htmlparser2'
import type { Span } from '../../../document/index.js'
import { BLOCK_TAGS, CELL_TAGS, INVISIBLE_TAGS } from './tags.js'

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
  const dom = wrapFragment(parseDocument(html, { decodeEntities: true }))
  const r = new Renderer()
  r.walkChildren(dom, null, false)
  r.breakLine()
  return { dom, source: r.parts.join(''), lines: r.lines, spans: r.spans }
}

/**
 * A fragment (a feed item's or JSON Lines record's HTML) has no <body>: its paragraphs would hang
 * off the document root, where no element can hold them. Give it the <body> a full page has.
 */
function wrapFragment(dom: DomDocument): DomDocument {
  if (findOne((el) => el.name === 'body' || el.name === 'html', dom.children, true)) return dom
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

  walkChildren(node: DomDocument | Element, owner: Element | null, pre: boolean): void {
    for (const child of node.children) this.walk(child, owner, pre)
  }

  private walk(node: AnyNode, owner: Element | null, pre: boolean): void {
    if (node.type === 'text') return this.emitText(node as Text, owner, pre)
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return
    const el = node as Element
    const name = el.name
    if (INVISIBLE_TAGS.has(name)) return
    if (name === 'br') return this.breakLine()
    const block = BLOCK_TAGS.has(name)
    if (block) this.breakLine()
    else if (CELL_TAGS.has(name)) this.pendingSpace = true
    this.walkChildren(el, block ? el : owner, pre || name === 'pre')
    if (block) this.breakLine()
    else if (CELL_TAGS.has(name)) this.pendingSpace = true
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
