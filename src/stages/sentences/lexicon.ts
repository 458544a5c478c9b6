import { createRequire } from 'node:module'
import type nlpType from 'compromise/two'

type LexiconEntry = string | readonly string[]

// compromise's lexicon: 24k English words with their part-of-speech and name tags, the knowledge
// its tagger starts from. We read it as data; running the tagger itself costs ~30 ms per 5 KB article.
// Loaded on the first lookup, not on import: compromise takes ~600 ms to load, and a caller that
// only reads, stores or serves never looks a word up (`import 'dossier/reader'` stays fast).
let lexicon: Record<string, LexiconEntry> | undefined
function loadLexicon(): Record<string, LexiconEntry> {
  if (lexicon === undefined) {
    // require() of an ES module (Node 20.19 and later), so lookups stay synchronous.
    const nlp = createRequire(import.meta.url)('compromise/two') as typeof nlpType | { default: typeof nlpType }
    const model = ('default' in nlp ? nlp.default : nlp).model() as { one: { lexicon: Record<string, LexiconEntry> } }
    lexicon = model.one.lexicon
  }
  return lexicon
}
const NONE: readonly string[] = []

/**
 * The tags compromise's lexicon gives a word (lower-cased lookup): 'PastTense', 'Pronoun',
 * 'MaleName', 'Country', 'Determiner', 'Actor' (role nouns: minister, president) and so on.
 * Empty when the word is not in the lexicon.
 *
 * @example
 * lexicalTags('Stressed') // ['PastTense']
 * lexicalTags('Lavrov')   // []
 */
export function lexicalTags(word: string): readonly string[] {
  const entry = loadLexicon()[word.toLowerCase()]
  if (entry === undefined) return NONE
  return typeof entry === 'string' ? [entry] : entry
}

/** True when the lexicon tags the word with `tag`. */
export function hasLexicalTag(word: string, tag: string): boolean {
  const entry = loadLexicon()[word.toLowerCase()]
  if (entry === undefined) return false
  return typeof entry === 'string' ? entry === tag : entry.includes(tag)
}
