import { parseSearchQuery, type SearchExpr, type SearchPhrase, type SearchQuery } from '../search-query.js'

/**
 * A search as an FTS5 MATCH expression, or undefined when it holds no word (it finds nothing).
 * Every phrase is rendered as an FTS5 string and every group in parentheses, so what FTS5
 * receives is always well-formed; a malformed advanced query throws SearchSyntaxError first.
 *
 * @example
 * toFts5Match("Putin's U.S. visit") // '"Putin's" AND "U.S." AND "visit"'
 * toFts5Match({ text: 'ferry NOT strike*', mode: 'advanced' }) // '"ferry" NOT "strike"*'
 */
export function toFts5Match(query: SearchQuery): string | undefined {
  const expr = parseSearchQuery(query)
  return expr === undefined ? undefined : renderFts5(expr)
}

/** One parsed search in FTS5 query syntax. */
export function renderFts5(expr: SearchExpr): string {
  switch (expr.kind) {
    case 'phrase':
      return renderPhrase(expr)
    case 'near':
      return `NEAR(${expr.phrases.map(renderPhrase).join(' ')}${expr.distance === undefined ? '' : `, ${expr.distance}`})`
    case 'and':
    case 'or':
      return expr.items.map(renderOperand).join(expr.kind === 'and' ? ' AND ' : ' OR ')
    case 'not':
      return `${renderOperand(expr.include)} NOT ${renderOperand(expr.exclude)}`
  }
}

function renderOperand(expr: SearchExpr): string {
  return expr.kind === 'phrase' || expr.kind === 'near' ? renderFts5(expr) : `(${renderFts5(expr)})`
}

// The phrase as typed, so FTS5 splits it into words as it split the documents (its Unicode 6.1
// tables differ from the parser's, on emoji for one). Control characters and lone surrogates
// become spaces (both separate words, and a NUL would end the query early); quotes are doubled.
function renderPhrase(phrase: SearchPhrase): string {
  return `"${phrase.text.replace(/[\p{Cc}\p{Cs}]/gu, ' ').replaceAll('"', '""')}"${phrase.prefix ? '*' : ''}`
}
