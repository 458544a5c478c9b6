import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../store/index.js'
import { createApp } from './app.js'
import { HostAllowList, parseHost } from './hosts.js'
import { CONTENT_SECURITY_POLICY } from './security.js'

// The server as `dossier serve` makes it on 127.0.0.1:8080, one extra name allowed.
const ORIGIN = 'http://127.0.0.1:8080'

describe('http security', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let tokenApp: ReturnType<typeof createApp>
  beforeAll(async () => {
    store = await openStore({ path: ':memory:' })
    const hosts = new HostAllowList(['dossier.example.org'])
    hosts.bind('127.0.0.1', 8080, true)
    app = createApp({ store, hosts, webRoot: '/nonexistent-web-root', importWorkers: 0 })
    tokenApp = createApp({ store, hosts, token: 'correct-horse-battery', webRoot: '/nonexistent-web-root', importWorkers: 0 })
  })
  afterAll(async () => {
    await store.close()
  })

  const request = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}, on = app): Promise<Response> =>
    Promise.resolve(on.request(`${ORIGIN}${path}`, { ...init, headers: { Host: '127.0.0.1:8080', ...init.headers } }))
  // A POST the app would refuse only for where it came from: a well-formed import of one bad URL.
  const importPost = (headers: Record<string, string>, on = app): Promise<Response> =>
    request('/api/import', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ urls: ['ftp://example.org/a'] }) }, on)

  it.each([
    ['localhost:8080', 200], ['127.0.0.1:8080', 200], ['[::1]:8080', 200], ['LOCALHOST:8080', 200],
    ['dossier.example.org', 200], ['dossier.example.org:443', 200],
    ['evil.test:8080', 421], ['localhost:8081', 421], ['localhost', 421], ['127.0.0.2:8080', 421],
    ['localhost.:8080', 421], ['evil.test', 421], ['', 421], ['127.0.0.1:8080@evil.test', 421],
  ])('host: a request for %j → %i', async (host, status) => {
    for (const path of ['/api/health', '/', '/app/main.js', '/api/stories.rss']) {
      const res = await request(path, { headers: { Host: host } })
      if (status === 421) {
        expect(res.status, path).toBe(421)
        expect((await res.json()).error.code).toBe('HOST_NOT_ALLOWED')
        expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
      } else {
        expect(res.status, path).not.toBe(421)
      }
    }
  })

  it('host: the rebinding read of /api/articles from evil.test is refused before the store is read', async () => {
    const res = await request('/api/articles', { headers: { Host: 'evil.test:8080' } })
    expect(res.status).toBe(421)
    expect(await res.text()).not.toContain('items')
  })

  it.each([
    ['localhost:8080', { name: 'localhost', port: 8080 }],
    ['[0:0::1]:80', { name: '[::1]', port: 80 }],
    ['127.0.0.1', { name: '127.0.0.1' }],
    ['a b', undefined], ['evil.test:99999', undefined], ['[zz]', undefined], ['x:', undefined],
  ])('host: parses %j', (text, parsed) => {
    expect(parseHost(text)).toEqual(parsed)
  })

  it('host: a server on every interface answers to the loopback names on its port', () => {
    const hosts = new HostAllowList()
    hosts.bind('0.0.0.0', 9000, false)
    expect(hosts.allows('127.0.0.1:9000')).toBe(true)
    expect(hosts.allows('localhost:9000')).toBe(true)
    expect(hosts.allows('evil.test:9000')).toBe(false)
  })

  it('host: an added name that is not one is refused at once', () => {
    expect(() => new HostAllowList(['evil test'])).toThrow(/Not a host name/)
  })

  it.each([
    ['a cross-site fetch (Sec-Fetch-Site)', { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://127.0.0.2:9000' }],
    ['a same-site page (another port of localhost)', { 'Sec-Fetch-Site': 'same-site', Origin: 'http://localhost:3000' }],
    ['another origin on plain http (no Sec-Fetch-Site)', { Origin: 'http://evil.test' }],
    ['a sandboxed frame (Origin: null)', { Origin: 'null' }],
    ['our host on another port', { Origin: 'http://127.0.0.1:8081' }],
  ])('csrf: %s may not POST /api/import (403)', async (_, headers) => {
    const res = await importPost(headers)
    expect(res.status).toBe(403)
    expect((await res.json()).error).toMatchObject({ code: 'CROSS_SITE_REQUEST', message: expect.stringMatching(/^Refused: /) })
  })

  it('csrf: a form post from another site is refused, whatever its content type', async () => {
    const form = new FormData()
    form.append('files', new File(['Planted\n\nA planted story.\n'], 'planted.txt'))
    const res = await request('/api/import', { method: 'POST', body: form, headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://evil.test' } })
    expect(res.status).toBe(403)
    expect(await store.countDocuments()).toBe(0)
  })

  it.each([
    ['the app itself (Sec-Fetch-Site: same-origin)', { 'Sec-Fetch-Site': 'same-origin', Origin: ORIGIN }],
    ['the app on plain http (Origin only)', { Origin: ORIGIN }],
    ['curl or a script (neither header)', {}],
  ])('csrf: %s may POST', async (_, headers) => {
    const res = await importPost(headers)
    expect(res.status).toBe(202)
  })

  it('csrf: a request with the token passes whatever its origin says', async () => {
    const without = await importPost({ Origin: 'http://evil.test' }, tokenApp)
    const withToken = await importPost({ Origin: 'http://evil.test', Authorization: 'Bearer correct-horse-battery' }, tokenApp)
    expect(without.status).toBe(401)
    expect(withToken.status).toBe(202)
  })

  it('csrf: reads are not checked (a GET changes nothing)', async () => {
    const res = await request('/api/health', { headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://evil.test' } })
    expect(res.status).toBe(200)
  })

  it.each([
    ['POST', '/api/stories', 'GET, HEAD'],
    ['DELETE', '/api/articles/abc', 'GET, HEAD'],
    ['PUT', '/api/import', 'POST'],
    ['GET', '/api/import', 'POST'],
    ['POST', '/api/health', 'GET, HEAD'],
    ['POST', '/', 'GET, HEAD'],
  ])('method: %s %s → 405, Allow: %s', async (method, path, allow) => {
    const res = await request(path, { method })
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe(allow)
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect((await res.json()).error.code).toBe('METHOD_NOT_ALLOWED')
  })

  it.each(['/', '/app/main.js', '/api/health'])('method: HEAD %s is answered like GET, not 405', async (path) => {
    const res = await request(path, { method: 'HEAD' })
    expect(res.status).toBe((await request(path)).status)
  })

  it('method: an unknown API path stays a 404, whatever the method', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await request('/api/nothing-here', { method })
      expect(res.status, method).toBe(404)
      expect((await res.json()).error.message).toContain('/api/openapi.json')
    }
  })

  it.each(['/api/health', '/api/nothing-here', '/'])('headers: %s carries the isolation and permission headers', async (path) => {
    const res = await request(path)
    expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin')
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin')
    expect(res.headers.get('Permissions-Policy')).toMatch(/(^|, )camera=\(\)/)
    for (const feature of ['microphone', 'geolocation']) expect(res.headers.get('Permissions-Policy')).toContain(`${feature}=()`)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
  })
})
