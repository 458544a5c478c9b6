import type { Block, Sentence, Span } from '../../document/index.js'
import { ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS } from './abbreviations.js'
import { LEXICONS } from '../../language/index.js'
import { hasLexicalTag } from './lexicon.js'

const TERMINATOR = /[.!?…。！？]/
/** Chinese and Japanese end a sentence with full-width marks and no space after them. */
const FULL_WIDTH_TERMINATOR = /[。！？]/
const CLOSER = /["”’')\]»«“」』]/
const OPENER = /["“‘'(«»„[¿¡—「『]/
const UPPER = /\p{Lu}/u
const LOWER = /\p{Ll}/u
const DIGIT = /\d/
const WORD_CHAR = /[\p{L}\p{M}.]/u
const DOTTED_INITIALISM = /^(?:\p{L}\.)+\p{L}$/u
const SINGLE_INITIAL = /^\p{Lu}$/u

/** Tags of words that usually open a sentence, used to read "the U.S. The …" as a boundary. */
const SENTENCE_OPENER_TAGS = ['Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'QuestionWord'] as const

/**
 * Splits the clean blocks into sentences. A block always ends a sentence (a heading or list item
 * needs no final punctuation); inside a block a sentence ends at . ! ? or … (with any closing quote
 * or bracket) before a capital, a digit or an opening quote, unless the period ends an abbreviation
 * ("Feb.", "Dr."), an initial ("J. Smith") or an initialism not followed by a sentence opener ("U.S.
 * officials"). Two lower-case words glued by a period ("unthinkable.This") are split too.
 *
 * @example
 * segmentSentences('Dr. Lee met U.S. envoys. They agreed.', [{ kind: 'paragraph', spans: [{ start: 0, end: 37 }] }])
 * // two sentences: [0, 24) and [25, 37)
 */
export function segmentSentences(source: string, blocks: readonly Block[]): Sentence[] {
  const sentences: Sentence[] = []
  blocks.forEach((block, index) => {
    for (const run of runsOf(source, block.spans)) {
      for (const span of splitRun(source, run)) sentences.push({ span, block: index, kind: block.kind })
    }
  })
  return sentences
}

/**
 * The block's spans grouped into runs joined by whitespace only (a hard-wrapped paragraph is one
 * run). A gap holding removed text (a repeated passage cut from the middle) ends the run, so no
 * sentence straddles text the cleaner took out.
 */
function runsOf(source: string, spans: readonly Span[]): Span[] {
  const runs: Span[] = []
  let current: { start: number; end: number } | undefined
  for (const s of spans) {
    if (current !== undefined && source.slice(current.end, s.start).trim() === '') {
      current.end = s.end
      continue
    }
    if (current !== undefined) runs.push(current)
    current = { start: s.start, end: s.end }
  }
  if (current !== undefined) runs.push(current)
  return runs
}

function splitRun(source: string, run: Span): Span[] {
  const out: Span[] = []
  let start = run.start
  for (let i = run.start; i < run.end; i++) {
    if (!TERMINATOR.test(source[i]!)) continue
    let j = i + 1
    while (j < run.end && (TERMINATOR.test(source[j]!) || CLOSER.test(source[j]!))) j++
    if (j >= run.end) break
    if (isBoundary(source, i, j, run.end)) {
      pushTrimmed(source, start, j, out)
      start = j
    }
    i = j - 1
  }
  pushTrimmed(source, start, run.end, out)
  return out
}

/** Month names of every language with a lexicon: "15. Oktober" is a date, not a sentence end. */
const MONTH_NAMES: ReadonlySet<string> = new Set([...LEXICONS.values()].flatMap((l) => (l.unspaced ? [] : l.months.flat())))

/** `i` is the first terminator, `j` the first character after the terminators and closers. */
function isBoundary(source: string, i: number, j: number, end: number): boolean {
  if (FULL_WIDTH_TERMINATOR.test(source[j - 1]!) || FULL_WIDTH_TERMINATOR.test(source[i]!)) return true
  if (!/\s/.test(source[j]!)) return isGluedBoundary(source, i, j)
  let k = j
  while (k < end && /\s/.test(source[k]!)) k++
  if (k >= end) return false
  const next = source[k]!
  if (!(UPPER.test(next) || DIGIT.test(next) || OPENER.test(next) || next === '*' || next === '•' || next === '-')) return false
  // Only a bare period can end an abbreviation; "?", "!", "…" and a period before a closing quote end the sentence.
  if (j - i === 1 && source[i] === '.') return !endsAbbreviation(source, i, k, end) && !isOrdinalDay(source, i, k, end)
  return true
}

/** "am 15. Oktober": a day number of one or two digits with the ordinal period, then a month name. */
function isOrdinalDay(source: string, i: number, k: number, end: number): boolean {
  if (!DIGIT.test(source[i - 1] ?? '') || DIGIT.test(source[i - 3] ?? '')) return false
  return MONTH_NAMES.has(wordAt(source, k, end).toLowerCase())
}

/** "unthinkable.This": a period between a lower-case word of two letters or more and a capitalised word. */
function isGluedBoundary(source: string, i: number, j: number): boolean {
  if (source[i] !== '.' && source[i] !== '!' && source[i] !== '?') return false
  if (!(LOWER.test(source[i - 1] ?? '') && LOWER.test(source[i - 2] ?? ''))) return false
  return UPPER.test(source[j] ?? '') && LOWER.test(source[j + 1] ?? '')
}

/** The period at `i` ends an abbreviation, an initial or an initialism, given the next word at `k`. */
function endsAbbreviation(source: string, i: number, k: number, end: number): boolean {
  let w = i
  while (w > 0 && WORD_CHAR.test(source[w - 1]!)) w--
  const word = source.slice(w, i)
  if (word === '') return false
  const nextWord = wordAt(source, k, end)
  const lower = word.toLowerCase()
  if (lower === 'no') return DIGIT.test(source[k]!)
  if (ABBREVIATIONS.has(lower)) return !(SENTENCE_FINAL_ABBREVIATIONS.has(lower) && opensSentence(nextWord))
  if (SINGLE_INITIAL.test(word)) return UPPER.test(source[k]!) && !opensSentence(nextWord)
  if (DOTTED_INITIALISM.test(word)) return !opensSentence(nextWord)
  return false
}

function wordAt(source: string, k: number, end: number): string {
  let e = k
  while (e < end && /[\p{L}']/u.test(source[e]!)) e++
  return source.slice(k, e)
}

function opensSentence(word: string): boolean {
  if (word === '') return true
  return SENTENCE_OPENER_TAGS.some((tag) => hasLexicalTag(word, tag))
}

function pushTrimmed(source: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(source[start]!)) start++
  while (end > start && /\s/.test(source[end - 1]!)) end--
  if (end > start) out.push({ start, end })
}
