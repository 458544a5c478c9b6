import { lexicalTags } from '../sentences/index.js'
import { FINITE_SPEECH_VERBS } from '../quotes/cues.js'
import type { Word } from './words.js'

/*
 * Word classes the entity rules read, as data. compromise's lexicon gives part-of-speech tags for
 * common words; these lists cover what it lacks (most adverbs, many verb forms).
 */

/** Finite verbs and auxiliaries the lexicon tags poorly or not at all. */
const FINITE_VERBS: ReadonlySet<string> = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'does', 'do', 'did', 'will', 'would', 'can', 'could', 'cannot',
  'should', 'may', 'might', 'must', 'shall', 'wants', 'wanted', 'knows', 'sees', 'seeks', 'plans', 'hopes', 'say',
])

/** Words that may stand between an actor and its verb ("Moscow will never…", "the Kremlin no doubt recalls"). */
const VERB_PREFIXES: ReadonlySet<string> = new Set([
  'never', 'not', 'also', 'no', 'doubt', 'still', 'now', 'already', 'again', 'itself', 'too', 'then', 'often',
  'always', 'thus', 'however', 'reportedly', 'previously', 'officially', 'repeatedly', 'once', 'long',
])

const VERB_TAGS: ReadonlySet<string> = new Set(['PastTense', 'PresentTense', 'Modal', 'Copula', 'Verb', 'Auxiliary', 'Gerund'])

/** Prepositions of place: "in Moscow", "a meeting in Beijing" name the city, not its government. */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'at', 'to', 'from', 'near', 'outside', 'inside', 'across', 'around', 'throughout', 'within', 'via', 'into',
  'visit', 'visited', 'visiting', 'arrived', 'traveled', 'travelled',
])

/** Prepositions before a party, not a place: "pressure on Moscow", "talks with Beijing". */
export const PARTY_PREPOSITIONS: ReadonlySet<string> = new Set([
  'on', 'against', 'with', 'between', 'toward', 'towards', 'for', 'by', 'than', 'over', 'urged', 'joined', 'join',
  'pressure', 'pressured', 'sanction', 'sanctioned', 'criticize', 'criticized', 'criticise', 'criticised',
])

/** Word classes that never begin a name, even capitalised at the start of a sentence. */
const FUNCTION_TAGS: ReadonlySet<string> = new Set([
  'Determiner', 'Pronoun', 'Conjunction', 'Preposition', 'QuestionWord', 'Possessive', 'Modal', 'Copula', 'Negative',
  'Expression', 'Adverb',
])

/** Lexicon tags of names: a capitalised word with one of these is a name even at a sentence's start. */
const NAME_TAGS: ReadonlySet<string> = new Set([
  'MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person', 'Place', 'City', 'Country', 'Region', 'ProperNoun',
  'Organization', 'Honorific',
])

export function isFunctionWord(key: string): boolean {
  return lexicalTags(key).some((t) => FUNCTION_TAGS.has(t))
}

/** The lexicon knows the word, and only as an ordinary word (no name tag). */
export function isCommonWord(key: string): boolean {
  const tags = lexicalTags(key)
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t))
}

export function hasNameTag(key: string, wanted: readonly string[]): boolean {
  return lexicalTags(key).some((t) => wanted.includes(t))
}

/** A lower-case word that reads as a finite verb: "signed", "will", "holds", "says". */
export function isVerb(w: Word): boolean {
  if (w.capitalized) return false
  if (FINITE_VERBS.has(w.key) || FINITE_SPEECH_VERBS.has(w.key)) return true
  const tags = lexicalTags(w.key)
  if (tags.some((t) => VERB_TAGS.has(t))) return !tags.includes('Gerund') || tags.length > 1
  if (tags.length === 0 && w.key.length > 4 && w.key.endsWith('ed')) return true
  if (w.key.endsWith('s') && w.key.length > 3) {
    const stem = lexicalTags(w.key.slice(0, -1))
    return stem.includes('Infinitive') || stem.includes('Singular')
  }
  return false
}

/** The first word from `i` on that is not an adverb between an actor and its verb. */
export function skipVerbPrefixes(words: readonly Word[], i: number): number {
  let j = i
  while (j < words.length && (VERB_PREFIXES.has(words[j]!.key) || (words[j]!.key.endsWith('ly') && !words[j]!.capitalized))) j++
  return j
}
