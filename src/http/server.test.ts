import { request } from 'node:http'
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

  it('server (issue 10): a public bind refuses a token shorter than 16 characters, and takes a long one', async () => {
    const start = startServer({ store, host: '0.0.0.0', port: 0, token: 'x' })
    await expect(start).rejects.toThrow(UsageError)
    await expect(start).rejects.toThrow(/at least 16 characters/)
    const server = await startServer({ store, host: '0.0.0.0', port: 0, token: 'a'.repeat(16) })
    await server.close()
  })

  it('server (issue 10): answers only to its own Host names and the added ones, on its real port', async () => {
    const server = await startServer({ store, host: '127.0.0.1', port: 0, allowHosts: ['dossier.test'] })
    const port = new URL(server.url).port
    // node:http, not fetch: fetch will not send a Host header of our choosing.
    const statusFor = (host: string): Promise<number> => new Promise((done, fail) => {
      request({ host: '127.0.0.1', port, path: '/api/health', headers: { Host: host } }, (res) => {
        res.resume()
        done(res.statusCode ?? 0)
      }).on('error', fail).end()
    })
    try {
      expect(await statusFor(`127.0.0.1:${port}`)).toBe(200)
      expect(await statusFor(`localhost:${port}`)).toBe(200)
      expect(await statusFor('dossier.test')).toBe(200)
      expect(await statusFor(`evil.test:${port}`)).toBe(421)
      expect(await statusFor(`localhost:${Number(port) + 1}`)).toBe(421)
    } finally {
      await server.close()
    }
  })

  it('server: a bad --allow-host entry is a usage error', async () => {
    await expect(startServer({ store, host: '127.0.0.1', port: 0, allowHosts: ['not a host'] })).rejects.toThrow(UsageError)
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
