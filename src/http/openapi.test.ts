import { describe, expect, it } from 'vitest'
import { openStore } from '../store/index.js'
import { createApp } from './app.js'
import { OPENAPI } from './openapi.js'

describe('openapi', () => {
  it('openapi: every route the app answers is documented, and every documented route is answered', async () => {
    const store = await openStore({ path: ':memory:' })
    const app = createApp({ store })
    await store.close()
    // Middleware and the fallbacks (unknown API route, static files) are routes too, under ALL or a wildcard.
    const answered = new Set(app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/\/$/, '').replace(/:(\w+)/g, '{$1}')}`))
    const documented = new Set(Object.entries(OPENAPI.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)))
    expect([...answered].sort()).toEqual([...documented].sort())
  })

  it('openapi: every $ref points at a schema it defines', () => {
    const refs = [...JSON.stringify(OPENAPI).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1])
    expect(refs.length).toBeGreaterThan(10)
    for (const name of refs) expect(OPENAPI.components.schemas, name).toHaveProperty(name!)
  })

  it('openapi: served at /api/openapi.json as 3.1', async () => {
    const store = await openStore({ path: ':memory:' })
    const res = await createApp({ store }).request('/api/openapi.json')
    await store.close()
    expect(res.status).toBe(200)
    expect((await res.json()).openapi).toBe('3.1.0')
  })
})
