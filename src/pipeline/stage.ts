import type { Document, LayerName, Layers } from '../document/index.js'
import type { LanguageCode } from '../language/index.js'

/**
 * A stage reads a document and returns the layers it produces. No I/O, no clock, no globals:
 * the same document and config give the same layers.
 *
 * @example
 * export const metadata: Stage = {
 *   name: 'metadata', requires: ['clean', 'page'], produces: ['metadata'],
 *   run: (doc) => ({ metadata: readMetadata(doc) }),
 * }
 */
export interface Stage<C = StageConfig> {
  readonly name: string
  readonly requires: readonly LayerName[]
  readonly produces: readonly LayerName[]
  /**
   * The languages the stage reads (ISO 639-1), and its layers as a document in any other language
   * gets them: empty, with a `LANGUAGE_NOT_READ` message saying so. Absent: every language. A
   * document whose language is unknown is read (by the English rules).
   */
  readonly languages?: { readonly codes: readonly LanguageCode[]; readonly otherwise: Partial<Layers>; readonly what: string }
  run(doc: Document, config: Readonly<C>): Partial<Layers>
}

/** Configuration every stage may read; frozen before the first document. */
export interface StageConfig {
  /** Reference "now" for relative expressions when a document gives no date of its own (ISO date). */
  readonly referenceDate?: string
}
