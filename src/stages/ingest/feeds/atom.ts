import { parseFeedDate } from './dates.js'
import { type FeedAuthor, type FeedEnclosure, type FeedEntry, plainText, readTextConstruct, uniqueAuthors, uniqueStrings } from './model.js'
import { type XmlElement, childElements, firstChild, resolveUrl, textOf } from './xml.js'

/** The entries of an Atom 1.0 or 0.3 feed. */
export function atomEntries(root: XmlElement): XmlElement[] {
  return childElements(root, 'atom:entry', 'entry')
}

/**
 * Reads one Atom entry (1.0, or 0.3 with its `issued`/`modified` dates and `mode` attribute).
 * Atom elements are read under any prefix, and without a namespace in a feed that forgot it.
 */
export function readAtomEntry(entry: XmlElement): FeedEntry {
  const a = (name: string): string[] => [`atom:${name}`, name]
  const links = childElements(entry, ...a('link'))
  const alternate = pickAlternate(links)
  const published = firstText(entry, ...a('published'), ...a('issued'), 'dcterms:issued')
  const updated = firstText(entry, ...a('updated'), ...a('modified'), 'dcterms:modified', 'dc:date')
  const authors = childElements(entry, ...a('author')).map((el): FeedAuthor => {
    const name = textOf(firstChild(el, ...a('name'))).trim() || (el.children.every((c) => typeof c === 'string') ? textOf(el).trim() : '')
    const email = textOf(firstChild(el, ...a('email'))).trim()
    const uri = textOf(firstChild(el, ...a('uri'), ...a('url'))).trim()
    return { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(uri ? { url: resolveUrl(uri, el.base) ?? uri } : {}) }
  })
  const creators = childElements(entry, 'dc:creator').map((el): FeedAuthor => ({ name: textOf(el).trim() }))
  const enclosures = links
    .filter((l) => (l.attrs.rel ?? '').toLowerCase() === 'enclosure' && l.attrs.href)
    .map((l): FeedEnclosure => enclosure(resolveUrl(l.attrs.href!, l.base) ?? l.attrs.href!, l.attrs.type, l.attrs.length))
  const content = firstChild(entry, ...a('content'))
  const id = textOf(firstChild(entry, ...a('id'))).trim()
  return {
    ...opt('title', plainText(readTextConstruct(firstChild(entry, ...a('title'), 'dc:title')))),
    ...opt('link', alternate),
    ...opt('id', id),
    ...opt('published', published),
    ...opt('publishedIso', parseFeedDate(published)),
    ...opt('updated', updated),
    ...opt('updatedIso', parseFeedDate(updated)),
    authors: uniqueAuthors([...authors, ...creators]),
    categories: uniqueStrings([
      ...childElements(entry, ...a('category')).map((c) => c.attrs.term ?? c.attrs.label ?? textOf(c)),
      ...childElements(entry, 'dc:subject').map(textOf),
    ]),
    ...opt('summary', readTextConstruct(firstChild(entry, ...a('summary')))),
    // Content by reference (`src`) is not inline content: the entry's body is its summary.
    ...opt('content', content && !content.attrs.src ? readTextConstruct(content) : undefined),
    enclosures,
  }
}

function pickAlternate(links: XmlElement[]): string | undefined {
  const withHref = links.filter((l) => l.attrs.href)
  const alternates = withHref.filter((l) => !l.attrs.rel || l.attrs.rel.toLowerCase() === 'alternate')
  const best = alternates.find((l) => !l.attrs.type || /html/i.test(l.attrs.type)) ?? alternates[0] ?? withHref.find((l) => l.attrs.rel?.toLowerCase() !== 'enclosure' && l.attrs.rel?.toLowerCase() !== 'self')
  return best ? resolveUrl(best.attrs.href!, best.base) ?? best.attrs.href!.trim() : undefined
}

export function firstText(el: XmlElement, ...names: string[]): string | undefined {
  for (const name of names) {
    for (const child of childElements(el, name)) {
      const text = textOf(child).replace(/\s+/g, ' ').trim()
      if (text) return text
    }
  }
  return undefined
}

export function enclosure(url: string, type: string | undefined, length: string | undefined): FeedEnclosure {
  const n = length !== undefined && /^\d+$/.test(length.trim()) ? Number(length.trim()) : undefined
  return { url, ...(type ? { type } : {}), ...(n !== undefined ? { length: n } : {}) }
}

/** `{ key: value }` when the value is set, else nothing: keeps optional fields absent, not undefined. */
export function opt<K extends string, V>(key: K, value: V | undefined | ''): { [P in K]?: V } {
  return (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: V }
}
