import nlp from 'compromise/two'

type LexiconEntry = string | readonly string[]

// compromise's lexicon: 24k English words with their part-of-speech and name tags, the knowledge
// its tagger starts from. We read it as data; running the tagger itself costs ~30 ms per 5 KB article.
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, LexiconEntry> } }).one.lexicon
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
  const entry = LEXICON[word.toLowerCase()]
  if (entry === undefined) return NONE
  return typeof entry === 'string' ? [entry] : entry
}

/** True when the lexicon tags the word with `tag`. */
export function hasLexicalTag(word: string, tag: string): boolean {
  const entry = LEXICON[word.toLowerCase()]
  if (entry === undefined) return false
  return typeof entry === 'string' ? entry === tag : entry.includes(tag)
}
