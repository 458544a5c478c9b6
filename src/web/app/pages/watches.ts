/*
 * `#/watches` (and `#/watches/:id`, that watch first): saved watches, a form to create or change
 * one, and each watch's alerts with links into the story and the cited spans. New alerts appear
 * without a reload: the page polls `/api/alerts?after=<last seq>` while it is shown.
 */
import { deleteResource, getJson, postJson, putJson } from '../api.js'
import { citationLink, errorBox, loading, plural } from '../components.js'
import { h, replaceChildren } from '../dom.js'
import { routeHash, type Route } from '../routes.js'
import type { Alert, AlertList, Watch, WatchInput, WatchTarget } from '../watch-types.js'

/** How often the page asks for alerts newer than the last it shows. */
export const ALERT_POLL_MS = 3000
/** Alerts shown per watch, newest first. */
const ALERTS_SHOWN = 50

const KIND_WORDS: Readonly<Record<Alert['kind'], string>> = {
  'new-story': 'New story',
  outlets: 'Outlets',
  conflict: 'Conflict',
  'stance-shift': 'Stance shift',
  headline: 'Headline',
}

function describeTarget(target: WatchTarget): string {
  switch (target.kind) {
    case 'search': return `Search: ${target.query}${target.advanced ? ' (operators)' : ''}`
    case 'entity': return `Entity: ${target.entity.name}`
    case 'pair': return `${target.actor.name} → ${target.counterpart.name}${target.topic === null ? '' : ` on ${target.topic}`}`
  }
}

/** One alert: its kind, its line, the story it is about, and each cited span linked into its article. */
function alertItem(alert: Alert, fresh: boolean): HTMLElement {
  return h('li', { class: `alert alert-${alert.kind}${fresh ? ' alert-new' : ''}`, id: `alert-${alert.id}` },
    h('span', { class: 'alert-kind' }, KIND_WORDS[alert.kind]), ' ',
    h('span', { class: 'alert-title' }, alert.title), ' ',
    h('time', { datetime: alert.createdAt, class: 'alert-time' }, alert.createdAt.slice(0, 16).replace('T', ' ')),
    alert.story === null ? null : h('p', { class: 'alert-story' }, h('a', { href: routeHash('stories', alert.story.id), class: 'story-link' }, alert.story.title)),
    alert.citations.length === 0 ? null : h('ul', { class: 'alert-citations' },
      alert.citations.map((c) => h('li', null, citationLink(c, c.source), ': ', h('q', null, c.text)))))
}

/** The form that creates a watch, or changes `watch` when given. */
function watchForm(watch: Watch | null, onSaved: (saved: Watch) => void, onCancel: (() => void) | null): HTMLElement {
  const target = watch?.target
  const kind = h('select', { name: 'kind', 'aria-label': 'What to watch' },
    h('option', { value: 'search', selected: target === undefined || target.kind === 'search' }, 'A search'),
    h('option', { value: 'entity', selected: target?.kind === 'entity' }, 'An entity'),
    h('option', { value: 'pair', selected: target?.kind === 'pair' }, 'An actor pair'))
  const field = (name: string, label: string, value: string, attrs: Record<string, string | number> = {}): { el: HTMLElement; input: HTMLInputElement } => {
    const input = h('input', { name, value, ...attrs }) as HTMLInputElement
    return { el: h('label', { class: `field field-${name}` }, h('span', null, label), input), input }
  }
  const query = field('query', 'Search', target?.kind === 'search' ? target.query : '', { placeholder: 'ferry strike' })
  const entity = field('entity', 'Entity', target?.kind === 'entity' ? target.entity.name : '', { placeholder: 'Russia, or country:RU' })
  const actor = field('actor', 'Actor', target?.kind === 'pair' ? target.actor.name : '', { placeholder: 'Russia' })
  const counterpart = field('counterpart', 'Counterpart', target?.kind === 'pair' ? target.counterpart.name : '', { placeholder: 'China' })
  const topic = field('topic', 'Topic', target?.kind === 'pair' ? (target.topic ?? '') : '', { placeholder: 'alliance (optional)' })
  const name = field('name', 'Name', watch?.name ?? '', { placeholder: 'optional' })
  const outlets = field('outlets', 'Alert at outlets', String(watch?.outlets ?? 3), { type: 'number', min: 2, max: 1000 })
  const webhook = field('webhook', 'Webhook URL', watch?.webhook?.url ?? '', { placeholder: 'https://… (optional)', type: 'url' })
  const secret = field('secret', 'Webhook secret', '', { type: 'password', autocomplete: 'off', placeholder: watch?.webhook?.signed ? 'kept; type to change' : 'optional' })
  const groups: Record<WatchTarget['kind'], HTMLElement[]> = { search: [query.el], entity: [entity.el], pair: [actor.el, counterpart.el, topic.el] }
  const showKind = (): void => {
    for (const [k, els] of Object.entries(groups)) for (const el of els) el.hidden = k !== kind.value
  }
  kind.addEventListener('change', showKind)
  showKind()
  const message = h('p', { class: 'form-message', role: 'status' })
  const form = h('form', {
    class: 'watch-form',
    onsubmit: (event) => {
      event.preventDefault()
      const chosen = kind.value as WatchTarget['kind']
      const body: { -readonly [K in keyof WatchInput]: WatchInput[K] } = {
        name: name.input.value.trim(),
        outlets: Number(outlets.input.value),
        webhook: webhook.input.value.trim() === '' ? null : webhook.input.value.trim(),
      }
      if (secret.input.value !== '') body.secret = secret.input.value
      if (chosen === 'search') body.query = query.input.value
      if (chosen === 'entity') body.entity = entity.input.value
      if (chosen === 'pair') Object.assign(body, { actor: actor.input.value, counterpart: counterpart.input.value, topic: topic.input.value })
      replaceChildren(message, 'Saving…')
      const saving = watch === null ? postJson<Watch>('/api/watches', body) : putJson<Watch>(`/api/watches/${encodeURIComponent(watch.id)}`, body)
      saving.then(onSaved, (error: unknown) => replaceChildren(message, errorBox(error, () => form.requestSubmit())))
    },
  },
  h('label', { class: 'field field-kind' }, h('span', null, 'Watch'), kind),
  query.el, entity.el, actor.el, counterpart.el, topic.el, name.el, outlets.el, webhook.el, secret.el,
  h('p', { class: 'form-buttons' },
    h('button', { type: 'submit' }, watch === null ? 'Create watch' : 'Save changes'),
    onCancel === null ? null : h('button', { type: 'button', class: 'secondary', onclick: onCancel }, 'Cancel')),
  message)
  return form
}

/** The page's state: each watch's section and alert list, and the newest alert seq shown. */
interface Shown {
  readonly lists: Map<string, HTMLElement>
  last: number
}

function watchSection(watch: Watch, alerts: readonly Alert[], shown: Shown, redraw: () => void): HTMLElement {
  const list = h('ol', { class: 'alerts' }, alerts.map((a) => alertItem(a, false)))
  shown.lists.set(watch.id, list)
  const body = h('div', { class: 'watch-body' })
  const view = (): void => replaceChildren(body,
    h('p', { class: 'watch-follows' }, describeTarget(watch.target), ` · alerts at ${plural(watch.outlets, 'outlet')}`,
      watch.webhook === null ? '' : ` · webhook ${watch.webhook.url}${watch.webhook.signed ? ' (signed)' : ''}`),
    h('p', { class: 'watch-actions' },
      h('button', { type: 'button', class: 'edit', onclick: () => replaceChildren(body, watchForm(watch, redraw, view)) }, 'Edit'), ' ',
      h('button', { type: 'button', class: 'delete', onclick: (event) => confirmDelete(event.currentTarget as HTMLButtonElement, watch, redraw) }, 'Delete'), ' ',
      h('a', { href: `/feeds/watches/${encodeURIComponent(watch.id)}.atom`, class: 'feed-link', 'data-token-link': true }, 'Atom feed')))
  view()
  return h('section', { class: 'watch', id: `watch-${watch.id}` },
    h('h2', null, h('a', { href: routeHash('watches', watch.id) }, watch.name)),
    body,
    h('h3', null, 'Alerts'),
    list,
    h('p', { class: 'no-alerts', hidden: alerts.length > 0 }, 'No alerts yet: they appear here as stories change.'))
}

// Two clicks, no dialog: the first asks, the second deletes.
function confirmDelete(button: HTMLButtonElement, watch: Watch, redraw: () => void): void {
  if (button.dataset.confirm !== 'yes') {
    button.dataset.confirm = 'yes'
    replaceChildren(button, `Delete "${watch.name}" and its alerts?`)
    return
  }
  deleteResource(`/api/watches/${encodeURIComponent(watch.id)}`).then(redraw, (error: unknown) => button.after(errorBox(error, redraw)))
}

/** Adds alerts fired since the last poll to their watch's list, marked new, and says how many came. */
function addAlerts(shown: Shown, alerts: readonly Alert[], announce: HTMLElement): void {
  let added = 0
  for (const alert of alerts) {
    shown.last = Math.max(shown.last, alert.seq)
    const list = shown.lists.get(alert.watch)
    if (list === undefined || list.querySelector(`#alert-${CSS.escape(alert.id)}`) !== null) continue
    list.prepend(alertItem(alert, true))
    const empty = list.parentElement?.querySelector('.no-alerts')
    if (empty instanceof HTMLElement) empty.hidden = true
    added++
  }
  if (added > 0) replaceChildren(announce, `${plural(added, 'new alert')}.`)
}

/** Asks for newer alerts every ALERT_POLL_MS while the page is shown; a failed poll is tried again next time. */
function pollAlerts(root: HTMLElement, shown: Shown, announce: HTMLElement): void {
  const tick = (): void => {
    if (!root.isConnected) return
    getJson<AlertList>(`/api/alerts?after=${shown.last}&limit=500`)
      .then((answer) => { if (root.isConnected) addAlerts(shown, answer.alerts, announce) }, () => {})
      .finally(() => { if (root.isConnected) setTimeout(tick, ALERT_POLL_MS) })
  }
  setTimeout(tick, ALERT_POLL_MS)
}

/** Renders the watches page into `main`. */
export async function showWatches(main: HTMLElement, route: Route, retry: () => void): Promise<void> {
  document.title = 'Watches — Dossier'
  replaceChildren(main, h('h1', null, 'Watches'), loading('watches'))
  let watches: Watch[]
  let lists: AlertList[]
  let last: number
  try {
    watches = [...(await getJson<{ watches: Watch[] }>('/api/watches')).watches]
    // The last seq before the lists are read: an alert fired meanwhile is polled, never missed.
    last = (await getJson<AlertList>('/api/alerts?after=0&limit=1&order=desc')).last
    lists = await Promise.all(watches.map((w) => getJson<AlertList>(`/api/watches/${encodeURIComponent(w.id)}/alerts?order=desc&limit=${ALERTS_SHOWN}`)))
  } catch (error) {
    replaceChildren(main, h('h1', null, 'Watches'), errorBox(error, retry))
    return
  }
  const alertsOf = new Map(watches.map((w, i) => [w.id, lists[i]?.alerts ?? []]))
  const focus = route.id
  if (focus !== null) {
    const at = watches.findIndex((w) => w.id === focus)
    if (at > 0) watches.unshift(...watches.splice(at, 1))
  }
  const shown: Shown = { lists: new Map(), last }
  const announce = h('p', { class: 'alerts-announce', role: 'status', 'aria-live': 'polite' })
  const redraw = (): void => { void showWatches(main, route, retry) }
  const root = h('div', { class: 'watches-page' },
    h('p', { class: 'lede' }, 'A watch follows a search, an entity, or an actor pair. It alerts when a story newly matches, reaches its outlet threshold, gains a conflict, has a headline its body does not support, or when the pair\'s stance shifts.'),
    h('details', { class: 'new-watch', open: watches.length === 0 }, h('summary', null, 'New watch'), watchForm(null, redraw, null)),
    announce,
    watches.length === 0 ? h('p', { class: 'empty' }, 'No watches yet.') : watches.map((w) => watchSection(w, alertsOf.get(w.id) ?? [], shown, redraw)))
  replaceChildren(main, h('h1', null, 'Watches'), root)
  pollAlerts(root, shown, announce)
}
