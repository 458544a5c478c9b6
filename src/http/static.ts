import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { Context } from 'hono'
import { HttpError } from './errors.js'

/** Content types of the files the web app is built from; anything else is not served. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
}

/** Largest static file served, in bytes: the app's files are small, anything bigger is not ours. */
const MAX_STATIC_BYTES = 16 * 1024 * 1024

/**
 * The file under `root` that a URL path names, or undefined when the path is not a plain path
 * inside it: `..` segments (also percent-encoded), backslashes, NUL, dot-files and unknown
 * extensions are refused before the file system is asked.
 *
 * @example
 * staticFileOf('/srv/web', '/app/main.js')    // '/srv/web/app/main.js'
 * staticFileOf('/srv/web', '/%2e%2e/secrets') // undefined
 */
export function staticFileOf(root: string, urlPath: string): string | undefined {
  let path: string
  try {
    path = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (path === '/' || path === '') path = '/index.html'
  if (/[\\\0]/.test(path)) return undefined
  const segments = path.split('/').filter((s) => s !== '')
  if (segments.some((s) => s.startsWith('.'))) return undefined
  if (!(extname(path).toLowerCase() in CONTENT_TYPES)) return undefined
  const base = resolve(root)
  const file = resolve(base, ...segments)
  return file.startsWith(base + sep) ? file : undefined
}

/** Serves the built web app from `root`: `/` is index.html; a missing file is a JSON 404, another method than GET a 405. */
export function serveWebApp(root: string) {
  return async (c: Context): Promise<Response> => {
    // HEAD reaches here as itself: Hono runs GET handlers for it and drops the body.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD')
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${c.req.path} is a file of the web app: it takes GET, HEAD.`)
    }
    const file = staticFileOf(root, c.req.path)
    const missing = new HttpError(404, 'NOT_FOUND', c.req.path === '/'
      ? 'The web app is not built: run "npm run build" and start the server again.'
      : `Nothing at ${c.req.path}.`)
    if (file === undefined) throw missing
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile() || info.size > MAX_STATIC_BYTES) throw missing
    const bytes = await readFile(file)
    return c.body(bytes, 200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()]!,
      'Cache-Control': 'no-cache',
    })
  }
}
