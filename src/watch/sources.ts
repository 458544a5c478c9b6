import { UsageError } from '../errors.js'
import { SOURCE_KINDS, type SourceKind, type SourceStore, type WatchSource } from '../store/index.js'
import { readOpml } from './opml.js'
import { articleKey } from './urls.js'

/**
 * The kind a URL most likely is when the user names none: a sitemap by its name, else a feed.
 * What the URL serves decides in the end (a feed added as a sitemap is still read as a feed).
 *
 * @example
 * guessSourceKind('https://desk.example/news-sitemap.xml')   // 'sitemap'
 */
export function guessSourceKind(url: string): SourceKind {
  return /sitemap[^/]*\.xml(\.gz)?$/i.test(new URL(url).pathname) ? 'sitemap' : 'feed'
}

/**
 * Adds one source by URL, checked first: http(s) only, a known kind (default guessed). Throws a
 * UsageError naming the URL and what is wrong.
 *
 * @example
 * await addSourceUrl(sources, 'https://desk.example/rss')   // { source, added: true }
 */
export async function addSourceUrl(sources: SourceStore, url: string, kind?: string, title?: string): Promise<{ source: WatchSource; added: boolean }> {
  const key = articleKey(url)
  if (key === undefined) throw new UsageError(`${JSON.stringify(url.slice(0, 200))} is not an http(s) URL; a source is a feed, sitemap or page URL.`)
  if (kind !== undefined && !SOURCE_KINDS.includes(kind as SourceKind)) throw new UsageError(`${url}: kind is one of ${SOURCE_KINDS.join(', ')}, not ${JSON.stringify(kind)}.`)
  return sources.addSource({ url: key, kind: (kind as SourceKind | undefined) ?? guessSourceKind(key), ...(title ? { title } : {}) })
}

export interface OpmlImport {
  readonly added: readonly WatchSource[]
  /** Feeds of the list already followed. */
  readonly existing: number
  readonly rejected: ReadonlyArray<{ readonly outline: string; readonly reason: string }>
}

/**
 * Follows every feed of an OPML subscription list (`name` is how messages call it). A file that is
 * not OPML is a UsageError; an outline that cannot be followed is rejected with its reason, the
 * others are added.
 *
 * @example
 * const { added, rejected } = await importOpml(sources, 'subs.opml', text)
 */
export async function importOpml(sources: SourceStore, name: string, text: string): Promise<OpmlImport> {
  const opml = readOpml(text)
  if (!opml) throw new UsageError(`${name}: not an OPML file (its root element is not <opml>).`)
  const added: WatchSource[] = []
  let existing = 0
  for (const feed of opml.feeds) {
    const result = await sources.addSource({ url: feed.url, kind: 'feed', ...(feed.title ? { title: feed.title } : {}) })
    if (result.added) added.push(result.source)
    else existing++
  }
  return { added, existing, rejected: opml.rejected }
}
