/*
 * Talking to the Dossier server: JSON over fetch, the bearer token when one was given, and the
 * server's `{ error: { code, message } }` turned into an ApiError.
 */

/** Where the token lives for the tab's life; the server helper and the app agree on this key. */
export const TOKEN_KEY = 'dossier.token'

/** One page of a list route. */
export interface Page<T> {
  readonly items: readonly T[]
  readonly total: number
  /** Counting stopped at a cap, or (stories searched by text) the list covers only the newest matching articles. */
  readonly totalCapped?: true
  readonly limit: number
  readonly offset: number
}

/** An error answer of the API (or a network failure: status 0). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
    this.name = 'ApiError'
  }
}

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

export function saveToken(token: string): void {
  if (token === '') sessionStorage.removeItem(TOKEN_KEY)
  else sessionStorage.setItem(TOKEN_KEY, token)
}

/**
 * Takes a token given in the URL fragment (`/#token=abc`) into sessionStorage and returns the
 * fragment to continue with, or null when the fragment holds no token.
 *
 * @example
 * takeTokenFromHash('#token=abc') // stores 'abc', returns '#/stories'
 */
export function takeTokenFromHash(hash: string): string | null {
  const match = /^#token=([^&]*)(?:&(.*))?$/.exec(hash)
  if (!match) return null
  saveToken(decodeURIComponent(match[1] ?? ''))
  const rest = match[2]
  return rest !== undefined && rest.startsWith('/') ? `#${rest}` : '#/stories'
}

/** Query parameters: empty and missing values are left out. */
export type Query = Readonly<Record<string, string | number | null | undefined>>

/**
 * An API path with its query string.
 *
 * @example
 * apiUrl('/api/stories', { q: 'alliance', limit: 20, entity: '' }) // '/api/stories?q=alliance&limit=20'
 */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue
    params.set(name, String(value))
  }
  const text = params.toString()
  return text === '' ? path : `${path}?${text}`
}

function authHeaders(): Record<string, string> {
  const token = readToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

async function errorOf(response: Response): Promise<ApiError> {
  let code = `HTTP_${response.status}`
  let message = `${response.status} ${response.statusText}`
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } }
    if (typeof body.error?.code === 'string') code = body.error.code
    if (typeof body.error?.message === 'string') message = body.error.message
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, code, message)
}

async function send(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...authHeaders(), ...(init.headers as Record<string, string> | undefined) } })
  } catch (error) {
    throw new ApiError(0, 'NETWORK', `cannot reach the server: ${(error as Error).message}`)
  }
  if (!response.ok) throw await errorOf(response)
  return response
}

/**
 * GETs an API route as JSON.
 *
 * @example
 * const page = await getJson<Page<StorySummary>>(apiUrl('/api/stories', { q }))
 */
export async function getJson<T>(url: string): Promise<T> {
  return (await send(url)).json() as Promise<T>
}

/** POSTs JSON or form data (files) and reads the JSON answer. */
export async function postJson<T>(url: string, body: FormData | object): Promise<T> {
  const init: RequestInit = body instanceof FormData
    ? { method: 'POST', body }
    : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }
  return (await send(url, init)).json() as Promise<T>
}

/** PUTs JSON and reads the JSON answer. */
export async function putJson<T>(url: string, body: object): Promise<T> {
  return (await send(url, { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })).json() as Promise<T>
}

/** DELETEs a resource (the answer has no body). */
export async function deleteResource(url: string): Promise<void> {
  await send(url, { method: 'DELETE' })
}

/**
 * Downloads an API answer as a file. A plain link cannot carry the bearer token, so export links
 * fetch with it and hand the bytes to the browser.
 */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const blob = await (await send(url, { headers: { Accept: '*/*' } })).blob()
  const objectUrl = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = objectUrl
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000)
}

/**
 * Opens an API answer in this tab the way a link would, but fetched with the bearer token: a
 * plain link cannot carry it, and a token in the URL would end up in history and server logs.
 */
export async function openWithToken(url: string): Promise<void> {
  const blob = await (await send(url, { headers: { Accept: '*/*' } })).blob()
  location.assign(URL.createObjectURL(blob))
}
