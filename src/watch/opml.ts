import { childElements, parseXml, type XmlElement } from '../stages/ingest/feeds/xml.js'
import { articleKey } from './urls.js'

export interface OpmlFeed {
  readonly url: string
  readonly title?: string
}

export interface ReadOpml {
  readonly feeds: readonly OpmlFeed[]
  /** Outlines that name a feed that cannot be followed, each with why. */
  readonly rejected: ReadonlyArray<{ readonly outline: string; readonly reason: string }>
}

/**
 * The feeds an OPML subscription list names: every `<outline>` with an `xmlUrl`, at any depth of
 * folders, in document order, each URL once. An outline whose URL is not http(s) is rejected with
 * its reason; the rest are read.
 *
 * @example
 * readOpml('<opml><body><outline text="Desk" xmlUrl="https://desk.example/rss"/></body></opml>').feeds
 * // [{ url: 'https://desk.example/rss', title: 'Desk' }]
 */
export function readOpml(text: string): ReadOpml | undefined {
  const { root } = parseXml(text)
  if (root?.name !== 'opml') return undefined
  const feeds: OpmlFeed[] = []
  const rejected: Array<{ outline: string; reason: string }> = []
  const seen = new Set<string>()
  const walk = (el: XmlElement): void => {
    for (const outline of childElements(el, 'outline', 'body')) {
      const attr = (name: string): string | undefined => Object.entries(outline.attrs).find(([k]) => k.toLowerCase() === name)?.[1]?.trim() || undefined
      const xmlUrl = attr('xmlurl')
      if (xmlUrl !== undefined) {
        const title = attr('title') ?? attr('text')
        const url = articleKey(xmlUrl)
        if (url === undefined) rejected.push({ outline: title ?? xmlUrl, reason: `xmlUrl ${JSON.stringify(xmlUrl.slice(0, 200))} is not an http(s) URL` })
        else if (!seen.has(url)) {
          seen.add(url)
          feeds.push({ url, ...(title ? { title } : {}) })
        }
      }
      walk(outline)
    }
  }
  walk(root)
  return { feeds, rejected }
}
