import { UsageError } from '../errors.js'
import { copySqliteToPostgres } from '../store/postgres/copy.js'
import { isPostgresUrl, redactUrl } from '../store/postgres/connection.js'
import { WRITER_WAIT_MS } from '../store/sqlite/writer.js'
import { optionalText, wholeNumber, type Options } from './options.js'
import type { Output } from './output.js'

/**
 * `dossier migrate --from dossier.db --to postgres://…`: copies an embedded store into an empty
 * PostgreSQL store, in one transaction, and prints the rows copied per table.
 */
export async function runMigrate(options: Options, out: Output): Promise<number> {
  const from = optionalText(options.from)
  const to = optionalText(options.to)
  if (from === undefined || to === undefined) throw new UsageError('migrate needs --from <store.db> and --to <postgres://…>.')
  if (isPostgresUrl(from)) throw new UsageError(`--from names a SQLite store file, not a PostgreSQL URL (${redactUrl(from)}).`)
  if (!isPostgresUrl(to)) throw new UsageError(`--to takes a PostgreSQL URL (postgres://user:password@host:5432/database), not ${JSON.stringify(to)}.`)
  const seconds = wholeNumber(options.wait, '--wait', WRITER_WAIT_MS / 1000)
  const report = await copySqliteToPostgres(from, to, {
    waitMs: seconds * 1000,
    onTable: (table, rows) => out.info(`${table}: ${rows} rows`),
  })
  if (report.notCopied.length > 0) {
    out.warn(`not copied (the PostgreSQL store has no watch tables yet): ${report.notCopied.map(([t, n]) => `${t} ${n}`).join(', ')}; keep ${from} for \`dossier watch\``)
  }
  const documents = report.tables.find(([t]) => t === 'documents')?.[1] ?? 0
  const stories = report.tables.find(([t]) => t === 'stories')?.[1] ?? 0
  out.data(`copied ${from} → ${redactUrl(to)}: ${documents} documents, ${stories} stories (${report.tables.map(([t, n]) => `${t} ${n}`).join(', ')})`)
  return 0
}
