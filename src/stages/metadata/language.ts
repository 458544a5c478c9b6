import type { Attested, PageCandidate } from '../../document/index.js'
import { STOP_WORDS } from './language-profiles.js'

/** Words read when guessing a language from text: enough for a stable count, cheap on long pages. */
const MAX_WORDS_READ = 400
/** Characters read for those words: the text is cut before lower-casing, not after. */
const MAX_CHARS_READ = MAX_WORDS_READ * 8
/** Fewer stop-word hits than this and the text is too short or too foreign to say. */
const MIN_STOP_WORD_HITS = 5

const WORD_OWNERS: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>()
  for (const [lang, words] of Object.entries(STOP_WORDS)) {
    for (const w of words) m.set(w, [...(m.get(w) ?? []), lang])
  }
  return m
})()

/**
 * The primary language subtag of a tag as pages write it: `de-DE`, `en_US`, `EN` → `de`, `en`, `en`.
 *
 * @example
 * normaliseLanguageTag('pt_BR') // 'pt'
 */
export function normaliseLanguageTag(tag: string): string | undefined {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag)
  return m ? m[1]!.toLowerCase() : undefined
}

/**
 * Scripts that name their language (or its most-read language in the news), with the script's
 * pattern: a text whose letters are mostly in one of them is in that language, however few words
 * it has and with no stop-word profile. Han text with kana is Japanese; Han alone is Chinese.
 */
const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['zh', /\p{Script=Han}/u],
  ['ko', /\p{Script=Hangul}/u],
  ['ar', /\p{Script=Arabic}/u],
  ['he', /\p{Script=Hebrew}/u],
  ['el', /\p{Script=Greek}/u],
  ['th', /\p{Script=Thai}/u],
]
const LETTER = /\p{L}/u
/** The first code point of any script in SCRIPTS (Greek, U+0370). */
const FIRST_NAMING_SCRIPT = 0x370
/**
 * Whether a code unit may belong to a script in SCRIPTS: at or above Greek, and neither Cyrillic
 * (U+0400–U+052F, told apart by stop words) nor Latin Extended Additional, punctuation and symbols
 * (U+1E00–U+2BFF: the curly quotes and dashes of any English page).
 */
const mayNameLanguage = (code: number): boolean => code >= FIRST_NAMING_SCRIPT && !(code >= 0x400 && code <= 0x52f) && !(code >= 0x1e00 && code <= 0x2bff)
/** Share of a text's letters in one script above which the script decides its language. */
const MIN_SCRIPT_SHARE = 0.5
/** Share of Japanese text in kana at least (particles and endings are kana in any Japanese sentence). */
const MIN_KANA_SHARE = 0.05

/** The language a text's script gives, when most of its letters are in a script of one language. */
function languageByScript(sample: string): Attested<string> | undefined {
  // Most pages are in a Latin or Cyrillic script: one pass over the code units settles that.
  let high = false
  for (let i = 0; i < sample.length && !high; i++) high = mayNameLanguage(sample.charCodeAt(i))
  if (!high) return undefined
  const counts = new Map<string, number>()
  let letters = 0
  for (const ch of sample) {
    if (!LETTER.test(ch)) continue
    letters++
    // Latin (and the rest below Greek) is none of these scripts: most pages end here per letter.
    if (ch.charCodeAt(0) < FIRST_NAMING_SCRIPT) continue
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0]
    if (script !== undefined) counts.set(script, (counts.get(script) ?? 0) + 1)
  }
  if (letters === 0) return undefined
  const kana = counts.get('ja') ?? 0
  const han = counts.get('zh') ?? 0
  if (han + kana >= MIN_SCRIPT_SHARE * letters) {
    const value = kana >= MIN_KANA_SHARE * (han + kana) ? 'ja' : 'zh'
    return { value, basis: 'text:script', confidence: Math.round(Math.min(0.95, (han + kana) / letters) * 100) / 100 }
  }
  for (const [value, n] of counts) {
    if (value !== 'ja' && value !== 'zh' && n >= MIN_SCRIPT_SHARE * letters) return { value, basis: 'text:script', confidence: Math.round(Math.min(0.95, n / letters) * 100) / 100 }
  }
  return undefined
}

/**
 * Guesses the language of a text: by its script where that names one (Chinese, Japanese, Korean,
 * Arabic, Hebrew, Greek, Thai), else from its stop words. Confidence is the winner's share of the
 * letters or of the hits, so a text that mixes two languages says so.
 *
 * @example
 * detectLanguage('The council said that the fares will rise in the spring and in the summer.')
 * // { value: 'en', basis: 'text:stop-words', confidence: 0.9… }
 * detectLanguage('外交部发言人表示，中方欢迎会谈。') // { value: 'zh', basis: 'text:script', confidence: 0.95 }
 */
export function detectLanguage(text: string): Attested<string> | undefined {
  const byScript = languageByScript(text.slice(0, MAX_CHARS_READ))
  if (byScript !== undefined) return byScript
  const counts = new Map<string, number>()
  let total = 0
  let read = 0
  for (const m of text.slice(0, MAX_CHARS_READ).toLowerCase().matchAll(/\p{L}+/gu)) {
    if (++read > MAX_WORDS_READ) break
    const owners = WORD_OWNERS.get(m[0])
    if (!owners) continue
    total++
    for (const lang of owners) counts.set(lang, (counts.get(lang) ?? 0) + 1 / owners.length)
  }
  if (total < MIN_STOP_WORD_HITS) return undefined
  const [lang, hits] = [...counts].sort((a, b) => b[1] - a[1])[0]!
  return { value: lang, basis: 'text:stop-words', confidence: Math.round(Math.min(0.95, hits / total) * 100) / 100 }
}

const DECLARED_WEIGHT: readonly [RegExp, number][] = [
  [/^html\[lang\]$/, 0.9],
  [/^json-ld:/, 0.85],
  [/^meta/, 0.8],
]

/**
 * The document's language: declared by the page (`<html lang>`, JSON-LD, meta), by its container,
 * or detected from the text. A declaration the text contradicts loses to the text: templates often
 * keep `lang="en"` on pages written in another language.
 */
export function chooseLanguage(candidates: readonly PageCandidate[], hint: string | undefined, text: string): Attested<string> | undefined {
  const declared: Attested<string>[] = []
  for (const c of candidates) {
    if (c.field !== 'language') continue
    const value = normaliseLanguageTag(c.value)
    const weight = DECLARED_WEIGHT.find(([re]) => re.test(c.basis))?.[1]
    if (value && weight) declared.push({ value, basis: c.basis, confidence: weight })
  }
  const hinted = hint ? normaliseLanguageTag(hint) : undefined
  if (hinted) declared.push({ value: hinted, basis: 'hint:language', confidence: 0.85 })
  declared.sort((a, b) => b.confidence - a.confidence)
  const detected = detectLanguage(text)
  const best = declared[0]
  if (!best) return detected
  if (detected && detected.value !== best.value && detected.confidence >= 0.6) return detected
  return best
}
