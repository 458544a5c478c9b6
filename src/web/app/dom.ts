/*
 * The one way the app builds DOM. Text goes in through `textContent` (a Text node), attributes
 * from an allow-list, event handlers as functions: scraped titles, quotes and names can hold
 * `<script>` or `onerror=`, and here they can only ever be characters on the screen.
 */

/** A child of an element: a node, text (set as a Text node), or nothing; arrays are flattened. */
export type Child = Node | string | number | null | undefined | false | readonly Child[]

export type AttrValue = string | number | boolean | null | undefined
/** Attributes by name, and `on<event>` handlers as functions (never strings). */
export type Props = { readonly [name: string]: AttrValue | ((event: Event) => void) }

const SVG_NS = 'http://www.w3.org/2000/svg'

/** HTML attributes the app sets; anything else is a bug in the app and throws. */
const HTML_ATTRIBUTES = new Set([
  'class', 'id', 'href', 'title', 'type', 'name', 'value', 'placeholder', 'for', 'role', 'tabindex',
  'colspan', 'rowspan', 'scope', 'download', 'rel', 'disabled', 'checked', 'selected', 'multiple',
  'accept', 'rows', 'autocomplete', 'inputmode', 'pattern', 'list', 'lang', 'dir', 'hidden', 'open',
  'datetime', 'min', 'max', 'step', 'spellcheck', 'enterkeyhint', 'label', 'target', 'required',
])

/** SVG attributes the charts set (presentation attributes are not CSS, so CSP allows them). */
const SVG_ATTRIBUTES = new Set([
  'class', 'id', 'href', 'role', 'tabindex', 'viewBox', 'preserveAspectRatio', 'width', 'height',
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points', 'transform',
  'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'text-anchor', 'dominant-baseline',
  'marker-end', 'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient', 'opacity', 'font-size',
])

/**
 * Elements the app never creates: they run code, load things or restyle the page; in SVG, they
 * embed HTML (`foreignObject`), pull in other documents (`use`, `image`, `feImage`), or rewrite
 * another element's attributes, `href` included, after it was checked (`set`, `animate`).
 */
const FORBIDDEN_TAGS = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'frame', 'template',
  'foreignobject', 'use', 'image', 'feimage', 'set', 'animate', 'animatetransform', 'animatemotion', 'discard',
])

/** Schemes a link taken from data may have. */
const SAFE_SCHEMES = new Set(['http:', 'https:'])

/**
 * An `href` the app may set: an in-app route (`#/…`), a same-origin path (`/api/…`), or an
 * absolute http(s) URL; anything else (`javascript:`, `data:`, `//host`) is null.
 *
 * @example
 * safeHref('https://example.org/a') // 'https://example.org/a'
 * safeHref('javascript:alert(1)')   // null
 */
export function safeHref(value: string): string | null {
  const trimmed = value.trim()
  if (trimmed.startsWith('#')) return trimmed
  if (trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.startsWith('/\\')) return trimmed
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : null
}

function isAllowed(name: string, allowed: ReadonlySet<string>): boolean {
  return allowed.has(name) || name.startsWith('data-') || name.startsWith('aria-')
}

function applyProps(element: Element, props: Props | null | undefined, allowed: ReadonlySet<string>): void {
  if (!props) return
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') {
      if (!name.startsWith('on')) throw new TypeError(`dom: a function is only allowed as an on<event> handler, not ${name}`)
      element.addEventListener(name.slice(2), value)
      continue
    }
    if (!isAllowed(name, allowed)) throw new TypeError(`dom: attribute ${name} is not on the allow-list`)
    if (value === null || value === undefined || value === false) continue
    if (name === 'href') {
      const href = safeHref(String(value))
      if (href !== null) element.setAttribute('href', href)
      continue
    }
    element.setAttribute(name, value === true ? '' : String(value))
  }
}

function appendChildren(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) appendChildren(parent, child as readonly Child[])
    else if (typeof child === 'string' || typeof child === 'number') parent.appendChild(document.createTextNode(String(child)))
    else parent.appendChild(child as Node)
  }
}

function checkTag(tag: string): void {
  if (FORBIDDEN_TAGS.has(tag.toLowerCase())) throw new TypeError(`dom: the app never creates <${tag}>`)
}

/**
 * An HTML element with allow-listed attributes, handlers and children; strings become text.
 *
 * @example
 * h('a', { href: `#/stories/${id}`, class: 'title' }, story.title)
 * h('button', { type: 'button', onclick: () => load() }, 'More')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  checkTag(tag)
  const element = document.createElement(tag)
  applyProps(element, props, HTML_ATTRIBUTES)
  appendChildren(element, children)
  return element
}

/**
 * An SVG element (created in the SVG namespace), same rules as `h`.
 *
 * @example
 * svg('circle', { cx: 10, cy: 10, r: 4, class: 'dot pos-for' }, svg('title', null, quote))
 */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): SVGElementTagNameMap[K] {
  checkTag(tag)
  const element = document.createElementNS(SVG_NS, tag)
  applyProps(element, props, SVG_ATTRIBUTES)
  appendChildren(element, children)
  return element
}

/** Replaces every child of `parent` with `children`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild)
  appendChildren(parent, children)
}
