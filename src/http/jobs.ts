import { randomBytes } from 'node:crypto'
import { analyze, type AnalyzeReport } from '../api/analyze.js'
import type { IngestEvent } from '../api/ingest.js'
import type { Store } from '../store/index.js'
import { HttpError } from './errors.js'

/** Finished jobs kept for `GET /api/import/:job`, at most; the oldest is forgotten first. */
export const MAX_KEPT_JOBS = 50

/** One import as `GET /api/import/:job` reports it. */
export interface ImportJob {
  readonly id: string
  state: 'running' | 'done' | 'failed'
  /** Inputs given: files uploaded or URLs. */
  readonly inputs: number
  /** Inputs read so far (stored, annotated, unchanged or rejected). */
  done: number
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
}


/**
 * Import jobs, one at a time, kept in memory: `analyze()` runs in the background and its events
 * move the job's progress. A second import while one runs is refused (409) rather than queued:
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
      throw new HttpError(409, 'IMPORT_BUSY', 'An import is already running; wait for it to finish (GET /api/import/<job>) and try again.')
    }
    const job: ImportJob = { id: `job-${randomBytes(6).toString('hex')}`, state: 'running', inputs: inputs.length, done: 0, rejected: [], startedAt: new Date().toISOString() }
    this.keep(job)
    const names = new Map(inputs.map((i) => [i.path, i.name]))
    const seen = new Set<string>()
    // Messages name the temporary path the upload was saved at; the user knows the file by its name.
    const rename = (text: string): string => {
      let out = text
      for (const [path, name] of names) out = out.replaceAll(path, name)
      return out
    }
    const onEvent = (e: IngestEvent): void => {
      if (e.kind === 'warning') return
      if (e.kind === 'rejected') job.rejected.push({ input: rename(e.input), code: e.code, message: rename(e.message) })
      if (!seen.has(e.input)) {
        seen.add(e.input)
        job.done = Math.min(job.inputs, seen.size)
      }
    }
    this.running = this.runJob(job, inputs.map((i) => i.path), onEvent, rename, cleanup)
    return job
  }

  // The job's state changes last, after its files are gone: a client that sees `done` sees it all.
  private async runJob(job: ImportJob, paths: readonly string[], onEvent: (e: IngestEvent) => void, rename: (text: string) => string, cleanup: () => Promise<void>): Promise<void> {
    let outcome: Pick<ImportJob, 'state' | 'report' | 'error'>
    try {
      const report = await analyze(paths, { store: this.store, workers: this.workers, onEvent })
      outcome = { state: 'done', report: { ...report, rejected: report.rejected.map((r) => ({ ...r, input: rename(r.input), message: rename(r.message) })) } }
    } catch (error) {
      console.error(`dossier serve: import ${job.id} failed:`, error)
      outcome = { state: 'failed', error: 'The import stopped on an error; the server log has it. Documents stored before it stay stored.' }
    }
    await cleanup().catch((error: unknown) => console.error(`dossier serve: import ${job.id}: could not remove its files:`, error))
    Object.assign(job, outcome, { finishedAt: new Date().toISOString() })
    if (outcome.state === 'done') job.done = job.inputs
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
