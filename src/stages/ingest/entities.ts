import { Parser } from 'htmlparser2'

/**
 * Decodes every HTML character reference in a text (`&eacute;`, `&nbsp;`, `&#233;`, `&#xE9;`, and
 * XML's five), in one pass. Feeds and XHTML pages use HTML's named entities though XML knows only
 * five; an XML parser leaves the rest as text. htmlparser2 holds the full HTML table; `<` is escaped
 * first so the text is only ever text, never markup.
 *
 * @example
 * decodeHtmlEntities('Caf&eacute;&nbsp;opens')   // 'Café\u00a0opens'
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text
  let out = ''
  const parser = new Parser({ ontext: (part) => { out += part } }, { decodeEntities: true })
  parser.end(text.replace(/</g, '&lt;'))
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
