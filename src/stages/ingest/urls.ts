/** Characters of a refused URL shown in its warning: enough to recognise it, not a whole `data:` payload. */
const MAX_SHOWN_URL_CHARS = 80

/**
 * True for an absolute http or https URL: the only kind kept as a document's url. A `javascript:`
 * or `data:` link from a feed or JSON Lines file would otherwise be stored and later shown as a
 * link a reader can click.
 *
 * @example
 * isHttpUrl('https://desk.example/a')   // true
 * isHttpUrl('javascript:alert(1)')      // false
 */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url.trim())
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** The warning for a url that was dropped, with the url shown escaped and shortened. */
export function describeDroppedUrl(url: string): string {
  const shown = JSON.stringify(url.length > MAX_SHOWN_URL_CHARS ? `${url.slice(0, MAX_SHOWN_URL_CHARS)}…` : url)
  return `url ${shown} dropped: only absolute http and https URLs are kept`
}
