import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asWriter, storeInputs } from '../api/ingest.js'
import { placeStories } from '../api/stories.js'
import { allStageNames } from '../pipeline/process.js'
import { CORPUS_RECORD_KINDS, exportCorpusRecords } from '../api/export-corpus.js'
import { RECORD_KINDS, exportRecords } from '../api/export.js'
import { openStore, type Store } from '../store/index.js'
import { exampleCorpus, storeContent } from '../../test/faults/store-harness.js'
import { createTestDatabase, postgresUnavailable } from '../../test/helpers/postgres.js'
import { AMQP_URL, rabbitAvailable, uniqueQueueName } from '../../test/helpers/queue-services.js'
import { runCli } from '../../test/helpers/cli.js'
import { openQueueDb } from './db.js'
import { enqueueInputs, waitForRun } from './enqueue.js'
import { listItems } from './items.js'
import { newWorkerIdentity } from './liveness.js'
import { openJobQueue } from './open.js'
import type { JobQueue } from './queue.js'
import { QueueWorker } from './worker.js'

// The distributed run must store what one process stores from the same inputs: the same documents
// and layers, and the same stories, checks, threads and counters (placement pages of 4, so a run of
// the example corpus is placed over several pages while inputs are still being worked on).
const PAGE = 4
const hasPostgres = (await postgresUnavailable()) === undefined
const hasRabbit = hasPostgres && (await rabbitAvailable('the queue tests on RabbitMQ'))

const dir = mkdtempSync(join(tmpdir(), 'dossier-queue-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const corpus = exampleCorpus(join(dir, 'corpus'))
writeFileSync(join(corpus.dir, 'zz-empty.txt'), '')

/** One process's `analyze`, with the placer's page size. */
async function singleProcess(db: string): Promise<void> {
  const store = await openStore({ path: db })
  try {
    await asWriter(store, undefined, async () => {
      await storeInputs([corpus.dir], { store, workers: 0 }, { stages: allStageNames(), complete: 'missing' })
      await placeStories(store, { pageSize: PAGE })
    })
  } finally {
    await store.close()
  }
}

const reference = join(dir, 'reference.db')
beforeAll(async () => {
  if (hasPostgres) await singleProcess(reference)
}, 120_000)

describe.each([
  { broker: 'pg-boss', enabled: hasPostgres },
  { broker: AMQP_URL, enabled: hasRabbit },
])('queue on $broker', ({ broker, enabled }) => {
  it.skipIf(!enabled)('two workers store what one process stores; a missing and an empty input fail with their reasons', async () => {
    const database = await createTestDatabase('queue')
    const queueName = uniqueQueueName('dossier-test')
    const storePath = join(dir, `distributed-${broker === 'pg-boss' ? 'pgboss' : 'amqp'}.db`)
    const store = await openStore({ path: storePath })
    let db: pg.Pool | undefined
    const queues: JobQueue[] = []
    const workers: QueueWorker[] = []
    try {
      db = await openQueueDb(database.url)
      const open = async (): Promise<JobQueue> => {
        const queue = await openJobQueue(database.url, { broker, queueName, pollMs: 500 })
        queues.push(queue)
        return queue
      }
      for (let i = 0; i < 2; i++) {
        const worker = new QueueWorker({ dbUrl: database.url, db, queue: await open(), store, identity: newWorkerIdentity(), concurrency: 1, pageSize: PAGE })
        workers.push(worker)
        await worker.start()
      }
      const inputs = [corpus.dir, join(dir, 'no-such-file.html')]
      let run: number
      if (broker === 'pg-boss') {
        // Through the command: it enqueues, follows the run to its end, names each failure, exits 1.
        const cli = await runCli(['analyze', ...inputs, '--db', storePath, '--queue-db', database.url])
        expect(cli.code, cli.stderr).toBe(1)
        // Counts go to stderr with every other message (stdout holds data only).
        expect(cli.stdout).toBe('')
        expect(cli.stderr).toMatch(new RegExp(`^run (\\d+): 0 queued, 0 running, ${corpus.files.length} done, 2 failed; \\d+ placed in stories$`, 'm'))
        expect(cli.stderr).toContain('no-such-file.html')
        expect(cli.stderr).toContain('zz-empty.txt')
        run = Number(/^run (\d+): 0 queued/m.exec(cli.stderr)![1])
        const status = await runCli(['status', '--queue-db', database.url, '--format', 'json'])
        expect((JSON.parse(status.stdout) as { items: unknown[] }).items).toHaveLength(corpus.files.length + 2)
      } else {
        const enqueued = await enqueueInputs(inputs, { db, queue: await open() })
        expect(enqueued.failed.map((f) => f.input)).toEqual([join(dir, 'no-such-file.html')])
        run = enqueued.run
      }
      const status = await waitForRun(db, run)
      expect(status.counts).toEqual({ queued: 0, running: 0, done: corpus.files.length, failed: 2 })
      const failed = await listItems(db, run, ['failed'])
      expect(failed.map((f) => f.input)).toEqual([join(corpus.dir, 'zz-empty.txt'), join(dir, 'no-such-file.html')])
      for (const f of failed) expect(f.reason).toMatch(/empty|no such file|not found/i)
      for (const w of workers) await w.stop()
      await store.close()
      const expected = storeContent(reference) as { stories: unknown[]; members: unknown[] }
      // Several pages of stories, so the test says something about paging.
      expect(expected.members.length).toBeGreaterThan(3 * PAGE)
      expect(expected.stories.length).toBeGreaterThan(2)
      expect(storeContent(storePath)).toEqual(expected)
    } finally {
      for (const w of workers) await w.stop().catch(() => {})
      for (const q of queues) await q.close().catch(() => {})
      if (broker !== 'pg-boss') {
        const q = await openJobQueue(database.url, { broker, queueName })
        await (q as unknown as { deleteQueue(): Promise<void> }).deleteQueue().catch(() => {})
        await q.close()
      }
      await store.close().catch(() => {})
      await db?.end()
      await database.drop()
    }
  }, 180_000)
})

/** Every export of a store, each kind's records sorted (a distributed run stores documents in the order they finish), write times left out. */
async function exportsOf(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  const collect = async (kind: string, records: AsyncIterable<unknown>): Promise<void> => {
    const lines: string[] = []
    for await (const r of records) lines.push(JSON.stringify(r, (key, value: unknown) => (key === 'updatedAt' ? undefined : value)))
    out[kind] = lines.sort()
  }
  for (const what of RECORD_KINDS) await collect(what, exportRecords(store, { what }))
  for (const what of CORPUS_RECORD_KINDS) await collect(what, exportCorpusRecords(store, what))
  return out
}

describe.skipIf(!hasPostgres)('queue with the PostgreSQL store', () => {
  it('two workers on a shared PostgreSQL store export what one process on SQLite exports', async () => {
    const database = await createTestDatabase('queue_pgstore')
    const stores: Store[] = []
    const queues: JobQueue[] = []
    const workers: QueueWorker[] = []
    let db: pg.Pool | undefined
    try {
      const storeUrl = await database.newStoreUrl()
      db = await openQueueDb(database.url)
      for (let i = 0; i < 2; i++) {
        // Each worker with its own connection pool on the store, as on two machines.
        const store = await openStore({ path: storeUrl })
        stores.push(store)
        const queue = await openJobQueue(database.url, { pollMs: 500 })
        queues.push(queue)
        const worker = new QueueWorker({ dbUrl: database.url, db, queue, store, identity: newWorkerIdentity(), pageSize: PAGE })
        workers.push(worker)
        await worker.start()
      }
      const enqueued = await enqueueInputs([corpus.dir], { db, queue: queues[0]! })
      const status = await waitForRun(db, enqueued.run)
      expect(status.counts.done).toBe(corpus.files.length)
      for (const w of workers) await w.stop()
      const expected = await openStore({ path: reference, mode: 'read' })
      try {
        const want = await exportsOf(expected)
        expect(want.stories!.length).toBeGreaterThan(2)
        expect(await exportsOf(stores[0]!)).toEqual(want)
      } finally {
        await expected.close()
      }
    } finally {
      for (const w of workers) await w.stop().catch(() => {})
      for (const q of queues) await q.close().catch(() => {})
      for (const s of stores) await s.close().catch(() => {})
      await db?.end()
      await database.drop()
    }
  }, 180_000)
})
