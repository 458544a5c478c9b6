import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../bench/lib/random.js'
import { analyze } from '../../src/api/analyze.js'
import { openStore } from '../../src/store/index.js'
import { createWatch, deliverWebhooks, watchStoreOf, DEFAULT_DELIVERY_POLICY } from '../../src/watches/index.js'
import { CHILE_JANUARY, CHILE_MAY, FERRY_FIRST, FERRY_MORE, writePages } from '../helpers/watches.js'
import { startCli } from './store-harness.js'

// "Under faults work finishes exactly once", for alerts: `dossier analyze` is killed with SIGKILL at
// seeded moments over the second half of its run (placing stories, evaluating watches, sending
// webhooks to a slow receiver); a second run and a delivery pass after the leases have ended must
// leave exactly the alerts of one uninterrupted run, each delivered, no alert lost or doubled.

const KILLS = 6
const SEED = 12
/** The receiver answers each POST after this long, so kills land while deliveries are in flight. */
const RECEIVER_DELAY_MS = 300

const dir = mkdtempSync(join(tmpdir(), 'dossier-alerts-kill-'))
const inputs = writePages(join(dir, 'pages'), [...FERRY_FIRST, ...FERRY_MORE, ...CHILE_JANUARY, ...CHILE_MAY])
/** Delivery ids each store's receiver path got, in order (a repeat shows twice). */
const received = new Map<string, string[]>()
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const list = received.get(req.url ?? '') ?? []
      list.push(String(req.headers['x-dossier-delivery']))
      received.set(req.url ?? '', list)
      setTimeout(() => res.writeHead(200).end(), RECEIVER_DELAY_MS)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A store with the two watches, each with a webhook to its own path of the receiver. */
async function prepare(db: string, path: string): Promise<void> {
  const store = await openStore({ path: db })
  try {
    await createWatch(store, { name: 'ferries', query: 'ferry', webhook: `${base}${path}`, secret: 'k' })
    await createWatch(store, { name: 'chile-peru', actor: 'Chile', counterpart: 'Peru', topic: 'alliance', webhook: `${base}${path}` })
  } finally {
    await store.close()
  }
}

/** The second run and a delivery pass after every lease and backoff has ended; then what the store holds. */
async function finish(db: string): Promise<{ alerts: string[]; ids: string[]; deliveries: string[] }> {
  const store = await openStore({ path: db })
  try {
    await analyze([inputs], { store, workers: 0 })
    const later = Date.now() + DEFAULT_DELIVERY_POLICY.maxDelayMs * 2
    await deliverWebhooks(store, DEFAULT_DELIVERY_POLICY, () => new Date(later))
    const watches = watchStoreOf(store)
    const names = new Map((await watches.listWatches()).map((w) => [w.id, w.name]))
    const alerts = await watches.listAlerts({ limit: 1000 })
    const deliveries = await watches.listDeliveries()
    return {
      alerts: alerts.map((a) => `${names.get(a.watch)} ${a.kind} ${a.key}`).sort(),
      ids: alerts.map((a) => a.id).sort(),
      deliveries: deliveries.map((d) => `${d.alert} ${d.state}`).sort(),
    }
  } finally {
    await store.close()
  }
}

describe('alerts: kill -9 during evaluation and delivery', () => {
  it(`killed ${KILLS} times, a second run leaves exactly the alerts of one run, each delivered once`, async () => {
    const reference = join(dir, 'reference.db')
    await prepare(reference, '/reference')
    const expected = await finish(reference)
    expect(expected.alerts.map((a) => a.split(' ').slice(0, 2).join(' ')).sort()).toEqual(
      ['chile-peru headline', 'chile-peru new-story', 'chile-peru new-story', 'chile-peru stance-shift', 'ferries conflict', 'ferries new-story', 'ferries outlets'].sort(),
    )
    expect(received.get('/reference')!.sort()).toEqual(expected.ids)

    const timedDb = join(dir, 'timed.db')
    await prepare(timedDb, '/timed')
    const started = performance.now()
    await startCli(['analyze', inputs, '--db', timedDb, '--briefs', '0', '--workers', '0']).exit
    const length = performance.now() - started
    const random = mulberry32(SEED)
    let killedMidRun = 0
    let repeats = 0
    for (let i = 0; i < KILLS; i++) {
      const db = join(dir, `killed-${i}.db`)
      const path = `/killed-${i}`
      await prepare(db, path)
      // The second half of the run: stories placed, watches evaluated, webhooks sent.
      const delay = Math.round(length * (0.5 + 0.5 * random()))
      const run = startCli(['analyze', inputs, '--db', db, '--briefs', '0', '--workers', '0'])
      await new Promise((r) => setTimeout(r, delay))
      if (run.child.exitCode === null && run.child.kill('SIGKILL')) killedMidRun++
      await run.exit
      const left = `kill ${i} after ${delay} ms of ${Math.round(length)} (seed ${SEED})`
      expect(existsSync(db), left).toBe(true)
      const after = await finish(db)
      expect(after.alerts, left).toEqual(expected.alerts)
      expect(after.deliveries, left).toEqual(after.ids.map((id) => `${id} delivered`))
      const got = received.get(path) ?? []
      // Every alert reached the receiver; a repeat (a kill between its answer and the store's
      // record of it) carries the same delivery id, at most once per kill.
      expect([...new Set(got)].sort(), left).toEqual(after.ids)
      repeats += got.length - new Set(got).size
      expect(got.length - new Set(got).size, left).toBeLessThanOrEqual(1)
    }
    console.log(`alerts-kill: ${killedMidRun} of ${KILLS} runs killed mid-run, ${repeats} repeated POSTs (same delivery id)`)
    expect(killedMidRun).toBeGreaterThan(KILLS / 2)
  }, 600_000)
})
