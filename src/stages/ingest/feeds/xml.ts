import { Parser } from 'htmlparser2'
import { decodeHtmlEntities } from '../entities.js'

/** One element of a feed, its name resolved through its namespace to the prefix feeds are read by. */
export interface XmlElement {
  /** Canonical name: `dc:creator` for Dublin Core under any prefix, `title` for RSS 2.0, `atom:link` for Atom. */
  readonly name: string
  /** The name as written, e.g. `r:item`. */
  readonly raw: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: Array<XmlElement | string>
  /** The xml:base in force here, resolved against the bases above it (and the feed's URL). */
  readonly base?: string
}

/** Namespace URIs by the prefix they are read as, whatever prefix a feed gives them (as feedparser does). */
const NAMESPACES: Readonly<Record<string, string>> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  // Sitemaps and Google News sitemaps, read by `dossier watch` with this parser.
  'http://www.sitemaps.org/schemas/sitemap/0.9': '',
  'http://www.google.com/schemas/sitemap-news/0.9': 'news',
}

/** Elements nested deeper than this are read as text of their ancestor: no feed needs more, and it bounds recursion. */
const MAX_DEPTH = 256

export interface ParsedXml {
  readonly root?: XmlElement
  /** The Atom namespace version of the root, when it is Atom: `1.0` or `0.3`. */
  readonly atomVersion?: '1.0' | '0.3'
}

/**
 * Parses a feed's XML leniently (htmlparser2 in XML mode never gives up): every element with its
 * name resolved through xmlns declarations, text with entity references decoded (HTML's too),
 * CDATA kept verbatim, xml:base resolved down the tree. Ill-formed markup is read as far as it goes
 * (unclosed elements close at the end, stray end tags are ignored); telling that it is ill-formed is
 * the validator's job.
 */
export function parseXml(xml: string, feedUrl?: string): ParsedXml {
  const stack: Array<{ el: XmlElement; ns: Map<string, string> }> = []
  let root: XmlElement | undefined
  let inCdata = false
  let atomVersion: ParsedXml['atomVersion']
  const parser = new Parser(
    {
      onopentag(raw, attrs) {
        const parent = stack.at(-1)
        // Past this depth, elements are not built: their text joins the deepest element kept (no deep recursion later).
        if (parent && stack.length >= MAX_DEPTH) {
          stack.push(parent)
          return
        }
        const ns = new Map(parent?.ns ?? [])
        for (const [k, v] of Object.entries(attrs)) {
          if (k === 'xmlns') ns.set('', v)
          else if (k.startsWith('xmlns:')) ns.set(k.slice(6), v)
        }
        const decoded: Record<string, string> = {}
        for (const [k, v] of Object.entries(attrs)) decoded[k] = decodeHtmlEntities(v)
        const name = canonicalName(raw, ns)
        const baseAttr = decoded['xml:base']
        const inherited = parent?.el.base ?? feedUrl
        const base = baseAttr !== undefined ? resolveUrl(baseAttr, inherited) ?? inherited : inherited
        const el: XmlElement = { name, raw, attrs: decoded, children: [], ...(base ? { base } : {}) }
        if (parent) parent.el.children.push(el)
        else if (!root) {
          root = el
          const uri = ns.get(raw.includes(':') ? raw.slice(0, raw.indexOf(':')) : '')?.toLowerCase()
          if (uri === 'http://purl.org/atom/ns#') atomVersion = '0.3'
          else if (uri === 'http://www.w3.org/2005/atom') atomVersion = '1.0'
        }
        stack.push({ el, ns })
      },
      ontext(text) {
        const top = stack.at(-1)
        if (!top) return
        top.el.children.push(inCdata ? text : decodeHtmlEntities(text))
      },
      oncdatastart() { inCdata = true },
      oncdataend() { inCdata = false },
      onclosetag() {
        stack.pop()
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  )
  parser.end(flattenDeepTags(xml))
  return { ...(root ? { root } : {}), ...(atomVersion ? { atomVersion } : {}) }
}

function canonicalName(raw: string, ns: Map<string, string>): string {
  const colon = raw.indexOf(':')
  const prefix = colon >= 0 ? raw.slice(0, colon) : ''
  const local = (colon >= 0 ? raw.slice(colon + 1) : raw).toLowerCase()
  const uri = ns.get(prefix)
  // An undeclared prefix (common: dc:creator without xmlns:dc) is read as written.
  const canon = uri === undefined ? prefix.toLowerCase() : (NAMESPACES[uri.toLowerCase()] ?? prefix.toLowerCase())
  return canon ? `${canon}:${local}` : local
}

/** An absolute URL for `href` against `base`, or undefined when it cannot be made. */
export function resolveUrl(href: string, base?: string): string | undefined {
  const trimmed = href.trim()
  try {
    return new URL(trimmed, base).href
  } catch {
    return undefined
  }
}

/** The text of an element: its text and its descendants' text, concatenated. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return ''
  let out = ''
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c)
  return out
}

/** The element's children serialised back to markup (inline XHTML), namespace prefixes dropped. */
export function innerXml(el: XmlElement): string {
  let out = ''
  for (const c of el.children) {
    if (typeof c === 'string') out += escapeText(c)
    else {
      const local = c.raw.includes(':') ? c.raw.slice(c.raw.indexOf(':') + 1) : c.raw
      const attrs = Object.entries(c.attrs)
        .filter(([k]) => k !== 'xmlns' && !k.startsWith('xmlns:'))
        .map(([k, v]) => ` ${k}="${escapeText(v).replace(/"/g, '&quot;')}"`)
        .join('')
      out += c.children.length === 0 ? `<${local}${attrs}/>` : `<${local}${attrs}>${innerXml(c)}</${local}>`
    }
  }
  return out
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function childElements(el: XmlElement | undefined, ...names: string[]): XmlElement[] {
  if (!el) return []
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (names.length === 0 || names.includes(c.name)))
}

export function firstChild(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  // In the order of the names asked for: the first name found wins.
  for (const name of names) {
    const found = childElements(el, name)[0]
    if (found) return found
  }
  return undefined
}

/** A start, end or empty-element tag (not a comment, CDATA section, declaration or processing instruction). */
const TAG = /<(\/?)[A-Za-z_][\w:.-]*(?:\s[^<>]*?)?(\/?)>/g

/**
 * The markup with tags nested past MAX_DEPTH removed, their text kept. htmlparser2 keeps its open
 * elements in an array it shifts and unshifts, so 100,000 nested tags took 19 s; a linear scan
 * first leaves it at most MAX_DEPTH. Markup that is not that deep is returned as it is.
 */
export function flattenDeepTags(xml: string): string {
  let depth = 0
  let tooDeep = false
  for (const m of xml.matchAll(TAG)) {
    if (m[2]) continue
    depth += m[1] ? -1 : 1
    if (depth > MAX_DEPTH) {
      tooDeep = true
      break
    }
  }
  if (!tooDeep) return xml
  depth = 0
  return xml.replace(TAG, (tag, close: string, empty: string) => {
    if (empty) return depth >= MAX_DEPTH ? '' : tag
    if (close) {
      depth--
      return depth >= MAX_DEPTH ? '' : tag
    }
    depth++
    return depth > MAX_DEPTH ? '' : tag
  })
}
