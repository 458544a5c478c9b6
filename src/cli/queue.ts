import type pg from 'pg'
import { UsageError } from '../errors.js'
import {
  BROKER_PGBOSS, QueueWorker, enqueueInputs, isPostgresUrl, latestRun, listItems, liveWorkers, newWorkerIdentity, openJobQueue, openQueueDb, runStatus, waitForRun,
  type ItemState, type JobQueue, type RunStatus, type WorkerEvent,
} from '../queue/index.js'
import { redact } from '../queue/db.js'
import { openStore } from '../store/index.js'
import { EXIT } from './commands.js'
import { budgetOption, optionalText, wholeNumber, type Options } from './options.js'
import { formatTable, type Output } from './output.js'

/** The queue database: `--queue-db`, else `--db` when that is PostgreSQL. */
export function queueDbOf(options: Options): string | undefined {
  const explicit = optionalText(options.queueDb)
  if (explicit !== undefined) return explicit
  const db = String(options.db ?? '')
  return isPostgresUrl(db) ? db : undefined
}

function requireQueueDb(options: Options, command: string): string {
  const url = queueDbOf(options)
  if (url === undefined) throw new UsageError(`dossier ${command} needs a PostgreSQL database for its queue: --db postgres://… (or --queue-db postgres://…).`)
  return url
}

function brokerOf(options: Options): string {
  return optionalText(options.broker) ?? BROKER_PGBOSS
}

function counts(status: RunStatus): string {
  const { queued, running, done, failed } = status.counts
  return `${queued} queued, ${running} running, ${done} done, ${failed} failed; ${status.placed} placed in stories${status.placementDone ? '' : ' so far'}`
}

/**
 * `dossier analyze <inputs> --db postgres://…`: enqueues the inputs as one run and shows its
 * progress until workers have done it and placed its stories (or returns at once with `--detach`).
 */
export async function runQueuedAnalyze(inputs: string[], options: Options, out: Output): Promise<number> {
  const url = requireQueueDb(options, 'analyze')
  // A write command makes its store: on a new PostgreSQL store, its database (and tables) exist
  // before the queue's tables are made in it.
  if (isPostgresUrl(String(options.db ?? ''))) await (await openStore({ path: String(options.db) })).close()
  const db = await openQueueDb(url, { onError: (error) => out.warn(`queue database: ${error.message}`) })
  let queue: JobQueue | undefined
  try {
    queue = await openJobQueue(url, { broker: brokerOf(options), onError: (error) => out.warn(`queue: ${error.message}`) })
    const maxBytes = optionalText(options.maxBytes)
    const enqueued = await enqueueInputs(inputs, {
      db, queue,
      allowPrivate: Boolean(options.allowPrivate),
      ...(maxBytes !== undefined ? { maxInputBytes: wholeNumber(maxBytes, '--max-bytes', 0) } : {}),
      fetchTimeoutMs: wholeNumber(options.timeout, '--timeout', 20_000),
    })
    for (const f of enqueued.failed) out.error(f.message)
    const workers = await liveWorkers(db)
    out.info(`run ${enqueued.run}: ${enqueued.items} input${enqueued.items === 1 ? '' : 's'} enqueued on ${queue.kind}; ${workers} worker${workers === 1 ? '' : 's'} running`)
    // Without a worker the run waits for ever: say so once, and what starts one.
    if (workers === 0) out.warn(`no \`dossier worker\` is running on this queue yet: the inputs wait for one (start \`dossier worker --db ${redact(String(options.db))}\` on any machine)`)
    if (options.detach) {
      out.data(`run ${enqueued.run} enqueued; \`dossier status --run ${enqueued.run}\` shows its progress`)
      return enqueued.failed.length > 0 ? EXIT.rejected : EXIT.ok
    }
    let last = ''
    const status = await waitForRun(db, enqueued.run, {
      onProgress: (s) => {
        const line = counts(s)
        if (line !== last) out.progress(s.counts.done + s.counts.failed, `of ${enqueued.items}: ${line}`)
        last = line
      },
      onError: (error) => out.warn(`queue database: ${error.message} (waiting)`),
    })
    out.endProgress()
    for (const item of await listItems(db, enqueued.run, ['failed'])) {
      if (!enqueued.failed.some((f) => f.input === item.input)) out.error(item.reason ?? `${item.input}: failed`)
    }
    out.info(`run ${enqueued.run}: ${counts(status)}`)
    return status.counts.failed > 0 ? EXIT.rejected : EXIT.ok
  } finally {
    await queue?.close()
    await db.end()
  }
}

/**
 * `dossier worker --db …`: takes inputs off the queue until stopped (SIGINT, SIGTERM), then lets
 * the ones it holds finish. Any number run on any number of machines.
 */
export async function runWorker(options: Options, out: Output, signal: { stopped: Promise<void> } = { stopped: untilSignal() }): Promise<number> {
  const url = requireQueueDb(options, 'worker')
  const concurrency = wholeNumber(options.concurrency, '--concurrency', 1)
  if (concurrency < 1) throw new UsageError('--concurrency takes a whole number of 1 or more.')
  const leaseMs = wholeNumber(options.leaseMs, '--lease-ms', 15_000)
  const maxAttempts = wholeNumber(options.maxAttempts, '--max-attempts', 3)
  const pageSize = wholeNumber(options.pageSize, '--page-size', 200)
  if (leaseMs < 1_000 || maxAttempts < 1 || pageSize < 1) throw new UsageError('--lease-ms is at least 1000, --max-attempts and --page-size at least 1.')
  const store = await openStore({ path: String(options.db) })
  let db: pg.Pool | undefined
  let queue: JobQueue | undefined
  try {
    db = await openQueueDb(url, { onError: (error) => out.warn(`queue database: ${error.message}`) })
    queue = await openJobQueue(url, {
      broker: brokerOf(options),
      expireInSeconds: Math.max(1, Math.ceil(leaseMs / 1000)),
      onError: (error) => out.warn(`queue: ${error.message}`),
    })
    const identity = newWorkerIdentity()
    const worker = new QueueWorker({ dbUrl: url, db, queue, store, identity, concurrency, leaseMs, maxAttempts, pageSize, budget: budgetOption(options), onEvent: (e) => reportWorkerEvent(e, out) })
    await worker.start()
    out.info(`worker ${identity.name}: ${concurrency} at a time from ${queue.kind}; store ${String(options.db)}`)
    await signal.stopped
    out.info(`worker ${identity.name}: stopping after the inputs it holds`)
    await worker.stop()
    return EXIT.ok
  } finally {
    await queue?.close()
    await db?.end()
    await store.close()
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
}

function reportWorkerEvent(event: WorkerEvent, out: Output): void {
  switch (event.kind) {
    case 'done':
      if (event.failed !== null) out.error(event.failed)
      else out.info(`${event.input}: ${event.documents} document${event.documents === 1 ? '' : 's'} stored`)
      return
    case 'late':
      out.warn(`${event.input}: another worker took it over while this one held it; this result was not recorded`)
      return
    case 'gave-up':
      out.error(event.reason)
      return
    case 'retry':
      out.warn(`run ${event.job.run} input ${event.job.seq}: will be tried again: ${event.message}`)
      return
    case 'error':
      out.warn(event.message)
      return
    case 'placer':
      if (event.event.kind === 'page') out.info(`stories: ${event.event.report.placed} placed from run ${event.event.run}`)
      else if (event.event.kind === 'lease-lost') out.warn(`stories: another placer took over run ${event.event.run}`)
      return
    case 'claimed':
      return
  }
}

const INPUT_WIDTH = 50
const STATES: readonly ItemState[] = ['queued', 'running', 'done', 'failed']

/** `dossier status`: a run's inputs (the newest run by default), queued, running, done and failed, with reasons. */
export async function runStatusCommand(options: Options, out: Output): Promise<number> {
  const url = requireQueueDb(options, 'status')
  const state = optionalText(options.state)
  if (state !== undefined && !STATES.includes(state as ItemState)) throw new UsageError(`--state is one of ${STATES.join(', ')}, not "${state}".`)
  const db = await openQueueDb(url)
  try {
    const run = options.run !== undefined ? wholeNumber(options.run, '--run', 0) : await latestRun(db)
    if (run === undefined) {
      out.info('no run enqueued yet: `dossier analyze <inputs> --db postgres://…` enqueues one')
      return EXIT.ok
    }
    const status = await runStatus(db, run)
    const items = await listItems(db, run, state === undefined ? undefined : [state as ItemState])
    if (options.format === 'json') {
      out.data(JSON.stringify({ ...status, items }, null, 2))
      return EXIT.ok
    }
    // A path is told by its end: a long one loses its beginning, not its file name.
    const input = (name: string): string => (name.length > INPUT_WIDTH ? `…${name.slice(-(INPUT_WIDTH - 1))}` : name)
    const rows = items.map((i) => [String(i.seq), i.state, String(i.attempts), String(i.documents), input(i.input), i.worker ?? '', i.reason ?? ''])
    out.data(formatTable(['#', 'STATE', 'TRIES', 'DOCS', 'INPUT', 'WORKER', 'REASON'], rows, [6, 7, 5, 5, INPUT_WIDTH, 24, 90]))
    const workers = await liveWorkers(db)
    out.info(`run ${run} (${status.createdAt}${status.sealed ? '' : ', still being enqueued'}): ${counts(status)}; ${workers} worker${workers === 1 ? '' : 's'} running`)
    return EXIT.ok
  } finally {
    await db.end()
  }
}
