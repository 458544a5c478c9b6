import type { StoryId } from '../document/index.js'
import type { Store } from '../store/index.js'
import { matchingStories } from './match.js'
import { watchStoreOf } from './open.js'
import { DocumentCache, stanceSignals, storySignals, type Signal } from './signals.js'
import type { WatchStore } from './store.js'
import type { Alert, AlertDraft, Watch } from './types.js'

export interface EvaluateOptions {
  /** Default: the watches kept in `store` (`watchStoreOf`). */
  readonly watches?: WatchStore
  /** The clock alerts are stamped with; default the system clock. */
  readonly now?: () => Date
}

export interface EvaluationReport {
  /** Stories read: those named changed and those written since the last evaluation. */
  readonly stories: number
  readonly watches: number
  /** Alerts fired now, in order. */
  readonly alerts: readonly Alert[]
}

/**
 * Fires the alerts of every watch over the stories that changed: those named in `changed` and
 * every story written since the last evaluation (so an evaluation a killed process never ran is
 * caught up by the next one). Each alert is stored once, keyed by its watch and what it is about,
 * with its webhook delivery, in one transaction with the evaluation's cursor: run it twice, or
 * after a crash, and nothing fires twice or is lost. Call it after anything that writes stories
 * (`analyze` and each `watch` cycle do).
 *
 * @example
 * const { alerts } = await evaluateWatches(store, report.changedStories)
 * for (const a of alerts) console.log(a.kind, a.title)
 */
export async function evaluateWatches(store: Store, changed: Iterable<StoryId> = [], options: EvaluateOptions = {}): Promise<EvaluationReport> {
  const watchStore = options.watches ?? watchStoreOf(store)
  const now = options.now ?? (() => new Date())
  const written = await watchStore.storiesWrittenSince(await watchStore.cursor())
  const cursor = written.at(-1)?.updatedAt ?? null
  const storyIds = new Set<StoryId>([...changed, ...written.map((s) => s.id)])
  const watches = await watchStore.listWatches()
  const drafts: AlertDraft[] = []
  if (storyIds.size > 0) {
    const docs = new DocumentCache(store)
    for (const watch of watches) drafts.push(...(await evaluateWatch(store, watchStore, watch, storyIds, docs)))
  }
  const alerts = await watchStore.recordAlerts(drafts, cursor, now())
  return { stories: storyIds.size, watches: watches.length, alerts }
}

/** One watch over the changed stories: the drafts of what it has not seen yet. */
async function evaluateWatch(store: Store, watchStore: WatchStore, watch: Watch, storyIds: ReadonlySet<StoryId>, docs: DocumentCache): Promise<AlertDraft[]> {
  const matching = await matchingStories(store, watch)
  const hits = [...storyIds].filter((id) => matching.has(id))
  if (hits.length === 0) return []
  const signals = await watchSignals(store, watch, hits, docs)
  return draftUnseen(watchStore, watch, signals)
}

/**
 * Every signal of a watch over these stories (with its stance shifts, for a pair). The baseline of
 * a new watch is the same signals over every story it matches.
 */
export async function watchSignals(store: Store, watch: Watch, stories: Iterable<StoryId>, docs: DocumentCache = new DocumentCache(store)): Promise<Signal[]> {
  const signals: Signal[] = []
  for (const id of stories) {
    const story = await store.getStory(id)
    if (story === undefined) continue
    signals.push(...storySignals(watch, story, await store.getStoryCheck(id), docs))
  }
  if (watch.target.kind === 'pair') signals.push(...(await stanceSignals(store, watch)))
  return signals
}

async function draftUnseen(watchStore: WatchStore, watch: Watch, signals: readonly Signal[]): Promise<AlertDraft[]> {
  const unseen = await watchStore.unseenKeys(watch.id, [...new Set(signals.map((s) => s.key))])
  const drafts: AlertDraft[] = []
  for (const signal of signals) {
    if (!unseen.delete(signal.key)) continue
    drafts.push(await signal.draft())
  }
  return drafts
}
