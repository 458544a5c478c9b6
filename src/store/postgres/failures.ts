import { StoreError } from '../../errors.js'

/**
 * PostgreSQL's SQLSTATE classes and codes (and node's socket errors, when the server cannot be
 * reached) as the store's stable codes, each with a plain sentence of what it means for the user.
 * The first match wins: exact codes are listed before the class they belong to.
 */
const FAILURES: ReadonlyArray<readonly [match: (code: string) => boolean, code: string, reason: (where: string) => string]> = [
  [(c) => c === '55P03' || c === '40001' || c === '40P01', 'STORE_BUSY', () => 'another writer holds what this one needs; run again when it has finished'],
  [(c) => c === '53300' || c === '53400', 'STORE_BUSY', () => 'the server has no free connection; run again later, or raise max_connections'],
  [(c) => c === '53100', 'STORE_FULL', () => "the server's disk is full; nothing of this write was stored; free some space and run again"],
  [(c) => c.startsWith('53'), 'STORE_FULL', () => 'the server ran out of a resource; nothing of this write was stored'],
  [(c) => c === '25006', 'STORE_READ_ONLY', () => 'the store was opened for reading (or the server is a read-only standby); read commands still work'],
  [(c) => c === '42501', 'STORE_READ_ONLY', () => 'this database user may not write the store; read commands still work'],
  [(c) => c === '3D000', 'STORE_MISSING', () => 'the database does not exist; `dossier ingest` or `dossier analyze` creates it'],
  [(c) => c.startsWith('28'), 'STORE_OPEN_FAILED', () => 'the server refused the user or password in the URL'],
  [(c) => c === 'XX001' || c === 'XX002', 'STORE_CORRUPT', (where) => `the server reports damaged data; \`dossier check --db ${where}\` lists what it can read`],
  [(c) => c.startsWith('08') || c.startsWith('57P') || ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE'].includes(c),
    'STORE_UNREACHABLE', () => 'the PostgreSQL server cannot be reached (down, restarting, or a wrong host or port); nothing of this write was stored'],
]

/**
 * True for an error that ended the connection rather than the statement (the server restarted or
 * ended the session, the socket broke): the same statement may succeed on a new connection.
 */
export function lostConnection(error: unknown): boolean {
  const code = codeOf(error)
  if (code !== undefined) return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === 'ECONNRESET' || code === 'EPIPE'
  return error instanceof Error && /Connection terminated|Client has encountered a connection error|not queryable/i.test(error.message)
}

/** The SQLSTATE (or socket error code) of a node-postgres error, if it carries one. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * `error` as a StoreError: one already typed is kept; a PostgreSQL failure gets its stable code
 * and a plain reason; anything else becomes `fallback` with the server's own message.
 *
 * @example
 * throw pgFailure(error, 'postgres://db/dossier', 'could not save a.html', 'STORE_WRITE_FAILED')
 * // StoreError STORE_UNREACHABLE: "postgres://db/dossier: could not save a.html: the PostgreSQL server cannot be reached …"
 */
export function pgFailure(error: unknown, where: string, doing: string, fallback: string): StoreError {
  if (error instanceof StoreError) return error
  const code = codeOf(error)
  const known = code === undefined ? undefined : FAILURES.find(([match]) => match(code))
  const text = messageText(error)
  if (known !== undefined) {
    const [, stable, reason] = known
    return new StoreError(`${where}: ${doing}: ${reason(where)} (${text}).`, stable, { cause: error })
  }
  return new StoreError(`${where}: ${doing}: ${text}.`, fallback, { cause: error })
}

function messageText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(messageText).join('; ')
  return error instanceof Error ? error.message || (error.constructor.name) : String(error)
}
