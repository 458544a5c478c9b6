/*
 * Full CSV exports, streamed: a list route asked for `format=csv` without a `limit` sends every
 * matching row, read from the store a page at a time while the client downloads, so an export of
 * any size holds one page in memory and starts at once.
 */
import type { Context } from 'hono'
import { csvCell, type CsvColumn } from './csv.js'
import { choiceParam, textParam, type Page } from './params.js'
import { LIST_FORMATS } from './list.js'

/** Rows read from the store per step of an export. */
export const EXPORT_PAGE_ROWS = 500

/** True when the request asks for a whole list as CSV: `format=csv` and no `limit`. */
export function wantsFullExport(c: Context): boolean {
  return choiceParam(c, 'format', LIST_FORMATS, 'json') === 'csv' && textParam(c, 'limit') === undefined
}

function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/**
 * Streams a list as a CSV download: the header row, then every item `readPage` gives, page after
 * page from `offset`, until a page comes back short. A read that fails midway ends the download
 * with an error (the client sees a failed transfer, never a silently cut file).
 *
 * @example
 * return streamCsv(c, 'stories', STORY_COLUMNS, (page) => store.listStories({ ...filters, ...page }))
 */
export function streamCsv<T>(c: Context, name: string, columns: readonly CsvColumn<T>[], readPage: (page: Page) => Promise<readonly T[]>, offset = 0): Response {
  const encoder = new TextEncoder()
  let at = offset
  let done = false
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(columns.map((col) => col.header))))
    },
    async pull(controller) {
      if (done) return
      try {
        const items = await readPage({ limit: EXPORT_PAGE_ROWS, offset: at })
        at += items.length
        if (items.length > 0) controller.enqueue(encoder.encode(items.map((item) => csvRow(columns.map((col) => col.value(item)))).join('')))
        if (items.length < EXPORT_PAGE_ROWS) {
          done = true
          controller.close()
        }
      } catch (error) {
        console.error(`dossier serve: the ${name} export failed after ${at - offset} rows:`, error)
        controller.error(error)
      }
    },
  })
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}.csv"`,
  })
}
