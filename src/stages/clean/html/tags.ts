/**
 * Element and attribute vocabularies the HTML extractor relies on, as data. The class/id patterns
 * follow Mozilla Readability's (Apache-2.0) lists, extended with what news pages use for furniture.
 */
import type { RemovalReason } from '../../../document/index.js'

/** Elements whose contents a reader never sees as text. */
// Not <head>: htmlparser2 does not close it implicitly, so a page that omits </head> keeps its body
// inside it. What a head holds that has text (title, script, style) is listed on its own.
export const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'title', 'iframe', 'object', 'embed', 'canvas', 'math', 'video', 'audio', 'map',
])

/** Elements that start a new line in the rendered page. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'ul', 'caption', 'legend', 'option', 'frameset', 'noframes', 'textarea', 'select', 'button',
])

/** Table cells sit side by side: a space between them, one line per row. */
export const CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th'])

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Furniture by element name, and the reason recorded for it. */
export const FURNITURE_TAGS: ReadonlyMap<string, RemovalReason> = new Map([
  ['nav', 'navigation'], ['menu', 'navigation'], ['aside', 'boilerplate'], ['footer', 'boilerplate'],
  ['button', 'boilerplate'], ['select', 'boilerplate'], ['textarea', 'boilerplate'],
  ['input', 'boilerplate'], ['label', 'boilerplate'], ['dialog', 'boilerplate'], ['figcaption', 'boilerplate'],
  ['fieldset', 'boilerplate'],
])

/** ARIA roles of page furniture. */
export const FURNITURE_ROLES: ReadonlyMap<string, RemovalReason> = new Map([
  ['navigation', 'navigation'], ['menu', 'navigation'], ['menubar', 'navigation'], ['complementary', 'boilerplate'],
  ['alert', 'boilerplate'], ['alertdialog', 'boilerplate'], ['dialog', 'boilerplate'], ['banner', 'boilerplate'],
  ['contentinfo', 'boilerplate'], ['search', 'navigation'],
])

/** Class or id words of elements that are almost never the article (Readability's unlikely candidates). */
export const UNLIKELY_CLASS = /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|share|sharing|promo|outbrain|taboola|recommend|most-?popular|trending|cookie|consent|paywall|signup|toolbar|byline|author|dateline|caption|tags?-?list|topics|read-?more|more-?stories|navigation|masthead/i
/** Words that rescue an unlikely-looking element: the content itself often carries them. */
export const MAYBE_CANDIDATE_CLASS = /and|article|body|column|content|main|mathjax|shadow/i
/** Words that lower an element's score (Readability's negative list). */
export const NEGATIVE_CLASS = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|byline|author|caption|credit|newsletter|social/i
/** Words that raise it (Readability's positive list). */
export const POSITIVE_CLASS = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i

/** Which reason an unlikely class or id word implies; the first match wins. */
export const CLASS_REASONS: readonly (readonly [RegExp, RemovalReason])[] = [
  [/breadcrumb|menu|navigation|pagination|pager|toolbar|masthead|header/i, 'navigation'],
  [/related|recommend|most-?popular|trending|more-?stories|read-?more|outbrain|taboola|topics|tags?-?list/i, 'related-list'],
  [/share|sharing|social/i, 'share-prompt'],
  [/comment|disqus|replies|remark/i, 'comment-prompt'],
  [/-ad-|ad-break|sponsor|promo|skyscraper|banner/i, 'ad-notice'],
  [/gdpr|cookie|consent|disclaimer/i, 'disclaimer'],
  [/byline|author|dateline/i, 'byline'],
]

/** Byline markers: Readability's, plus schema.org's. */
export const BYLINE_CLASS = /byline|author|dateline|writtenby|p-author/i
