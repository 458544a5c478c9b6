import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

let stopwordLists: Readonly<Record<string, readonly string[]>> | undefined
const stopwordSets = new Map<string, ReadonlySet<string>>()

/**
 * The stopwords-iso list of a language, lower case (empty for one it lacks); loaded on first use.
 *
 * @example
 * stopwordsFor('de').has('und') // true
 */
export function stopwordsFor(language: string): ReadonlySet<string> {
  let set = stopwordSets.get(language)
  if (set === undefined) {
    stopwordLists ??= require('stopwords-iso') as Record<string, readonly string[]>
    set = new Set((stopwordLists[language] ?? []).map((w) => w.toLowerCase()))
    stopwordSets.set(language, set)
  }
  return set
}
