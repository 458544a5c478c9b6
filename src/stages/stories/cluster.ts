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
}

/** Combined similarity at or above which an article joins a story. Tuned on the SemEval English pairs (bench:stories). */
export const SAME_STORY_SIMILARITY = 0.3
/** Two events further apart than this are different stories however alike their words ("not ruled out" in 2020, "not being created" in 2023). */
export const MAX_EVENT_GAP_DAYS = 21
/** Weights of the similarity's parts: words, shared actors, a shared direct quote. */
export const SIMILARITY_WEIGHTS = { text: 0.6, entities: 0.25, quote: 0.15 } as const
/** Terms of a story's centroid used to find candidate stories for a new article. */
const INDEX_TERMS = 12
/** Terms kept in a story's centroid: enough to compare, bounded so a long-running story stays cheap. */
const CENTROID_TERMS = 300

export interface Story<K> {
  readonly id: number
  readonly members: K[]
  /** Earliest and latest dates of its members. */
  first: string | null
  last: string | null
}

interface StoryState<K> {
  readonly story: Story<K>
  centroid: Map<string, number>
  readonly entityCounts: Map<string, number>
  readonly quotes: Set<string>
}

/**
 * Groups articles into stories incrementally: each new article is compared only with the stories
 * that share one of its strongest terms, joins the most similar if close enough and near in time,
 * or starts a story of its own. Nothing already clustered is recomputed.
 *
 * @example
 * const clusters = new StoryClusterer<string>()
 * const story = clusters.add({ key: docId, vector, entities, quotes, date: '2025-10-15' })
 */
export class StoryClusterer<K> {
  private readonly states: StoryState<K>[] = []
  private readonly byTerm = new Map<string, number[]>()
  private readonly byQuote = new Map<string, number[]>()

  get stories(): readonly Story<K>[] {
    return this.states.map((s) => s.story)
  }

  add(article: ArticleFeatures<K>): Story<K> {
    let best: StoryState<K> | undefined
    let bestScore = SAME_STORY_SIMILARITY
    for (const id of this.candidates(article)) {
      const state = this.states[id]!
      if (!withinEventGap(article.date, state.story)) continue
      const score = storySimilarity(article, state)
      if (score >= bestScore) {
        best = state
        bestScore = score
      }
    }
    if (best === undefined) return this.open(article)
    this.join(best, article)
    return best.story
  }

  /** Stories sharing one of the article's strongest terms or one of its quotes. */
  private candidates(article: ArticleFeatures<K>): Set<number> {
    const found = new Set<number>()
    for (const term of topTerms(article.vector, INDEX_TERMS)) for (const id of this.byTerm.get(term) ?? []) found.add(id)
    for (const q of article.quotes) for (const id of this.byQuote.get(q) ?? []) found.add(id)
    return found
  }

  private open(article: ArticleFeatures<K>): Story<K> {
    const story: Story<K> = { id: this.states.length, members: [article.key], first: article.date, last: article.date }
    const state: StoryState<K> = { story, centroid: new Map(article.vector), entityCounts: new Map(), quotes: new Set(article.quotes) }
    for (const e of article.entities) state.entityCounts.set(e, 1)
    this.states.push(state)
    this.indexTerms(state)
    this.indexQuotes(state.story.id, article.quotes)
    return story
  }

  private join(state: StoryState<K>, article: ArticleFeatures<K>): void {
    state.story.members.push(article.key)
    for (const [term, w] of article.vector) state.centroid.set(term, (state.centroid.get(term) ?? 0) + w)
    state.centroid = normalise(truncate(state.centroid, CENTROID_TERMS))
    for (const e of article.entities) state.entityCounts.set(e, (state.entityCounts.get(e) ?? 0) + 1)
    for (const q of article.quotes) state.quotes.add(q)
    this.indexQuotes(state.story.id, article.quotes)
    if (article.date !== null) {
      if (state.story.first === null || article.date < state.story.first) state.story.first = article.date
      if (state.story.last === null || article.date > state.story.last) state.story.last = article.date
    }
    this.indexTerms(state)
  }

  private indexQuotes(id: number, quotes: ReadonlySet<string>): void {
    for (const q of quotes) {
      const list = this.byQuote.get(q)
      if (list === undefined) this.byQuote.set(q, [id])
      else if (!list.includes(id)) list.push(id)
    }
  }

  private indexTerms(state: StoryState<K>): void {
    for (const term of topTerms(state.centroid, INDEX_TERMS)) {
      const list = this.byTerm.get(term)
      if (list === undefined) this.byTerm.set(term, [state.story.id])
      else if (!list.includes(state.story.id)) list.push(state.story.id)
    }
  }
}

function storySimilarity<K>(article: ArticleFeatures<K>, state: StoryState<K>): number {
  const text = cosine(article.vector, state.centroid)
  let shared = 0
  for (const e of article.entities) if (state.entityCounts.has(e)) shared++
  const union = article.entities.size + state.entityCounts.size - shared
  const entities = union === 0 ? 0 : shared / union
  let quote = 0
  for (const q of article.quotes) if (state.quotes.has(q)) quote = 1
  return SIMILARITY_WEIGHTS.text * text + SIMILARITY_WEIGHTS.entities * entities + SIMILARITY_WEIGHTS.quote * quote
}

/** An undated article or story fits anywhere; a dated one must fall within the gap of the story's dated span. */
function withinEventGap<K>(date: string | null, story: Story<K>): boolean {
  if (date === null || story.first === null || story.last === null) return true
  return daysBetween(date, story.first) <= MAX_EVENT_GAP_DAYS || daysBetween(date, story.last) <= MAX_EVENT_GAP_DAYS || (date >= story.first && date <= story.last)
}

/**
 * Days between two dates of any precision, comparing the closest days they may stand for
 * ("2025-10" and "2025-10-15" are 0 days apart).
 */
export function daysBetween(a: string, b: string): number {
  const [aStart, aEnd] = dayRange(a)
  const [bStart, bEnd] = dayRange(b)
  if (aEnd < bStart) return (bStart - aEnd) / 86_400_000
  if (bEnd < aStart) return (aStart - bEnd) / 86_400_000
  return 0
}

function dayRange(date: string): [number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined]
  if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)]
  if (d === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 0)]
  const t = Date.UTC(y, m - 1, d)
  return [t, t]
}

function topTerms(vector: TermVector, n: number): string[] {
  return [...vector].sort((x, y) => y[1] - x[1]).slice(0, n).map(([t]) => t)
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
