import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UsageError } from '../errors.js'
import { openStore, type Store } from '../store/index.js'
import { isLoopbackHost, startServer } from './server.js'

describe('server', () => {
  let store: Store
  beforeAll(async () => {
    store = await openStore({ path: ':memory:' })
  })
  afterAll(async () => {
    await store.close()
  })

  it.each([
    ['127.0.0.1', true], ['127.8.9.10', true], ['localhost', true], ['::1', true], ['[::1]', true], ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false], ['::', false], ['192.168.1.4', false], ['example.org', false], ['128.0.0.1', false],
  ])('loopback: %s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback)
  })

  it('server: binding beyond loopback without a token is refused, naming --token and DOSSIER_TOKEN', async () => {
    const start = startServer({ store, host: '0.0.0.0', port: 0 })
    await expect(start).rejects.toThrow(UsageError)
    await expect(start).rejects.toThrow(/--token.*DOSSIER_TOKEN/)
  })

  it('server: answers over real HTTP on a free port, token required, and closes', async () => {
    const server = await startServer({ store, host: '127.0.0.1', port: 0, token: 's3cret' })
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const without = await fetch(`${server.url}/api/health`)
      const withToken = await fetch(`${server.url}/api/health`, { headers: { Authorization: 'Bearer s3cret' } })
      expect(without.status).toBe(401)
      expect(await withToken.json()).toEqual({ ok: true, documents: 0, stories: 0 })
    } finally {
      await server.close()
    }
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow()
  })
})
