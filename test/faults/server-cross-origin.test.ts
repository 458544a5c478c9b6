/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../../src/store/index.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { chromiumAvailable, launchChromium, LAPTOP, openPage, startDossier, waitForApp, type Dossier } from '../browser/harness.js'

// Issue 10, findings 1 and 2, as a browser carries them out: a page on a second origin (another
// loopback address) makes Chromium POST to /api/import every way a page can, and a page on a name
// that resolves to 127.0.0.1 (DNS rebinding, by --host-resolver-rules) reads and posts as if it
// were the app. The store must not change, nothing may be read, and the app itself still imports.
const present = chromiumAvailable('server fault tests: cross-origin attacks')
const HOSTILE = join(REPO_ROOT, 'test/browser/fixtures/hostile')
const REBOUND = 'evil.test'

/**
 * Chromium's own Private Network Access checks would stop a page from a public address (the
 * rebinding page is one to Chromium: it is served by the test, not by a loopback server) from
 * reaching loopback. Firefox and Safari have no such checks, so the server must hold on its own:
 * they are off here.
 */
const BROWSER_DEFENCES_OFF = ['BlockInsecurePrivateNetworkRequests', 'PrivateNetworkAccessSendPreflights', 'PrivateNetworkAccessRespectPreflightResults', 'LocalNetworkAccessChecks']

/** Our own words: what an attacker would plant. */
const PLANTED = 'Planted story\n\nThis paragraph was planted in the store by another web site.\n'

// The attacker's page: no CSP of its own, so its inline script runs. It tries the no-cors fetch,
// the CORS fetch of a safelisted type (sent without a preflight), a JSON fetch (preflighted) and a
// multipart form posted into a frame, its file set through DataTransfer as a page can.
const ATTACK_PAGE = `<!doctype html><meta charset="utf-8"><title>attacker</title>
<iframe name="sink"></iframe>
<form id="form" method="POST" enctype="multipart/form-data" target="sink"><input type="file" name="files" id="file"></form>
<script>
const target = new URLSearchParams(location.search).get('target')
const planted = (name) => { const d = new FormData(); d.append('files', new File([${JSON.stringify(PLANTED)}], name, { type: 'text/plain' })); return d }
const attempt = async (name, run) => {
  try { const r = await run(); return [name, r.type === 'opaque' ? 'opaque' : r.status] } catch (e) { return [name, 'blocked'] }
}
window.attack = (async () => {
  const out = []
  out.push(await attempt('no-cors fetch', () => fetch(target + '/api/import', { method: 'POST', mode: 'no-cors', body: planted('planted-no-cors.txt') })))
  out.push(await attempt('cors fetch', () => fetch(target + '/api/import', { method: 'POST', body: planted('planted-cors.txt') })))
  out.push(await attempt('json fetch', () => fetch(target + '/api/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ urls: ['https://example.org/planted'] }) })))
  const files = new DataTransfer()
  files.items.add(new File([${JSON.stringify(PLANTED)}], 'planted-form.txt', { type: 'text/plain' }))
  document.getElementById('file').files = files.files
  const form = document.getElementById('form')
  form.action = target + '/api/import'
  await new Promise((done) => { document.querySelector('iframe').onload = done; form.submit() })
  out.push(['form post', 'sent'])
  return out
})()
</script>`

// The rebinding page: served from evil.test, it then talks to "its own" origin, which is 127.0.0.1.
const REBIND_PAGE = `<!doctype html><meta charset="utf-8"><title>rebinding</title><script>
window.attack = (async () => {
  const read = async (path, init) => { const r = await fetch(path, init); return { status: r.status, body: await r.text() } }
  const form = new FormData()
  form.append('files', new File([${JSON.stringify(PLANTED)}], 'planted-rebound.txt', { type: 'text/plain' }))
  return {
    articles: await read('/api/articles'),
    app: await read('/'),
    post: await read('/api/import', { method: 'POST', body: form }),
  }
})()
</script>`

/** The attacker's server on a second loopback address (another port of 127.0.0.1 where there is none). */
async function startAttacker(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(ATTACK_PAGE)
  })
  for (const host of ['127.0.0.2', '127.0.0.1']) {
    const bound = await new Promise<boolean>((done) => {
      server.once('error', () => done(false))
      server.listen(0, host, () => done(true))
    })
    if (bound) return { url: `http://${host}:${(server.address() as AddressInfo).port}`, server }
  }
  throw new Error('cannot bind the attacker server on loopback')
}

describe.skipIf(!present)('server faults: cross-site requests and DNS rebinding, from a second origin in Chromium', () => {
  let dossier: Dossier
  let attacker: { url: string; server: Server }
  let browser: Browser
  let articles: DocumentSummary[]

  beforeAll(async () => {
    dossier = await startDossier([HOSTILE])
    attacker = await startAttacker()
    browser = await launchChromium([`--host-resolver-rules=MAP ${REBOUND} 127.0.0.1`, `--disable-features=${BROWSER_DEFENCES_OFF.join(',')}`])
    articles = (await dossier.api<{ items: DocumentSummary[] }>('/api/articles?limit=200')).items
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await new Promise((done) => attacker?.server.close(done))
    await dossier?.close()
  })

  /**
   * Waits until no import runs: an attack that got through started a job, which stores its
   * documents in the background. A job of one line that is no URL starts once none runs (409 till
   * then) and ends without reading anything.
   */
  const importsSettled = async (): Promise<void> => {
    for (;;) {
      const res = await fetch(`${dossier.url}/api/import`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ urls: ['not a url'] }) })
      if (res.status === 202) {
        const { job } = (await res.json()) as { job: { id: string } }
        while ((await dossier.api<{ state: string }>(`/api/import/${job.id}`)).state === 'running') await new Promise((done) => setTimeout(done, 50))
        return
      }
      expect(res.status).toBe(409)
      await new Promise((done) => setTimeout(done, 50))
    }
  }
  const titles = async (): Promise<string[]> => (await dossier.store.listDocuments({ limit: 1000 })).map((d) => d.title ?? '')

  it('csrf: a page on another origin cannot plant documents by fetch (no-cors or cors) or by a form post', async () => {
    const before = await dossier.store.countDocuments()
    const { page } = await openPage(browser, LAPTOP)
    await page.goto(`${attacker.url}/attack.html?target=${encodeURIComponent(dossier.url)}`)
    const tried = await page.evaluate(() => (window as unknown as { attack: Promise<Array<[string, string | number]>> }).attack)
    // Every attempt was made, and none had an answer the page could read (a status would be one).
    expect(tried.map(([name]) => name)).toEqual(['no-cors fetch', 'cors fetch', 'json fetch', 'form post'])
    for (const [name, outcome] of tried) expect(['opaque', 'blocked', 'sent'], name).toContain(outcome)
    await importsSettled()
    expect(await dossier.store.countDocuments()).toBe(before)
    expect((await titles()).filter((t) => /planted/i.test(t))).toEqual([])
    await page.context().close()
  })

  it('dns rebinding: a page on a name that resolves to 127.0.0.1 reads nothing and posts nothing', async () => {
    const before = await dossier.store.countDocuments()
    const port = new URL(dossier.url).port
    const { page } = await openPage(browser, LAPTOP)
    await page.route(`http://${REBOUND}:${port}/rebind.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: REBIND_PAGE }))
    await page.goto(`http://${REBOUND}:${port}/rebind.html`)
    const got = await page.evaluate(() => (window as unknown as { attack: Promise<Record<string, { status: number; body: string }>> }).attack)
    for (const [what, answer] of Object.entries(got)) {
      expect(answer.status, what).toBe(421)
      expect(JSON.parse(answer.body).error.code, what).toBe('HOST_NOT_ALLOWED')
      for (const article of articles) expect(answer.body, what).not.toContain(article.id)
    }
    await importsSettled()
    expect(await dossier.store.countDocuments()).toBe(before)
    await page.context().close()
  })

  it('the app itself, on its own origin, still imports', async () => {
    const before = await dossier.store.countDocuments()
    const dir = mkdtempSync(join(tmpdir(), 'dossier-legit-upload-'))
    const file = join(dir, 'harbour-gazette-ferry.txt')
    writeFileSync(file, 'Ferry fares frozen on the island\n\nThe island council froze ferry fares on Tuesday, the harbour master said.\n')
    try {
      const { page } = await openPage(browser, LAPTOP)
      await page.goto(`${dossier.url}/#/import`)
      await waitForApp(page)
      await page.setInputFiles('input[type="file"]', file)
      await page.click('form.import-form button[type="submit"]')
      await page.waitForSelector('.job-done, .job-failed', { timeout: 120_000 })
      expect(await page.locator('.job-headline').textContent()).toBe('Imported.')
      expect(await page.locator('table.import-results tbody tr td').allTextContents()).toEqual(['harbour-gazette-ferry.txt', 'Added 1 document', ''])
      expect(await dossier.store.countDocuments()).toBe(before + 1)
      expect((await titles()).filter((t) => /planted/i.test(t))).toEqual([])
      await page.context().close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 150_000)
})
