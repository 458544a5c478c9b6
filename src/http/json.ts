import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export const JSON_TYPE = 'application/json; charset=utf-8'

// Scraped text goes out inside JSON: escaping these keeps it inert even if a client sniffs the body as
// HTML or inlines it in a script, and the JSON still parses to the same strings.
const HTML_SIGNIFICANT = /[<>&\u2028\u2029]/g

/** JSON text in which no character can open markup: `<` is `\u003c`, and so on. */
export function toSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(HTML_SIGNIFICANT, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** A JSON response with the API's content type. */
export function sendJson(c: Context, value: unknown, status: ContentfulStatusCode = 200): Response {
  return c.body(toSafeJson(value), status, { 'Content-Type': JSON_TYPE })
}

const UTF8 = new TextEncoder()

/** The UTF-8 bytes of a response body, for bodies cached and sent many times. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return UTF8.encode(text) as Uint8Array<ArrayBuffer>
}
