import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../store/index.js'
import { createApp } from './app.js'
import { isWebUrl, safeFileName } from './routes/imports.js'

// Our own words: two short council reports.
const FERRY = 'Ferry fares frozen\n\nThe island council froze ferry fares on Tuesday, the harbour master said. "We will not raise them this year," she told residents.\n'
const BRIDGE = 'Bridge repairs start\n\nRepairs on the old stone bridge began on Monday, the roads office said.\n'

describe('import', () => {
  const cleanup: Array<() => Promise<void> | void> = []
  afterEach(async () => {
    for (const done of cleanup.splice(0)) await done()
  })
  const setUp = async (limits = {}): Promise<{ store: Store; app: ReturnType<typeof createApp> }> => {
    const store = await openStore({ path: ':memory:' })
    cleanup.push(() => store.close())
    return { store, app: createApp({ store, limits, importWorkers: 0 }) }
  }
  const upload = (files: Record<string, string>): FormData => {
    const form = new FormData()
    for (const [name, text] of Object.entries(files)) form.append('files', new File([text], name, { type: 'text/plain' }))
    return form
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the job as JSON, read as the test expects it
  const poll = async (app: ReturnType<typeof createApp>, job: string): Promise<any> => {
    for (;;) {
      const state = await (await app.request(`/api/import/${job}`)).json()
      if (state.state !== 'running') return state
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  const importsLeft = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('dossier-import-'))

  it('import: uploaded files are analyzed in the background and the job reports its progress', async () => {
    const { store, app } = await setUp()
    const before = importsLeft()
    const res = await app.request('/api/import', { method: 'POST', body: upload({ 'ferry.txt': FERRY, 'bridge.txt': BRIDGE }) })
    expect(res.status).toBe(202)
    const { job } = await res.json()
    expect(job).toMatchObject({ state: 'running', inputs: 2 })
    const done = await poll(app, job.id)
    expect(done).toMatchObject({ state: 'done', inputs: 2, done: 2, rejected: [] })
    expect(done.report.documentsAdded).toBe(2)
    const titles = (await store.listDocuments()).map((d) => d.title).sort()
    expect(titles).toEqual(['Bridge repairs start', 'Ferry fares frozen'])
    expect((await store.listDocuments()).map((d) => d.input.split('/').pop()).sort()).toEqual(['bridge.txt', 'ferry.txt'])
    expect(importsLeft()).toEqual(before)
  })

  it('import: a rejected file is reported by the name it was uploaded with', async () => {
    const { app } = await setUp()
    const res = await app.request('/api/import', { method: 'POST', body: upload({ 'empty.txt': '' }) })
    const done = await poll(app, (await res.json()).job.id)
    expect(done.rejected).toHaveLength(1)
    expect(done.rejected[0].input).toBe('empty.txt')
    expect(done.rejected[0].message).not.toContain(tmpdir())
  })

  it('import (issue 10): each pasted line is its own input; a line that is no web address is refused alone and never read as a path', async () => {
    const { store, app } = await setUp()
    const lines = ['/etc/passwd', 'file:///etc/passwd', '-', 'javascript:alert(1)', 'http://127.0.0.1:9/private', 'http://127.0.0.1:9/private']
    const res = await app.request('/api/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ urls: lines }) })
    expect(res.status).toBe(202)
    const done = await poll(app, (await res.json()).job.id)
    expect(done.state).toBe('done')
    expect(done.results.map((r: { input: string; outcome: string; code: string }) => [r.input, r.outcome, r.code])).toEqual([
      ['/etc/passwd', 'refused', 'NOT_A_WEB_URL'],
      ['file:///etc/passwd', 'refused', 'NOT_A_WEB_URL'],
      ['-', 'refused', 'NOT_A_WEB_URL'],
      ['javascript:alert(1)', 'refused', 'NOT_A_WEB_URL'],
      ['http://127.0.0.1:9/private', 'refused', 'FETCH_REFUSED'],
      ['http://127.0.0.1:9/private', 'skipped', 'REPEATED_INPUT'],
    ])
    expect(done.done).toBe(6)
    expect(await store.countDocuments()).toBe(0)
  })

  it('import (issue 10): results say per input what was added, skipped and refused, in words without server paths or flags', async () => {
    const { app } = await setUp()
    await poll(app, (await (await app.request('/api/import', { method: 'POST', body: upload({ 'bridge.txt': BRIDGE }) })).json()).job.id)
    const form = upload({ 'ferry.txt': FERRY, 'empty.txt': '', 'bridge-again.txt': BRIDGE })
    const done = await poll(app, (await (await app.request('/api/import', { method: 'POST', body: form })).json()).job.id)
    expect(done.results).toEqual([
      { input: 'ferry.txt', outcome: 'added', added: 1, existing: 0 },
      { input: 'empty.txt', outcome: 'refused', added: 0, existing: 0, code: 'INPUT_EMPTY', reason: 'It is empty.' },
      { input: 'bridge-again.txt', outcome: 'skipped', added: 0, existing: 0, reason: 'It was in the store already.' },
    ])
    const shown = JSON.stringify(done)
    expect(shown).not.toContain(tmpdir())
    expect(shown).not.toContain('dossier-import-')
    expect(shown).not.toMatch(/--[a-z]/)
  })

  it('import: a file over the per-file limit is refused alone; the rest of the upload is read', async () => {
    const { store, app } = await setUp({ maxFileBytes: 120 })
    const res = await app.request('/api/import', { method: 'POST', body: upload({ 'ferry.txt': FERRY, 'bridge.txt': BRIDGE }) })
    expect(res.status).toBe(202)
    const done = await poll(app, (await res.json()).job.id)
    expect(done.results.map((r: { input: string; outcome: string; code?: string }) => [r.input, r.outcome, r.code])).toEqual([
      ['ferry.txt', 'refused', 'INPUT_TOO_LARGE'], ['bridge.txt', 'added', undefined],
    ])
    expect(await store.countDocuments()).toBe(1)
  })

  it('import (issue 10): a refused URL is told in user words; the details go to the server log only', async () => {
    const { app } = await setUp()
    const res = await app.request('/api/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ urls: ['http://10.0.0.1/internal'] }) })
    const done = await poll(app, (await res.json()).job.id)
    expect(done.results[0]).toMatchObject({ outcome: 'refused', code: 'FETCH_REFUSED' })
    expect(done.results[0].reason).not.toMatch(/--|10\.0\.0\.1|allowPrivate/)
    expect(done.rejected).toEqual([{ input: 'http://10.0.0.1/internal', code: 'FETCH_REFUSED', message: done.results[0].reason }])
  })

  it('import: a second import while one runs is refused with 409', async () => {
    const { app } = await setUp()
    // Enough files that the first job is still reading when the second request arrives.
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`ferry-${i}.txt`, `${FERRY}\nUpdate ${i}.\n`]))
    const first = await app.request('/api/import', { method: 'POST', body: upload(many) })
    const second = await app.request('/api/import', { method: 'POST', body: upload({ 'bridge.txt': BRIDGE }) })
    expect(second.status).toBe(409)
    expect((await second.json()).error.code).toBe('IMPORT_BUSY')
    await poll(app, (await first.json()).job.id)
  })

  it.each([
    ['a request over the per-request limit', { maxUploadBytes: 100 }, { 'ferry.txt': FERRY }],
    ['more files than allowed', { maxFiles: 1 }, { 'ferry.txt': FERRY, 'bridge.txt': BRIDGE }],
  ])('import: %s is a 413', async (_, limits, files) => {
    const { app } = await setUp(limits)
    const res = await app.request('/api/import', { method: 'POST', body: upload(files) })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('TOO_LARGE')
  })

  it.each([
    ['no URLs', { urls: [] }, 400],
    ['only blank lines', { urls: ['', '  '] }, 400],
    ['a line that is no string', { urls: ['https://example.org/a', 7] }, 400],
    ['not a list', { urls: 'https://example.org/a' }, 400],
    ['too many', { urls: ['https://example.org/a', 'https://example.org/b', 'https://example.org/c'] }, 413],
  ])('import: JSON with %s is refused', async (_, body, status) => {
    const { app } = await setUp({ maxUrls: 2 })
    const res = await app.request('/api/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    expect(res.status).toBe(status)
  })

  it('import: a JSON body over the limit is a 413, bad JSON a 400, another type a 415', async () => {
    const { app } = await setUp({ maxJsonBytes: 64 })
    const post = (type: string, body: string): Promise<Response> => Promise.resolve(app.request('/api/import', { method: 'POST', headers: { 'Content-Type': type }, body }))
    expect((await post('application/json', JSON.stringify({ urls: ['https://example.org/' + 'a'.repeat(100)] }))).status).toBe(413)
    expect((await post('application/json', '{"urls": [')).status).toBe(400)
    expect((await post('text/plain', 'https://example.org/a')).status).toBe(415)
  })

  it('import: a JSON body stops being read at the JSON limit, not the upload limit', async () => {
    const { app } = await setUp({ maxJsonBytes: 64 })
    // A client that sends past the limit and would go on: reading its second chunk fails.
    let pulls = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(new TextEncoder().encode(`{"urls": ["https://example.org/${'a'.repeat(100)}"`))
        else controller.error(new Error('read past the JSON limit'))
      },
    }, { highWaterMark: 0 })
    const res = await app.request('/api/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
    expect(pulls).toBe(1)
  })

  it.each([
    ['report.txt', 'report.txt'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\notes.txt', 'notes.txt'],
    ['.bashrc', 'bashrc'],
    ['<script>.html', '_script_.html'],
    ['', 'upload'],
  ])('safe file name: %s → %s', (name, safe) => {
    expect(safeFileName(name)).toBe(safe)
  })

  it.each([
    ['https://example.org/a', true], ['http://example.org', true], ['ftp://example.org/a', false], ['javascript:alert(1)', false], ['example.org/a', false],
  ])('web URL: %s → %s', (url, ok) => {
    expect(isWebUrl(url)).toBe(ok)
  })
})
