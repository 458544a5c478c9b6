import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { HttpError } from './errors.js'

const BEARER = /^Bearer[ ]+(.+?)[ ]*$/i

// Digests have one length whatever the inputs, so the comparison leaks neither the token's
// characters nor its length through timing.
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** True when `given` is the token, compared in constant time. */
export function tokenMatches(given: string, token: string): boolean {
  return timingSafeEqual(digest(given), digest(token))
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  return BEARER.exec(header ?? '')?.[1]
}

/**
 * Refuses a request without `Authorization: Bearer <token>` (401, JSON). Mounted on `/api/*` only:
 * the static app loads without it and sends the token on its API calls.
 */
export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const given = bearerToken(c.req.header('Authorization'))
    if (given === undefined || !tokenMatches(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="dossier"')
      throw new HttpError(401, 'UNAUTHORIZED', given === undefined
        ? 'This server needs a token: send "Authorization: Bearer <token>" (open the app as /#token=<token>).'
        : 'The token does not match the one the server was started with.')
    }
    await next()
  }
}

/**
 * Like {@link requireToken}, for feeds: a feed reader cannot send a header, so the token may come
 * as `?token=` in the feed's URL instead.
 */
export function requireFeedToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const given = bearerToken(c.req.header('Authorization')) ?? c.req.query('token')
    if (given === undefined || !tokenMatches(given, token)) {
      throw new HttpError(401, 'UNAUTHORIZED', 'This server needs a token: add ?token=<token> to the feed\'s URL.')
    }
    await next()
  }
}
