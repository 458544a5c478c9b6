/** Query parameters that only track a click (campaign tags): the same article with or without them is one article. */
const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign)$/i

/**
 * The key an article is known by across sources: its URL with the fragment and tracking
 * parameters removed (host lower-cased by URL itself), or undefined when it is not an http(s) URL.
 * The same story linked from two feeds, one with `?utm_source=rss`, is one item and one fetch.
 *
 * @example
 * articleKey('https://News.example/a?utm_source=rss#top')   // 'https://news.example/a'
 */
export function articleKey(link: string): string | undefined {
  let url: URL
  try {
    url = new URL(link.trim())
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  url.hash = ''
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(name)) url.searchParams.delete(name)
  return url.href
}

/** The host a URL is fetched from (`host:port`), the unit of politeness. */
export function hostOf(url: string): string {
  return new URL(url).host
}
