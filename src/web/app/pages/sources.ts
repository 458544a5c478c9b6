/*
 * `#/sources`: the feeds, sitemaps and pages `dossier watch` follows. Add one by URL, or many from
 * an OPML file; each shows its status, last and next fetch, items, documents and last error. The
 * list refreshes itself while shown (the watch loop is another process writing the same store).
 */
import { deleteResource, getJson, postJson } from '../api.js'
import { errorBox, loading, plural, table } from '../components.js'
import { h, replaceChildren, safeHref, type Child } from '../dom.js'
import type { Route } from '../routes.js'
import type { OpmlImport, Source } from '../watch-types.js'

/** How often the list is read again while the page is shown. */
export const SOURCES_POLL_MS = 5000

const STATUS_WORDS: Readonly<Record<Source['status'], string>> = { new: 'Not fetched yet', ok: 'OK', failing: 'Failing' }

function when(iso: string | null): Child {
  return iso === null ? '—' : h('time', { datetime: iso }, iso.slice(0, 16).replace('T', ' '))
}

function sourceRow(source: Source, refresh: () => void): Child[] {
  const href = safeHref(source.url)
  return [
    h('span', { class: 'source-name' },
      href === null ? h('code', null, source.url) : h('a', { href, rel: 'noopener noreferrer' }, source.title ?? source.url),
      source.title === null ? null : h('br'), source.title === null ? null : h('code', { class: 'source-url' }, source.url)),
    source.kind,
    h('span', { class: `source-status status-${source.status}` }, STATUS_WORDS[source.status], source.failures > 0 ? ` (${plural(source.failures, 'failure')} in a row)` : ''),
    when(source.lastFetchAt),
    when(source.nextFetchAt),
    `${source.items} / ${source.documents}`,
    source.lastError === null ? '—' : h('span', { class: 'source-error' }, source.lastError),
    h('button', { type: 'button', class: 'remove', onclick: (event) => {
      const button = event.currentTarget as HTMLButtonElement
      if (button.dataset.confirm !== 'yes') {
        button.dataset.confirm = 'yes'
        replaceChildren(button, 'Remove?')
        return
      }
      deleteResource(`/api/sources/${source.id}`).then(refresh, (error: unknown) => button.after(errorBox(error, refresh)))
    } }, 'Remove'),
  ]
}

function sourcesTable(sources: readonly Source[], refresh: () => void): HTMLElement {
  if (sources.length === 0) return h('p', { class: 'empty' }, 'No sources yet: add a feed above, then run `dossier watch`.')
  return table(null, ['Source', 'Kind', 'Status', 'Last fetch', 'Next fetch', 'Items / documents', 'Last error', ''], sources.map((s) => sourceRow(s, refresh)), 'sources')
}

function addForms(message: HTMLElement, refresh: () => void): HTMLElement {
  const url = h('input', { name: 'url', type: 'url', placeholder: 'https://example.org/feed.xml', required: true }) as HTMLInputElement
  const kind = h('select', { name: 'kind', 'aria-label': 'Kind' },
    h('option', { value: '' }, 'Guess the kind'), h('option', { value: 'feed' }, 'Feed'), h('option', { value: 'sitemap' }, 'Sitemap'), h('option', { value: 'page' }, 'Page to follow for links'))
  const addUrl = h('form', {
    class: 'source-form',
    onsubmit: (event) => {
      event.preventDefault()
      replaceChildren(message, 'Adding…')
      postJson<{ source: Source; added: boolean }>('/api/sources', { url: url.value.trim(), ...(kind.value === '' ? {} : { kind: kind.value }) }).then((answer) => {
        replaceChildren(message, answer.added ? `Added ${answer.source.url}.` : `${answer.source.url} is followed already.`)
        url.value = ''
        refresh()
      }, (error: unknown) => replaceChildren(message, errorBox(error, refresh)))
    },
  }, h('label', { class: 'field' }, h('span', null, 'Feed, sitemap or page URL'), url), kind, h('button', { type: 'submit' }, 'Add source'))
  const file = h('input', { name: 'opml', type: 'file', accept: '.opml,.xml,text/xml,text/x-opml' }) as HTMLInputElement
  const addOpml = h('form', {
    class: 'opml-form',
    onsubmit: (event) => {
      event.preventDefault()
      const chosen = file.files?.[0]
      if (chosen === undefined) {
        replaceChildren(message, 'Choose an OPML file first.')
        return
      }
      replaceChildren(message, 'Importing…')
      chosen.text().then((opml) => postJson<OpmlImport>('/api/sources', { opml })).then((answer) => {
        replaceChildren(message, `${plural(answer.added.length, 'source')} added, ${answer.existing} followed already, ${answer.rejected.length} refused.`,
          answer.rejected.length === 0 ? null : h('ul', { class: 'opml-rejected' }, answer.rejected.map((r) => h('li', null, h('code', null, r.outline), `: ${r.reason}`))))
        refresh()
      }, (error: unknown) => replaceChildren(message, errorBox(error, refresh)))
    },
  }, h('label', { class: 'field' }, h('span', null, 'Or import an OPML file'), file), h('button', { type: 'submit' }, 'Import OPML'))
  return h('div', { class: 'source-forms' }, addUrl, addOpml)
}

/** Renders the sources page into `main`. */
export async function showSources(main: HTMLElement, _route: Route, retry: () => void): Promise<void> {
  document.title = 'Sources — Dossier'
  replaceChildren(main, h('h1', null, 'Sources'), loading('sources'))
  let sources: readonly Source[]
  try {
    sources = (await getJson<{ sources: Source[] }>('/api/sources')).sources
  } catch (error) {
    replaceChildren(main, h('h1', null, 'Sources'), errorBox(error, retry))
    return
  }
  const list = h('div', { class: 'sources-list' })
  const message = h('div', { class: 'form-message', role: 'status' })
  const root = h('div', { class: 'sources-page' })
  const refresh = (): void => {
    getJson<{ sources: Source[] }>('/api/sources').then((answer) => { if (root.isConnected) replaceChildren(list, sourcesTable(answer.sources, refresh)) }, () => {})
  }
  replaceChildren(list, sourcesTable(sources, refresh))
  replaceChildren(root,
    h('p', { class: 'lede' }, 'Sources are polled by ', h('code', null, 'dossier watch'), ', which reads each new item\'s article and places it in stories; a failing source is retried less often, never dropped.'),
    addForms(message, refresh), message, list)
  replaceChildren(main, h('h1', null, 'Sources'), root)
  const tick = (): void => {
    if (!root.isConnected) return
    refresh()
    setTimeout(tick, SOURCES_POLL_MS)
  }
  setTimeout(tick, SOURCES_POLL_MS)
}
