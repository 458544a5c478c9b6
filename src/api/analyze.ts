import { languageOf, type Document, type DocumentId, type StoryId } from '../document/index.js'
import { LANGUAGE_NOT_READ, allStageNames } from '../pipeline/process.js'
import { readInputs, type IngestResult } from '../stages/ingest/index.js'
import { asWriter, storeResults, type IngestOptions, type IngestReport } from './ingest.js'
import { placeStories, type StoriesReport } from './stories.js'
import { evaluateWatches } from '../watches/evaluate.js'
import { keepsWatches } from '../watches/open.js'
import type { Alert } from '../watches/types.js'

export interface AnalyzeOptions extends IngestOptions {
  /**
   * Run every stage again on documents already analysed (after an engine upgrade); default: only
   * what they lack. Their stories are then composed anew (title, dates, actors, check) but not
   * re-clustered; a run stopped before that catches up when run again.
   */
  readonly reanalyze?: boolean
}

/** Annotations over every document of the inputs, stored now or before. */
export interface AnnotationCounts {
  readonly documents: number
  readonly quotes: number
  readonly claims: number
  /** Distinct entities across the documents. */
  readonly entities: number
  readonly events: number
  readonly times: number
  /** Documents in a language some stages do not read, by language: how many, and which stages' layers they left empty. */
  readonly notRead: ReadonlyArray<{ readonly language: string; readonly documents: number; readonly stages: readonly string[] }>
}

export interface AnalyzeReport extends IngestReport {
  /** Stored documents that were annotated (layers added or replaced) rather than read anew. */
  readonly documentsAnnotated: number
  readonly counts: AnnotationCounts
  /** Stories placement over every stored document not yet in a story (this run's and earlier ones'). */
  readonly stories: StoriesReport
  /** Alerts the saved watches fired on the stories this run changed (`evaluateWatches`). */
  readonly alerts: readonly Alert[]
}

/**
 * Reads inputs like `ingest`, then runs every stage (sentences, times, entities, quotes, claims,
 * events …), stores the documents with their annotations, and places them in stories
 * (`updateStories`), then fires the alerts of saved watches on the stories it changed
 * (`evaluateWatches`), holding the store's writer lease throughout. Inputs stored before are not read
 * again: their documents get the layers they lack (every layer again with `reanalyze`).
 *
 * @example
 * const store = await openStore({ path: 'dossier.db' })
 * const report = await analyze(['articles/'], { store })
 * console.log(report.counts.quotes, report.rejected)
 */
export async function analyze(inputs: readonly string[], options: AnalyzeOptions): Promise<AnalyzeReport> {
  return asWriter(options.store, options.writer, () => analyzeAsWriter(readInputs(inputs, options), options))
}

/**
 * `analyze` on inputs already read (`readBytes` results), as they come: `dossier watch` fetches
 * each article itself and hands it here, so a watched page is read, annotated and placed in
 * stories exactly as an analysed file is. Holds the writer lease throughout.
 *
 * @example
 * const report = await analyzeRead(pages(), { store })   // pages(): AsyncIterable<IngestResult>
 */
export async function analyzeRead(results: AsyncIterable<IngestResult>, options: AnalyzeOptions): Promise<AnalyzeReport> {
  return asWriter(options.store, options.writer, () => analyzeAsWriter(results, options))
}

async function analyzeAsWriter(results: AsyncIterable<IngestResult>, options: AnalyzeOptions): Promise<AnalyzeReport> {
  const tally = { documents: 0, quotes: 0, claims: 0, events: 0, times: 0 }
  const entities = new Set<string>()
  const notRead = new Map<string, { documents: number; stages: Set<string> }>()
  // With reanalyze every stored document seen was annotated anew: its story must follow its layers.
  const reannotated = new Set<DocumentId>()
  const observe = (doc: Document): void => {
    const { layers } = doc
    if (options.reanalyze) reannotated.add(doc.id)
    tally.documents++
    tally.quotes += layers.quotes?.quotes.length ?? 0
    tally.claims += layers.claims?.claims.length ?? 0
    tally.events += layers.events?.events.length ?? 0
    tally.times += layers.times?.times.length ?? 0
    for (const e of layers.entities?.entities ?? []) entities.add(e.id)
    const skipped = doc.messages.filter((m) => m.code === LANGUAGE_NOT_READ && m.stage !== undefined)
    const language = languageOf(doc)
    if (skipped.length > 0 && language !== undefined) {
      const entry = notRead.get(language) ?? { documents: 0, stages: new Set<string>() }
      entry.documents++
      for (const m of skipped) entry.stages.add(m.stage!)
      notRead.set(language, entry)
    }
  }
  const report = await storeResults(results, options, {
    stages: allStageNames(),
    complete: options.reanalyze ? 'all' : 'missing',
    observe,
  })
  const changed = new Set<StoryId>()
  const onEvent = (event: { kind: string; story?: StoryId }): void => {
    if (event.story !== undefined) changed.add(event.story)
  }
  const stories = await placeStories(options.store, options.reanalyze ? { recompose: reannotated, onEvent } : { onEvent })
  // Still under the writer lease: the stories read are those just written.
  const alerts = keepsWatches(options.store) ? (await evaluateWatches(options.store, changed)).alerts : []
  const skipped = [...notRead].map(([language, { documents, stages }]) => ({ language, documents, stages: [...stages] })).sort((a, b) => b.documents - a.documents)
  return { ...report, counts: { ...tally, entities: entities.size, notRead: skipped }, stories, alerts }
}
