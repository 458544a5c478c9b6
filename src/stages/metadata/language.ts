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
 * Guesses the language of a text from its stop words. Confidence is the winner's share of the hits,
 * so a text that mixes two languages says so.
 *
 * @example
 * detectLanguage('The council said that the fares will rise in the spring and in the summer.')
 * // { value: 'en', basis: 'text:stop-words', confidence: 0.9… }
 */
export function detectLanguage(text: string): Attested<string> | undefined {
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
