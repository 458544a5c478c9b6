import { maxWorkers } from '../api/ingest.js'
import { UsageError } from '../errors.js'
import { isPostgresUrl, redactUrl } from '../store/postgres/connection.js'
import { DEFAULT_BUDGET, type Budget } from '../pipeline/pool.js'

/** Parsed options of one command, as commander gives them. */
export type Options = Record<string, string | boolean | undefined>

/** A whole number of 0 or more from an option, or `fallback` when it is absent. */
export function wholeNumber(value: unknown, flag: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} takes a whole number of 0 or more, not "${String(value)}".`)
  return n
}

/** `--workers`: a whole number up to the number of cores, or `auto`. */
export function workersOption(value: unknown): number | 'auto' {
  if (value === 'auto') return 'auto'
  const workers = wholeNumber(value, '--workers', 0)
  if (workers > maxWorkers()) throw new UsageError(`--workers is at most ${maxWorkers()} on this machine (one per core), not ${workers}; or "auto".`)
  return workers
}

/** An option's text, or undefined when it is absent or empty. */
export function optionalText(value: string | boolean | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : String(value)
}

/** `--budget-ms` and `--budget-mb`: what one document may use on a worker thread. */
export function budgetOption(options: Options): Budget {
  const ms = wholeNumber(options.budgetMs, '--budget-ms', DEFAULT_BUDGET.ms)
  const mb = wholeNumber(options.budgetMb, '--budget-mb', DEFAULT_BUDGET.mb)
  if (ms === 0 || mb === 0) throw new UsageError('--budget-ms and --budget-mb take a whole number above 0.')
  return { ms, mb }
}

/** `--db` as messages name it: a PostgreSQL URL with its password hidden, a file as given. */
export function storeName(db: unknown): string {
  const name = String(db)
  return isPostgresUrl(name) ? redactUrl(name) : name
}
