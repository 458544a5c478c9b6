import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HttpError, notFound } from '../errors.js'
import { IMPORT_CODES } from '../import-reasons.js'
import type { ImportJobs, JobInput } from '../jobs.js'
import { sendJson } from '../json.js'
import type { ServerLimits } from '../limits.js'

/** Longest file name kept from an upload, in characters. */
const MAX_FILE_NAME_CHARS = 120
/** Longest pasted line shown back as an input's name, in characters: a URL is rarely longer. */
const MAX_SHOWN_INPUT_CHARS = 500

function tooLarge(what: string, limit: number): HttpError {
  return new HttpError(413, 'TOO_LARGE', `${what} is larger than the server accepts (${limit.toLocaleString('en-US')} bytes).`)
}

/**
 * `/api/import`: files (multipart, any field) or `{ "urls": [...] }` become one background
 * analyze job; its state is polled at `/api/import/:job`.
 */
export function importRoutes(jobs: ImportJobs, limits: ServerLimits): Hono {
  const routes = new Hono()
  // The limit of the body's kind is enforced as it arrives (or from Content-Length): a JSON body
  // stops being read at its own limit, not at the upload's, which is hundreds of times larger.
  const uploadLimit = bodyLimit({ maxSize: limits.maxUploadBytes, onError: () => { throw tooLarge('The request', limits.maxUploadBytes) } })
  const jsonLimit = bodyLimit({ maxSize: limits.maxJsonBytes, onError: () => { throw tooLarge('The JSON body', limits.maxJsonBytes) } })
  routes.post(
    '/',
    (c, next) => (isJson(c) ? jsonLimit : uploadLimit)(c, next),
    async (c) => {
      if (/^multipart\/form-data/i.test(c.req.header('Content-Type') ?? '')) return startUpload(c, jobs, limits)
      if (isJson(c)) return startFetch(c, jobs, limits)
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send files as multipart/form-data, or URLs as application/json {"urls": [...]}.')
    },
  )
  routes.get('/:job', (c) => {
    const id = c.req.param('job')
    const job = jobs.get(id)
    if (job === undefined) throw notFound('import job', id)
    return sendJson(c, job)
  })
  return routes
}

async function startUpload(c: Context, jobs: ImportJobs, limits: ServerLimits): Promise<Response> {
  const body = await c.req.parseBody({ all: true })
  const files = Object.values(body).flat().filter((v): v is File => typeof v !== 'string')
  if (files.length === 0) throw new HttpError(400, 'BAD_PARAMETER', 'The upload holds no file.')
  if (files.length > limits.maxFiles) throw new HttpError(413, 'TOO_LARGE', `At most ${limits.maxFiles} files per upload; this one has ${files.length}.`)
  const dir = await mkdtemp(join(tmpdir(), 'dossier-import-'))
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true })
  try {
    const inputs: JobInput[] = []
    for (const [i, file] of files.entries()) {
      // One folder per file keeps each name as uploaded (two files may share one) for the outlet fallback.
      const name = safeFileName(file.name)
      const path = join(dir, String(i), name)
      // A file over the limit is refused alone; the other files of the upload go on.
      if (file.size > limits.maxFileBytes) {
        inputs.push({ path, name, settled: { outcome: 'refused', code: 'INPUT_TOO_LARGE' } })
        continue
      }
      await mkdir(join(dir, String(i)))
      await writeFile(path, new Uint8Array(await file.arrayBuffer()))
      inputs.push({ path, name })
    }
    return sendJson(c, { job: jobs.start(inputs, cleanup) }, 202)
  } catch (error) {
    await cleanup()
    throw error
  }
}

async function startFetch(c: Context, jobs: ImportJobs, limits: ServerLimits): Promise<Response> {
  let body: unknown
  try {
    body = JSON.parse(await c.req.text())
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'The body is not valid JSON; send {"urls": ["https://…"]}.')
  }
  const urls = (body as { urls?: unknown } | null)?.urls
  if (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string') || urls.every((u) => u.trim() === '')) {
    throw new HttpError(400, 'BAD_PARAMETER', 'Send {"urls": [...]} with at least one URL.')
  }
  if (urls.length > limits.maxUrls) throw new HttpError(413, 'TOO_LARGE', `At most ${limits.maxUrls} URLs per import; this one has ${urls.length}.`)
  return sendJson(c, { job: jobs.start(urlInputs(urls)) }, 202)
}

/**
 * Each pasted line is its own input: one that is no web address is refused on its own (any other
 * string would be read as a path on the server's disk), a repeat is skipped, the rest are read.
 */
export function urlInputs(lines: readonly string[]): JobInput[] {
  const seen = new Set<string>()
  return lines.map((line) => line.trim()).filter((line) => line !== '').map((url): JobInput => {
    const name = url.length > MAX_SHOWN_INPUT_CHARS ? `${url.slice(0, MAX_SHOWN_INPUT_CHARS)}…` : url
    if (!isWebUrl(url)) return { path: url, name, settled: { outcome: 'refused', code: IMPORT_CODES.notWebUrl } }
    if (seen.has(url)) return { path: url, name, settled: { outcome: 'skipped', code: IMPORT_CODES.repeated } }
    seen.add(url)
    return { path: url, name }
  })
}

function isJson(c: Context): boolean {
  return /^application\/json/i.test(c.req.header('Content-Type') ?? '')
}

/** True for an absolute http or https URL. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/**
 * A file name safe to write in a folder of our own: the last path segment, with characters other
 * than letters, digits, `.`, `-`, `_` and spaces replaced, no leading dot, at most 120 characters.
 *
 * @example
 * safeFileName('../../etc/passwd') // 'passwd'
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base.replace(/[^\p{L}\p{N}._\- ]/gu, '_').slice(-MAX_FILE_NAME_CHARS).replace(/^[.\s]+/, '').trim()
  return cleaned === '' ? 'upload' : cleaned
}
