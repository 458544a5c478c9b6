import { UsageError } from '../errors.js'

/**
 * Every `--format` value any command takes, and what it means. One name means one thing on every
 * command: a command takes the ones that fit what it prints (`dossier <command> --help` lists them).
 */
export const FORMATS = {
  table: 'aligned columns for reading in a terminal',
  text: 'plain lines for reading',
  md: 'Markdown',
  html: 'a standalone HTML page',
  json: 'one JSON document (a list is one array)',
  jsonl: 'JSON Lines: one JSON record per line',
  csv: 'RFC 4180 CSV: a header row, then one row per record, CRLF line ends',
  jsonld: 'JSON-LD with schema.org types (NewsArticle, ClaimReview)',
  gexf: 'GEXF 1.3, the graph format of Gephi',
  graphml: 'GraphML, the XML graph format of yEd, Cytoscape, NetworkX and igraph',
} as const

export type Format = keyof typeof FORMATS

/**
 * Checks a format against the ones a command or record kind takes, naming them when it does not fit.
 *
 * @example
 * checkFormat('xml', ['jsonl', 'csv'], 'export --what quotes') // throws: … takes --format jsonl or csv, not "xml"
 */
export function checkFormat<F extends Format>(format: string, allowed: readonly F[], where: string): F {
  if ((allowed as readonly string[]).includes(format)) return format as F
  throw new UsageError(`${where} takes --format ${listOr(allowed)}, not "${format}".`)
}

/** `a, b or c`. */
export function listOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
}
