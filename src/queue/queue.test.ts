import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asWriter, storeInputs } from '../api/ingest.js'
import { placeStories } from '../api/stories.js'
import { allStageNames } from '../pipeline/process.js'
import { openStore } from '../store/index.js'
import { exampleCorpus, storeContent } from '../../test/faults/store-harness.js'
import { AMQP_URL, createTestDatabase, postgresAvailable, rabbitAvailable, uniqueQueueName } from '../../test/helpers/queue-services.js'
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
const hasPostgres = await postgresAvailable('the queue tests')
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
    const database = await createTestDatabase('dossier_queue_test')
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
      const enqueued = await enqueueInputs([corpus.dir, join(dir, 'no-such-file.html')], { db, queue: await open() })
      expect(enqueued.failed.map((f) => f.input)).toEqual([join(dir, 'no-such-file.html')])
      const status = await waitForRun(db, enqueued.run)
      expect(status.counts).toEqual({ queued: 0, running: 0, done: corpus.files.length, failed: 2 })
      const failed = await listItems(db, enqueued.run, ['failed'])
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
