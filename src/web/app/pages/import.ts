/*
 * `#/import`: drop files or paste URLs; the server ingests and analyses them as a job, which this
 * page polls for progress and rejections.
 */
import { getJson, postJson } from '../api.js'
import { errorBox, plural } from '../components.js'
import { h, replaceChildren } from '../dom.js'
import type { Route } from '../routes.js'
import type { ImportJob } from '../types.js'

/** How often a running job is asked for its progress. */
const POLL_INTERVAL_MS = 1000
/** The multipart field the files go in. */
const FILES_FIELD = 'files'

function progressView(job: ImportJob): HTMLElement {
  return h('div', { class: `job job-${job.state}`, role: 'status' },
    h('p', null, job.state === 'running' ? 'Importing… ' : job.state === 'done' ? 'Done. ' : 'Failed. ',
      `${job.done} of ${plural(job.inputs, 'input')} read.`),
    h('progress', { max: Math.max(job.inputs, 1), value: job.done }),
    job.error ? h('p', { class: 'error' }, job.error) : null,
    job.rejected.length === 0 ? null : h('div', { class: 'rejected' },
      h('h3', null, `Rejected (${job.rejected.length})`),
      h('ul', null, job.rejected.map((r) => h('li', null, h('code', null, r.input), `: ${r.message}`, r.code ? ` (${r.code})` : '')))),
    job.state === 'done' ? h('p', null, h('a', { href: '#/stories' }, 'See the stories ›')) : null)
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
      const list = urls.value.split(/\s+/).map((u) => u.trim()).filter((u) => u !== '')
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
