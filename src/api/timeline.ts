import type { Citation, DocumentId, EntityId, Timeline } from '../document/index.js'
import { UsageError } from '../errors.js'
import { findStatements, stanceQueriesIn, topicNamed, type FoundStatement, type TimelineQuery } from '../stages/analysis/stance.js'
import { assembleTimeline } from '../stages/analysis/stance-merge.js'
import { loadGazetteer, nameKey } from '../stages/entities/gazetteer/index.js'
import type { Store } from '../store/index.js'

export { TOPICS, timelineFrom, type TimelineQuery } from '../stages/analysis/stance.js'

/** What `findTimeline` is asked: entity names or ids, and a topic of `TOPICS` (or an action name). */
export interface TimelineOptions {
  readonly actor: string
  readonly counterpart: string
  readonly topic?: string | undefined
}

/** A timeline `allTimelines` yields has at least this many statements: one statement is no timeline. */
export const MIN_TIMELINE_STATEMENTS = 2
/** Rows of the entity index read per query while resolving a name. */
const ENTITY_PAGE = 500
/** How many similar names an unknown-name error suggests. */
const SUGGESTIONS = 3

/**
 * The stance timeline of an actor toward a counterpart, from every stored article that mentions
 * both. Names are matched against the entity index (an id exactly, a canonical name in any case,
 * or a name the gazetteer knows for the entity: "Russian Federation", "RU"); an unknown name or
 * topic throws UsageError.
 *
 * @example
 * const t = await findTimeline(store, { actor: 'Russia', counterpart: 'China', topic: 'alliance' })
 * t.statements.map((s) => [s.date, s.speaker?.name, s.position]) // [['2020-10', 'Vladimir Putin', 'open'], …]
 */
export async function findTimeline(store: Store, options: TimelineOptions): Promise<Timeline> {
  const topic = options.topic === undefined || options.topic.trim() === '' ? null : topicNamed(options.topic)
  const actor = await resolveEntity(store, options.actor)
  const counterpart = await resolveEntity(store, options.counterpart)
  if (actor.id === counterpart.id) {
    throw new UsageError(`"${options.actor}" and "${options.counterpart}" are the same entity (${actor.id}); a timeline needs two.`)
  }
  return timelineOf(store, { actor, counterpart, topic })
}

/**
 * `findTimeline` for a query whose entities are known by id (a saved watch): no name is looked
 * up, and an id no stored article names gives an empty timeline.
 *
 * @example
 * await timelineOf(store, { actor: { id: 'country:RU', name: 'Russia' }, counterpart: { id: 'country:CN', name: 'China' }, topic: 'alliance' })
 */
export async function timelineOf(store: Store, query: TimelineQuery): Promise<Timeline> {
  const found: FoundStatement[] = []
  // One article at a time: only its statements are kept, not the article.
  for (const id of await documentsMentioningBoth(store, query.actor.id, query.counterpart.id)) {
    const doc = await store.getDocument(id)
    if (doc !== undefined) found.push(...findStatements(doc, query).map(detached))
  }
  return assembleTimeline(query, found)
}

/**
 * Every timeline of the store with at least {@link MIN_TIMELINE_STATEMENTS} statements, one per
 * (actor, counterpart, topic), actors and counterparts as countries where people speak for them;
 * for export. Reads the documents once, a page at a time, and keeps only their statements.
 *
 * @example
 * for await (const t of allTimelines(store)) console.log(t.actor.name, t.counterpart.name, t.topic, t.statements.length)
 */
export async function* allTimelines(store: Store): AsyncIterable<Timeline> {
  const buckets = new Map<string, { query: TimelineQuery; found: FoundStatement[] }>()
  const names = new Map<EntityId, string>()
  for await (const doc of store.iterateDocuments()) {
    for (const e of doc.layers.entities?.entities ?? []) if (!names.has(e.id)) names.set(e.id, e.name)
    for (const query of stanceQueriesIn(doc)) {
      const found = findStatements(doc, query)
      if (found.length === 0) continue
      const key = `${query.actor.id}|${query.counterpart.id}|${query.topic ?? ''}`
      const bucket = buckets.get(key) ?? { query, found: [] }
      bucket.found.push(...found.map(detached))
      buckets.set(key, bucket)
    }
  }
  const named = (e: { id: EntityId; name: string }): { id: EntityId; name: string } => ({ id: e.id, name: names.get(e.id) ?? e.name })
  for (const key of [...buckets.keys()].sort()) {
    const { query, found } = buckets.get(key)!
    const timeline = assembleTimeline({ ...query, actor: named(query.actor), counterpart: named(query.counterpart) }, found)
    if (timeline.statements.length >= MIN_TIMELINE_STATEMENTS) yield timeline
  }
}

/**
 * An entity of the store by id or name. Throws UsageError naming the unknown name, with similar
 * names when there are some.
 */
export async function resolveEntity(store: Store, name: string): Promise<{ id: EntityId; name: string }> {
  const needle = name.trim()
  if (needle === '') throw new UsageError('An entity name is empty: give a name or an id ("Russia", country:RU); `dossier entities` lists them.')
  const lower = needle.toLowerCase()
  const aliasIds = gazetteerIds(needle)
  const key = nameKey(needle)
  let byName: { id: EntityId; name: string } | undefined
  let byAlias: { id: EntityId; name: string } | undefined
  const similar: string[] = []
  for (let offset = 0; ; offset += ENTITY_PAGE) {
    const page = await store.listEntities({ limit: ENTITY_PAGE, offset })
    for (const e of page) {
      if (e.id.toLowerCase() === lower) return { id: e.id, name: e.name }
      if (byName === undefined && e.name.toLowerCase() === lower) byName = { id: e.id, name: e.name }
      if (byAlias === undefined && (aliasIds.includes(e.id) || e.id.endsWith(`:~${key}`))) byAlias = { id: e.id, name: e.name }
      if (similar.length < SUGGESTIONS && e.name.toLowerCase().includes(lower)) similar.push(e.name)
    }
    if (page.length < ENTITY_PAGE) break
  }
  const found = byName ?? byAlias
  if (found !== undefined) return found
  const hint = similar.length > 0 ? ` Similar: ${similar.join(', ')}.` : ''
  throw new UsageError(`No entity "${needle}" in the store.${hint} \`dossier entities\` lists the entities it knows.`)
}

/** The ids the gazetteer gives a name: "Russian Federation" → country:RU, "Lavrov" → a person. */
function gazetteerIds(name: string): EntityId[] {
  const g = loadGazetteer()
  const country = g.findCountry(name)
  const person = g.findPerson(name)
  const org = g.findOrganization(name)
  return [
    ...(country === undefined ? [] : [`country:${country.alpha2}`]),
    ...(person === undefined ? [] : [`person:${person.id}`]),
    ...(org === undefined ? [] : [`org:${org.id}`]),
  ]
}

async function documentsMentioningBoth(store: Store, a: EntityId, b: EntityId): Promise<DocumentId[]> {
  const withB = new Set((await store.documentsMentioning(b)).map((d) => d.id))
  return (await store.documentsMentioning(a)).map((d) => d.id).filter((id) => withB.has(id))
}

/**
 * A found statement whose strings no longer hold on to the article: a slice of a string can keep
 * the whole source alive, and a corpus of sources must not stay in memory for its timelines.
 */
function detached(f: FoundStatement): FoundStatement {
  const copy = (c: Citation): Citation => ({ ...c, text: Buffer.from(c.text, 'utf8').toString('utf8') })
  const quote = copy(f.statement.quote)
  return { ...f, statement: { ...f.statement, quote }, citation: quote }
}
