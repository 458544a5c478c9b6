/**
 * npm run bench:queue — the two brokers the queue runs on, side by side in one run: pg-boss (jobs in
 * PostgreSQL) and RabbitMQ (amqplib). For each: jobs per second through the queue as Dossier uses
 * it (publish, deliver, claim the item under a fencing token, record its outcome, acknowledge; no
 * pipeline work), and what happens when a worker dies: a worker holding items is killed with -9,
 * and the time until a live `QueueWorker` claims them is measured, with how many claims and outcomes
 * each item got. pg-boss redelivers only once a job expires; the workers' sweep (items whose
 * worker's liveness lock is gone are published again) is what makes it quick there.
 *
 *   npm run bench:queue -- [--jobs 1000] [--concurrency 4] [--expire 15]
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { addItems, claimItem, createRun, finishItem, sealRun } from '../src/queue/items.js'
import { AmqpQueue, BROKER_PGBOSS, QueueWorker, newWorkerIdentity, openJobQueue, openQueueDb, type JobQueue } from '../src/queue/index.js'
import { openStore } from '../src/store/index.js'
import { LivenessLock } from '../src/queue/liveness.js'
import { withDatabase } from './lib/postgres.js'
import { printTable, ratio } from './lib/table.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const AMQP_URL = process.env.DOSSIER_TEST_AMQP ?? 'amqp://guest:guest@127.0.0.1:5672'
const HELD = 5

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}


interface Figures {
  readonly jobsPerS: number
  readonly msPerJob: number
  readonly firstRedeliveryMs: number
  readonly lastRedeliveryMs: number
  /** Claims per held item: the dead worker's and the survivor's. */
  readonly deliveriesPerHeldJob: number
  /** Held items with their outcome recorded (once each: the fence refuses a second). */
  readonly finishedOnce: number
}

async function measure(broker: string, jobs: number, concurrency: number, expire: number): Promise<Figures> {
  return withDatabase('queue', async (url) => {
    const queueName = `dossier-bench-${randomBytes(4).toString('hex')}`
    const db = await openQueueDb(url, { max: concurrency + 2 })
    const queues: JobQueue[] = []
    const open = async (): Promise<JobQueue> => {
      const q = await openJobQueue(url, { broker, queueName, expireInSeconds: expire, pollMs: 500 })
      queues.push(q)
      return q
    }
    const identity = newWorkerIdentity()
    const liveness = new LivenessLock(url, identity, () => {})
    await liveness.start()
    try {
      // Throughput: items written, then published and consumed with the real bookkeeping.
      const run = await createRun(db)
      const items = Array.from({ length: jobs }, (_, i) => ({ input: `job-${i}`, sha256: 'f'.repeat(64), bytes: new Uint8Array([1]), meta: {} }))
      for (let i = 0; i < jobs; i += 500) await addItems(db, run, i + 1, items.slice(i, i + 500))
      await sealRun(db, run)
      const consumer = await open()
      let done = 0
      let resolveAll!: () => void
      const all = new Promise<void>((r) => (resolveAll = r))
      const t0 = performance.now()
      const producer = await open()
      await producer.send(Array.from({ length: jobs }, (_, i) => ({ run, seq: i + 1 })))
      await consumer.work(async (job) => {
        const claimed = await claimItem(db, job, identity, 15_000, 3)
        if (claimed.kind === 'claimed') await finishItem(db, job, claimed.claim.fence, { state: 'done', documents: [], added: 0, existing: 0, reason: null })
        if (++done === jobs) resolveAll()
      }, { concurrency })
      await all
      const ms = performance.now() - t0
      await consumer.stopWorking()

      // A worker dies holding items: how long until a live worker claims them, how often each was
      // delivered, and how many results each recorded.
      const deathRun = await createRun(db)
      await addItems(db, deathRun, 1, Array.from({ length: HELD }, (_, i) => ({ input: `held-${i}`, sha256: 'e'.repeat(64), bytes: new Uint8Array([1]), meta: {} })))
      await sealRun(db, deathRun)
      const holder = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/lib/queue-holder.ts'), url, broker, queueName, String(HELD), String(expire)], { stdio: ['ignore', 'pipe', 'inherit'] })
      const holding = new Promise<void>((r) => holder.stdout!.on('data', (c: Buffer) => c.toString().includes('held') && r()))
      await producer.send(Array.from({ length: HELD }, (_, i) => ({ run: deathRun, seq: i + 1 })))
      await holding
      const store = await openStore({ path: ':memory:' })
      const got: number[] = []
      let killedAt = 0
      let resolveHeld!: () => void
      const allBack = new Promise<void>((r) => (resolveHeld = r))
      // A real worker: it claims the dead one's items (whose bytes are no article: each then fails, once).
      const survivor = new QueueWorker({
        dbUrl: url, db, queue: await open(), store, identity: newWorkerIdentity(), concurrency: HELD, leaseMs: expire * 1000,
        onEvent: (event) => {
          if (event.kind === 'claimed' && event.job.run === deathRun) {
            got.push(performance.now() - killedAt)
            if (got.length === HELD) resolveHeld()
          }
        },
      })
      await survivor.start()
      killedAt = performance.now()
      holder.kill('SIGKILL')
      await allBack
      await survivor.stop()
      await store.close()
      const { rows } = await db.query<{ attempts: number; finished: boolean }>(
        'SELECT attempts, state IN (\'done\', \'failed\') AS finished FROM dossier_queue.items WHERE run = $1', [deathRun],
      )
      return {
        jobsPerS: jobs / (ms / 1000),
        msPerJob: ms / jobs,
        firstRedeliveryMs: Math.min(...got),
        lastRedeliveryMs: Math.max(...got),
        deliveriesPerHeldJob: rows.reduce((a, r) => a + r.attempts, 0) / HELD,
        finishedOnce: rows.filter((r) => r.finished).length,
      }
    } finally {
      for (const q of queues) {
        if (q instanceof AmqpQueue) await q.deleteQueue().catch(() => {})
        await q.close().catch(() => {})
      }
      await liveness.close()
      await db.end()
    }
  })
}

const jobs = arg('--jobs', 1000)
const concurrency = arg('--concurrency', 4)
const expire = arg('--expire', 15)
console.log(`bench:queue: ${jobs} jobs at ${concurrency} at a time; pg-boss expires unacknowledged jobs after ${expire} s (the worker's lease)`)
const boss = await measure(BROKER_PGBOSS, jobs, concurrency, expire)
console.log(`  pg-boss: ${boss.jobsPerS.toFixed(0)} jobs/s`)
const rabbit = await measure(AMQP_URL, jobs, concurrency, expire)
console.log(`  RabbitMQ: ${rabbit.jobsPerS.toFixed(0)} jobs/s`)
printTable('pg-boss 10 (PostgreSQL) beside RabbitMQ (amqplib), each with the items table', ['figure', 'pg-boss', 'RabbitMQ', 'pg-boss / RabbitMQ'], [
  ['jobs/s (publish, deliver, claim, record, ack)', boss.jobsPerS, rabbit.jobsPerS, ratio(boss.jobsPerS, rabbit.jobsPerS)],
  ['ms per job', boss.msPerJob, rabbit.msPerJob, ratio(boss.msPerJob, rabbit.msPerJob)],
  [`first of ${HELD} items a killed worker held claimed again, ms after kill -9`, boss.firstRedeliveryMs, rabbit.firstRedeliveryMs, ratio(boss.firstRedeliveryMs, rabbit.firstRedeliveryMs)],
  [`last of ${HELD} claimed again, ms`, boss.lastRedeliveryMs, rabbit.lastRedeliveryMs, ratio(boss.lastRedeliveryMs, rabbit.lastRedeliveryMs)],
  ['claims per held item (the dead worker\'s and the survivor\'s)', boss.deliveriesPerHeldJob, rabbit.deliveriesPerHeldJob, ratio(boss.deliveriesPerHeldJob, rabbit.deliveriesPerHeldJob)],
  [`held items with one outcome recorded (of ${HELD})`, boss.finishedOnce, rabbit.finishedOnce, ratio(boss.finishedOnce, rabbit.finishedOnce)],
])
