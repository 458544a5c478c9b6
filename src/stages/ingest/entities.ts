import { Parser } from 'htmlparser2'

/** A character reference: named, decimal or hexadecimal, with its semicolon (XML requires it). */
const REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{1,31});/g
/** References decoded so far, at most this many: feeds use a handful, so nearly every one is a hit. */
const MAX_CACHED_REFERENCES = 4096
const decoded = new Map<string, string>()

/**
 * Decodes every HTML character reference in a text (`&eacute;`, `&nbsp;`, `&#233;`, `&#xE9;`, and
 * XML's five), in one pass. Feeds and XHTML pages use HTML's named entities though XML knows only
 * five; an XML parser leaves the rest as text. htmlparser2 holds the full HTML table and the HTML
 * rules for numeric references (`&#150;` is an en dash); each reference is decoded by it once.
 *
 * @example
 * decodeHtmlEntities('Caf&eacute;&nbsp;opens')   // 'Café\u00a0opens'
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (reference) => {
    let value = decoded.get(reference)
    if (value === undefined) {
      value = decodeReference(reference)
      if (decoded.size < MAX_CACHED_REFERENCES) decoded.set(reference, value)
    }
    return value
  })
}

function decodeReference(reference: string): string {
  let out = ''
  const parser = new Parser({ ontext: (part) => { out += part } }, { decodeEntities: true })
  parser.end(reference)
  return out
}

/**
 * The entity decoder fast-xml-parser calls on text and attribute values: HTML's named references
 * as well as XML's. Entity declarations are refused before parsing (see `readFeed`), so there are
 * no input entities to add.
 */
export const htmlEntityDecoder = {
  decode: decodeHtmlEntities,
  reset: (): void => {},
  setXmlVersion: (): void => {},
  addInputEntities: (): void => {},
  setExternalEntities: (): void => {},
}
