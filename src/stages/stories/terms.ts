import { createRequire } from 'node:module'
import { stopwordsFor } from '../../language/stopwords.js'

// The words of an article in a language other than English, as story similarity counts them:
// lower-cased, the language's stop words dropped, reduced to a stem by the language's Snowball
// stemmer (@orama/stemmers), and Chinese and Japanese cut into words by Intl.Segmenter (ICU's
// dictionary), since they write no spaces. English keeps its own path (similarity.ts), whose
// figures the benchmarks pin. Stemmers and stop-word lists load on the first article in their
// language.

const require = createRequire(import.meta.url)

/** @orama/stemmers subpaths by ISO 639-1 code: the Snowball stemmers it ships for news languages. */
const STEMMER_MODULES: Readonly<Record<string, string>> = {
  de: 'german', fr: 'french', es: 'spanish', it: 'italian', ru: 'russian', pt: 'portuguese', nl: 'dutch',
  sv: 'swedish', da: 'danish', no: 'norwegian', fi: 'finnish', tr: 'turkish', ar: 'arabic', uk: 'ukrainian',
  ro: 'romanian', hu: 'hungarian', el: 'greek', bg: 'bulgarian', sr: 'serbian', id: 'indonesian', lt: 'lithuanian',
}
/**
 * Characters kept of a word in a language with rich inflection and no stemmer here (Polish): cutting
 * every word to its first characters is the stemming that works without one (McNamee and Mayfield,
 * "Character N-gram Tokenization for European Language Text Retrieval", 2004), and six characters
 * keep most Polish stems whole ("rząd|u", "prezyd|enta").
 */
const TRUNCATE_TO: Readonly<Record<string, number>> = { pl: 6 }
/** Languages written without spaces between words. */
const UNSPACED = new Set(['zh', 'ja'])

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu
const HAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u
/** Words shorter than this carry little topic, in alphabetic scripts. */
const MIN_TERM_CHARS = 3
/** A Chinese or Japanese word of one character is too ambiguous to tell a story by. */
const MIN_HAN_CHARS = 2

const stemmers = new Map<string, ((word: string) => string) | null>()
function stemmerFor(language: string): ((word: string) => string) | null {
  let stem = stemmers.get(language)
  if (stem === undefined) {
    const module = STEMMER_MODULES[language]
    stem = module === undefined ? null : (require(`@orama/stemmers/${module}`) as { stemmer: (w: string) => string }).stemmer
    stemmers.set(language, stem)
  }
  return stem
}


const segmenters = new Map<string, Intl.Segmenter>()

/** French and Italian elide an article or pronoun into the next word ("l’incendie", "dell’Europa"): the word is what follows. */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|dell|all|dall|nell|sull|quell|un)['’](?=\p{L})/u
function withoutElision(word: string): string {
  return word.replace(ELISION, '')
}

/** Accents and other marks dropped ("maîtrise" and "maitrise", "Köln" and "Koln" meet), as outlets and transliterations differ in them. */
function foldMarks(term: string): string {
  return /[^\p{ASCII}]/u.test(term) ? term.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC') : term
}

/**
 * Term counts of a text in `language` (an ISO 639-1 code other than English).
 *
 * @example
 * languageTermCounts('Die Regierung kündigte an, die Regierungen der Länder …', 'de')
 * // Map { 'regier' => 2, 'regierung' => 1, 'kundigt' => 1, 'regierungen' => 1, 'land' => 1, 'lander' => 1 }
 * // (capitalised words count whole too: German nouns are, and so are names)
 * languageTermCounts('外交部发言人表示，中方欢迎会谈。', 'zh') // Map { '外交部' => 1, '发言' => 1, '表示' => 1, '中方' => 1, '欢迎' => 1, '会谈' => 1 }
 */
export function languageTermCounts(text: string, language: string): Map<string, number> {
  const counts = new Map<string, number>()
  const stop = stopwordsFor(language)
  const add = (term: string): void => {
    counts.set(term, (counts.get(term) ?? 0) + 1)
  }
  const stem = stemmerFor(language)
  const cut = TRUNCATE_TO[language]
  const addWord = (word: string): void => {
    const lower = withoutElision(word.toLowerCase())
    if (lower.length < MIN_TERM_CHARS || stop.has(lower)) return
    const term = foldMarks(stem !== null ? stem(lower) : cut !== undefined ? lower.slice(0, cut) : lower)
    add(term)
    // A capitalised word may be a name, which another language writes the same and does not
    // stem: its whole form counts too, so "Biden" meets the English "biden" whatever the stemmer
    // makes of it.
    if (word[0] !== word[0]!.toLowerCase()) {
      const whole = foldMarks(lower)
      if (whole !== term) add(whole)
    }
  }
  if (UNSPACED.has(language)) {
    let segmenter = segmenters.get(language)
    if (segmenter === undefined) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'word' })))
    for (const s of segmenter.segment(text)) {
      if (!s.isWordLike) continue
      if (HAN.test(s.segment)) {
        if (s.segment.length >= MIN_HAN_CHARS && !stop.has(s.segment)) add(s.segment)
      } else {
        // Latin names and words inside Chinese text ("APEC", "Biden") count as words do elsewhere.
        for (const m of s.segment.matchAll(WORD)) if (m[0].length >= MIN_TERM_CHARS) add(m[0].toLowerCase())
      }
    }
    return counts
  }
  for (const m of text.matchAll(WORD)) addWord(m[0])
  return counts
}
