import { cosine, type TermVector } from './similarity.js'

/** What story clustering knows of one article. */
export interface ArticleFeatures<K> {
  readonly key: K
  /** Unit TF-IDF vector of the clean text. */
  readonly vector: TermVector
  /** Ids of the actors it names (people, governments, organisations). */
  readonly entities: ReadonlySet<string>
  /** Fingerprints of its direct quotes, so two outlets carrying one quote meet. */
  readonly quotes: ReadonlySet<string>
  /** When the reported event happened (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), else when it was published; null if neither is known. */
  readonly date: string | null
  /** The reported event's own date (times layer), when the article gives one; `date` falls back to publication, this does not. */
  readonly reported?: string | null
  /** Its language (ISO 639-1), when known: a story in other languages is then judged by `CROSS_LANGUAGE_SIMILARITY`. */
  readonly language?: string | null
}

/**
 * Combined similarity at or above which an article joins a story: the threshold with the best F1
 * on the SemEval English training pairs (bench:stories: 0.175 with the similarity before issue 14,
 * F1 0.577 on the test pairs against 0.441 at 0.3; 0.183 with actors as terms, F1 0.612, and 0.608
 * at 0.175, kept so that stories placed before stay comparable). The pairs carry no dates, so the
 * engine's date gates (event gap, reported-event tolerance) only remove joins the bench counts:
 * the tuned value is, if anything, cautious.
 */
export const SAME_STORY_SIMILARITY = 0.175
/**
 * The threshold for an article joining a story none of whose members is in its language. Words
 * then meet only where names and figures are written alike, so the similarity runs lower. On the
 * SemEval cross-language training pairs (de–en, es–en, pl–en, zh–en, es–it, de–fr and the rest,
 * 383 pairs) the best F1 was 0.54 at 0.078, with precision 0.47; at 0.1 F1 is 0.53 with precision
 * 0.60, no lower than the same-language decision's, so 0.1. On the testing pairs (355) 0.1 gives
 * precision 0.56, recall 0.59, F1 0.57, against F1 0.34 (recall 0.22) at the same-language
 * threshold. The date gates still apply; on real coverage they carry much of the precision.
 */
export const CROSS_LANGUAGE_SIMILARITY = 0.1
/**
 * Actor terms an article also looks stories up by, rarest first: a report in another language
 * shares few of its strongest words with a story, but it names the same people and bodies.
 */
const QUERY_ACTORS = 5
/** Actor terms a story is also indexed under, strongest first. */
const INDEX_ACTORS = 10
/** Two events further apart than this are different stories however alike their words ("not ruled out" in 2020, "not being created" in 2023). */
export const MAX_EVENT_GAP_DAYS = 21
/**
 * Two articles that each report the date of their event are about different events when those
 * dates lie further apart than this, however alike their words and actors: a report of an arrest
 * warrant on Friday that looks ahead to a state visit on Monday, and a report of the visit that
 * looks back at the warrant, share most of their words and every actor. Reports of one event
 * disagree by a day (time zones, overnight news); a story's reported span grows as its
 * follow-ups join, so a three-day visit still chains day by day.
 */
export const REPORTED_EVENT_TOLERANCE_DAYS = 2
/**
 * Weights of the similarity's parts: words (with the actors named, as terms of the same vector:
 * `withIdTerms`), the share of the article's actors the story names, and a shared direct
 * quote. Until issue 14 actors counted only as that share, at 0.25 with words at 0.6: two reports
 * naming "the US and China" overlapped fully however unrelated they were. As terms, an actor
 * weighs by its rarity as words do; the small share left keeps a short report of a known event
 * with its story. Measured on the SemEval pairs of every language (`bench:stories -- --languages`),
 * Pearson r rose on 14 of 16 language pairs of the testing split.
 */
export const SIMILARITY_WEIGHTS = { text: 0.75, entities: 0.1, quote: 0.15 } as const
/**
 * Added to the smaller actor set when measuring actor overlap: a short wire report naming six
 * actors, all in a long feature naming fifteen, overlaps 6/7; two articles sharing only "the US
 * and China" overlap 2/3, not fully.
 */
export const ACTOR_OVERLAP_SMOOTHING = 1
/**
 * A story is indexed under its centroid's strongest terms, and an article looks up its own
 * strongest: two reports of one event in different words share a few of their top terms, rarely
 * the very first ones, so the story side indexes more.
 */
const QUERY_TERMS = 20
const INDEX_TERMS = 40
/** Terms kept in a story's centroid: enough to compare, bounded so a long-running story stays cheap. */
export const CENTROID_TERMS = 300

/** A story's clustering state: restorable from the store, so clustering resumes where it stopped. */
export interface ClusterState {
  readonly id: string
  first: string | null
  last: string | null
  centroid: Map<string, number>
  readonly entityCounts: Map<string, number>
  readonly quotes: Set<string>
  /** Articles clustered into it. */
  size: number
  /** Earliest and latest date its members report for their event (not publication dates); null when none reports one. */
  reported?: { first: string; last: string } | null
  /** The languages its members are written in (absent in states stored before issue 14: treated as any language). */
  languages?: Set<string>
}

/** Where an article went: the story's id and whether the article opened it. */
export interface Placement {
  readonly story: string
  readonly opened: boolean
}

/**
 * Groups articles into stories incrementally: each new article is compared only with the stories
 * that share one of its strongest terms or quotes, joins the most similar if close enough and near
 * in time, or opens a story of its own. Stories from an earlier run come back with `restore`;
 * nothing already clustered is recomputed.
 *
 * @example
 * const clusters = new StoryClusterer<string>((founder) => `st-${founder.slice(0, 12)}`)
 * for (const state of storedStates) clusters.restore(state)
 * clusters.add({ key: docId, vector, entities, quotes, date: '2025-10-15' }) // { story: 'st-…', opened: false }
 */
export class StoryClusterer<K> {
  private readonly states: ClusterState[] = []
  private readonly index = new Map<string, number>()
  /** Stories by term and month (`term@YYYY-MM`, `term@*` when undated): a dated article looks only at the months its event gap reaches. */
  private readonly byTermMonth = new Map<string, number[]>()
  /** Stories by term alone, for undated articles, which may join any story. */
  private readonly byTerm = new Map<string, number[]>()
  private readonly byQuote = new Map<string, number[]>()
  private readonly touched = new Set<number>()

  constructor(private readonly idFor: (founder: K) => string) {}

  /** Every story this clusterer holds, restored or new. */
  get stories(): readonly ClusterState[] {
    return this.states
  }

  /** The stories opened or joined since this clusterer was made. */
  changed(): ClusterState[] {
    return [...this.touched].map((i) => this.states[i]!)
  }

  /** The stories opened or joined since the last call (or since it was made): one step's changes when a clusterer lives across steps. */
  takeChanged(): ClusterState[] {
    const changed = this.changed()
    this.touched.clear()
    return changed
  }

  has(id: string): boolean {
    return this.index.has(id)
  }

  /** A story's state as it stands (joined articles included), or undefined when not held. */
  state(id: string): ClusterState | undefined {
    const i = this.index.get(id)
    return i === undefined ? undefined : this.states[i]
  }

  /** Brings back a stored story (ignored when it is already here). */
  restore(state: ClusterState): void {
    if (this.index.has(state.id)) return
    this.push(state)
  }

  /**
   * Places an article: it joins the most similar story it may join, or opens one. `canJoin`
   * narrows the stories it may join (a long-lived clusterer holds more than one step may see).
   */
  add(article: ArticleFeatures<K>, canJoin?: (state: ClusterState) => boolean): Placement {
    let best: number | undefined
    let bestScore = 0
    for (const i of this.candidates(article)) {
      const state = this.states[i]!
      if (canJoin !== undefined && !canJoin(state)) continue
      if (!withinEventGap(article.date, state) || !sameReportedEvent(article.reported ?? null, state.reported ?? null)) continue
      const score = storySimilarity(article, state)
      if (score >= joinThreshold(article.language ?? null, state) && (best === undefined || score >= bestScore)) {
        best = i
        bestScore = score
      }
    }
    if (best === undefined) return { story: this.open(article), opened: true }
    this.join(best, article)
    return { story: this.states[best]!.id, opened: false }
  }

  /** Stories sharing one of the article's strongest terms (in the months its date can reach) or one of its quotes. */
  private candidates(article: ArticleFeatures<K>): Set<number> {
    const found = new Set<number>()
    const terms = new Set(topTerms(article.vector, QUERY_TERMS))
    for (const actor of strongestOf(article.entities, article.vector, QUERY_ACTORS)) terms.add(actor)
    if (article.date === null) {
      for (const term of terms) for (const i of this.byTerm.get(term) ?? []) found.add(i)
    } else {
      const window = joinWindow(article.date, article.date)
      const months = [...monthsBetween(window.from, window.to), UNDATED]
      for (const term of terms) for (const m of months) for (const i of this.byTermMonth.get(`${term}@${m}`) ?? []) found.add(i)
    }
    for (const q of article.quotes) for (const i of this.byQuote.get(q) ?? []) found.add(i)
    return found
  }

  private open(article: ArticleFeatures<K>): string {
    const state: ClusterState = {
      id: this.idFor(article.key),
      first: article.date,
      last: article.date,
      centroid: new Map(article.vector),
      entityCounts: new Map([...article.entities].map((e) => [e, 1])),
      quotes: new Set(article.quotes),
      size: 1,
      reported: article.reported == null ? null : { first: article.reported, last: article.reported },
      languages: new Set(article.language == null ? [] : [article.language]),
    }
    this.touched.add(this.push(state))
    return state.id
  }

  private push(state: ClusterState): number {
    const i = this.states.length
    this.states.push(state)
    this.index.set(state.id, i)
    this.indexTerms(i)
    this.indexQuotes(i, state.quotes)
    return i
  }

  private join(i: number, article: ArticleFeatures<K>): void {
    const state = this.states[i]!
    this.touched.add(i)
    // The centroid is a running mean: earlier members keep their share however long the story runs.
    const centroid = new Map<string, number>()
    for (const [term, w] of state.centroid) centroid.set(term, w * state.size)
    for (const [term, w] of article.vector) centroid.set(term, (centroid.get(term) ?? 0) + w)
    state.centroid = normalise(truncate(centroid, CENTROID_TERMS))
    state.size++
    for (const e of article.entities) state.entityCounts.set(e, (state.entityCounts.get(e) ?? 0) + 1)
    for (const q of article.quotes) state.quotes.add(q)
    this.indexQuotes(i, article.quotes)
    if (article.date !== null) {
      if (state.first === null || article.date < state.first) state.first = article.date
      if (state.last === null || article.date > state.last) state.last = article.date
    }
    if (article.reported != null) state.reported = widen(state.reported ?? null, article.reported)
    if (article.language != null && state.languages !== undefined) state.languages.add(article.language)
    this.indexTerms(i)
  }

  private indexQuotes(i: number, quotes: ReadonlySet<string>): void {
    for (const q of quotes) addToList(this.byQuote, q, i)
  }

  private indexTerms(i: number): void {
    const state = this.states[i]!
    const months = state.first === null || state.last === null ? [UNDATED] : monthsBetween(state.first, state.last)
    const terms = new Set(topTerms(state.centroid, INDEX_TERMS))
    for (const actor of strongestOf(state.entityCounts.keys(), state.centroid, INDEX_ACTORS)) terms.add(actor)
    for (const term of terms) {
      addToList(this.byTerm, term, i)
      for (const m of months) addToList(this.byTermMonth, `${term}@${m}`, i)
    }
  }
}

function addToList(index: Map<string, number[]>, key: string, i: number): void {
  const list = index.get(key)
  if (list === undefined) index.set(key, [i])
  // Lists grow in story order, and a story re-indexes itself after it was last added: checking the tail is enough.
  else if (list[list.length - 1] !== i && !list.includes(i)) list.push(i)
}

/**
 * The combined similarity of an article and a story: words and actors (cosine with the centroid),
 * shared actors (overlap with the smaller set), and a shared direct quote.
 */
export function storySimilarity<K>(article: ArticleFeatures<K>, state: Pick<ClusterState, 'centroid' | 'entityCounts' | 'quotes'>): number {
  const text = cosine(article.vector, state.centroid)
  // Overlap with the smaller set, not Jaccard: a long article naming many actors is not less of a
  // report of the event than a short one naming its core actors.
  let shared = 0
  for (const e of article.entities) if (state.entityCounts.has(e)) shared++
  const entities = shared / (Math.min(article.entities.size, state.entityCounts.size) + ACTOR_OVERLAP_SMOOTHING)
  let quote = 0
  for (const q of article.quotes) if (state.quotes.has(q)) quote = 1
  return SIMILARITY_WEIGHTS.text * text + SIMILARITY_WEIGHTS.entities * entities + SIMILARITY_WEIGHTS.quote * quote
}

/**
 * The similarity an article needs to join a story: the same-language threshold, or the lower
 * cross-language one when the article's language is known and none of the story's members is in
 * it (a story whose languages are not known, stored before they were kept, counts as the same).
 */
export function joinThreshold(language: string | null, state: Pick<ClusterState, 'languages'>): number {
  const languages = state.languages
  if (language === null || languages === undefined || languages.size === 0 || languages.has(language)) return SAME_STORY_SIMILARITY
  return CROSS_LANGUAGE_SIMILARITY
}

/** An undated article or story fits anywhere; a dated one must fall within the gap of the story's dated span. */
function withinEventGap(date: string | null, story: Pick<ClusterState, 'first' | 'last'>): boolean {
  if (date === null || story.first === null || story.last === null) return true
  return daysBetween(date, story.first) <= MAX_EVENT_GAP_DAYS || daysBetween(date, story.last) <= MAX_EVENT_GAP_DAYS || (date >= story.first && date <= story.last)
}

/** An article reporting its event's date joins only a story whose members' reported dates lie within the tolerance of it. */
function sameReportedEvent(reported: string | null, span: { first: string; last: string } | null): boolean {
  if (reported === null || span === null) return true
  if (reported >= span.first && reported <= span.last) return true
  return Math.min(daysBetween(reported, span.first), daysBetween(reported, span.last)) <= REPORTED_EVENT_TOLERANCE_DAYS
}

/** A date span grown to take in `date` (a fresh span when there was none). */
export function widen(span: { first: string; last: string } | null, date: string): { first: string; last: string } {
  if (span === null) return { first: date, last: date }
  return { first: date < span.first ? date : span.first, last: date > span.last ? date : span.last }
}

const DAY_MS = 86_400_000

/**
 * Days between two dates of any precision, comparing the closest days they may stand for
 * ("2025-10" and "2025-10-15" are 0 days apart).
 */
export function daysBetween(a: string, b: string): number {
  const [aStart, aEnd] = dayRange(a)
  const [bStart, bEnd] = dayRange(b)
  if (aEnd < bStart) return (bStart - aEnd) / DAY_MS
  if (bEnd < aStart) return (aStart - bEnd) / DAY_MS
  return 0
}

/** The first and last UTC day (as ms) a date of any precision may stand for. */
function dayRange(date: string): [number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined]
  if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)]
  if (d === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 0)]
  const t = Date.UTC(y, m - 1, d)
  return [t, t]
}

/**
 * The days (`YYYY-MM-DD`) an article dated `from`…`to` may join a story over: its dates widened by
 * the event gap on both sides.
 *
 * @example
 * joinWindow('2025-10-15', '2025-10-15') // { from: '2025-09-24', to: '2025-11-05' }
 */
export function joinWindow(from: string, to: string): { from: string; to: string } {
  const gap = MAX_EVENT_GAP_DAYS * DAY_MS
  return { from: isoDay(dayRange(from)[0] - gap), to: isoDay(dayRange(to)[1] + gap) }
}

/**
 * Overlapping day windows merged into one: a page of one week's news asks the store for a few
 * windows, not one per date, each returning (and parsing) mostly the same stories.
 *
 * @example
 * mergeWindows([{ from: '2024-03-10', to: '2024-03-20' }, { from: '2024-03-01', to: '2024-03-12' }]) // [{ from: '2024-03-01', to: '2024-03-20' }]
 */
export function mergeWindows(windows: ReadonlyArray<{ from: string; to: string }>): Array<{ from: string; to: string }> {
  const merged: Array<{ from: string; to: string }> = []
  for (const w of [...windows].sort((a, b) => a.from.localeCompare(b.from))) {
    const last = merged[merged.length - 1]
    if (last !== undefined && w.from <= last.to) last.to = w.to > last.to ? w.to : last.to
    else merged.push({ ...w })
  }
  return merged
}

/** The days a story's dates `first`…`last` stand for, as `YYYY-MM-DD`. */
export function storyWindow(first: string, last: string): { from: string; to: string } {
  return { from: isoDay(dayRange(first)[0]), to: isoDay(dayRange(last)[1]) }
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The month key of an undated story. */
const UNDATED = '*'

/** Every month (`YYYY-MM`) from the first day `from` may stand for to the last day `to` may. */
function monthsBetween(from: string, to: string): string[] {
  const start = new Date(dayRange(from)[0])
  const end = new Date(dayRange(to)[1])
  const months: string[] = []
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); y < end.getUTCFullYear() || (y === end.getUTCFullYear() && m <= end.getUTCMonth()); m === 11 ? (y++, m = 0) : m++) {
    months.push(`${y}-${String(m + 1).padStart(2, '0')}`)
  }
  return months
}

/** The `n` heaviest terms of a vector. */
export function topTerms(vector: TermVector, n: number): string[] {
  return [...vector].sort((x, y) => y[1] - x[1]).slice(0, n).map(([t]) => t)
}

/** The `n` of `ids` that weigh most in `vector` (ids it lacks left out): an article's or story's strongest actor terms. */
function strongestOf(ids: Iterable<string>, vector: TermVector, n: number): string[] {
  return [...ids].filter((id) => vector.has(id)).sort((x, y) => vector.get(y)! - vector.get(x)!).slice(0, n)
}

function truncate(v: Map<string, number>, n: number): Map<string, number> {
  return v.size <= n ? v : new Map([...v].sort((x, y) => y[1] - x[1]).slice(0, n))
}

function normalise(v: Map<string, number>): Map<string, number> {
  let norm = 0
  for (const w of v.values()) norm += w * w
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm)
  return v
}
