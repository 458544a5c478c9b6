/**
 * A worker that claims items and then hangs, for bench:queue to kill with -9: it takes messages,
 * claims their items under its liveness lock (as `dossier worker` does), prints `held <n>` once it
 * holds `count`, and never finishes them.
 *
 *   tsx bench/lib/queue-holder.ts <queue-db-url> <broker> <queue-name> <count> <expire-seconds>
 */
import { claimItem } from '../../src/queue/items.js'
import { LivenessLock, newWorkerIdentity, openJobQueue, openQueueDb } from '../../src/queue/index.js'

const [url, broker, queueName, count, expire] = process.argv.slice(2) as [string, string, string, string, string]
const db = await openQueueDb(url)
const identity = newWorkerIdentity()
await new LivenessLock(url, identity, () => {}).start()
const queue = await openJobQueue(url, { broker, queueName, expireInSeconds: Number(expire), pollMs: 500 })
let held = 0
await queue.work(async (job) => {
  await claimItem(db, job, identity, Number(expire) * 1000, 3)
  if (++held === Number(count)) console.log(`held ${held}`)
  await new Promise(() => {})
}, { concurrency: Number(count) })
