import { isTag, type AnyNode, type Document as DomDocument } from 'domhandler'
import type { Handler } from 'htmlparser2'
import type { PageCandidate } from '../../document/index.js'
import { ARTICLE_TYPES, CONTAINER_TAGS, DATE_CLASS, META_FIELDS } from './page-tags.js'

type Field = PageCandidate['field']

/** Longest text kept from a date-like element: a date line is short; a longer text is a paragraph. */
const MAX_DATE_TEXT_CHARS = 160
/** Date-like elements kept per page, in document order: the article's own date comes early. */
const MAX_ELEMENT_DATE_CANDIDATES = 16
/** Date-like and headline elements read at once, nested in each other. */
const MAX_OPEN_COLLECTORS = 16
/** How deep JSON-LD is walked (`@graph` → `mainEntity` → …) before giving up. */
const MAX_JSON_LD_DEPTH = 6

interface TextCollector {
  readonly field: Field
  readonly basis: string
  text: string
}

interface Frame {
  readonly name: string
  readonly collectors: readonly TextCollector[]
  /** The element opens a comment or a comment list: bylines inside are commenters'. */
  readonly comment: boolean
}

/** Longest text kept from a byline element: a byline is short; a longer text is an author's bio or a comment. */
const MAX_BYLINE_TEXT_CHARS = 120
/** Byline elements kept per page, in document order: the article's own byline comes first. */
const MAX_BYLINE_CANDIDATES = 6
/** Class or id words of a byline element (hAtom, WordPress and news CMSs: "byline", "author vcard", "article-author"). */
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|author|authors|byl|writer)(?:$|[\s_-])/i
/** Class or id words of a comment thread, whose authors are not the article's. */
const COMMENT_CLASS = /comment|respond|reply|discussion/i

/**
 * Reads a page's own metadata from the DOM extraction already parsed (a page is parsed once):
 * `<title>`, meta tags, JSON-LD, `<time>`, microdata, date-classed elements, `<link rel=canonical>`,
 * `<html lang>`, and a date in the URL path. The DOM is replayed as a stream of open-tag, text and
 * close-tag events, in document order. Each candidate names where it came from in `basis`;
 * nothing is judged here.
 *
 * @example
 * const { source, clean, dom } = extractHtml(html, { url })
 * collectPageCandidatesFromDom(dom, { url })
 * // [{ field: 'published', value: '2021-05-03T10:00Z', basis: 'meta[property=article:published_time]' }, …]
 */
export function collectPageCandidatesFromDom(dom: DomDocument, options: { url?: string }): PageCandidate[] {
  const collector = createCandidateCollector(options)
  replayNodes(dom.children, collector.handler)
  return collector.finish()
}

type CandidateHandler = Required<Pick<Handler, 'onopentag' | 'ontext' | 'onclosetag'>>

// With a stack of its own: a hostile page nests elements 100,000 deep.
function replayNodes(nodes: readonly AnyNode[], handler: CandidateHandler): void {
  const lists: Array<readonly AnyNode[]> = [nodes]
  const next: number[] = [0]
  while (lists.length > 0) {
    const top = lists.length - 1
    const i = next[top]!
    if (i >= lists[top]!.length) {
      lists.pop()
      next.pop()
      const parent = top > 0 ? lists[top - 1]![next[top - 1]! - 1] : undefined
      if (parent && isTag(parent)) handler.onclosetag(parent.name, false)
      continue
    }
    next[top] = i + 1
    const node = lists[top]![i]!
    if (node.type === 'text') {
      handler.ontext(node.data)
    } else if (isTag(node)) {
      handler.onopentag(node.name, node.attribs, false)
      lists.push(node.children)
      next.push(0)
    }
  }
}

function createCandidateCollector(options: { url?: string }): { handler: CandidateHandler; finish: () => PageCandidate[] } {
  const out: PageCandidate[] = []
  const add = (field: Field, value: string | undefined, basis: string): void => {
    const v = value?.replace(/\s+/g, ' ').trim()
    if (v) out.push({ field, value: v, basis })
  }
  const stack: Frame[] = []
  const collectors: TextCollector[] = []
  let elementDates = 0
  let bylines = 0
  let commentDepth = 0
  let titleText: string | null = null
  let sawTitle = false
  let jsonLd: string | null = null
  let skipDepth = 0 // inside <script>/<style>/<svg> that is not JSON-LD

  const handler: CandidateHandler = {
    onopentag(name, attribs) {
      let collector: TextCollector | undefined
      let byline: TextCollector | undefined
      if (name === 'script' || name === 'style' || name === 'svg' || name === 'noscript') {
        if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) jsonLd = ''
        else skipDepth++
      } else if (name === 'title' && !sawTitle && skipDepth === 0) {
        titleText = ''
      } else if (name === 'meta') {
        readMeta(attribs, add)
      } else if (name === 'link') {
        if (/\bcanonical\b/i.test(attribs.rel ?? '')) add('canonical', resolveUrl(attribs.href, options.url), 'link[rel=canonical]')
      } else if (name === 'html') {
        add('language', attribs.lang ?? attribs['xml:lang'], 'html[lang]')
      } else {
        collector = readElement(name, attribs, add, elementDates < MAX_ELEMENT_DATE_CANDIDATES)
        if (commentDepth === 0 && skipDepth === 0 && bylines < MAX_BYLINE_CANDIDATES) byline = readBylineElement(name, attribs, add)
      }
      const comment = COMMENT_CLASS.test(`${attribs.class ?? ''} ${attribs.id ?? ''}`)
      if (comment) commentDepth++
      // Every text is added to each open collector: nested ones past a few are not read.
      const own = collectors.length >= MAX_OPEN_COLLECTORS ? [] : [collector, byline].filter((c): c is TextCollector => c !== undefined)
      collectors.push(...own)
      stack.push({ name, collectors: own, comment })
    },
    ontext(text) {
      if (jsonLd !== null) jsonLd += text
      else if (skipDepth > 0) return
      else if (titleText !== null) titleText += text
      for (const c of collectors) if (c.text.length <= Math.max(MAX_DATE_TEXT_CHARS, MAX_BYLINE_TEXT_CHARS)) c.text += text
    },
    onclosetag(name) {
      if (name === 'script' && jsonLd !== null) {
        readJsonLd(jsonLd, add)
        jsonLd = null
      } else if (name === 'script' || name === 'style' || name === 'svg' || name === 'noscript') {
        skipDepth = Math.max(0, skipDepth - 1)
      } else if (name === 'title' && titleText !== null) {
        add('title', titleText, 'title')
        titleText = null
        sawTitle = true
      }
      // Replayed from a DOM, the element closing is the last one opened.
      const at = stack[stack.length - 1]?.name === name ? stack.length - 1 : stack.map((f) => f.name).lastIndexOf(name)
      if (at < 0) return
      for (const frame of stack.splice(at)) {
        if (frame.comment) commentDepth = Math.max(0, commentDepth - 1)
        for (const c of frame.collectors) {
          collectors.splice(collectors.lastIndexOf(c), 1)
          const text = c.text.replace(/\s+/g, ' ').trim()
          if (c.field === 'author') {
            if (text.length > 0 && text.length <= MAX_BYLINE_TEXT_CHARS && bylines < MAX_BYLINE_CANDIDATES) {
              bylines++
              add('author', text, c.basis)
            }
          } else if (text.length > 0 && text.length <= MAX_DATE_TEXT_CHARS && /\d/.test(text) && elementDates < MAX_ELEMENT_DATE_CANDIDATES) {
            elementDates++
            add(c.field, text, c.basis)
          }
        }
      }
    },
  }
  const finish = (): PageCandidate[] => {
    if (options.url) add('published', findUrlDate(options.url), 'url:path-date')
    return out
  }
  return { handler, finish }
}

/** Meta keys not in `META_FIELDS` that still name a publication date ("five_hundred_pixels:uploaded_at"). */
const UNLISTED_DATE_KEY = /publish|pubdate|date|created|uploaded|posted|issued/
/** …unless they name another date: an edit, an expiry, an event's start, a birthday. */
const NOT_PUBLICATION_KEY = /modif|updat|expir|end|start|birth|valid|event|dateline|format/

type Add = (field: Field, value: string | undefined, basis: string) => void

function readMeta(attribs: Record<string, string>, add: Add): void {
  for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
    const keys = attribs[attr]?.trim().toLowerCase()
    if (!keys) continue
    // RDFa's property (and, in practice, name) holds a list of terms: property="og:title dc:title".
    for (const key of keys.split(/\s+/)) {
      const field = META_FIELDS.get(key) ?? (UNLISTED_DATE_KEY.test(key) && !NOT_PUBLICATION_KEY.test(key) ? 'published' : undefined)
      if (field) add(field, attribs.content, `meta[${attr}=${key}]`)
    }
    return
  }
}

/**
 * An element that names the article's author: a link with rel=author (HTML), microdata
 * itemprop=author (schema.org; its content attribute now, else its text), or a byline-classed
 * element. Its text is read as a whole ("By Ana Ruiz"); `authors.ts` keeps only the people in it.
 */
function readBylineElement(name: string, attribs: Record<string, string>, add: Add): TextCollector | undefined {
  if (name === 'a' && /(?:^|\s)author(?:\s|$)/i.test(attribs.rel ?? '')) return { field: 'author', basis: 'a[rel=author]:text', text: '' }
  if (/(?:^|\s)author(?:\s|$)/i.test(attribs.itemprop ?? '')) {
    if (attribs.content) {
      add('author', attribs.content, 'itemprop=author')
      return undefined
    }
    return { field: 'author', basis: 'itemprop=author:text', text: '' }
  }
  if (CONTAINER_TAGS.has(name) || name === 'meta' || name === 'link') return undefined
  const cls = `${attribs.class ?? ''} ${attribs.id ?? ''}`
  if (!BYLINE_CLASS.test(cls) || COMMENT_CLASS.test(cls)) return undefined
  return { field: 'author', basis: '[class~=byline]:text', text: '' }
}

/** `<time>`, microdata and date-classed elements: their attribute now, or a collector for their text. */
function readElement(name: string, attribs: Record<string, string>, add: Add, wantText: boolean): TextCollector | undefined {
  const itemprop = attribs.itemprop?.toLowerCase()
  const propField = itemprop === 'datepublished' || itemprop === 'datecreated' ? 'published' : itemprop === 'datemodified' ? 'modified' : undefined
  if (propField) {
    const value = attribs.content ?? attribs.datetime
    if (value) add(propField, value, `itemprop=${itemprop}`)
    else return { field: propField, basis: `itemprop=${itemprop}:text`, text: '' }
    return undefined
  }
  if (itemprop === 'headline') return { field: 'title', basis: 'itemprop=headline:text', text: '' }
  if (name === 'time') {
    const basis = 'pubdate' in attribs ? 'time[pubdate]' : 'time[datetime]'
    if (attribs.datetime) add('published', attribs.datetime, basis)
    else if (wantText) return { field: 'published', basis: 'time:text', text: '' }
    return undefined
  }
  const cls = `${attribs.class ?? ''} ${attribs.id ?? ''}`.trim()
  if (name === 'abbr' && attribs.title && /published|date/i.test(cls)) {
    add('published', attribs.title, 'abbr[title]')
    return undefined
  }
  if (!wantText || cls === '' || CONTAINER_TAGS.has(name)) return undefined
  const m = DATE_CLASS.exec(cls)
  if (!m) return undefined
  const word = m[0].replace(/[\s_\d-]/g, '').toLowerCase()
  return { field: /updated|modified/.test(cls.toLowerCase()) ? 'modified' : 'published', basis: `[class~=${word}]:text`, text: '' }
}

function readJsonLd(raw: string, add: Add): void {
  let data: unknown
  try {
    data = JSON.parse(raw.trim().replace(/^<!--|-->$/g, ''))
  } catch {
    // Broken JSON-LD is common (trailing commas, raw newlines); keep the one field that matters most.
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(raw)
    if (m) add('published', m[1], 'json-ld:datePublished(unparsed)')
    return
  }
  visitJsonLd(data, add, 0)
}

function visitJsonLd(node: unknown, add: Add, depth: number): void {
  if (depth > MAX_JSON_LD_DEPTH || node === null || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const n of node) visitJsonLd(n, add, depth + 1)
    return
  }
  const o = node as Record<string, unknown>
  if (o['@graph']) visitJsonLd(o['@graph'], add, depth + 1)
  const types = ([] as unknown[]).concat(o['@type'] ?? []).filter((t): t is string => typeof t === 'string')
  const type = types.find((t) => ARTICLE_TYPES.has(t.toLowerCase()))
  if (type) {
    const p = `json-ld:${type}.`
    add('published', str(o.datePublished), `${p}datePublished`)
    add('published', str(o.dateCreated), `${p}dateCreated`)
    add('modified', str(o.dateModified), `${p}dateModified`)
    add('title', str(o.headline), `${p}headline`)
    add('language', str(o.inLanguage), `${p}inLanguage`)
    for (const a of ([] as unknown[]).concat(o.author ?? [])) {
      if (typeof a === 'string') add('author', a, `${p}author`)
      else if (a && typeof a === 'object') {
        const r = a as Record<string, unknown>
        const isOrg = /organi[sz]ation|newsmediaorganization/i.test(String(r['@type'] ?? ''))
        add(isOrg ? 'publisher' : 'author', str(r.name), `${p}author${isOrg ? '(organization)' : ''}`)
      }
    }
    const pub = o.publisher
    if (typeof pub === 'string') add('publisher', pub, `${p}publisher`)
    else if (pub && typeof pub === 'object' && !Array.isArray(pub)) add('publisher', str((pub as Record<string, unknown>).name), `${p}publisher.name`)
  }
  if (o.mainEntity) visitJsonLd(o.mainEntity, add, depth + 1)
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  return undefined
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined
  try {
    return new URL(href, base).href
  } catch {
    return href
  }
}

const WAYBACK_PREFIX = /^\/web\/\d{8,14}[a-z_]*\/(?:https?:\/\/?[^/]+)?\/?/
const URL_DAY = /\/((?:19|20)\d{2})[/_-]([01]?\d)[/_-]([0-3]?\d)(?=[/_.-]|$)/
const URL_COMPACT_DAY = /[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?=[/_.-]|$)/
const URL_MONTH = /\/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])(?=\/)/

/**
 * A date written in a URL path: `/2021/05/03/`, `/2021-05-03-`, `/20210503/` (day) or
 * `/2021/05/` (month). Returns `YYYY-MM-DD` or `YYYY-MM`.
 *
 * @example
 * findUrlDate('https://example.org/2021/05/03/ferry-fares') // '2021-05-03'
 */
export function findUrlDate(url: string): string | undefined {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    path = url
  }
  // An archived copy: the archive's own timestamp is the capture, the archived URL is the page's.
  path = path.replace(WAYBACK_PREFIX, '/')
  const day = URL_DAY.exec(path) ?? URL_COMPACT_DAY.exec(path)
  if (day) {
    const [y, m, d] = [day[1]!, Number(day[2]), Number(day[3])]
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return `${y}-${pad(m)}-${pad(d)}`
  }
  const month = URL_MONTH.exec(path)
  if (month) return `${month[1]}-${pad(Number(month[2]))}`
  return undefined
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
