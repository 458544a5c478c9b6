import { randomBytes } from 'node:crypto'
import { resolveEntity } from '../api/timeline.js'
import { UsageError } from '../errors.js'
import { topicNamed } from '../stages/analysis/stance.js'
import { loadGazetteer } from '../stages/entities/gazetteer/index.js'
import { parseSearchQuery, type Store } from '../store/index.js'
import { watchSignals } from './evaluate.js'
import { matchingStories } from './match.js'
import { watchStoreOf } from './open.js'
import type { NamedEntity, Watch, WatchId, WatchInput, WatchTarget } from './types.js'

/** A watched story reaching this many outlets alerts, unless the watch names its own threshold. */
export const DEFAULT_OUTLET_THRESHOLD = 3
/** Longest watch name and search kept: a watch is a saved search, not a document. */
const MAX_NAME_CHARS = 200
const MAX_QUERY_CHARS = 1000
const MAX_SECRET_CHARS = 512

/**
 * Saves a new watch: checks the input (one clear UsageError naming what is wrong), resolves entity
 * names, and marks what it matches now as seen, so it alerts only on what changes from here.
 *
 * @example
 * const w = await createWatch(store, { entity: 'Russia', outlets: 4, webhook: 'https://hooks.example/dossier', secret: 's3cret' })
 */
export async function createWatch(store: Store, input: WatchInput, now: Date = new Date()): Promise<Watch> {
  const at = now.toISOString()
  const watch: Watch = {
    id: `w-${randomBytes(6).toString('hex')}`,
    ...(await readWatchInput(store, input, undefined)),
    createdAt: at,
    updatedAt: at,
  }
  await saveWithBaseline(store, watch, input.secret)
  return watch
}

/**
 * Changes a watch: fields not given keep their value; a new target or threshold takes a new
 * baseline (what it matches now is not news). Throws UsageError for an unknown id.
 *
 * @example
 * await updateWatch(store, w.id, { outlets: 5, webhook: null })
 */
export async function updateWatch(store: Store, id: WatchId, input: WatchInput, now: Date = new Date()): Promise<Watch> {
  const before = await watchStoreOf(store).getWatch(id)
  if (before === undefined) throw new UsageError(`No watch with id ${JSON.stringify(id)}; \`dossier watches list\` lists them.`)
  const watch: Watch = { ...before, ...(await readWatchInput(store, input, before)), updatedAt: now.toISOString() }
  await saveWithBaseline(store, watch, input.secret)
  return watch
}

/** Deletes a watch with its alerts; false when there was none. */
export async function removeWatch(store: Store, id: WatchId): Promise<boolean> {
  return watchStoreOf(store).removeWatch(id)
}

async function saveWithBaseline(store: Store, watch: Watch, secret: string | null | undefined): Promise<void> {
  const signals = await watchSignals(store, watch, await matchingStories(store, watch))
  await watchStoreOf(store).saveWatch(watch, secret, signals.map((s) => s.key))
}

type WatchFields = Pick<Watch, 'name' | 'target' | 'outlets' | 'webhook'>

async function readWatchInput(store: Store, input: WatchInput, before: Watch | undefined): Promise<WatchFields> {
  const target = hasTarget(input) || before === undefined ? await readTarget(store, input) : before.target
  const outlets = input.outlets === undefined ? (before?.outlets ?? DEFAULT_OUTLET_THRESHOLD) : checkOutlets(input.outlets)
  const name = input.name === undefined || input.name.trim() === '' ? (before?.name ?? nameOf(target)) : checkLength(input.name.trim(), 'name', MAX_NAME_CHARS)
  const secret = input.secret === undefined ? undefined : input.secret === null ? null : checkLength(input.secret, 'secret', MAX_SECRET_CHARS)
  const url = input.webhook === undefined ? before?.webhook?.url ?? null : input.webhook === null || input.webhook.trim() === '' ? null : checkWebhook(input.webhook.trim())
  const signed = secret === undefined ? (before?.webhook?.signed ?? false) : secret !== null && secret !== ''
  return { name, target, outlets, webhook: url === null ? null : { url, signed } }
}

function hasTarget(input: WatchInput): boolean {
  return [input.query, input.entity, input.actor, input.counterpart].some((v) => v !== undefined && v.trim() !== '')
}

async function readTarget(store: Store, input: WatchInput): Promise<WatchTarget> {
  const given = (v: string | undefined): v is string => v !== undefined && v.trim() !== ''
  const kinds = [given(input.query), given(input.entity), given(input.actor) || given(input.counterpart)].filter(Boolean).length
  if (kinds !== 1) {
    throw new UsageError('A watch follows one thing: give a search (query), an entity, or an actor with a counterpart (and a topic); ' +
      (kinds === 0 ? 'none was given.' : 'more than one was given.'))
  }
  if (given(input.query)) {
    const query = checkLength(input.query.trim(), 'search', MAX_QUERY_CHARS)
    const advanced = input.advanced === true
    parseSearchQuery(advanced ? { text: query, mode: 'advanced' } : query) // a malformed query throws SearchSyntaxError now, not at every evaluation
    return { kind: 'search', query, advanced }
  }
  if (given(input.entity)) return { kind: 'entity', entity: await findEntity(store, input.entity) }
  if (!given(input.actor) || !given(input.counterpart)) {
    throw new UsageError('A pair watch needs both an actor and a counterpart ("Russia" and "China"), and optionally a topic (alliance, sanctions, …).')
  }
  const topic = input.topic === undefined || input.topic.trim() === '' ? null : topicNamed(input.topic)
  const [actor, counterpart] = [await findEntity(store, input.actor), await findEntity(store, input.counterpart)]
  if (actor.id === counterpart.id) throw new UsageError(`"${input.actor}" and "${input.counterpart}" are the same entity (${actor.id}); a pair needs two.`)
  return { kind: 'pair', actor, counterpart, topic }
}

/**
 * An entity by id or name: the store's entities first (as `dossier timeline` resolves them), then
 * the gazetteer, so a watch can be saved before any article names what it follows.
 */
async function findEntity(store: Store, name: string): Promise<NamedEntity> {
  try {
    return await resolveEntity(store, name)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    const g = loadGazetteer()
    const needle = name.trim()
    const country = g.findCountry(needle)
    if (country !== undefined) return { id: `country:${country.alpha2}`, name: country.name }
    const person = g.findPerson(needle)
    if (person !== undefined) return { id: `person:${person.id}`, name: person.name }
    const org = g.findOrganization(needle)
    if (org !== undefined) return { id: `org:${org.id}`, name: org.name }
    if (/^[a-z]+:\S+$/.test(needle)) return { id: needle, name: needle }
    throw new UsageError(`${error.message} Nor does the gazetteer know it; give an entity id (country:RU, person:…) to watch it before any article names it.`)
  }
}

function nameOf(target: WatchTarget): string {
  switch (target.kind) {
    case 'search': return target.query
    case 'entity': return target.entity.name
    case 'pair': return `${target.actor.name} – ${target.counterpart.name}${target.topic === null ? '' : `: ${target.topic}`}`
  }
}

function checkOutlets(value: number): number {
  if (!Number.isInteger(value) || value < 2 || value > 1000) {
    throw new UsageError(`The outlet threshold must be a whole number from 2 to 1000 (a story reaching that many outlets alerts), got ${value}.`)
  }
  return value
}

function checkLength(value: string, what: string, max: number): string {
  if (value.length > max) throw new UsageError(`The watch's ${what} is ${value.length} characters long; at most ${max} are kept.`)
  return value
}

function checkWebhook(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`The webhook ${JSON.stringify(url)} is not a URL; give an http:// or https:// address.`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`The webhook ${JSON.stringify(url)} is a ${parsed.protocol} URL; alerts are POSTed to http:// or https:// addresses only.`)
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new UsageError('The webhook URL carries a user name or password; set a secret instead, and the receiver checks the signature.')
  }
  return parsed.href
}
