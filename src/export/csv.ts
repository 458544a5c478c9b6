import { csvCell, type CsvColumn } from '../http/csv.js'

/**
 * How one record kind becomes CSV rows: most kinds are one row a record; a record that holds a
 * list it is about (a timeline's statements) is one row per item of it.
 */
export interface CsvTable<R, Row = R> {
  readonly columns: readonly CsvColumn<Row>[]
  readonly rows?: (record: R) => readonly Row[]
}

/**
 * Records as CSV text (RFC 4180), a line at a time as they come: the header row first, CRLF line
 * ends, cells quoted when they hold a quote, comma or line break (and a leading `'` on text a
 * spreadsheet would run as a formula, see `csvCell`). Memory holds one record at a time.
 *
 * @example
 * for await (const line of csvLines(records, { columns: [column('id'), column('span.start')] })) process.stdout.write(line)
 */
export async function* csvLines<R, Row = R>(records: AsyncIterable<R>, table: CsvTable<R, Row>): AsyncGenerator<string> {
  yield csvRow(table.columns.map((c) => c.header))
  for await (const record of records) {
    const rows = table.rows ? table.rows(record) : [record as unknown as Row]
    for (const row of rows) yield csvRow(table.columns.map((c) => c.value(row)))
  }
}

function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/**
 * A column read by a dotted path into the record (`speaker.name`), its header the path; a missing
 * step on the way (a null speaker) is an empty cell.
 *
 * @example
 * column<QuoteRecord>('speaker.name').value(quote) // 'Ada Brennan'
 */
export function column<T>(path: string, header = path): CsvColumn<T> {
  const steps = path.split('.')
  return {
    header,
    value: (row: T) => {
      let value: unknown = row
      for (const step of steps) {
        if (value === null || typeof value !== 'object') return null
        value = (value as Record<string, unknown>)[step]
      }
      return value
    },
  }
}

/** Columns of paths, in order. */
export function columns<T>(...paths: readonly string[]): CsvColumn<T>[] {
  return paths.map((p) => column<T>(p))
}

/** Separates the items of a list in one cell (outlets, article ids): readable, and safe to split on. */
export const LIST_SEPARATOR = '; '

/** A column of a list, its items joined by {@link LIST_SEPARATOR}. */
export function listColumn<T>(header: string, items: (row: T) => readonly unknown[]): CsvColumn<T> {
  return { header, value: (row: T) => items(row).map(String).join(LIST_SEPARATOR) }
}
