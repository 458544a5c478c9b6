import { randomBytes } from 'node:crypto'
import { analyze, type AnalyzeReport } from '../api/analyze.js'
import type { IngestEvent } from '../api/ingest.js'
import type { Store } from '../store/index.js'
import { HttpError } from './errors.js'
import { IMPORT_CODES, userReason } from './import-reasons.js'

/** Finished jobs kept for `GET /api/import/:job`, at most; the oldest is forgotten first. */
export const MAX_KEPT_JOBS = 50

/**
 * What became of one input: `added` stored new documents; `skipped` added nothing new (stored
 * before, or a repeat); `refused` stored nothing, and `reason` says why; `waiting` is not read yet.
 */
export type ImportOutcome = 'waiting' | 'added' | 'skipped' | 'refused'

/** One input of a job (an uploaded file or a pasted URL), in the order given. */
export interface ImportResult {
  /** The file name as uploaded, or the URL as pasted. */
  readonly input: string
  outcome: ImportOutcome
  /** Documents of this input newly stored. */
  added: number
  /** Documents of this input the store held already. */
  existing: number
  /** Stable code of the first problem, when there was one (also on an input added in part). */
  code?: string
  /** Why it was skipped or refused, in words for the user: never a server path or a flag. */
  reason?: string
}

/** One import as `GET /api/import/:job` reports it. */
export interface ImportJob {
  readonly id: string
  state: 'running' | 'done' | 'failed'
  /** Inputs given: files uploaded or URLs. */
  readonly inputs: number
  /** Inputs whose outcome is known. */
  done: number
  /** Every input with its outcome, in the order given. */
  readonly results: ImportResult[]
  /** The refused inputs (and problems of inputs added in part), with `results`' words. */
  readonly rejected: Array<{ input: string; code: string; message: string }>
  report?: AnalyzeReport
  /** Why a failed job stopped, in a sentence (never internals). */
  error?: string
  readonly startedAt: string
  finishedAt?: string
}

/** An input of a job: what analyze reads, and the name the user knows it by. */
export interface JobInput {
  readonly path: string
  readonly name: string
  /** Settled before reading (a line that is no URL, a repeat): not given to analyze. */
  readonly settled?: { readonly outcome: 'skipped' | 'refused'; readonly code: string }
}

/**
 * Import jobs, one at a time, kept in memory: `analyze()` runs in the background and its events
 * move each input's outcome. A second import while one runs is refused (409) rather than queued:
 * the user sees at once that the store is busy, and no upload waits on disk for its turn.
 *
 * @example
 * const job = jobs.start(inputs, () => rm(dir, { recursive: true }))
 * jobs.get(job.id)?.state // 'running'
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>()
  private running: Promise<void> | undefined

  constructor(private readonly store: Store, private readonly workers: number | 'auto' = 'auto') {}

  /** Starts a job now; `cleanup` runs when it ends, whatever the outcome. Throws 409 while another runs. */
  start(inputs: readonly JobInput[], cleanup: () => Promise<void> = async () => {}): ImportJob {
    if (this.running !== undefined) {
      throw new HttpError(409, 'IMPORT_BUSY', 'An import is already running; wait for it to finish and try again.')
    }
    const results = inputs.map((i): ImportResult => ({ input: i.name, outcome: 'waiting', added: 0, existing: 0 }))
    const job: ImportJob = { id: `job-${randomBytes(6).toString('hex')}`, state: 'running', inputs: inputs.length, done: 0, results, rejected: [], startedAt: new Date().toISOString() }
    this.keep(job)
    const byPath = new Map<string, ImportResult>()
    for (const [i, input] of inputs.entries()) {
      const result = results[i]!
      if (input.settled === undefined) byPath.set(input.path, result)
      else settle(job, result, input.settled.outcome, input.settled.code)
    }
    const onEvent = (e: IngestEvent): void => {
      const result = byPath.get(e.input)
      if (result === undefined || e.kind === 'warning') return
      // The library's message names the input by its server path; only the log sees it.
      if (e.kind === 'rejected') console.warn(`dossier serve: import ${job.id}: ${result.input}: ${e.code}: ${e.message}`)
      recordEvent(job, result, e)
    }
    this.running = this.runJob(job, [...byPath.keys()], onEvent, cleanup)
    return job
  }

  // The job's state changes last, after its files are gone: a client that sees `done` sees it all.
  private async runJob(job: ImportJob, paths: readonly string[], onEvent: (e: IngestEvent) => void, cleanup: () => Promise<void>): Promise<void> {
    let outcome: Pick<ImportJob, 'state' | 'report' | 'error'>
    try {
      // Nothing to read (every line refused): the store is not touched, not even to place stories.
      const report = paths.length === 0 ? undefined : await analyze(paths, { store: this.store, workers: this.workers, onEvent })
      outcome = report === undefined ? { state: 'done' } : { state: 'done', report: { ...report, rejected: job.rejected.slice() } }
    } catch (error) {
      console.error(`dossier serve: import ${job.id} failed:`, error)
      outcome = { state: 'failed', error: 'The import stopped on an error on the server. Documents stored before it stay stored.' }
    }
    await cleanup().catch((error: unknown) => console.error(`dossier serve: import ${job.id}: could not remove its files:`, error))
    for (const result of job.results) if (result.outcome === 'waiting') settle(job, result, 'refused', IMPORT_CODES.notRead)
    Object.assign(job, outcome, { finishedAt: new Date().toISOString() })
    this.running = undefined
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id)
  }

  /** Resolves when no job runs (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running
  }

  private keep(job: ImportJob): void {
    this.jobs.set(job.id, job)
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= MAX_KEPT_JOBS) break
      if (old.state !== 'running') this.jobs.delete(id)
    }
  }
}

/** Gives `result` its outcome with the reason its code stands for, and counts it done. */
function settle(job: ImportJob, result: ImportResult, outcome: Exclude<ImportOutcome, 'waiting' | 'added'>, code: string): void {
  if (result.outcome === 'waiting') job.done++
  result.outcome = outcome
  result.code = code
  result.reason = userReason(code)
  if (outcome === 'refused') job.rejected.push({ input: result.input, code, message: result.reason })
}

const ALREADY_STORED = 'It was in the store already.'

/** Moves an input's outcome on one ingest event: its documents stored, found stored, or a rejection. */
function recordEvent(job: ImportJob, result: ImportResult, e: Exclude<IngestEvent, { kind: 'warning' }>): void {
  if (result.outcome === 'waiting') job.done++
  if (e.kind === 'stored') {
    result.added += e.added
    result.existing += e.existing
  } else if (e.kind === 'annotated') {
    result.existing += e.documents
  } else if (e.kind === 'rejected' && result.code === undefined) {
    result.code = e.code
    result.reason = userReason(e.code)
    job.rejected.push({ input: result.input, code: e.code, message: result.reason })
  }
  const stored = result.added + result.existing > 0 || e.kind === 'unchanged'
  result.outcome = result.added > 0 ? 'added' : stored ? 'skipped' : 'refused'
  if (result.outcome === 'skipped' && result.code === undefined) result.reason = ALREADY_STORED
}
