import type { PageCandidate } from '../../document/index.js'

type Field = PageCandidate['field']

/**
 * `<meta name|property|itemprop=KEY content=…>` keys (lowercased) and the field each states.
 * Gathered from Open Graph, Dublin Core, Highwire/Google Scholar (`citation_*`), Parse.ly,
 * Sailthru and the ad-hoc names news CMSs use. A key not listed here is ignored.
 */
export const META_FIELDS: ReadonlyMap<string, Field> = new Map<string, Field>([
  // title
  ['og:title', 'title'], ['twitter:title', 'title'], ['dc.title', 'title'], ['dcterms.title', 'title'], ['dc:title', 'title'], ['dcterms:title', 'title'],
  ['citation_title', 'title'], ['parsely-title', 'title'], ['sailthru.title', 'title'], ['headline', 'title'],
  // authors
  ['author', 'author'], ['article:author', 'author'], ['dc.creator', 'author'], ['dcterms.creator', 'author'], ['dc:creator', 'author'], ['dcterms:creator', 'author'],
  ['citation_author', 'author'], ['parsely-author', 'author'], ['sailthru.author', 'author'], ['byl', 'author'],
  ['book:author', 'author'], ['article:author_name', 'author'],
  // publisher
  ['og:site_name', 'publisher'], ['publisher', 'publisher'], ['dc.publisher', 'publisher'],
  ['dcterms.publisher', 'publisher'], ['citation_publisher', 'publisher'], ['article:publisher', 'publisher'],
  // published
  ['article:published_time', 'published'], ['article:published', 'published'], ['og:published_time', 'published'],
  ['og:article:published_time', 'published'], ['published_time', 'published'], ['published-date', 'published'],
  ['pubdate', 'published'], ['publishdate', 'published'], ['publish-date', 'published'], ['publish_date', 'published'],
  ['date', 'published'], ['dc.date', 'published'], ['dc.date.issued', 'published'], ['dc.date.created', 'published'],
  ['dcterms.date', 'published'], ['dcterms.issued', 'published'], ['dcterms.created', 'published'],
  ['citation_date', 'published'], ['citation_publication_date', 'published'], ['citation_online_date', 'published'],
  ['parsely-pub-date', 'published'], ['sailthru.date', 'published'], ['datepublished', 'published'],
  ['datecreated', 'published'], ['originalpublicationdate', 'published'], ['article.published', 'published'],
  ['article_date_original', 'published'], ['ptime', 'published'], ['displaydate', 'published'],
  ['date_published', 'published'], ['rnews:datepublished', 'published'], ['og:pubdate', 'published'],
  ['bt:pubdate', 'published'], ['dc.date.published', 'published'], ['release_date', 'published'],
  ['cxenseparse:recs:publishtime', 'published'], ['article.created', 'published'], ['created', 'published'],
  ['date.created', 'published'], ['shareaholic:article_published_time', 'published'],
  // modified
  ['article:modified_time', 'modified'], ['article:modified', 'modified'], ['og:updated_time', 'modified'],
  ['dc.date.modified', 'modified'], ['dcterms.modified', 'modified'], ['last-modified', 'modified'],
  ['lastmod', 'modified'], ['datemodified', 'modified'], ['modified', 'modified'], ['utime', 'modified'],
  ['updated_time', 'modified'], ['article.updated', 'modified'], ['revised', 'modified'],
  ['shareaholic:article_modified_time', 'modified'], ['dc.date.updated', 'modified'],
  // language
  ['og:locale', 'language'], ['content-language', 'language'], ['dc.language', 'language'],
  ['dcterms.language', 'language'], ['language', 'language'], ['inlanguage', 'language'],
  // description, section, canonical
  ['description', 'description'], ['og:description', 'description'], ['twitter:description', 'description'],
  ['article:section', 'section'], ['parsely-section', 'section'], ['og:url', 'canonical'],
])

/**
 * JSON-LD `@type`s whose dates and authors are the article's own. Dates from other types
 * (a WebSite, an Organization) are ignored; a WebPage is kept but weighed lower by `dates.ts`.
 */
export const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'article', 'newsarticle', 'blogposting', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'techarticle', 'scholarlyarticle', 'report', 'socialmediaposting',
  'liveblogposting', 'posting', 'creativework', 'webpage', 'itempage', 'medicalwebpage', 'aboutpage', 'qapage',
  'videoobject', 'event',
])

/**
 * Class or id words of elements that usually hold an article's date line ("posted on …",
 * "<span class=date>"). Their short text is kept as a date candidate; `dates.ts` weighs it low.
 */
export const DATE_CLASS = /(?:^|[\s_-])(?:date|datum|time|timestamp|published|publish|posted|post-?meta|entry-?meta|meta|byline|dateline|article-?info|info|submitted|created|updated|zeit|veroeffentlicht)(?:$|[\s_-]|\d)|^(?:date|datum|published|posted|pubdate|dateline)/i

/** Element names whose class alone never makes a date candidate (they hold whole sections). */
export const CONTAINER_TAGS: ReadonlySet<string> = new Set(['html', 'body', 'main', 'article', 'section', 'table', 'ul', 'ol', 'form', 'nav'])
