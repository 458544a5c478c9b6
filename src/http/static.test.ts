import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../store/index.js'
import { createApp } from './app.js'
import { staticFileOf } from './static.js'

describe('static files', () => {
  let dir: string
  let store: Store
  let app: ReturnType<typeof createApp>
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-static-'))
    mkdirSync(join(dir, 'web/app'), { recursive: true })
    writeFileSync(join(dir, 'web/index.html'), '<!doctype html><title>Dossier</title>')
    writeFileSync(join(dir, 'web/app/main.js'), 'export {}')
    writeFileSync(join(dir, 'web/style.css'), 'body{}')
    writeFileSync(join(dir, 'secret.txt'), 'outside the web root')
    store = await openStore({ path: ':memory:' })
    app = createApp({ store, webRoot: join(dir, 'web') })
  })
  afterAll(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it.each([
    ['/', 'text/html; charset=utf-8', '<!doctype html><title>Dossier</title>'],
    ['/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Dossier</title>'],
    ['/app/main.js', 'text/javascript; charset=utf-8', 'export {}'],
    ['/style.css', 'text/css; charset=utf-8', 'body{}'],
  ])('static: %s is served with its content type', async (path, type, text) => {
    const res = await app.request(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe(type)
    expect(await res.text()).toBe(text)
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/app/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/app/..%5c..%5csecret.txt',
    '/%00index.html',
    '/.env.txt',
    '/app/missing.js',
    '/app/',
  ])('static: no way out of the web root, and nothing missing is invented: %s', async (path) => {
    const res = await app.request(path)
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(await res.text()).not.toContain('outside the web root')
  })

  it.each([
    ['/app/main.js', '/srv/web/app/main.js'],
    ['/', '/srv/web/index.html'],
    ['/a/../../etc/passwd', undefined],
    ['/%2e%2e/etc/passwd.txt', undefined],
    ['/app/main.exe', undefined],
    ['/%E0%A4%A', undefined],
  ])('static path: %s → %s', (path, file) => {
    expect(staticFileOf('/srv/web', path)).toBe(file)
  })
})
