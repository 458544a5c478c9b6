import { execFileSync } from 'node:child_process'
import { randomBytes, randomInt } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateNews } from '../../bench/lib/news.js'
import { asWriter, storeInputs } from '../../src/api/ingest.js'
import { placeStories } from '../../src/api/stories.js'
import { allStageNames } from '../../src/pipeline/process.js'
import { openStore } from '../../src/store/index.js'
import { runCli } from '../helpers/cli.js'
import { startPrivatePostgres } from '../helpers/private-postgres.js'
import { createTestDatabase, postgresUnavailable } from '../helpers/postgres.js'
import { exampleCorpus, startCli, storeContent } from './store-harness.js'

// Queue workers under faults, as real processes (`dossier worker`) on a real PostgreSQL queue, the
// store a SQLite file they share: a worker killed with -9 mid-input and the placer killed mid-page
// (retried, done once), an input on which its worker dies every time (failed after a bounded number
// of tries, the rest done), and PostgreSQL restarted mid-run (workers reconnect and finish). Each
// run must store exactly what one process stores from the same inputs.

const PAGE = 10
const LEASE_MS = 3_000
/** How long the poison's killer sees a worker hold it before it takes that for work on it. */
const WORKING_MS = 150
const hasPostgres = (await postgresUnavailable()) === undefined

const dir = mkdtempSync(join(tmpdir(), 'dossier-queue-faults-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
/** Three files of 40 generated articles (a job of seconds: long enough to be killed in) and the examples. */
const corpus = join(dir, 'corpus')
generateNews(join(corpus, 'news'), 120, 7)
exampleCorpus(join(corpus, 'examples'))

const reference = join(dir, 'reference.db')
beforeAll(async () => {
  if (!hasPostgres) return
  const store = await openStore({ path: reference })
  try {
    await asWriter(store, undefined, async () => {
      await storeInputs([corpus], { store, workers: 0 }, { stages: allStageNames(), complete: 'missing' })
      await placeStories(store, { pageSize: PAGE })
    })
  } finally {
    await store.close()
  }
}, 300_000)

type Cli = ReturnType<typeof startCli>

/** A cluster of `dossier worker` processes on one store and queue, and what the test asks of them. */
class Cluster {
  readonly workers = new Map<number, Cli>()
  readonly db: pg.Pool

  constructor(readonly store: string, readonly queueDb: string, readonly extra: readonly string[] = []) {
    this.db = new pg.Pool({ connectionString: queueDb, max: 2 })
    this.db.on('error', () => {}) // a restart of the server: the next query reconnects
  }

  /** Starts a worker; `netns` runs it in that network namespace, reaching the queue at `queueDb`. */
  start(options: { readonly netns?: string; readonly queueDb?: string } = {}): Cli {
    const args = ['worker', '--db', this.store, '--queue-db', options.queueDb ?? this.queueDb, '--page-size', String(PAGE), '--lease-ms', String(LEASE_MS), ...this.extra]
    const worker = startCli(args, options.netns === undefined ? undefined : ['ip', 'netns', 'exec', options.netns])
    this.workers.set(worker.child.pid!, worker)
    return worker
  }

  kill(pid: number): void {
    this.workers.get(pid)?.child.kill('SIGKILL')
    this.workers.delete(pid)
  }

  async enqueue(inputs: readonly string[]): Promise<void> {
    const run = await runCli(['analyze', ...inputs, '--db', this.store, '--queue-db', this.queueDb, '--detach'])
    expect(run.code, run.stderr).toBe(0)
  }

  async rows<T>(sql: string): Promise<T[]> {
    try {
      return (await this.db.query(sql)).rows as T[]
    } catch {
      return [] // the server restarting
    }
  }

  /** Polls until `probe` gives a value (not undefined), every 10 ms, at most `ms`. */
  async until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + ms
    for (;;) {
      const value = await probe()
      if (value !== undefined) return value
      if (Date.now() > deadline) {
        const logs = [...this.workers.values()].map((w) => w.output().stderr).join('\n---\n')
        throw new Error(`timed out waiting for ${what}; worker output:\n${logs}`)
      }
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  finished(ms: number): Promise<true> {
    return this.until('the run to finish', ms, async () => {
      const [run] = await this.rows<{ done: boolean }>(`SELECT placement_done AND NOT EXISTS (SELECT 1 FROM dossier_queue.items WHERE state IN ('queued', 'running')) AS done FROM dossier_queue.runs`)
      return run?.done ? true : undefined
    })
  }

  async stop(): Promise<void> {
    for (const w of this.workers.values()) w.child.kill('SIGTERM')
    await Promise.all([...this.workers.values()].map((w) => w.exit))
    this.workers.clear()
    await this.db.end()
  }
}

/** Why network namespaces cannot be made here (not root, no `ip`), or undefined when they can. */
function netnsAvailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'making network namespaces needs root'
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'pipe' })
    return undefined
  } catch (error) {
    return `\`ip netns\` does not work here (${error instanceof Error ? error.message : String(error)})`
  }
}

/**
 * A network namespace joined to this host by a veth pair on a /24 of its own: a worker started in
 * it reaches PostgreSQL at `hostAddress`; `cut` takes the host's end down (packets are lost, no
 * connection is closed: the worker just stops hearing back), `restore` brings it up again.
 */
function makeNetns(): { netns: string; hostAddress: string; subnet: string; cut(): void; restore(): void; remove(): void } {
  const tag = randomBytes(3).toString('hex')
  const netns = `dq-${tag}`
  const hostIf = `dqh${tag}`
  const nsIf = `dqn${tag}`
  const octet = randomInt(16, 250)
  const ip = (...args: string[]): void => {
    execFileSync('ip', args, { stdio: 'pipe' })
  }
  ip('netns', 'add', netns)
  ip('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf)
  ip('link', 'set', nsIf, 'netns', netns)
  ip('addr', 'add', `10.${octet}.77.1/24`, 'dev', hostIf)
  ip('link', 'set', hostIf, 'up')
  ip('netns', 'exec', netns, 'ip', 'addr', 'add', `10.${octet}.77.2/24`, 'dev', nsIf)
  ip('netns', 'exec', netns, 'ip', 'link', 'set', nsIf, 'up')
  ip('netns', 'exec', netns, 'ip', 'link', 'set', 'lo', 'up')
  return {
    netns,
    hostAddress: `10.${octet}.77.1`,
    subnet: `10.${octet}.77.0/24`,
    cut: () => ip('link', 'set', hostIf, 'down'),
    restore: () => ip('link', 'set', hostIf, 'up'),
    remove: () => {
      try {
        ip('link', 'del', hostIf)
      } catch {
        // gone with the namespace already
      }
      ip('netns', 'del', netns)
    },
  }
}

/** The pid in a worker's name (`host:pid`). */
const pidOf = (name: string): number => Number(name.slice(name.lastIndexOf(':') + 1))

async function soundAndEqual(store: string): Promise<void> {
  const opened = await openStore({ path: store })
  try {
    expect(await opened.checkIntegrity()).toEqual([])
  } finally {
    await opened.close()
  }
  expect(storeContent(store)).toEqual(storeContent(reference))
}

describe.skipIf(!hasPostgres)('queue workers under faults', () => {
  it('a worker killed -9 mid-input and the placer killed mid-page: each retried, done once', async () => {
    const database = await createTestDatabase('queue_kill')
    const store = join(dir, 'killed.db')
    const cluster = new Cluster(store, database.url)
    try {
      const first = cluster.start()
      await cluster.enqueue([corpus])
      const held = await cluster.until('the first worker to hold an input', 120_000, async () =>
        (await cluster.rows<{ seq: number }>(`SELECT seq FROM dossier_queue.items WHERE state = 'running' AND worker LIKE '%:${first.child.pid}'`))[0])
      cluster.kill(first.child.pid!)
      cluster.start()
      cluster.start()
      // The placer mid-page: it holds the lease after it has placed a page.
      const placer = await cluster.until('a placer past its first page', 180_000, async () =>
        (await cluster.rows<{ holder: string }>(`SELECT holder FROM dossier_queue.placer, dossier_queue.runs WHERE holder IS NOT NULL AND placed > 0`))[0])
      const placerPid = pidOf(placer.holder)
      cluster.kill(placerPid)
      // The placer is also a worker: it may hold the killed input's retry when it dies. Read after
      // the kill, the row still names the dead holder if it did, and the input takes a third try.
      const again = await cluster.rows<{ n: number }>(`SELECT count(*)::int AS n FROM dossier_queue.items WHERE seq = ${held.seq} AND state = 'running' AND worker LIKE '%:${placerPid}'`)
      cluster.start()
      await cluster.finished(240_000)
      const items = await cluster.rows<{ seq: number; state: string; attempts: number }>('SELECT seq, state, attempts FROM dossier_queue.items ORDER BY seq')
      expect(items.every((i) => i.state === 'done')).toBe(true)
      expect(items.find((i) => i.seq === held.seq)?.attempts).toBe(2 + again[0]!.n)
      await cluster.stop()
      await soundAndEqual(store)
    } finally {
      await cluster.stop().catch(() => {})
      await database.drop()
    }
  }, 600_000)

  it('an input its worker dies on every time fails after --max-attempts tries, with its reason; the rest is done', async () => {
    const database = await createTestDatabase('queue_poison')
    const inputs = join(dir, 'poison-corpus')
    exampleCorpus(inputs)
    // An ordinary article: what makes it poison here is that its worker dies whenever it holds it
    // (as if the kernel's OOM killer took it each time); the test is that killer.
    // Last in input order: a worker holds one input more than it has threads, so the first kill
    // may take another input with it (tried again, once); by the second, every other input is done.
    // 120 generated articles: a second or more of work, so the killer sees it worked on every time.
    generateNews(join(dir, 'poison-news'), 120, 11)
    writeFileSync(join(inputs, 'zz-poison.jsonl'), readdirSync(join(dir, 'poison-news')).filter((f) => f.endsWith('.jsonl')).sort().map((f) => readFileSync(join(dir, 'poison-news', f), 'utf8')).join(''))
    const cluster = new Cluster(join(dir, 'poison.db'), database.url, ['--max-attempts', '2'])
    try {
      cluster.start()
      cluster.start()
      await cluster.enqueue([inputs])
      let kills = 0
      // The killer acts on a worker working on the poison: the same claim (fence) held for
      // WORKING_MS. A claim a worker gives back at once (a retried input waits until its worker
      // holds nothing else) is no work on it, and the kernel would not have killed it then.
      let seen: { fence: string; at: number } | undefined
      await cluster.until('the run to finish while its poison kills its workers', 240_000, async () => {
        const [holder] = await cluster.rows<{ worker: string; fence: string }>(`SELECT worker, fence FROM dossier_queue.items WHERE state = 'running' AND input LIKE '%poison.jsonl'`)
        if (holder === undefined || !cluster.workers.has(pidOf(holder.worker))) seen = undefined
        else if (seen?.fence !== holder.fence) seen = { fence: holder.fence, at: Date.now() }
        else if (Date.now() - seen.at >= WORKING_MS) {
          cluster.kill(pidOf(holder.worker))
          kills++
          seen = undefined
          cluster.start()
        }
        const [run] = await cluster.rows<{ done: boolean }>(`SELECT placement_done AS done FROM dossier_queue.runs`)
        return run?.done ? true : undefined
      })
      expect(kills).toBe(2)
      const items = await cluster.rows<{ input: string; state: string; attempts: number; reason: string | null }>('SELECT input, state, attempts, reason FROM dossier_queue.items ORDER BY seq')
      const poison = items.find((i) => i.input.endsWith('poison.jsonl'))!
      expect(poison).toMatchObject({ state: 'failed', attempts: 2 })
      expect(poison.reason).toMatch(/gave up after 2 tries: each time its worker stopped before finishing it/)
      expect(items.filter((i) => i !== poison && i.state !== 'done')).toEqual([])
      const status = await runCli(['status', '--queue-db', database.url, '--state', 'failed'])
      expect(status.stdout).toContain('poison.jsonl')
      expect(status.stdout).toContain('gave up after 2 tries')
    } finally {
      await cluster.stop().catch(() => {})
      await database.drop()
    }
  }, 600_000)

  it('a worker cut off from the network while it holds an input: its lease runs out, another does it, the late result is refused', async () => {
    const net = netnsAvailable()
    if (net !== undefined) {
      console.log(`skipping the network cut test: ${net}`)
      return
    }
    const link = makeNetns()
    const server = await startPrivatePostgres('the network cut test', { listen: [link.hostAddress], trust: [link.subnet] })
    if (server === undefined) {
      link.remove()
      return
    }
    const store = join(dir, 'cut.db')
    const cluster = new Cluster(store, server.url)
    try {
      const far = cluster.start({ netns: link.netns, queueDb: `postgres://postgres@${link.hostAddress}:${server.port}/postgres` })
      await cluster.enqueue([corpus])
      const held = await cluster.until('the far worker to hold an input', 180_000, async () =>
        (await cluster.rows<{ seq: number }>(`SELECT seq FROM dossier_queue.items WHERE state = 'running' AND worker LIKE '%:${far.child.pid}'`))[0])
      link.cut()
      cluster.start()
      await cluster.until('another worker to do the cut-off worker\'s input', 180_000, async () =>
        (await cluster.rows<{ attempts: number }>(`SELECT attempts FROM dossier_queue.items WHERE seq = ${held.seq} AND state = 'done' AND worker NOT LIKE '%:${far.child.pid}'`))[0])
      link.restore()
      await cluster.until('the cut-off worker to learn its result was refused', 180_000, async () =>
        (/another worker took it over while this one held it; this result was not recorded/.test(far.output().stderr) ? true : undefined))
      await cluster.finished(300_000)
      const items = await cluster.rows<{ seq: number; state: string; attempts: number }>('SELECT seq, state, attempts FROM dossier_queue.items ORDER BY seq')
      expect(items.every((i) => i.state === 'done')).toBe(true)
      expect(items.find((i) => i.seq === held.seq)?.attempts).toBe(2)
      await cluster.stop()
      await soundAndEqual(store)
    } finally {
      await cluster.stop().catch(() => {})
      server.stop()
      link.remove()
    }
  }, 900_000)

  it('PostgreSQL restarted mid-run: the workers reconnect and finish, done once', async () => {
    const server = await startPrivatePostgres('the PostgreSQL restart test')
    if (server === undefined) return
    const store = join(dir, 'restarted.db')
    const cluster = new Cluster(store, server.url)
    try {
      cluster.start()
      cluster.start()
      await cluster.enqueue([corpus])
      await cluster.until('the first input done', 180_000, async () =>
        (await cluster.rows<{ seq: number }>(`SELECT seq FROM dossier_queue.items WHERE state = 'done'`))[0])
      const [before] = await cluster.rows<{ open: string }>(`SELECT count(*) AS open FROM dossier_queue.items WHERE state IN ('queued', 'running')`)
      expect(Number(before!.open)).toBeGreaterThan(0)
      server.restart()
      await cluster.finished(300_000)
      const items = await cluster.rows<{ state: string }>('SELECT state FROM dossier_queue.items')
      expect(items.every((i) => i.state === 'done')).toBe(true)
      await cluster.stop()
      await soundAndEqual(store)
    } finally {
      await cluster.stop().catch(() => {})
      server.stop()
    }
  }, 600_000)
})
