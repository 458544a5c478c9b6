/*
 * Hash routes: `#/stories`, `#/stories/:id`, `#/articles`, `#/articles/:id`, `#/entities/:id`,
 * `#/threads`, `#/coverage`, `#/import`, `#/watches`, `#/watches/:id`, `#/sources`,
 * each with an optional `?query`. Pure: no DOM here.
 */

export type RouteName = 'stories' | 'story' | 'articles' | 'article' | 'entity' | 'threads' | 'coverage' | 'import' | 'watches' | 'sources' | 'not-found'

export interface Route {
  readonly name: RouteName
  /** The id of a story, article or entity page, decoded. */
  readonly id: string | null
  readonly query: URLSearchParams
}

const PAGES: ReadonlyArray<readonly [RegExp, RouteName]> = [
  [/^\/?$/, 'stories'],
  [/^\/stories\/?$/, 'stories'],
  [/^\/stories\/([^/]+)$/, 'story'],
  [/^\/articles\/?$/, 'articles'],
  [/^\/articles\/([^/]+)$/, 'article'],
  [/^\/threads\/?$/, 'threads'],
  [/^\/coverage\/?$/, 'coverage'],
  [/^\/entities\/([^/]+)$/, 'entity'],
  [/^\/import\/?$/, 'import'],
  [/^\/watches\/?$/, 'watches'],
  [/^\/watches\/([^/]+)$/, 'watches'],
  [/^\/sources\/?$/, 'sources'],
]

/**
 * A path segment decoded, or null when it cannot be an id: bad percent-encoding, or `.`/`..`,
 * which would stay dot segments once re-encoded and make `/api/articles/..` fetch another route.
 */
function decode(part: string): string | null {
  let id: string
  try {
    id = decodeURIComponent(part)
  } catch {
    return null
  }
  return id === '.' || id === '..' ? null : id
}

/**
 * The route a location hash names.
 *
 * @example
 * parseRoute('#/articles/ab12?span=3-9') // { name: 'article', id: 'ab12', query: span=3-9 }
 */
export function parseRoute(hash: string): Route {
  const body = hash.startsWith('#') ? hash.slice(1) : hash
  const q = body.indexOf('?')
  const path = q === -1 ? body : body.slice(0, q)
  const query = new URLSearchParams(q === -1 ? '' : body.slice(q + 1))
  for (const [pattern, name] of PAGES) {
    const match = pattern.exec(path)
    if (!match) continue
    if (match[1] === undefined) return { name, id: null, query }
    const id = decode(match[1])
    return id === null ? { name: 'not-found', id: null, query } : { name, id, query }
  }
  return { name: 'not-found', id: null, query }
}

/**
 * The hash of a route, query parameters left out when empty.
 *
 * @example
 * routeHash('entities', 'country:RU') // '#/entities/country%3ARU'
 * routeHash('stories', null, { q: 'alliance', page: '' }) // '#/stories?q=alliance'
 */
export function routeHash(base: 'stories' | 'articles' | 'entities' | 'threads' | 'coverage' | 'import' | 'watches' | 'sources', id: string | null = null, query: Readonly<Record<string, string | number | null | undefined>> = {}): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value))
  }
  const path = id === null ? `#/${base}` : `#/${base}/${encodeURIComponent(id)}`
  const text = params.toString()
  return text === '' ? path : `${path}?${text}`
}
