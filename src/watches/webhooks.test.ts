import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { analyze } from '../api/analyze.js'
import { openStore, type Store } from '../store/index.js'
import { FERRY_FIRST, writePages } from '../../test/helpers/watches.js'
import { createWatch, watchStoreOf, type Alert } from './index.js'
import { DELIVERY_HEADER, SIGNATURE_HEADER, deliverWebhooks, signBody, type DeliveryPolicy } from './webhooks.js'

interface Received { readonly headers: IncomingMessage['headers']; readonly body: string }

/** A real webhook receiver on loopback: answers each request with the next status of `statuses` (then 200). */
async function startReceiver(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      res.writeHead(statuses.shift() ?? 200, { 'Content-Type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server }
}

const FAST: DeliveryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 10_000, timeoutMs: 5_000, leaseMs: 30_000 }

let dir = ''
let store: Store
let server: Server | undefined
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-webhooks-'))
  store = await openStore({ path: join(dir, 'hooks.db') })
})
afterEach(async () => {
  await store.close()
  server?.close()
  rmSync(dir, { recursive: true, force: true })
})

async function fireOneAlert(url: string, secret?: string): Promise<Alert> {
  await createWatch(store, { query: 'ferry', webhook: url, ...(secret === undefined ? {} : { secret }) })
  const { alerts } = await analyze([writePages(join(dir, 'pages'), FERRY_FIRST)], { store, workers: 0 })
  expect(alerts).toHaveLength(1)
  return alerts[0]!
}

describe('webhooks', () => {
  it('webhooks: a receiver failing first gets the alert on the retry after the backoff, signed with the secret, one delivery id', async () => {
    const receiver = await startReceiver([500])
    server = receiver.server
    const alert = await fireOneAlert(receiver.url, 'harbour-secret')
    const t0 = new Date(Date.now() + 1_000)
    expect(await deliverWebhooks(store, FAST, () => t0)).toEqual({ delivered: 0, retrying: 1, failed: 0 })
    const [pending] = await watchStoreOf(store).listDeliveries()
    expect(pending).toMatchObject({ state: 'pending', attempts: 1, lastError: `${receiver.url} answered 500 Internal Server Error`, nextAt: new Date(t0.getTime() + 1_000).toISOString() })
    // Not due yet: nothing is sent.
    expect(await deliverWebhooks(store, FAST, () => new Date(t0.getTime() + 500))).toEqual({ delivered: 0, retrying: 0, failed: 0 })
    expect(await deliverWebhooks(store, FAST, () => new Date(t0.getTime() + 1_000))).toEqual({ delivered: 1, retrying: 0, failed: 0 })
    expect(await deliverWebhooks(store, FAST, () => new Date(t0.getTime() + 60_000))).toEqual({ delivered: 0, retrying: 0, failed: 0 })

    expect(receiver.received).toHaveLength(2)
    for (const r of receiver.received) {
      expect(r.headers[DELIVERY_HEADER.toLowerCase()]).toBe(alert.id)
      expect(r.headers[SIGNATURE_HEADER.toLowerCase()]).toBe(signBody(r.body, 'harbour-secret'))
      expect(r.headers['content-type']).toBe('application/json')
      expect(JSON.parse(r.body)).toEqual({ alert })
    }
    expect((await watchStoreOf(store).listDeliveries())[0]).toMatchObject({ state: 'delivered', attempts: 2, lastError: null })
  }, 60_000)

  it('webhooks: a 4xx other than 408/429 fails at once; a receiver down is tried until the attempts run out, its last error kept', async () => {
    const receiver = await startReceiver([404])
    server = receiver.server
    await fireOneAlert(receiver.url)
    expect(await deliverWebhooks(store, FAST)).toEqual({ delivered: 0, retrying: 0, failed: 1 })
    expect((await watchStoreOf(store).listDeliveries())[0]).toMatchObject({ state: 'failed', lastError: `${receiver.url} answered 404 Not Found` })
    expect(receiver.received[0]!.headers[SIGNATURE_HEADER.toLowerCase()]).toBeUndefined()

    await createWatch(store, { query: 'Portvale', webhook: 'http://127.0.0.1:9/closed' })
    await store.close()
    store = await openStore({ path: join(dir, 'hooks.db') })
    // The new watch's baseline holds the ferry story: a fresh article is needed for an alert.
    const { alerts } = await analyze([writePages(join(dir, 'more'), [{ ...FERRY_FIRST[0]!, file: 'later.html', outlet: 'Portvale Post', title: 'Portvale ferry queue grows', paragraphs: ['A queue of cars stretched through Portvale on March 5, 2026 as the ferry strike went on, the harbour master said.'] }])], { store, workers: 0 })
    expect(alerts.length).toBeGreaterThan(0)
    let t = Date.now() + 1_000
    const outcomes = []
    for (let i = 0; i < 3; i++) {
      outcomes.push(await deliverWebhooks(store, FAST, () => new Date(t)))
      t += 20_000
    }
    expect(outcomes.map((o) => o.failed)).toEqual([0, 0, 1])
    const closed = (await watchStoreOf(store).listDeliveries()).filter((d) => d.url === 'http://127.0.0.1:9/closed')
    expect(closed[0]).toMatchObject({ state: 'failed', attempts: 3 })
    expect(closed[0]!.lastError).toMatch(/^http:\/\/127\.0\.0\.1:9\/closed: .*\(gave up after 3 attempts\)$/)
  }, 60_000)

  it('webhooks: a delivery taken by a process killed before it recorded the outcome is sent again when its lease ends, not before', async () => {
    const receiver = await startReceiver([])
    server = receiver.server
    const alert = await fireOneAlert(receiver.url)
    const t0 = new Date(Date.now() + 1_000)
    // What a killed process leaves: the delivery taken (attempt counted, leased), no outcome.
    expect(await watchStoreOf(store).claimDeliveries(t0, FAST.leaseMs, 10)).toHaveLength(1)
    expect(await deliverWebhooks(store, FAST, () => new Date(t0.getTime() + 1_000))).toEqual({ delivered: 0, retrying: 0, failed: 0 })
    expect(await deliverWebhooks(store, FAST, () => new Date(t0.getTime() + FAST.leaseMs))).toEqual({ delivered: 1, retrying: 0, failed: 0 })
    expect(receiver.received.map((r) => r.headers[DELIVERY_HEADER.toLowerCase()])).toEqual([alert.id])
  }, 60_000)
})
