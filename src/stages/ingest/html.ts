import { linearParser } from '../clean/html/parse.js'

// Elements whose text is never shown to a reader. Not <head> as a whole: htmlparser2 does not close it
// implicitly, so on a page that omits </head> the body would hang inside it and read as empty.
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'title'])

/**
 * True when an HTML page has any visible text. HTML parsers forgive broken markup, so a malformed page
 * is still read; only a page with nothing to read (scripts, styles, empty tags) is rejected.
 *
 * @example
 * hasVisibleText('<p>Unclosed <b>bold')          // true
 * hasVisibleText('<script>var a = 1</script>')   // false
 */
export function hasVisibleText(html: string): boolean {
  let hidden = 0
  let found = false
  // The linear parser: htmlparser2's own is quadratic in nesting depth (see clean/html/parse.ts).
  const parser = linearParser({
    onopentagname(name) {
      if (HIDDEN_ELEMENTS.has(name)) hidden++
    },
    onclosetag(name) {
      if (HIDDEN_ELEMENTS.has(name) && hidden > 0) hidden--
    },
    ontext(text) {
      if (hidden === 0 && /\S/.test(text)) {
        found = true
        parser.pause()
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true })
  parser.end(html)
  return found
}
