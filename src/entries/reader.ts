/**
 * `dossier/reader`: read and extract articles (files, feeds, JSON Lines, WARC, URLs) into
 * Documents, without a store or a server. Loads neither the SQLite addon, the web server, the
 * annotation stages (`dossier/annotate`) nor the charset detector (loaded on the first page that
 * declares no charset and is not UTF-8).
 *
 * @example
 * import { extract, toExtractRecord } from 'dossier/reader'
 * for await (const r of extract(['page.html'])) if (r.ok) console.log(toExtractRecord(r.documents[0]!).text)
 */
export * from '../document/index.js'
export * from '../errors.js'
export { readInputs, readBytes, type IngestResult, type IngestOptions } from '../stages/ingest/index.js'
export { extractDocument } from '../stages/clean/index.js'
export { extract, toExtractRecord, type ExtractRecord, type ExtractResult, type ExtractOptions } from '../api/extract.js'
export { READER_STAGE_NAMES, STAGE_NAMES } from '../pipeline/names.js'
