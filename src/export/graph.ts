import { MultiDirectedGraph } from 'graphology'
import type { ActorEvent, Document, EntityId, EntityType, EventRole, StoryId } from '../document/index.js'
import { outletOf } from '../document/index.js'
import { UsageError } from '../errors.js'
import type { Store } from '../store/index.js'

/** An actor of the graph: an entity that does something to another, with how much the articles mention it. */
export interface ActorNode {
  readonly name: string
  /** Null for an entity an event names that its article's entity list lacks. */
  readonly type: EntityType | null
  /** Mentions across the articles read, and articles that mention it. */
  mentions: number
  documents: number
}

/** Who did what to whom: every event of one action and polarity from one actor to one other. */
export interface RelationEdge {
  readonly action: ActorEvent['action']
  /** `negative` when the text negates the action ("will not ally"). */
  readonly polarity: ActorEvent['polarity']
  /** `target`: the action is done to or with the other; `against`: directed against it ("allied with B against C"). */
  readonly role: 'target' | 'against'
  /** Events found, across articles. */
  events: number
  /** Earliest and latest date of the events (the event's date, else its article's event date, else publication date). */
  first: string | null
  last: string | null
  /** The articles that report it (document ids), and their outlets. */
  readonly articles: string[]
  readonly sources: string[]
}

export type ActorGraph = MultiDirectedGraph<ActorNode, RelationEdge>

export interface ActorGraphOptions {
  /** Only the articles of this story. */
  readonly story?: StoryId
}

/**
 * The actor graph of the stored articles: a node per entity that acts on another or is acted on,
 * an edge per actor, other, action, polarity and role, citing every article that reports it. The
 * same graph the web app draws per story, for the whole store (or one story) at once.
 *
 * @example
 * const graph = await buildActorGraph(store)
 * graph.forEachEdge((_, e, from, to) => console.log(from, e.action, to, e.articles))
 */
export async function buildActorGraph(store: Store, options: ActorGraphOptions = {}): Promise<ActorGraph> {
  const graph: ActorGraph = new MultiDirectedGraph({ allowSelfLoops: false })
  const mentions = new Map<EntityId, ActorNode>()
  for await (const doc of documentsOf(store, options)) {
    countMentions(doc, mentions)
    for (const event of doc.layers.events?.events ?? []) {
      addRelation(graph, mentions, doc, event, event.target, 'target')
      addRelation(graph, mentions, doc, event, event.against, 'against')
    }
  }
  // Mentions counted after a node was added (in later articles) are in the counts, not yet on the node.
  graph.forEachNode((id) => {
    const counted = mentions.get(id)
    if (counted) graph.replaceNodeAttributes(id, { ...counted })
  })
  return graph
}

async function* documentsOf(store: Store, options: ActorGraphOptions): AsyncGenerator<Document> {
  if (options.story === undefined) {
    yield* store.iterateDocuments()
    return
  }
  const story = await store.getStory(options.story)
  if (!story) throw new UsageError(`No story "${options.story}" in the store; \`dossier stories\` lists them.`)
  for (const article of story.articles) {
    const doc = await store.getDocument(article.id)
    if (doc) yield doc
  }
}

function countMentions(doc: Document, counts: Map<EntityId, ActorNode>): void {
  const layer = doc.layers.entities
  if (!layer) return
  const inDoc = new Map<EntityId, number>()
  for (const m of layer.mentions) inDoc.set(m.entity, (inDoc.get(m.entity) ?? 0) + 1)
  const seen = new Set<EntityId>()
  for (const e of layer.entities) {
    // A layer listing an entity twice counts it once.
    if (seen.has(e.id)) continue
    seen.add(e.id)
    const found = counts.get(e.id)
    if (found === undefined) counts.set(e.id, { name: e.name, type: e.type, mentions: inDoc.get(e.id) ?? 0, documents: 1 })
    else {
      found.mentions += inDoc.get(e.id) ?? 0
      found.documents += 1
    }
  }
}

function addRelation(graph: ActorGraph, nodes: Map<EntityId, ActorNode>, doc: Document, event: ActorEvent, other: EventRole | null, role: RelationEdge['role']): void {
  const from = event.actor?.entity
  const to = other?.entity
  if (from == null || to == null || from === to) return
  for (const id of [from, to]) if (!graph.hasNode(id)) graph.addNode(id, { name: nodes.get(id)?.name ?? id, type: nodes.get(id)?.type ?? null, mentions: 0, documents: 0 })
  const key = `${from}|${event.action}|${event.polarity}|${role}|${to}`
  const date = event.date?.value ?? doc.layers.times?.eventDate?.value ?? doc.layers.metadata?.published?.value.date ?? null
  if (!graph.hasEdge(key)) {
    graph.addDirectedEdgeWithKey(key, from, to, { action: event.action, polarity: event.polarity, role, events: 0, first: null, last: null, articles: [], sources: [] })
  }
  const edge = graph.getEdgeAttributes(key)
  edge.events += 1
  if (date !== null) {
    if (edge.first === null || date < edge.first) edge.first = date
    if (edge.last === null || date > edge.last) edge.last = date
  }
  if (!edge.articles.includes(doc.id)) edge.articles.push(doc.id)
  const source = outletOf(doc)
  if (!edge.sources.includes(source)) edge.sources.push(source)
}
