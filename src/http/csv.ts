/** A column of a CSV export: its header and how to read the cell from an item. */
export interface CsvColumn<T> {
  readonly header: string
  readonly value: (item: T) => unknown
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/**
 * One CSV cell (RFC 4180): null and undefined are empty, arrays and objects are JSON, text that a
 * spreadsheet would run as a formula gets a leading `'`, and a cell with a quote, comma or line
 * break is quoted with its quotes doubled.
 *
 * @example
 * csvCell('=SUM(A1)') // "'=SUM(A1)"
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * Items as CSV text: a header row, one row an item, CRLF line ends.
 *
 * @example
 * toCsv([{ id: 'a', n: 2 }], [{ header: 'id', value: (r) => r.id }, { header: 'n', value: (r) => r.n }]) // 'id,n\r\na,2\r\n'
 */
export function toCsv<T>(items: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const rows = [columns.map((c) => csvCell(c.header)), ...items.map((item) => columns.map((c) => csvCell(c.value(item))))]
  return rows.map((r) => `${r.join(',')}\r\n`).join('')
}

/** Columns for items whose fields are the columns, in the order given. */
export function fieldColumns<T>(fields: ReadonlyArray<keyof T & string>): CsvColumn<T>[] {
  return fields.map((header) => ({ header, value: (item: T) => item[header] }))
}
