/*
 * Small pieces every page uses: tables, export links, citation links, errors and the token prompt.
 */
import { ApiError, downloadFile, readToken, saveToken } from './api.js'
import { h, safeHref, type Child } from './dom.js'
import { spanHref } from './spans.js'
import type { Citation } from './types.js'

/**
 * A table in a wrapper that scrolls on its own, so the page never does; on a phone each row is a
 * card whose cells carry their column's name (`data-label`, shown by the style sheet).
 */
export function table(caption: string | null, headers: readonly string[], rows: ReadonlyArray<readonly Child[]>, className = ''): HTMLElement {
  return h('div', { class: 'table-wrap' },
    h('table', { class: className },
      caption === null ? null : h('caption', null, caption),
      h('thead', null, h('tr', null, headers.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', null, rows.map((cells) => h('tr', null, cells.map((cell, i) => h('td', { 'data-label': headers[i] ?? '' }, cell)))))))
}

/**
 * Export links for a table: each is a real link to the API answer, fetched with the token
 * (when one is set) and saved as a file.
 */
export function exportLinks(links: ReadonlyArray<{ readonly label: string; readonly url: string; readonly file: string }>): HTMLElement {
  return h('p', { class: 'exports' }, 'Export: ',
    links.map(({ label, url, file }, i) => [
      i > 0 ? ' · ' : null,
      h('a', {
        href: url,
        download: file,
        class: 'export',
        onclick: (event) => {
          if (readToken() === null) return
          event.preventDefault()
          const link = event.currentTarget as HTMLElement
          downloadFile(url, file).catch((error: unknown) => {
            link.after(h('span', { class: 'error', role: 'alert' }, ` Export failed: ${(error as Error).message}`))
          })
        },
      }, label),
    ]))
}

/** A link to the cited words in their article (the article page scrolls to and highlights them). */
export function citationLink(citation: Citation, label: Child = citation.source): HTMLAnchorElement {
  return h('a', { href: spanHref(citation.article, citation.span), class: 'cite', title: citation.text }, label)
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, `Loading ${what}…`)
}

/** The token prompt shown on a 401: the token is kept for this tab only. */
function tokenForm(retry: () => void): HTMLElement {
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'off', placeholder: 'token', 'aria-label': 'API token' })
  return h('form', {
    class: 'token-form',
    onsubmit: (event) => {
      event.preventDefault()
      saveToken(input.value.trim())
      retry()
    },
  }, input, h('button', { type: 'submit' }, 'Use token'))
}

/** An error box; a 401 asks for the token and `retry`s with it. */
export function errorBox(error: unknown, retry: () => void): HTMLElement {
  if (error instanceof ApiError && error.status === 401) {
    return h('div', { class: 'error token-needed', role: 'alert' },
      h('p', null, 'Token needed: this server asks for an access token. Paste it here (it is kept for this tab only), or open the app with ', h('code', null, '/#token=…'), '.'),
      tokenForm(retry))
  }
  const message = error instanceof ApiError ? `${error.message} (${error.code})` : String((error as Error)?.message ?? error)
  return h('div', { class: 'error', role: 'alert' }, h('p', null, message))
}

/** A date as given (`2023-03-21`, `2023-03`, `2023`), or a dash. */
export function dateText(value: string | null | undefined): string {
  return value ?? '—'
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * The link to an article where it was published: only an http(s) address becomes a link. Any
 * other address (`mailto:`, `javascript:`, a bare path) is shown as text saying it is not a web
 * address, so a citation never becomes an invisible or dead link. With `sayWhenAbsent`, an
 * article without any address says so too (ingest drops a feed item's `mailto:` link, for one).
 *
 * @example
 * originalLink('https://example.org/a') // <a class="original" href="https://example.org/a">original ↗</a>
 * originalLink('mailto:desk@example.org') // <span class="original-unlinked">not a web address: mailto:desk@example.org</span>
 */
export function originalLink(url: string | null | undefined, sayWhenAbsent = false): HTMLElement | null {
  const address = url?.trim() ?? ''
  if (address === '') return sayWhenAbsent ? h('span', { class: 'original-unlinked no-address' }, 'no web address given') : null
  if (/^https?:\/\//i.test(address) && safeHref(address) !== null) {
    return h('a', { href: address, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'original' }, 'original ↗')
  }
  return h('span', { class: 'original-unlinked', title: 'Only http and https addresses are linked.' }, `not a web address: ${address.slice(0, 80)}`)
}

/**
 * Links to the previous and next page of a list kept in the hash; `at(offset)` makes a page's hash,
 * `count` (default "26–50 of 60") says which rows these are.
 */
export function pager(page: { readonly offset: number; readonly limit: number; readonly total: number; readonly items: readonly unknown[] }, at: (offset: number) => string, noun: string, count?: string): HTMLElement {
  const last = Math.min(page.offset + page.items.length, page.total)
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    page.offset > 0 ? h('a', { href: at(Math.max(0, page.offset - page.limit)), rel: 'prev' }, '‹ Previous') : h('span', { class: 'disabled' }, '‹ Previous'),
    h('span', { class: 'count' }, count ?? (page.total === 0 ? `no ${noun}` : `${page.offset + 1}–${last} of ${page.total}`)),
    last < page.total ? h('a', { href: at(page.offset + page.limit), rel: 'next' }, 'Next ›') : h('span', { class: 'disabled' }, 'Next ›'))
}
