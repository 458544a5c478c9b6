import type { ContainerFormat } from '../../document/index.js'
import { isJsonFeed } from './feeds/jsonfeed.js'

/** Leading bytes checked for binary content: enough to see a file's header and first records. */
const BINARY_SCAN_BYTES = 8192
/**
 * Share of control characters (other than tab, newline, carriage return, form feed, escape) above
 * which bytes are binary: text has almost none, images and archives have many.
 */
const MAX_CONTROL_CHAR_RATIO = 0.1
/** Characters of the start of a text searched for a feed root or HTML tags. */
const FORMAT_SCAN_CHARS = 4096
/** Characters searched for a JSON Feed's `version` URL, which may follow a long description. */
const JSON_FEED_SCAN_CHARS = 64 * 1024
/** Markdown signals a text needs before it is called Markdown without a `.md` name. */
const MIN_MARKDOWN_SIGNALS = 2

/** The format of a decoded text, by its content; `xml` is XML that is neither a feed nor HTML. */
export type TextFormat = Exclude<ContainerFormat, 'warc'> | 'xml'

/** Why bytes look binary (a NUL byte, too many control characters), or undefined if they look like text. */
export function findBinaryReason(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, BINARY_SCAN_BYTES)
  let control = 0
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!
    if (b === 0) return `binary content (NUL byte at offset ${i})`
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++
  }
  if (head.length > 0 && control / head.length > MAX_CONTROL_CHAR_RATIO) {
    return `binary content (${Math.round((100 * control) / head.length)}% control characters)`
  }
  return undefined
}

/** True when the bytes are a WARC file: every record starts with a `WARC/1.x` version line. */
export function isWarc(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 8)).toString('latin1').startsWith('WARC/')
}

/**
 * The container format of a decoded text, from its content; the file name only tells Markdown
 * from plain text when the content does not.
 *
 * @example
 * sniffTextFormat('<?xml version="1.0"?><rss version="2.0">…')   // 'rss'
 * sniffTextFormat('{"url": "https://…", "text": "…"}\n')          // 'jsonl'
 */
export function sniffTextFormat(text: string, name = ''): TextFormat {
  const head = text.slice(0, FORMAT_SCAN_CHARS).replace(/^\s+/, '')
  if (head.startsWith('<')) {
    // By the root's local name, whatever its prefix (`<rdf:RDF>`, `<r:rss>`, `<atom:feed>`); CDF's root is CHANNEL.
    const root = findXmlRoot(head)?.replace(/^.*:/, '')
    if (root === 'rss' || root === 'rdf' || root === 'channel') return 'rss'
    if (root === 'feed') return 'atom'
    if (root === 'html' || looksLikeHtml(head)) return 'html'
    if (head.startsWith('<?xml')) return 'xml'
  }
  if (isJsonFeed(text.slice(0, JSON_FEED_SCAN_CHARS))) return 'jsonfeed'
  if (isJsonLines(text, name)) return 'jsonl'
  if (looksLikeHtml(head)) return 'html'
  if (/\.(md|markdown|mdown|mkd)(\.gz)?$/i.test(name) || countMarkdownSignals(head) >= MIN_MARKDOWN_SIGNALS) return 'markdown'
  return 'text'
}

/** The first element name after the prolog (declaration, comments, doctype), lower-cased. */
function findXmlRoot(head: string): string | undefined {
  const prolog = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|\s+)*/i.exec(head)
  const root = /^<([\w:.-]+)/.exec(head.slice(prolog?.[0].length ?? 0))
  return root?.[1]?.toLowerCase()
}

function looksLikeHtml(head: string): boolean {
  if (/<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/i.test(head)) return true
  // A fragment: a text that starts with a tag and has block-level markup.
  return head.startsWith('<') && /<(p|div|article|section|h[1-6]|ul|table|br)\b[^>]*>/i.test(head)
}

/** File names that say JSON Lines, optionally gzipped. */
const JSONL_NAME = /\.(jsonl|ndjson)(\.gz)?$/i
/** How a JSON object starts: `{"` or `{}` after optional spaces. "{{Infobox" or "{ braces }" prose does not. */
const JSON_OBJECT_START = /^\{\s*["}]/

/**
 * True when an input is JSON Lines: its name says so, or it starts as a JSON object does. The first
 * line is not parsed to decide: a broken or over-long first line is a bad record of a JSON Lines
 * file, not a reason to store the whole file as one text.
 *
 * @example
 * isJsonLines('{"title": "A", "text": "…"}\n', 'dump.txt')   // true
 * isJsonLines('{broken\n{"title": "B"}', 'dump.jsonl')       // true
 */
export function isJsonLines(text: string, name = ''): boolean {
  return JSONL_NAME.test(name) || JSON_OBJECT_START.test(text.slice(0, FORMAT_SCAN_CHARS).replace(/^\uFEFF/, '').trimStart())
}

/** True for a PDF file (`%PDF-` header): a format Dossier does not read, even when it is all ASCII. */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart().startsWith('%PDF-')
}

const MARKDOWN_SIGNALS: readonly RegExp[] = [
  /^#{1,6} \S/m,                   // ATX heading
  /^\S.*\n(=+|-+)[ \t]*$/m,       // Setext heading
  /\[[^\]\n]+\]\([^)\s]+\)/,      // inline link
  /^```/m,                         // fenced code
  /^[ \t]*[*+-] \S.*\n[ \t]*[*+-] \S/m, // two list items in a row
  /\*\*[^*\n]+\*\*/,              // strong emphasis
  /^> \S/m,                        // block quote
]

function countMarkdownSignals(head: string): number {
  return MARKDOWN_SIGNALS.filter((re) => re.test(head)).length
}
