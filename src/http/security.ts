import type { MiddlewareHandler } from 'hono'

/**
 * The app's scripts, styles and images come from this server only; no inline script or style, no
 * plugins, no framing. Scraped text that slipped into markup could therefore never run.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ')

/**
 * Browser features the app never uses, denied to it and to anything that might run in its pages:
 * a page that cannot ask for the camera cannot be tricked into asking.
 */
export const PERMISSIONS_POLICY = [
  'camera', 'microphone', 'geolocation', 'display-capture', 'usb', 'serial', 'hid', 'bluetooth', 'midi',
  'payment', 'publickey-credentials-get', 'screen-wake-lock', 'accelerometer', 'gyroscope', 'magnetometer',
].map((feature) => `${feature}=()`).join(', ')

/**
 * Headers on every response, errors and 404s included. Cross-Origin-Opener-Policy keeps a page
 * of another origin that opened the app from reaching into its window; Cross-Origin-Resource-Policy
 * stops other origins from loading its answers as images or scripts (a `no-cors` read).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
}

/** Sets the security headers after the handler (or the error handler) made the response. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value)
  }
}
