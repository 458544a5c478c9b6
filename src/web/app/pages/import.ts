/*
 * `#/import`: drop files or paste URLs; the server ingests and analyses them as a job, which this
 * page polls for progress and rejections.
 */
import { getJson, postJson } from '../api.js'
import { errorBox, plural, table } from '../components.js'
import { h, replaceChildren, type Child } from '../dom.js'
import type { Route } from '../routes.js'
import type { ImportJob, ImportResult } from '../types.js'

/** How often a running job is asked for its progress. */
const POLL_INTERVAL_MS = 1000
/** The multipart field the files go in. */
const FILES_FIELD = 'files'

/** How each outcome reads in the results table. */
const OUTCOME_WORDS: Readonly<Record<ImportResult['outcome'], string>> = {
  waiting: 'Waiting',
  added: 'Added',
  skipped: 'Skipped',
  refused: 'Refused',
}

function count(job: ImportJob, outcome: ImportResult['outcome']): number {
  return job.results.filter((r) => r.outcome === outcome).length
}

/**
 * The job's headline: what it is doing, or what it did. It never says "done" over inputs that
 * were refused without saying so: the counts of added, skipped and refused inputs follow it.
 */
function headline(job: ImportJob): string {
  const added = count(job, 'added')
  const refused = count(job, 'refused')
  if (job.state === 'running') return `Importing… ${job.done} of ${plural(job.inputs, 'input')} read.`
  if (job.state === 'failed') return 'The import stopped on an error.'
  if (refused === job.inputs) return job.inputs === 1 ? 'Nothing was imported: the input was refused.' : `Nothing was imported: all ${job.inputs} inputs were refused.`
  if (added === 0) return 'Nothing new was imported.'
  return refused > 0 ? 'Imported, with inputs refused.' : 'Imported.'
}

function tally(job: ImportJob): string {
  const documents = job.results.reduce((sum, r) => sum + r.added, 0)
  return `${count(job, 'added')} added (${plural(documents, 'new document')}), ${count(job, 'skipped')} skipped, ${count(job, 'refused')} refused.`
}

function resultRow(result: ImportResult): Child[] {
  const what = result.outcome === 'added' ? `Added ${plural(result.added, 'document')}` : OUTCOME_WORDS[result.outcome]
  return [h('code', null, result.input), h('span', { class: `outcome outcome-${result.outcome}` }, what), result.reason ?? '']
}

function progressView(job: ImportJob): HTMLElement {
  const finished = job.state !== 'running'
  const refused = count(job, 'refused')
  return h('div', { class: `job job-${job.state}${finished && refused > 0 ? ' job-refusals' : ''}`, role: 'status' },
    h('p', { class: 'job-headline' }, headline(job)),
    finished ? h('p', { class: 'job-tally' }, tally(job)) : h('progress', { max: Math.max(job.inputs, 1), value: job.done }),
    job.error ? h('p', { class: 'error' }, job.error) : null,
    table(null, ['Input', 'Result', 'Why'], job.results.map(resultRow), 'import-results'),
    finished && count(job, 'added') > 0 ? h('p', null, h('a', { href: '#/stories' }, 'See the stories ›')) : null)
}

/** Polls a job until it ends, redrawing `out` each time; stops when the page is left. */
async function followJob(out: HTMLElement, job: string, stillHere: () => boolean): Promise<void> {
  for (;;) {
    const state = await getJson<ImportJob>(`/api/import/${encodeURIComponent(job)}`)
    if (!stillHere()) return
    replaceChildren(out, progressView(state))
    if (state.state !== 'running') return
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS))
  }
}

/** Renders the import page into `main`. */
export function showImport(main: HTMLElement, _route: Route, retry: () => void): void {
  const hash = location.hash
  const stillHere = (): boolean => location.hash === hash
  const out = h('div', { class: 'import-progress' })
  let files: File[] = []
  const picked = h('p', { class: 'picked' }, 'No files chosen.')
  const showPicked = (): void => replaceChildren(picked, files.length === 0 ? 'No files chosen.' : `${plural(files.length, 'file')}: ${files.map((f) => f.name).join(', ')}`)
  const input = h('input', { type: 'file', name: 'files', multiple: true, onchange: () => { files = [...(input.files ?? [])]; showPicked() } })
  const drop = h('div', {
    class: 'drop-zone',
    tabindex: 0,
    role: 'button',
    'aria-label': 'Drop files here or choose them',
    ondragover: (event) => { event.preventDefault(); drop.classList.add('over') },
    ondragleave: () => drop.classList.remove('over'),
    ondrop: (event) => {
      event.preventDefault()
      drop.classList.remove('over')
      files = [...((event as DragEvent).dataTransfer?.files ?? [])]
      showPicked()
    },
    onclick: () => input.click(),
    onkeydown: (event) => { if ((event as KeyboardEvent).key === 'Enter') input.click() },
  }, 'Drop article files here (text, HTML, feeds, JSON Lines, WARC, .gz), or click to choose.')
  const urls = h('textarea', { name: 'urls', rows: 4, placeholder: 'https://… one URL a line', spellcheck: false })

  const start = async (body: FormData | { urls: string[] }): Promise<void> => {
    replaceChildren(out, h('p', { role: 'status' }, 'Sending…'))
    try {
      // The answer names the job by its id, or gives the job itself with its id.
      const { job } = await postJson<{ job: string | { readonly id: string } }>('/api/import', body)
      await followJob(out, typeof job === 'string' ? job : job.id, stillHere)
    } catch (error) {
      if (stillHere()) replaceChildren(out, errorBox(error, retry))
    }
  }
  const form = h('form', {
    class: 'import-form',
    onsubmit: (event) => {
      event.preventDefault()
      // Each line is one input: the server refuses a line that is no URL, alone, and says why.
      const list = urls.value.split(/\r?\n/).map((u) => u.trim()).filter((u) => u !== '')
      if (files.length > 0) {
        const data = new FormData()
        for (const file of files) data.append(FILES_FIELD, file, file.name)
        void start(data)
      } else if (list.length > 0) {
        void start({ urls: list })
      } else {
        replaceChildren(out, h('p', { class: 'error' }, 'Choose files or paste URLs first.'))
      }
    },
  },
  drop, input, picked,
  h('label', { class: 'field' }, h('span', null, 'Or paste URLs'), urls),
  h('button', { type: 'submit' }, 'Import'))
  document.title = 'Import — Dossier'
  replaceChildren(main, h('h1', null, 'Import'), form, out)
}
