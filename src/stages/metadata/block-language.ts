import { languageOf, type Document } from '../../document/index.js'
import { SUPPORTED_LANGUAGES } from '../../language/index.js'
import { detectLanguage } from './language.js'
import { STOP_WORDS } from './language-profiles.js'

/** A paragraph is told apart from its document only when it is this long (words; for Chinese, characters ÷ 2)… */
const MIN_BLOCK_WORDS = 15
/** …and its own language is this clear in it (the winner's share of stop-word hits, or of letters for a script). */
const MIN_BLOCK_CONFIDENCE = 0.8

/**
 * The language of each sentence: its document's, except in a paragraph long enough to tell that
 * is clearly written in another language Dossier reads (a Russian statement quoted whole in an
 * English report). The stages that read by language (names, dates, quotes, figures) read such a
 * paragraph with its own lexicon. Undefined where the document's language is unknown.
 *
 * @example
 * sentenceLanguages(doc) // ['en', 'en', 'ru', 'ru', 'en']
 */
export function sentenceLanguages(doc: Document): ReadonlyArray<string | undefined> {
  const layer = doc.layers.sentences
  const known = layer === undefined ? undefined : cache.get(layer)
  if (known !== undefined && known.own === languageOf(doc)) return known.languages
  const languages = readSentenceLanguages(doc)
  if (layer !== undefined) cache.set(layer, { own: languageOf(doc), languages })
  return languages
}

/** Per sentences layer (one object shared by every later stage of a document): read once, not once per stage. */
const cache = new WeakMap<object, { own: string | undefined; languages: ReadonlyArray<string | undefined> }>()

function readSentenceLanguages(doc: Document): Array<string | undefined> {
  const own = languageOf(doc)
  const sentences = doc.layers.sentences?.sentences ?? []
  if (own === undefined) return sentences.map(() => undefined)
  const byBlock = new Map<number, { start: number; end: number }>()
  for (const s of sentences) {
    const block = byBlock.get(s.block)
    byBlock.set(s.block, block === undefined ? { start: s.span.start, end: s.span.end } : { start: block.start, end: s.span.end })
  }
  const ownWords = ownStopWords(own)
  const blockLanguage = new Map<number, string>()
  for (const [block, span] of byBlock) {
    const language = blockLanguageOf(doc.source.slice(span.start, span.end), own, ownWords)
    if (language !== own) blockLanguage.set(block, language)
  }
  return sentences.map((s) => blockLanguage.get(s.block) ?? own)
}

/** Words read to tell whether a paragraph is plainly in its document's language. */
const SAMPLE_WORDS = 40
/** A paragraph where at least this share of the sampled words are its document's stop words is in that language: most are, and they are not read further. */
const OWN_STOP_SHARE = 0.12

const ownStops = new Map<string, ReadonlySet<string> | null>()

function ownStopWords(language: string): ReadonlySet<string> | null {
  if (!ownStops.has(language)) ownStops.set(language, STOP_WORDS[language] === undefined ? null : new Set(STOP_WORDS[language]))
  return ownStops.get(language)!
}

/**
 * One paragraph's language. Most paragraphs are in their document's language, and a look at the
 * first few dozen words says so (enough of the language's stop words; for Chinese, Han characters):
 * only the others are read by the language detector.
 */
function blockLanguageOf(text: string, own: string, ownWords: ReadonlySet<string> | null): string {
  let words = 0
  let hits = 0
  let han = 0
  for (const m of text.matchAll(/\p{L}+/gu)) {
    if (++words > SAMPLE_WORDS) break
    if (ownWords?.has(m[0].toLowerCase())) hits++
    // CJK letters lie above U+2E80: a code-unit check, cheaper than a script test on every word.
    if (m[0].charCodeAt(0) >= 0x2e80) han += m[0].length
  }
  if (Math.max(words, han / 2) < MIN_BLOCK_WORDS) return own
  if (own === 'zh' || own === 'ja' ? han >= words : ownWords !== null && hits >= OWN_STOP_SHARE * Math.min(words, SAMPLE_WORDS)) return own
  const found = detectLanguage(text)
  const value = found !== undefined && found.confidence >= MIN_BLOCK_CONFIDENCE ? found.value : russianByLetters(text)
  return value !== undefined && value !== own && (SUPPORTED_LANGUAGES as readonly string[]).includes(value) ? value : own
}

/**
 * A paragraph too short for its stop words to tell (a quoted statement), told by its letters:
 * mostly Cyrillic, with the Russian ы or э and none of the letters Ukrainian (і, ї, є, ґ),
 * Belarusian (ў) or Serbian and Macedonian (ј, љ, њ) have and Russian lacks.
 */
function russianByLetters(text: string): 'ru' | undefined {
  const letters = (text.match(/\p{L}/gu) ?? []).length
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length
  if (letters === 0 || cyrillic < 0.8 * letters) return undefined
  return /[ыэЫЭ]/u.test(text) && !/[іїєґўјљњІЇЄҐЎЈЉЊ]/u.test(text) ? 'ru' : undefined
}
