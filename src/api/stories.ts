import type { Document, DocumentId, Story, StoryId } from '../document/index.js'
import { checkStory } from '../stages/analysis/check.js'
import { storyWindow, type ClusterState } from '../stages/stories/cluster.js'
import { composeStory, type StoryMember } from '../stages/stories/compose.js'
import { featuresOf, missingLayers, readArticle, type ArticleText } from '../stages/stories/features.js'
import { estimateJaccard, minhashSignature } from '../stages/stories/minhash.js'
import { NEAR_DUPLICATE_JACCARD, NearDuplicateIndex, bandKeys } from '../stages/stories/near-duplicates.js'
import { DocumentFrequencies } from '../stages/stories/similarity.js'
import { THREAD_LEAD_ACTORS, linkThreads, type ThreadNode } from '../stages/stories/threads.js'
import type { SignatureWrite, Store, StoryUpdate, StoryWrite, WriterOptions } from '../store/index.js'
import { asWriter } from './ingest.js'
import { StoryWorkspace, readMember, type CachedMember, type WorkspaceLimits } from './story-workspace.js'

/** Documents placed per step: each step is one atomic write, and memory holds one page of documents. */
export const STORY_PAGE_SIZE = 200

/** What happened to one document. */
export type StoryEvent =
  | { readonly kind: 'placed'; readonly document: DocumentId; readonly story: StoryId; readonly opened: boolean; readonly duplicateOf: DocumentId | null }
  | { readonly kind: 'skipped'; readonly document: DocumentId; readonly input: string; readonly reason: string }

export interface StoriesReport {
  /** Documents placed in a story this run (copies included). */
  readonly placed: number
  /** Of those, near-copies of an earlier article. */
  readonly duplicates: number
  /** Stories opened this run. */
  readonly opened: number
  /** Stories opened or joined this run (each written with a fresh check). */
  readonly changed: number
  /** Threads written (new or grown) this run. */
  readonly threads: number
  /** Documents left out, each with why (not annotated, or unreadable); they are tried again next run. */
  readonly skipped: ReadonlyArray<{ readonly document: DocumentId; readonly input: string; readonly reason: string }>
}

export interface UpdateStoriesOptions {
  readonly onEvent?: (event: StoryEvent) => void
  /** Documents per step; default `STORY_PAGE_SIZE`. */
  readonly pageSize?: number
  /**
   * Placed documents whose layers were replaced since (`analyze --reanalyze` passes them): their
   * stories get title, dates, actors and check anew from every member's current layers, and are
   * written only when that changed something. Membership and clustering state are kept: a story
   * is not re-clustered.
   */
  readonly recompose?: Iterable<DocumentId>
  /** How the run waits for another writer of the store (see `Store.acquireWriter`). */
  readonly writer?: WriterOptions
  /** What the run keeps in memory across pages at most (stories, read members); see `WORKSPACE_MAX_STORIES`. */
  readonly memory?: WorkspaceLimits
}

/**
 * Places every stored, annotated document that is in no story yet, in storage order, a page at a
 * time: a near-copy joins its original's story; any other article joins the most similar story
 * near its date or opens one. Changed stories get their title, dates, actors and cross-check
 * anew, and threads are re-linked around them. Each page is written in one transaction, so a run
 * stopped midway resumes where it stopped; a second run on the same store changes nothing.
 *
 * It holds the store's writer lease throughout: what it reads (the unplaced documents, stories'
 * states, term frequencies) is what it writes over. Two runs side by side read the same unplaced
 * documents and placed them twice (wrong article counts, counters and frequencies, never repaired).
 *
 * @example
 * const report = await updateStories(store, { onEvent: (e) => e.kind === 'skipped' && console.warn(e.reason) })
 * console.log(`${report.placed} placed, ${report.opened} new stories`)
 */
export async function updateStories(store: Store, options: UpdateStoriesOptions = {}): Promise<StoriesReport> {
  return asWriter(store, options.writer, () => placeStories(store, options))
}

/** `updateStories` for a caller that holds the writer lease (`analyze`). */
export async function placeStories(store: Store, options: UpdateStoriesOptions = {}): Promise<StoriesReport> {
  const tally: Tally = { placed: 0, duplicates: 0, opened: 0, changed: 0, threads: 0, skipped: [], written: new Set() }
  const pageSize = options.pageSize ?? STORY_PAGE_SIZE
  // One workspace for the whole run: what a page reads or writes stays in memory for the next.
  const workspace = new StoryWorkspace(store, options.memory)
  let page: Document[] = []
  const flush = async (): Promise<void> => {
    if (page.length > 0) await placePage(store, workspace, page, tally, options.onEvent)
    page = []
  }
  for await (const doc of store.iterateUnplacedDocuments({ pageSize })) {
    page.push(doc)
    if (page.length >= pageSize) await flush()
  }
  await flush()
  if (options.recompose !== undefined) await recomposeStories(store, workspace, options.recompose, pageSize, tally)
  const { written: _written, ...report } = tally
  return report
}

type Tally = {
  placed: number; duplicates: number; opened: number; changed: number; threads: number; skipped: StoriesReport['skipped'][number][]
  /** Stories written this run: recomposing them again would find nothing new. */
  readonly written: Set<StoryId>
}

interface Placed {
  readonly doc: Document
  readonly article: ArticleText
  readonly signature: Uint32Array
  duplicateOf: { id: DocumentId; similarity: number } | null
  story: StoryId | null
  opened: boolean
  /** The article as a story member, once composing read it. */
  member?: CachedMember
}

async function placePage(store: Store, workspace: StoryWorkspace, docs: readonly Document[], tally: Tally, onEvent: UpdateStoriesOptions['onEvent']): Promise<void> {
  const readable = readPage(docs, tally, onEvent)
  await findCopies(store, readable)
  const termFrequencies = await clusterPage(workspace, readable)
  const copyStories = new Set<StoryId>()
  const byId = new Map(readable.map((p) => [p.doc.id, p]))
  for (const p of readable) {
    if (p.duplicateOf === null) continue
    p.story = byId.get(p.duplicateOf.id)?.story ?? (await store.storyOf(p.duplicateOf.id)) ?? null
    if (p.story !== null) copyStories.add(p.story)
  }
  const placed = readable.filter((p) => p.story !== null)
  const writes = await composeChanged(workspace, placed, copyStories)
  const threads = await relinkThreads(workspace, writes)
  const signatures: SignatureWrite[] = placed.map((p) => ({ document: p.doc.id, signature: p.signature, bands: bandKeys(p.signature) }))
  const update: StoryUpdate = { stories: writes, threads: threads.threads, removedThreads: threads.removed, termFrequencies, signatures }
  try {
    await store.applyStoryUpdate(update)
  } catch (error) {
    // Nothing of the page was stored, but the clusterer took its articles in: forget it all.
    workspace.empty()
    throw error
  }
  workspace.applied(update)
  for (const p of placed) {
    workspace.keepMember(p.doc.id, p.member ?? readMember(p.doc, p.article))
    tally.placed++
    if (p.duplicateOf !== null) tally.duplicates++
    if (p.opened) tally.opened++
    onEvent?.({ kind: 'placed', document: p.doc.id, story: p.story!, opened: p.opened, duplicateOf: p.duplicateOf?.id ?? null })
  }
  tally.changed += writes.length
  tally.threads += threads.threads.length
  for (const w of writes) tally.written.add(w.story.id)
}

/** The stories of re-annotated documents, composed anew a step at a time; each step written in one transaction. */
async function recomposeStories(store: Store, workspace: StoryWorkspace, documents: Iterable<DocumentId>, step: number, tally: Tally): Promise<void> {
  const ids = new Set<StoryId>()
  for (const doc of documents) {
    const story = await store.storyOf(doc)
    if (story !== undefined && !tally.written.has(story)) ids.add(story)
  }
  // The members' layers were replaced this run: what the workspace read of them before is stale.
  workspace.empty()
  const all = [...ids]
  for (let i = 0; i < all.length; i += step) {
    const states = await workspace.states(all.slice(i, i + step))
    const writes = await composeStories(workspace, new Map(states.map((s) => [s.id, s])), [], { unchangedLeftOut: true, store })
    if (writes.length === 0) continue
    const threads = await relinkThreads(workspace, writes)
    const update: StoryUpdate = { stories: writes, threads: threads.threads, removedThreads: threads.removed, termFrequencies: { documents: 0, terms: new Map() }, signatures: [] }
    await store.applyStoryUpdate(update)
    workspace.applied(update)
    tally.changed += writes.length
    tally.threads += threads.threads.length
    for (const w of writes) tally.written.add(w.story.id)
  }
}

/** The page's documents that can be placed, read; the others are reported as skipped. */
function readPage(docs: readonly Document[], tally: Tally, onEvent: UpdateStoriesOptions['onEvent']): Placed[] {
  const out: Placed[] = []
  for (const doc of docs) {
    const skip = (reason: string): void => {
      tally.skipped.push({ document: doc.id, input: doc.origin.input, reason })
      onEvent?.({ kind: 'skipped', document: doc.id, input: doc.origin.input, reason })
    }
    const missing = missingLayers(doc)
    if (missing.length > 0) {
      skip(`${doc.origin.input}: not placed in a story: it lacks the ${missing.join(', ')} layer${missing.length > 1 ? 's' : ''}; run analyze on it first.`)
      continue
    }
    try {
      const article = readArticle(doc)
      out.push({ doc, article, signature: minhashSignature(article.text), duplicateOf: null, story: null, opened: false })
    } catch (error) {
      skip(`${doc.origin.input}: not placed in a story: its layers cannot be read (${error instanceof Error ? error.message : String(error)}).`)
    }
  }
  return out
}

/** Marks each near-copy of a stored or earlier article of the page with its original (LSH candidates, then the estimate). */
async function findCopies(store: Store, page: readonly Placed[]): Promise<void> {
  const index = new NearDuplicateIndex<DocumentId>()
  for (const p of page) {
    const inPage = index.add(p.doc.id, p.signature)[0]
    let best = inPage === undefined ? null : { id: inPage.key, similarity: inPage.similarity }
    for (const c of await store.signatureCandidates(bandKeys(p.signature))) {
      if (c.document === p.doc.id) continue
      const similarity = estimateJaccard(p.signature, c.signature)
      if (similarity >= NEAR_DUPLICATE_JACCARD && (best === null || similarity > best.similarity)) best = { id: c.document, similarity }
    }
    p.duplicateOf = best
  }
}

/**
 * Clusters the page's originals among the stories their dates (or, undated, their actors) can
 * reach, in the run's long-lived clusterer; returns the page's term document frequencies to store.
 */
async function clusterPage(workspace: StoryWorkspace, page: Placed[]): Promise<{ documents: number; terms: Map<string, number> }> {
  const originals = page.filter((p) => p.duplicateOf === null)
  const terms = new Map<string, number>()
  for (const p of originals) for (const t of p.article.counts.keys()) terms.set(t, (terms.get(t) ?? 0) + 1)
  const stored = await workspace.documentFrequencies(terms.keys())
  const df = new DocumentFrequencies(stored.documents, stored.terms)
  for (const p of originals) df.add(p.article.counts)

  const dates = new Set(originals.map((p) => p.article.date).filter((d): d is string => d !== null))
  const undatedActors = new Set(originals.filter((p) => p.article.date === null).flatMap((p) => [...p.article.entities]))
  const canJoin = await workspace.prepare(dates, undatedActors)
  for (const p of originals) {
    const placement = workspace.clusterer.add(featuresOf(p.doc.id, p.article, df), canJoin)
    p.story = placement.story
    p.opened = placement.opened
  }
  return { documents: originals.length, terms }
}

/** Every story the page opened or joined, composed from all its members, with its check and state. */
async function composeChanged(workspace: StoryWorkspace, placed: readonly Placed[], copyStories: ReadonlySet<StoryId>): Promise<StoryWrite[]> {
  const states = new Map(workspace.clusterer.takeChanged().map((s) => [s.id, s]))
  const missing = [...copyStories].filter((id) => !states.has(id))
  for (const s of await workspace.states(missing)) states.set(s.id, s)
  return composeStories(workspace, states, placed)
}

/**
 * Each story of `states` composed from its stored members and the page's newly placed ones, with
 * its check. With `unchangedLeftOut`, a story whose composition and check came out as stored is
 * not written (its updatedAt stays).
 */
async function composeStories(
  workspace: StoryWorkspace, states: ReadonlyMap<StoryId, ClusterState>, placed: readonly Placed[], options: { unchangedLeftOut?: boolean; store?: Store } = {},
): Promise<StoryWrite[]> {
  const now = new Date().toISOString()
  const writes: StoryWrite[] = []
  for (const [id, state] of states) {
    const before = await workspace.story(id)
    const members: StoryMember[] = []
    const stored = before?.articles ?? []
    const read = await workspace.membersOf(stored.map((a) => a.id))
    stored.forEach((a, i) => {
      const member = read[i]
      if (member !== undefined) members.push({ ...member, duplicateOf: a.duplicateOf })
    })
    for (const p of placed) if (p.story === id) members.push({ ...(p.member ??= readMember(p.doc, p.article)), duplicateOf: p.duplicateOf })
    const story: Story = { ...composeStory(id, members, state.centroid, now), thread: before?.thread ?? null }
    const check = checkStory(id, members.map((m) => ({ doc: m.doc, duplicateOf: m.duplicateOf?.id ?? null })))
    if (options.unchangedLeftOut && options.store && before !== undefined && sameStory(before, story) && sameJson(await options.store.getStoryCheck(id), check)) continue
    writes.push({
      story,
      check,
      state: {
        id,
        first: state.first,
        last: state.last,
        centroid: [...state.centroid],
        entities: [...state.entityCounts],
        quotes: [...state.quotes],
        size: state.size,
        ...(state.reported === undefined ? {} : { reported: state.reported }),
        ...(state.languages === undefined ? {} : { languages: [...state.languages].sort() }),
      },
      window: story.first === null || story.last === null ? null : storyWindow(story.first, story.last),
    })
  }
  return writes
}

/** The same story but for when it was written. */
function sameStory(a: Story, b: Story): boolean {
  const { updatedAt: _a, thread: _ta, ...restA } = a
  const { updatedAt: _b, thread: _tb, ...restB } = b
  return sameJson(restA, restB)
}

// Both sides are plain data with their keys in the order composing writes them (the stored one
// was serialised from such a value), so equal JSON is equal content.
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Re-links threads around the changed stories: the stories naming their leading actors, and their threads' stories. */
async function relinkThreads(workspace: StoryWorkspace, writes: readonly StoryWrite[]): Promise<ReturnType<typeof linkThreads>> {
  if (writes.length === 0) return { threads: [], removed: [] }
  const nodes = new Map<StoryId, ThreadNode>()
  const add = (n: ThreadNode): void => {
    if (!nodes.has(n.id)) nodes.set(n.id, n)
  }
  for (const { story, state } of writes) {
    nodes.set(story.id, { id: story.id, title: story.title, eventDate: story.eventDate, thread: story.thread, actors: story.actors, centroid: new Map(state.centroid) })
  }
  // Only stories naming a changed story's whole leading pair can link to it (`linked`): loading
  // every story that shares any actor read most of the store once an actor like Russia is everywhere.
  const leads = new Map<string, string[]>()
  for (const { story } of writes) {
    const lead = story.actors.slice(0, THREAD_LEAD_ACTORS).map((a) => a.id).sort()
    if (lead.length === THREAD_LEAD_ACTORS) leads.set(lead.join('\n'), lead)
  }
  for (const pair of leads.values()) for (const n of await workspace.storiesNaming(pair)) add(n)
  const threadIds = new Set([...nodes.values()].map((n) => n.thread).filter((t): t is string => t !== null))
  for (const id of threadIds) {
    const thread = await workspace.thread(id)
    const ids = (thread?.stories ?? []).map((s) => s.id).filter((s) => !nodes.has(s))
    if (ids.length > 0) for (const n of await workspace.nodes(ids)) add(n)
  }
  return linkThreads([...nodes.values()], new Set(writes.map((w) => w.story.id)))
}

/**
 * Places the given documents as one step of `placeStories` (one page, one transaction), in the
 * order given: for a caller that chooses the pages itself. The distributed placer (queue/placer.ts)
 * passes each run's documents in input order, in pages of `STORY_PAGE_SIZE`, so its stories equal
 * those of a single-process `analyze` of the same inputs. The caller holds the placement lease, and
 * passes one `workspace` for the pages it places while it holds it (a fresh one when it took the
 * lease again: another placer may have written meanwhile). Without one, a fresh workspace.
 */
export async function placeDocuments(
  store: Store, docs: readonly Document[], options: { readonly workspace?: StoryWorkspace; readonly onEvent?: UpdateStoriesOptions['onEvent'] } = {},
): Promise<StoriesReport> {
  const tally: Tally = { placed: 0, duplicates: 0, opened: 0, changed: 0, threads: 0, skipped: [], written: new Set() }
  if (docs.length > 0) await placePage(store, options.workspace ?? new StoryWorkspace(store), docs, tally, options.onEvent)
  const { written: _written, ...report } = tally
  return report
}
