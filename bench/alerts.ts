/**
 * What watches cost and how soon they alert. The examples are analysed into a store, then the five
 * seed articles (../shared/corpus/seeds) arrive as a second batch, twice: into a store with ten
 * watches (searches, entities, an actor pair; half with a webhook to a local receiver) and into the
 * same store without watches (the baseline: the same analyze with nothing to evaluate). Printed:
 * the second batch's time with and without watches and their ratio; the evaluation itself (alert
 * latency: from the batch's stories written to its alerts stored); an evaluation over every story
 * that finds nothing new (the steady cost of a watch cycle); and webhook delivery time per alert
 * beside a bare fetch POST of the same bodies to the same receiver.
 *
 *   npm run bench:alerts
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { analyze } from '../src/api/analyze.js'
import { openStore, type Store } from '../src/store/index.js'
import { createWatch, deliverWebhooks, evaluateWatches, watchStoreOf, webhookBody, type WatchInput } from '../src/watches/index.js'
import { printTable, ratio } from './lib/table.js'

const EXAMPLES = resolve(import.meta.dirname, '../examples')
const SEEDS = resolve(import.meta.dirname, '../../shared/corpus/seeds')
const RUNS = 3

const WATCHES: readonly WatchInput[] = [
  { query: 'alliance' }, { query: 'bridge' }, { query: 'ferry OR port', advanced: true }, { query: 'minister' },
  { entity: 'Russia' }, { entity: 'China' }, { entity: 'United States' },
  { actor: 'Russia', counterpart: 'China', topic: 'alliance' }, { actor: 'Russia', counterpart: 'China' }, { actor: 'China', counterpart: 'Russia', topic: 'alliance' },
]

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}

async function main(): Promise<void> {
  if (!existsSync(SEEDS)) {
    console.log(`bench:alerts needs the seed corpus at ${SEEDS}; it is not there.`)
    return
  }
  const received: string[] = []
  const server = createServer((req, res) => { req.resume(); req.on('end', () => { received.push(String(req.headers['x-dossier-delivery'])); res.writeHead(204).end() }) })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-alerts-'))
  const first = join(dir, 'first')
  cpSync(EXAMPLES, first, { recursive: true })
  const rows = { with: [] as number[], without: [] as number[], evaluate: [] as number[], idle: [] as number[], deliver: [] as number[], fetch: [] as number[] }
  let alerts = 0
  let stories = 0
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const watched of [true, false]) {
        const store: Store = await openStore({ path: join(dir, `run-${run}-${watched}.db`) })
        await analyze([first], { store, workers: 0 })
        if (watched) for (const [i, w] of WATCHES.entries()) await createWatch(store, { ...w, ...(i % 2 === 0 ? { webhook: hook, secret: 'bench' } : {}) })
        const second = await timed(() => analyze([SEEDS], { store, workers: 0 }))
        rows[watched ? 'with' : 'without'].push(second.ms)
        if (watched) {
          alerts = second.value.alerts.length
          // The evaluation alone, as the batch ran it: moved back to before the batch, nothing seen since.
          const watches = watchStoreOf(store)
          const changed = (await watches.storiesWrittenSince(null)).map((s) => s.id)
          stories = changed.length
          rows.idle.push((await timed(() => evaluateWatches(store, changed))).ms)
          const fired = await watches.listAlerts({ limit: 1000 })
          const t0 = performance.now()
          await deliverWebhooks(store)
          const deliveries = (await watches.listDeliveries()).length
          rows.deliver.push((performance.now() - t0) / Math.max(deliveries, 1))
          const bodies = fired.slice(0, Math.max(deliveries, 1)).map(webhookBody)
          const f0 = performance.now()
          for (const body of bodies) await (await fetch(hook, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } })).body?.cancel()
          rows.fetch.push((performance.now() - f0) / bodies.length)
        }
        await store.close()
      }
      rows.evaluate.push(rows.with[run]! - rows.without[run]!)
    }
  } finally {
    server.close()
    rmSync(dir, { recursive: true, force: true })
  }
  const seeds = readdirSync(SEEDS).length
  printTable(`Watches: ${WATCHES.length} watches, a batch of ${seeds} seed articles after the examples; ${alerts} alerts fired; median of ${RUNS} runs`,
    ['measure', 'Dossier', 'baseline', 'ratio'],
    [
      ['analyze of the batch, ms (baseline: no watches)', median(rows.with), median(rows.without), ratio(median(rows.with), median(rows.without))],
      ['alert latency: evaluation in that batch, ms (with − without)', median(rows.evaluate), '', ''],
      [`evaluation finding nothing new over all ${stories} stories, ms (baseline: the batch without watches)`, median(rows.idle), median(rows.without), ratio(median(rows.idle), median(rows.without))],
      ['webhook delivery, ms per alert (baseline: bare fetch POST)', median(rows.deliver), median(rows.fetch), ratio(median(rows.deliver), median(rows.fetch))],
    ])
  const deliveries = received.filter((r) => r !== 'undefined')
  console.log(`the receiver got ${deliveries.length} webhook POSTs, ${new Set(deliveries).size} distinct delivery ids (and ${received.length - deliveries.length} bare baseline POSTs)`)
}

await main()
