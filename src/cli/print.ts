import { columns, csvLines, type CsvTable } from '../export/csv.js'
import type { Output } from './output.js'

/**
 * Rows as the data formats every list command shares: `json` one array, `jsonl` a row a line,
 * `csv` RFC 4180 with a header row (the same columns as `dossier export` gives the kind).
 * Resolves false for `table` and the other reading formats, which the command prints itself.
 *
 * @example
 * if (!(await printData(out, options.format, rows, STORY_CSV))) out.data(formatTable(…))
 */
export async function printData<R, Row = R>(out: Output, format: unknown, rows: readonly R[], csv: CsvTable<R, Row>): Promise<boolean> {
  if (format === 'json') out.data(JSON.stringify(rows, null, 2))
  else if (format === 'jsonl') for (const row of rows) out.data(JSON.stringify(row))
  else if (format === 'csv') for await (const line of csvLines(iterate(rows), csv)) await out.write(line)
  else return false
  return true
}

async function* iterate<T>(rows: readonly T[]): AsyncGenerator<T> {
  yield* rows
}

/** A CSV table whose columns are the rows' own fields. */
export function fieldTable<T>(...fields: ReadonlyArray<keyof T & string>): CsvTable<T> {
  return { columns: columns<T>(...fields) }
}
