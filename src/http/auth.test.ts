import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../store/index.js'
import { createApp } from './app.js'
import { tokenMatches } from './auth.js'

describe('auth', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  beforeAll(async () => {
    store = await openStore({ path: ':memory:' })
    app = createApp({ store, token: 'open sesame-42', webRoot: '/nonexistent-web-root' })
  })
  afterAll(async () => {
    await store.close()
  })

  it.each([
    ['no header', undefined, 401],
    ['wrong token', 'Bearer open sesame-43', 401],
    ['a prefix of the token', 'Bearer open', 401],
    ['basic scheme', 'Basic b3BlbiBzZXNhbWUtNDI=', 401],
  ])('auth: %s → %i JSON', async (_, header, status) => {
    const res = await app.request('/api/health', header === undefined ? {} : { headers: { Authorization: header } })
    expect(res.status).toBe(status)
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="dossier"')
    expect((await res.json()).error.code).toBe('UNAUTHORIZED')
  })

  it.each([
    ['the token as given', 'Bearer open sesame-42'],
    ['the scheme in any case', 'bearer open sesame-42'],
  ])('auth: %s passes', async (_, header) => {
    const res = await app.request('/api/health', { headers: { Authorization: header } })
    expect(res.status).toBe(200)
  })

  it('auth: every /api route needs the token, unknown ones too', async () => {
    for (const path of ['/api/articles', '/api/openapi.json', '/api/nothing']) expect((await app.request(path)).status).toBe(401)
  })

  it('auth: static files load without the token', async () => {
    const res = await app.request('/')
    expect(res.status).toBe(404) // no web app built in this root: a 404, not a 401
    expect((await res.json()).error.code).toBe('NOT_FOUND')
  })

  it.each([
    ['same', 'abc', 'abc', true],
    ['different', 'abc', 'abd', false],
    ['longer', 'abcd', 'abc', false],
    ['empty', '', 'abc', false],
  ])('token compare: %s', (_, given, token, same) => {
    expect(tokenMatches(given, token)).toBe(same)
  })
})
