import { XMLBuilder } from 'fast-xml-parser'
import type { Alert, Watch } from './types.js'
import { describeTarget } from './describe.js'

const ATOM_NS = 'http://www.w3.org/2005/Atom'
/** Characters XML 1.0 does not allow at all, escaped or not: scraped text may carry them. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Alerts a watch's feed carries: the newest, as feed readers expect of a feed (they keep what they read). */
export const FEED_ALERTS = 50

// Text and attributes are escaped by the builder; `<` inside the HTML content is escaped once more
// by it, as Atom's type="html" requires (the reader unescapes it to HTML).
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', format: true, suppressEmptyNode: true })

/**
 * A watch's alerts as an Atom 1.0 feed, newest first: one entry per alert, its content an HTML list
 * of the cited spans, each linked into the web app at `appUrl` (the article with the span marked).
 *
 * @example
 * watchFeed(watch, alerts, 'http://127.0.0.1:8080') // '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">…'
 */
export function watchFeed(watch: Watch, alerts: readonly Alert[], appUrl: string): string {
  const base = appUrl.replace(/\/+$/, '')
  const feed = {
    '@xmlns': ATOM_NS,
    id: `urn:dossier:watch:${watch.id}`,
    title: xmlSafe(`Dossier alerts: ${watch.name}`),
    subtitle: xmlSafe(`Alerts of the watch on ${describeTarget(watch.target)}`),
    updated: alerts[0]?.createdAt ?? watch.updatedAt,
    author: { name: 'Dossier' },
    generator: 'Dossier',
    link: [
      { '@rel': 'self', '@type': 'application/atom+xml', '@href': `${base}/feeds/watches/${encodeURIComponent(watch.id)}.atom` },
      { '@rel': 'alternate', '@type': 'text/html', '@href': `${base}/#/watches/${encodeURIComponent(watch.id)}` },
    ],
    entry: alerts.map((alert) => ({
      id: `urn:dossier:alert:${alert.id}`,
      title: xmlSafe(alert.title),
      updated: alert.createdAt,
      published: alert.createdAt,
      category: { '@term': alert.kind },
      ...(alert.story === null ? {} : { link: { '@rel': 'alternate', '@type': 'text/html', '@href': `${base}/#/stories/${encodeURIComponent(alert.story.id)}` } }),
      content: { '@type': 'html', '#text': xmlSafe(alertHtml(alert, base)) },
    })),
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ feed }) as string}`
}

/** The alert as HTML: its line, then each cited span with its outlet, linked to the article with the span marked. */
function alertHtml(alert: Alert, base: string): string {
  const items = alert.citations.map((c) => {
    const href = `${base}/#/articles/${encodeURIComponent(c.article)}?span=${c.span.start}-${c.span.end}`
    return `<li>${escapeHtml(c.source)}: <a href="${escapeHtml(href)}">“${escapeHtml(c.text)}”</a></li>`
  })
  return `<p>${escapeHtml(alert.title)}</p>${items.length === 0 ? '' : `<ul>${items.join('')}</ul>`}`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD')
}
