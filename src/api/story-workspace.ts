import type { Document, DocumentId, EntityId, Story, StoryId, Thread, ThreadId } from '../document/index.js'
import { assessSourceQuality } from '../stages/analysis/quality.js'
import { readArticle, type ArticleText } from '../stages/stories/features.js'
import { StoryClusterer, joinWindow, mergeWindows, storyWindow, widen, type ClusterState } from '../stages/stories/cluster.js'
import type { StoryMember } from '../stages/stories/compose.js'
import type { ThreadNode } from '../stages/stories/threads.js'
import type { Store, StoredStoryState, StoryUpdate } from '../store/index.js'

/**
 * Stories a workspace holds before it empties itself and refills from the store as pages need:
 * a story is a centroid of up to 300 terms with its actor counts, quotes and index entries (an
 * estimate of 25 KB, not measured), so what the workspace holds stays bounded however long the run.
 * A run over time-ordered news uses only the last weeks' stories, so emptying costs one reload of those.
 */
export const WORKSPACE_MAX_STORIES = 12_000
/** Story members (documents with their layers, read) kept for composing stories that grow again on a later page. */
export const WORKSPACE_MAX_MEMBERS = 3_000

type Window = { readonly from: string; readonly to: string }

/** How much a workspace holds before it lets go (see `WORKSPACE_MAX_STORIES`, `WORKSPACE_MAX_MEMBERS`). */
export interface WorkspaceLimits {
  readonly maxStories?: number
  readonly maxMembers?: number
}

/** What the workspace knows of a stored story besides its clustering state: what the store's `stories` row holds. */
interface Held {
  title: string
  eventDate: string | null
  thread: ThreadId | null
  actors: Story['actors']
  /** The stored date window (null: undated). */
  window: Window | null
}

/** A member of a story as composing reads it, without its copy mark (which the story's article list holds). */
export type CachedMember = Omit<StoryMember, 'duplicateOf'>

/** A document as a story member: its read article and whether its headline misstates its body. */
export function readMember(doc: Document, article: ArticleText): CachedMember {
  return { doc, article, headlineMismatch: assessSourceQuality(doc).some((n) => n.kind === 'headline-mismatch') }
}

/**
 * The story step's working state for one run, kept in memory across its pages so that no page
 * re-reads or re-parses what an earlier page read or wrote (issue 11): the stories' clustering
 * states in one long-lived `StoryClusterer` with its term and quote index, which date ranges and
 * actors have been loaded, document frequencies, composed stories, their members' read documents,
 * threads, and which stories name each pair of leading actors. The store stays the truth: the
 * workspace reads from it only what a page can reach and it has not read yet, and every write of
 * the run is applied to both (`applied`). It is correct only while its run holds the writer lease.
 *
 * Each page still sees exactly the stories it would have seen reading the store afresh (`prepare`
 * returns that set as a predicate), so placement gives the same stories as page-by-page reading.
 *
 * @example
 * const ws = new StoryWorkspace(store)
 * const canJoin = await ws.prepare(dates, undatedActors)
 * ws.clusterer.add(features, canJoin)
 */
export class StoryWorkspace {
  clusterer = newClusterer()
  private readonly maxStories: number
  private readonly maxMembers: number
  private held = new Map<StoryId, Held>()
  /** Merged day ranges whose every stored story is held. */
  private covered: Window[] = []
  private undatedHeld = false
  private actorsHeld = new Set<EntityId>()
  private frequencies = new Map<string, number>()
  private documents: number | undefined
  private stories = new Map<StoryId, Story>()
  private members = new Map<DocumentId, CachedMember>()
  private threads = new Map<ThreadId, Thread | undefined>()
  /** Stored stories naming both actors of a pair (`a\nb`, sorted), for the pairs asked so far. */
  private pairs = new Map<string, Set<StoryId>>()

  constructor(private readonly store: Store, limits: WorkspaceLimits = {}) {
    this.maxStories = limits.maxStories ?? WORKSPACE_MAX_STORIES
    this.maxMembers = limits.maxMembers ?? WORKSPACE_MAX_MEMBERS
  }

  /**
   * Loads what a page of articles can join and returns which stories it may join: those whose
   * window meets the join windows of the page's dates, undated ones, and (for its undated articles)
   * those listing one of their actors, as a fresh read of the store would give; plus any opened on
   * this page.
   */
  async prepare(dates: ReadonlySet<string>, undatedActors: ReadonlySet<EntityId>): Promise<(state: ClusterState) => boolean> {
    const windows = mergeWindows([...dates].map((d) => joinWindow(d, d)))
    for (const window of windows) {
      for (const gap of uncovered(this.covered, window)) await this.hold(await this.store.loadStoryStates({ window: gap }))
      this.covered = mergeWindows([...this.covered, window])
    }
    // The window read brings the undated stories too; without a dated article they come alone, once.
    if (windows.length > 0) this.undatedHeld = true
    if (!this.undatedHeld) {
      await this.hold(await this.store.loadStoryStates({ window: { from: '9999-12-31', to: '0000-01-01' } }))
      this.undatedHeld = true
    }
    const actors = [...undatedActors].filter((a) => !this.actorsHeld.has(a))
    if (actors.length > 0) {
      await this.hold(await this.store.loadStoryStates({ actors }))
      for (const a of actors) this.actorsHeld.add(a)
    }
    return (state) => {
      const held = this.held.get(state.id)
      if (held === undefined || held.window === null) return true
      if (windows.some((w) => held.window!.to >= w.from && held.window!.from <= w.to)) return true
      return undatedActors.size > 0 && held.actors.some((a) => undatedActors.has(a.id))
    }
  }

  /** The clustering states of stored stories by id (from memory, else read and held). */
  async states(ids: readonly StoryId[]): Promise<ClusterState[]> {
    const missing = ids.filter((id) => !this.clusterer.has(id))
    if (missing.length > 0) await this.hold(await this.store.loadStoryStates({ ids: missing }))
    return ids.map((id) => this.clusterer.state(id)).filter((s): s is ClusterState => s !== undefined)
  }

  /** Document frequencies of the terms with the number of documents counted, as stored before this page. */
  async documentFrequencies(asked: Iterable<string>): Promise<{ documents: number; terms: Map<string, number> }> {
    const terms = [...asked]
    const missing = terms.filter((t) => !this.frequencies.has(t))
    if (missing.length > 0 || this.documents === undefined) {
      const stored = await this.store.documentFrequencies(missing)
      for (const t of missing) this.frequencies.set(t, stored.terms.get(t) ?? 0)
      this.documents ??= stored.documents
    }
    const found = new Map<string, number>()
    for (const t of terms) {
      const n = this.frequencies.get(t)!
      if (n > 0) found.set(t, n)
    }
    return { documents: this.documents!, terms: found }
  }

  /** A stored story as composed, with its thread. */
  async story(id: StoryId): Promise<Story | undefined> {
    const cached = this.stories.get(id)
    const held = this.held.get(id)
    if (cached !== undefined && held !== undefined) return { ...cached, thread: held.thread }
    const story = await this.store.getStory(id)
    if (story !== undefined && held !== undefined) this.stories.set(id, story)
    return story
  }

  /** A stored story member, read (text, actors, quotes, dates, quality) once per run while it is used; undefined when the document is gone. */
  async member(id: DocumentId): Promise<CachedMember | undefined> {
    const member = this.members.get(id)
    if (member !== undefined) {
      // Most recently used last: the map's order is the eviction order.
      this.members.delete(id)
      this.members.set(id, member)
      return member
    }
    const doc = await this.store.getDocument(id)
    if (doc === undefined) return undefined
    const read = readMember(doc, readArticle(doc))
    this.keepMember(id, read)
    return read
  }

  /**
   * Stored story members by id, in order (undefined where a document is gone): those not held are
   * read in one call (`getDocuments`), so a story of twenty articles is one read on a shared store.
   */
  async membersOf(ids: readonly DocumentId[]): Promise<Array<CachedMember | undefined>> {
    const missing = new Set(ids.filter((id) => !this.members.has(id)))
    const read = new Map<DocumentId, CachedMember>()
    if (missing.size > 0) {
      for (const doc of await this.store.getDocuments([...missing])) {
        const member = readMember(doc, readArticle(doc))
        read.set(doc.id, member)
        this.keepMember(doc.id, member)
      }
    }
    const out: Array<CachedMember | undefined> = []
    for (const id of ids) out.push(read.get(id) ?? (missing.has(id) ? undefined : await this.member(id)))
    return out
  }

  keepMember(id: DocumentId, member: CachedMember): void {
    this.members.delete(id)
    this.members.set(id, member)
    if (this.members.size > this.maxMembers) this.members.delete(this.members.keys().next().value!)
  }

  async thread(id: ThreadId): Promise<Thread | undefined> {
    if (!this.threads.has(id)) this.threads.set(id, await this.store.getThread(id))
    return this.threads.get(id)
  }

  /** Thread-linking nodes of the stored stories naming both actors of `pair`. */
  async storiesNaming(pair: readonly EntityId[]): Promise<ThreadNode[]> {
    const key = pairKey(pair[0]!, pair[1]!)
    let ids = this.pairs.get(key)
    if (ids === undefined) {
      const states = await this.store.loadStoryStates({ allActors: pair })
      await this.hold(states)
      ids = new Set(states.map((s) => s.id))
      this.pairs.set(key, ids)
    }
    return this.nodes([...ids])
  }

  /** Thread-linking nodes of stored stories by id. */
  async nodes(ids: readonly StoryId[]): Promise<ThreadNode[]> {
    await this.states(ids)
    return ids.flatMap((id) => {
      const held = this.held.get(id)
      const state = this.clusterer.state(id)
      return held === undefined || state === undefined
        ? []
        : [{ id, title: held.title, eventDate: held.eventDate, thread: held.thread, actors: held.actors, centroid: state.centroid }]
    })
  }

  /**
   * Takes in an update the store has just written, in the order the store applies it: stories
   * (their thread unchanged), removed threads (their stories' thread cleared), then threads (their
   * stories' thread set). Past its story limit the workspace empties itself.
   */
  applied(update: StoryUpdate): void {
    for (const { story, state, window } of update.stories) {
      const before = this.held.get(story.id)
      const thread = before?.thread ?? null
      this.held.set(story.id, { title: story.title, eventDate: story.eventDate, thread, actors: story.actors, window })
      this.stories.set(story.id, { ...story, thread })
      if (!this.clusterer.has(story.id)) this.clusterer.restore(toClusterState({ ...state }))
      this.repair(story.id, before?.actors ?? [], story.actors)
    }
    for (const id of update.removedThreads) {
      this.threads.set(id, undefined)
      for (const held of this.held.values()) if (held.thread === id) held.thread = null
    }
    for (const thread of update.threads) {
      this.threads.set(thread.id, thread)
      for (const s of thread.stories) {
        const held = this.held.get(s.id)
        if (held !== undefined) held.thread = thread.id
      }
    }
    const { documents, terms } = update.termFrequencies
    if (this.documents !== undefined) this.documents += documents
    for (const [t, n] of terms) if (this.frequencies.has(t)) this.frequencies.set(t, this.frequencies.get(t)! + n)
    if (this.held.size > this.maxStories) this.empty()
  }

  /** Forgets everything: what a later page needs is read again from the store. */
  empty(): void {
    this.clusterer = newClusterer()
    this.held = new Map()
    this.covered = []
    this.undatedHeld = false
    this.actorsHeld = new Set()
    this.frequencies = new Map()
    this.documents = undefined
    this.stories = new Map()
    this.members = new Map()
    this.threads = new Map()
    this.pairs = new Map()
  }

  /** Keeps stored states: clustering state into the clusterer (unless held: memory is newer), the row's fields beside it. */
  private async hold(states: readonly StoredStoryState[]): Promise<void> {
    for (const s of states) {
      if (this.held.has(s.id)) continue
      this.held.set(s.id, { title: s.title, eventDate: s.eventDate, thread: s.thread, actors: s.actors, window: windowOf(s) })
      this.clusterer.restore(s.reported === undefined ? await this.withReported(s) : toClusterState(s))
    }
  }

  /** A state stored before stories kept the span of their members' reported dates, with that span from its members. */
  private async withReported(s: StoredStoryState): Promise<ClusterState> {
    let reported: ClusterState['reported'] = null
    for (const a of (await this.story(s.id))?.articles ?? []) if (a.duplicateOf === null && a.eventDate !== null) reported = widen(reported, a.eventDate)
    return { ...toClusterState(s), reported }
  }

  /** Keeps the asked pairs' story sets current after a story's actors changed. */
  private repair(id: StoryId, before: Story['actors'], after: Story['actors']): void {
    if (this.pairs.size === 0) return
    const now = new Set(after.map((a) => a.id))
    const all = [...new Set([...before.map((a) => a.id), ...now])]
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const ids = this.pairs.get(pairKey(all[i]!, all[j]!))
        if (ids === undefined) continue
        if (now.has(all[i]!) && now.has(all[j]!)) ids.add(id)
        else ids.delete(id)
      }
    }
  }
}

function newClusterer(): StoryClusterer<DocumentId> {
  return new StoryClusterer<DocumentId>((founder) => `st-${founder.slice(0, 12)}`)
}

function pairKey(a: EntityId, b: EntityId): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`
}

/** The window a stored state's row has; from its clustered dates when the store does not say (the row's may differ by its copies' dates). */
function windowOf(s: StoredStoryState): Window | null {
  if (s.window !== undefined) return s.window
  return s.first === null || s.last === null ? null : storyWindow(s.first, s.last)
}

/** A stored story's clustering state in the clusterer's form (its own maps and sets). */
export function toClusterState(s: Pick<StoredStoryState, 'id' | 'first' | 'last' | 'centroid' | 'entities' | 'quotes' | 'size' | 'reported' | 'languages'>): ClusterState {
  const reported = s.reported === undefined ? {} : { reported: s.reported === null ? null : { ...s.reported } }
  const languages = s.languages === undefined ? {} : { languages: new Set(s.languages) }
  return { id: s.id, first: s.first, last: s.last, centroid: new Map(s.centroid), entityCounts: new Map(s.entities), quotes: new Set(s.quotes), size: s.size, ...reported, ...languages }
}

/** The parts of `window` no range of `covered` (merged, sorted) takes in. */
function uncovered(covered: readonly Window[], window: Window): Window[] {
  const gaps: Window[] = []
  let from = window.from
  for (const c of covered) {
    if (c.to < from) continue
    if (c.from > window.to) break
    if (c.from > from) gaps.push({ from, to: dayBefore(c.from) })
    from = c.to >= window.to ? '9999-12-31' : dayAfter(c.to)
    if (from > window.to) break
  }
  if (from <= window.to) gaps.push({ from, to: window.to })
  return gaps
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}
