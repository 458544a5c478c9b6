import { Parser } from 'htmlparser2'
import { articleKey } from './urls.js'

export interface PageLink {
  readonly url: string
  readonly text: string
}

/** Paths that are sections, tags, authors, searches or files, not articles. */
const NOT_ARTICLE = /\/(tags?|topics?|category|categories|section|author|authors|search|login|signin|subscribe|about|contact|privacy|terms)(\/|$)|\.(jpe?g|png|gif|svg|webp|pdf|css|js|xml|rss|zip|mp3|mp4)$/i
/** A last path segment this long, or holding a digit or a hyphen, names one article (a slug or an id), not a section front. */
const MIN_SLUG_CHARS = 12

/**
 * The links of a page that look like articles of its own site: same host, http(s), not the page
 * itself, not a section/tag/author/file path, and a last path segment that is a slug or holds a
 * number. Each once, in page order, with its anchor text as a title. A front page lists its new
 * stories this way; `dossier watch` follows a page source by what is new among them.
 *
 * Hand-written over htmlparser2 events: only `<a href>` and its text are wanted, and no extraction
 * library reads links without building the whole page.
 *
 * @example
 * findArticleLinks('<a href="/world/2026/talks-resume">Talks resume</a>', 'https://desk.example/')
 * // [{ url: 'https://desk.example/world/2026/talks-resume', text: 'Talks resume' }]
 */
export function findArticleLinks(html: string, pageUrl: string): PageLink[] {
  const page = new URL(pageUrl)
  const found = new Map<string, string>()
  let open: { url: string; text: string } | undefined
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name !== 'a' || attrs.href === undefined) return
      let url: URL
      try {
        url = new URL(attrs.href, page)
      } catch {
        return
      }
      const key = articleKey(url.href)
      if (key === undefined || url.host !== page.host || !looksLikeArticle(url) || key === articleKey(page.href)) return
      open = { url: key, text: '' }
    },
    ontext(text) {
      if (open) open.text += text
    },
    onclosetag(name) {
      if (name !== 'a' || !open) return
      const text = open.text.replace(/\s+/g, ' ').trim()
      if (!found.has(open.url) || (!found.get(open.url) && text)) found.set(open.url, text)
      open = undefined
    },
  }, { decodeEntities: true })
  parser.end(html)
  return [...found].map(([url, text]) => ({ url, text }))
}

function looksLikeArticle(url: URL): boolean {
  if (NOT_ARTICLE.test(url.pathname)) return false
  const last = url.pathname.split('/').filter(Boolean).at(-1) ?? ''
  return last.length >= MIN_SLUG_CHARS || /[\d-]/.test(last)
}
