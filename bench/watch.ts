/**
 * npx tsx bench/watch.ts [--cycles N] [--full] — `dossier watch` at 1,000 feeds (issue 12).
 *
 * A news site in a child process (bench/lib/watch-site.ts: 1,000 RSS feeds over 8 loopback hosts,
 * conditional GETs by ETag) publishes 20 new items on random feeds before each cycle; the watcher
 * (runWatchCycle, every source due each cycle, host delay 0, 8 requests in flight, extraction on
 * the main thread) polls, fetches the 20 articles, and analyses them into stories. Measured: cycle
 * time, requests per cycle, full answers versus 304s, the watcher's CPU when nothing changed, RSS
 * over the cycles, item latency (published → annotated and stored; placement in stories follows in
 * the same cycle) and alert latency (published → placed, and the alert of a saved watch recorded,
 * cited spans and all). Baselines in the same run: a poller
 * without validators that downloads and parses all 1,000 feeds each time, and the floor under any
 * watcher: the same 1,000 conditional GETs answered 304, sent over kept-alive connections with
 * nothing read, parsed or stored.
 * Default 8 cycles; --full runs 50 (the RSS figure).
 */
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { readFeed } from '../src/stages/ingest/feeds.js'
import { createFetchAgent, fetchUrl } from '../src/stages/ingest/fetch.js'
import { openStore, sourceStoreOf } from '../src/store/index.js'
import { runWatchCycle, type WatchCycleResult } from '../src/watch/cycle.js'
import { createWatch } from '../src/watches/index.js'
import { mapLimited } from '../src/watch/limit.js'
import { printTable, ratio } from './lib/table.js'

// A full collection before each heap reading, so the figure is what is live, not what V8 has not collected yet.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const args = process.argv.slice(2)
const CYCLES = args.includes('--full') ? 50 : Number(args[args.indexOf('--cycles') + 1] ?? 0) || 8
const NEW_PER_CYCLE = 20
const CONCURRENCY = 8
const FETCH = { allowPrivate: true, maxBytes: 5 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 }

const site = fork(join(import.meta.dirname, 'lib/watch-site.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
const ask = <T>(message: object): Promise<T> => new Promise((resolve) => {
  site.once('message', (m) => resolve(m as T))
  if (Object.keys(message).length > 0) site.send(message)
})
const { feeds } = await ask<{ feeds: string[] }>({})
const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-watch-'))
const store = await openStore({ path: join(dir, 'watch.db') })
const sources = sourceStoreOf(store)
for (const url of feeds) await sources.addSource({ url, kind: 'feed' })
// Saved watches as a desk would keep them, one per town and topic the generated news covers
// (bench/lib/watch-site.ts), so new stories and stories reaching 3 outlets fire alerts over the
// cycles: 64 watches, evaluated on every cycle that stores something.
const TOWNS = ['Lindmoor', 'Castrel', 'Ovenby', 'Parrish Cove', 'Telford Reach', 'Aubrey Mills', 'Kesswick', 'Marlow Fen']
const TOPICS = ['ferry', 'water', 'library', 'bus', 'harbour', 'solar', 'market', 'tram']
for (const town of TOWNS) for (const topic of TOPICS) await createWatch(store, { query: `${town} ${topic}`, outlets: 3 })
const WATCHES = TOWNS.length * TOPICS.length

const stored = new Map<string, number>()
const cpu = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
async function cycle(): Promise<{ result: WatchCycleResult; ms: number; cpuMs: number; served: { requests: number; notModified: number } }> {
  const t = performance.now()
  const c = cpu()
  const result = await runWatchCycle({
    store, workers: 0, everyMs: 0, concurrency: CONCURRENCY,
    polite: { fetch: FETCH, hostDelayMs: 0 },
    onEvent: (e) => {
      if (e.kind === 'stored') stored.set(e.url, Date.now())
    },
  })
  const ms = performance.now() - t
  const cpuMs = cpu() - c
  return { result, ms, cpuMs, served: await ask<{ requests: number; notModified: number }>({ stats: true }) }
}

const first = await cycle()
const quietRuns = [await cycle(), await cycle()]
const busy: Array<Awaited<ReturnType<typeof cycle>>> = []
const latencies: number[] = []
const alertLatencies: number[] = []
let alertsFired = 0
let alertCycles = 0
const rss: number[] = []
const heap: number[] = []
for (let i = 0; i < CYCLES; i++) {
  const { links, at } = await ask<{ links: string[]; at: number }>({ publish: NEW_PER_CYCLE })
  const run = await cycle()
  busy.push(run)
  for (const link of links) latencies.push((stored.get(link) ?? NaN) - at)
  // An alert's latency: from the publication of this cycle's items, the only change since the
  // last cycle and so its cause, to its recording (an alert may cite a story's older articles).
  if (run.result.alerts.length > 0) alertCycles++
  for (const alert of run.result.alerts) {
    alertsFired++
    alertLatencies.push(Date.parse(alert.createdAt) - at)
  }
  rss.push(process.memoryUsage().rss / 1e6)
  gc()
  heap.push(process.memoryUsage().heapUsed / 1e6)
}
const quietAfter = await cycle()

// Baseline: the same 1,000 feeds polled without validators, each downloaded and parsed.
async function naivePoll(): Promise<{ ms: number; cpuMs: number; full: number }> {
  const t = performance.now()
  const c = cpu()
  let full = 0
  // Kept-alive connections, as the watcher's: the difference measured is the validators'.
  const agent = createFetchAgent(FETCH)
  await mapLimited(feeds, CONCURRENCY, async (url) => {
    const fetched = await fetchUrl(url, { ...FETCH, agent })
    full++
    try {
      readFeed(url, Buffer.from(fetched.bytes).toString('utf8'), 'rss', url)
    } catch {
      // an empty feed is refused by readFeed: parsed all the same
    }
  })
  await agent.close()
  return { ms: performance.now() - t, cpuMs: cpu() - c, full }
}
const naive = [await naivePoll(), await naivePoll()]

// The floor: the conditional GETs alone, as answered in a quiet cycle (304), with no store,
// no robots.txt, no parsing: what any watcher that asks each feed pays at least.
async function bareConditional(): Promise<{ ms: number; cpuMs: number }> {
  const etags = new Map<string, string>()
  const agent = createFetchAgent(FETCH)
  await mapLimited(feeds, CONCURRENCY, async (url) => {
    const fetched = await fetchUrl(url, { ...FETCH, agent })
    if (fetched.etag) etags.set(url, fetched.etag)
  })
  const t = performance.now()
  const c = cpu()
  await mapLimited(feeds, CONCURRENCY, async (url) => {
    const etag = etags.get(url)
    await fetchUrl(url, { ...FETCH, agent, ...(etag ? { validators: { etag } } : {}) })
  })
  const result = { ms: performance.now() - t, cpuMs: cpu() - c }
  await agent.close()
  return result
}
const bare = [await bareConditional(), await bareConditional()]
await ask({ stats: true })

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const quiet = [...quietRuns, quietAfter]
const quietMs = median(quiet.map((q) => q.ms))
const quietCpu = median(quiet.map((q) => q.cpuMs))
const naiveMs = median(naive.map((n) => n.ms))
const naiveCpu = median(naive.map((n) => n.cpuMs))
const bareCpu = median(bare.map((n) => n.cpuMs))
const bareMs = median(bare.map((n) => n.ms))
/** `dossier watch --every 15m`, the interval the issue names. */
const EVERY_MS = 15 * 60_000
const full = (r: (typeof quiet)[number]): number => r.served.requests - r.served.notModified
const okLatencies = latencies.filter(Number.isFinite)
printTable(`bench: watch (${feeds.length} feeds on 8 hosts, ${NEW_PER_CYCLE} new items per cycle, ${CYCLES} cycles)`, ['measure', 'watch', 'baseline', 'ratio'], [
  ['first poll of every feed: cycle s', first.ms / 1000, '', ''],
  ['nothing changed: cycle ms', quietMs, naiveMs, ratio(quietMs, naiveMs)],
  ['nothing changed: watcher CPU ms', quietCpu, naiveCpu, ratio(quietCpu, naiveCpu)],
  ['nothing changed: CPU ms per feed', quietCpu / feeds.length, naiveCpu / feeds.length, ratio(quietCpu, naiveCpu)],
  ['nothing changed: CPU ms per feed, beside bare 304 requests', quietCpu / feeds.length, bareCpu / feeds.length, ratio(quietCpu, bareCpu)],
  ['nothing changed: cycle ms, beside bare 304 requests', quietMs, bareMs, ratio(quietMs, bareMs)],
  ['nothing changed: share of one core at --every 15m (%)', (100 * quietCpu) / EVERY_MS, (100 * bareCpu) / EVERY_MS, ratio(quietCpu, bareCpu)],
  ['nothing changed: full answers (not 304)', median(quiet.map(full)), median(naive.map((n) => n.full)), ''],
  ['nothing changed: requests', median(quiet.map((q) => q.served.requests)), feeds.length, ''],
  [`${NEW_PER_CYCLE} new: cycle s (median)`, median(busy.map((b) => b.ms)) / 1000, '', ''],
  [`${NEW_PER_CYCLE} new: cycle s (max)`, Math.max(...busy.map((b) => b.ms)) / 1000, '', ''],
  [`${NEW_PER_CYCLE} new: requests per cycle (median)`, median(busy.map((b) => b.served.requests)), feeds.length, ''],
  [`${NEW_PER_CYCLE} new: full answers per cycle (median)`, median(busy.map(full)), feeds.length, ''],
  [`${NEW_PER_CYCLE} new: documents stored per cycle (median)`, median(busy.map((b) => b.result.documents.length)), NEW_PER_CYCLE, ''],
  [`${NEW_PER_CYCLE} new: watcher CPU s per cycle (median)`, median(busy.map((b) => b.cpuMs)) / 1000, '', ''],
  ['item latency, published → stored: median s', median(okLatencies) / 1000, '', ''],
  ['item latency: max s', Math.max(...okLatencies) / 1000, '', ''],
  ['items never stored', latencies.length - okLatencies.length, 0, ''],
  [`alerts fired (${WATCHES} watches, town and topic, 3 outlets)`, alertsFired, '', ''],
  ['cycles that fired alerts', alertCycles, CYCLES, ''],
  ['alert latency, published → placed and alert recorded: median s', median(alertLatencies) / 1000, '', ''],
  ['alert latency: max s', alertLatencies.length > 0 ? Math.max(...alertLatencies) / 1000 : NaN, '', ''],
  ['RSS MB after cycle 1', rss[0]!, '', ''],
  [`RSS MB after cycle ${CYCLES}`, rss.at(-1)!, '', ratio(rss.at(-1)!, rss[0]!)],
  ['RSS MB max', Math.max(...rss), '', ''],
  ['heap MB after a full GC, after cycle 1', heap[0]!, '', ''],
  [`heap MB after a full GC, after cycle ${CYCLES}`, heap.at(-1)!, '', ratio(heap.at(-1)!, heap[0]!)],
])
console.log('baseline: the same feeds polled without validators (every feed downloaded and parsed), 8 in flight over kept-alive connections, same process; no articles.')
console.log('bare 304 requests: the same 1,000 conditional GETs over the same fetcher and kept-alive connections, nothing parsed or stored: the floor under any watcher that asks every feed.')
console.log('latency: the cycle runs as soon as items are published, so it is the cycle\'s time; under `--every 15m` add up to the poll interval. An alert is recorded when its cycle has placed the stories; a webhook adds its POST (bench:alerts).')
site.kill()
await store.close()
rmSync(dir, { recursive: true, force: true })
