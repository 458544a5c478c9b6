import { languageName, languageOf, type Document, type DocumentMessage, type LayerName } from '../document/index.js'
import { MissingLayerError } from '../errors.js'
import { LANGUAGE_NOT_READ } from './names.js'
import type { Stage, StageConfig } from './stage.js'

/**
 * Checks a stage list once: every requirement is produced by the extractor or an earlier stage.
 * Throws before the first document, not in the middle of a batch.
 */
export function checkStageOrder(stages: readonly Stage[], initial: readonly LayerName[]): void {
  const have = new Set<LayerName>(initial)
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (!have.has(layer)) throw new MissingLayerError(stage.name, layer)
    }
    for (const layer of stage.produces) have.add(layer)
  }
}


/**
 * Runs stages over one document, returning a new document with their layers added. A stage that
 * does not read the document's language gives its empty layers and a message saying so.
 */
export function runStages(doc: Document, stages: readonly Stage[], config: StageConfig = {}): Document {
  let current = doc
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (current.layers[layer] === undefined) throw new MissingLayerError(stage.name, layer)
    }
    const skipped = notRead(current, stage)
    if (skipped !== undefined) {
      current = { ...current, layers: { ...current.layers, ...stage.languages!.otherwise }, messages: [...current.messages, skipped] }
      continue
    }
    const produced = stage.run(current, config)
    current = { ...current, layers: { ...current.layers, ...produced } }
  }
  return current
}

/** The message for a stage the document's language keeps from running; undefined when the stage reads it. */
function notRead(doc: Document, stage: Stage): DocumentMessage | undefined {
  const language = languageOf(doc)
  if (stage.languages === undefined || language === undefined) return undefined
  const { codes, what } = stage.languages
  if ((codes as readonly string[]).includes(language)) return undefined
  const names = codes.map((c) => languageName(c))
  return {
    severity: 'info',
    code: LANGUAGE_NOT_READ,
    input: doc.origin.input,
    stage: stage.name,
    message: `${what} not read: the document is in ${languageName(language)} (${language}), and Dossier reads ${what} in ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} only; the ${stage.produces.join(', ')} layer is empty`,
  }
}
