import type { Context, MiddlewareHandler } from 'hono'
import { bearerToken, tokenMatches } from './auth.js'
import { HttpError } from './errors.js'

/** Methods that change nothing; every other one is checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** `Sec-Fetch-Site` values of a request the app itself made, or the user typed. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none'])

/**
 * Why a state-changing request is refused as cross-site, or undefined when it may go on.
 *
 * The rule is Go's `net/http.CrossOriginProtection` (Go 1.25), which Hono's `csrf` middleware and
 * Django's Origin check follow in part: no secret token to plant in every form, only what
 * browsers already send. `Sec-Fetch-Site` (every current browser, on trustworthy origins such as
 * loopback) says whether the page that sent it is ours; where it is missing (a plain-http name),
 * the `Origin` header must name this very host. A request with neither is not a browser's: curl
 * and scripts may POST, and cannot be made to by a web page, because a browser adds `Origin` to
 * every cross-origin POST (a form post, a no-cors fetch, a sandboxed frame's `null` origin alike).
 * Unlike Hono's `csrf`, every content type is checked: a JSON POST is only kept off by the CORS
 * preflight, which one mistake elsewhere could open. A valid bearer token passes, since a page
 * on another origin cannot know it.
 */
export function crossSiteReason(c: Context, token: string | undefined): string | undefined {
  if (SAFE_METHODS.has(c.req.method)) return undefined
  if (token !== undefined) {
    const given = bearerToken(c.req.header('Authorization'))
    if (given !== undefined && tokenMatches(given, token)) return undefined
  }
  const site = c.req.header('Sec-Fetch-Site')
  if (site !== undefined) return OWN_FETCH_SITES.has(site.toLowerCase()) ? undefined : `it was sent by a ${site} page`
  const origin = c.req.header('Origin')
  if (origin === undefined) return undefined
  return originHost(origin) === new URL(c.req.url).host ? undefined : `it was sent by a page of ${JSON.stringify(origin.slice(0, 200))}`
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined // "null" and anything else that is not an origin
  }
}

/** Refuses (403) a POST, PUT, PATCH or DELETE that another web page made the browser send. */
export function refuseCrossSite(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const reason = crossSiteReason(c, token)
    if (reason !== undefined) {
      throw new HttpError(403, 'CROSS_SITE_REQUEST', `Refused: ${reason}, and only the Dossier app itself may change this server's store.`)
    }
    await next()
  }
}
