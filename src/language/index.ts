import { de } from './de.js'
import { en } from './en.js'
import { es } from './es.js'
import { fr } from './fr.js'
import { it } from './it.js'
import type { LanguageCode, Lexicon } from './lexicon.js'
import { pl } from './pl.js'
import { ru } from './ru.js'
import { zh } from './zh.js'

export type { FigureWords, LanguageCode, Lexicon, WeekdayShift } from './lexicon.js'

/** Every language Dossier reads beyond clean text and metadata, by code. */
export const LEXICONS: ReadonlyMap<LanguageCode, Lexicon> = new Map([en, de, fr, es, it, ru, pl, zh].map((l) => [l.code, l]))

/** The languages with a lexicon, in the order above. */
export const SUPPORTED_LANGUAGES: readonly LanguageCode[] = [...LEXICONS.keys()]

/**
 * The lexicon of a language tag's primary subtag (`de-AT` → German), or undefined when Dossier has
 * none for it.
 *
 * @example
 * lexiconFor('de-AT')?.name // 'German'
 * lexiconFor('tr') // undefined
 */
export function lexiconFor(tag: string | undefined): Lexicon | undefined {
  if (tag === undefined) return undefined
  return LEXICONS.get(tag.toLowerCase().split(/[-_]/)[0] as LanguageCode)
}
