import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DossierError, SearchSyntaxError, UsageError } from '../errors.js'
import { sendJson } from './json.js'

/** An answer the API gives on purpose with a non-2xx status: a bad parameter, an unknown id, a full queue. */
export class HttpError extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly code: string, message: string) {
    super(message)
    this.name = 'HttpError'
  }
}

/** The JSON body of every error: a stable code and a sentence for the user. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string }
}

/**
 * The one place library errors become statuses: a bad search is the caller's (400), misuse of the
 * library from a parameter is the caller's (400), anything else is a bug (500, logged, nothing
 * internal said).
 */
export function statusOf(error: unknown): { status: ContentfulStatusCode; code: string; message: string } {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message }
  if (error instanceof SearchSyntaxError) return { status: 400, code: error.code, message: error.message }
  if (error instanceof UsageError) return { status: 400, code: 'BAD_PARAMETER', message: error.message }
  if (error instanceof HTTPException && error.status < 500) return { status: error.status, code: `HTTP_${error.status}`, message: error.message }
  return { status: 500, code: 'INTERNAL', message: 'The server failed on this request; the error is in its log.' }
}

/** Hono's `onError`: maps the error, logs it when it is a bug. */
export function sendError(error: unknown, c: Context): Response {
  const { status, code, message } = statusOf(error)
  if (status >= 500) console.error(`dossier serve: ${c.req.method} ${c.req.path} failed:`, error instanceof DossierError ? `${error.code}: ${error.message}` : error)
  return sendJson(c, { error: { code, message } } satisfies ErrorBody, status)
}

export function notFound(what: string, id: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', `No ${what} with id ${JSON.stringify(id)}.`)
}
