import type { Span } from '../../document/index.js'
import { hasLexicalTag } from '../sentences/lexicon.js'
import type { Quantity } from './quantities.js'
import { COMPARATORS_BEFORE, STOP_WORDS } from './vocabulary.js'

/** A measure phrase is at most this many words: longer ones are clauses, not names of a quantity. */
const MAX_MEASURE_WORDS = 8
/** Words between the measured noun phrase and the figure: "trade rose to", "exports were worth". */
const MAX_VERB_GROUP_WORDS = 3

export interface Measure {
  readonly text: string
  readonly span: Span
}

const WORD = /^\s*([\p{L}\p{M}][\p{L}\p{M}\d'’.-]*)/u
const OF_AFTER = /^\s+of\s+/
const SHARE_OF = /\b(?:the\s+)?(?:share|proportion|percentage|portion|part)\s+of\s+/g
const CLAUSE_BREAK = /[,;:()[\]—–]|\s-\s/g
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those'])
/** Words inside a noun phrase read backwards: "trade between X and Y", "exports to Z", "the share of W". */
const NP_LINKS: ReadonlySet<string> = new Set(['of', 'in', 'between', 'and', 'with', 'to', 'from'])
const INNER_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in'])
const PARTICLES: ReadonlySet<string> = new Set(['to', 'at', 'by', 'of', 'about', 'nearly', 'almost', 'some', 'worth', 'up', 'down'])
const VERB_TAGS = ['PastTense', 'PresentTense', 'Copula', 'Infinitive', 'Modal', 'Auxiliary', 'Verb', 'Participle']
const COMPARATOR_WORDS: ReadonlySet<string> = new Set(COMPARATORS_BEFORE.flatMap(([, p]) => p.flatMap((w) => w.split(' '))))

/**
 * What a sum of money, a percentage or a bare figure measures, in the text's words, when its own
 * words do not say: the "of …" phrase after it ("20 percent of Russia's trade turnover"), for a
 * percentage the share the sentence names ("the share of Chinese trade in …"), else for money and
 * percentages the noun phrase the clause says the figure is ("bilateral trade exceeded $220
 * billion"). A bare number gets only its "of" phrase: the noun before it is its owner ("China has
 * 600"), not what it counts. Null when unclear.
 *
 * @example
 * findMeasure('Bilateral trade exceeded $220 billion.', { start: 0, end: 38 }, q) // { text: 'Bilateral trade', span: { start: 0, end: 15 } }
 */
export function findMeasure(source: string, sentence: Span, q: Quantity): Measure | null {
  const text = source.slice(sentence.start, sentence.end)
  const start = q.span.start - sentence.start
  const end = q.span.end - sentence.start
  const found = measureOfPhrase(text, end) ?? (q.kind === 'percent' ? shareOf(text, start) : null) ?? (q.kind === 'bare' ? countedSubject(text, start) : subjectPhrase(text, start))
  if (!found) return null
  return { text: text.slice(found.start, found.end).replace(/\s+/g, ' '), span: { start: sentence.start + found.start, end: sentence.start + found.end } }
}

/** A subject phrase that names what it counts: "its stockpile of nuclear warheads", "the number of troops". */
const COUNTED_OF = /\bof\s+(?:[\p{L}'’-]+\s+){0,3}(\p{Ll}[\p{L}-]*s)$/u

/**
 * For a bare figure, the subject phrase only when it names a plural it counts ("China's stockpile of
 * operational nuclear warheads had surpassed 400"); "China has 600" names an owner, not a count.
 */
function countedSubject(text: string, figureStart: number): { start: number; end: number } | null {
  const phrase = subjectPhrase(text, figureStart)
  return phrase && COUNTED_OF.test(text.slice(phrase.start, phrase.end)) ? phrase : null
}

/**
 * The plural a measure phrase counts, when it ends in "of <plural>": "stockpile of nuclear
 * warheads" → "warheads". A bare figure with such a measure counts that noun.
 */
export function countedNoun(measure: string): string | null {
  return COUNTED_OF.exec(measure)?.[1] ?? null
}

/** "18 percent of Russia's trade turnover" → "Russia's trade turnover". */
function measureOfPhrase(text: string, end: number): { start: number; end: number } | null {
  const of = OF_AFTER.exec(text.slice(end))
  return of ? readNounPhrase(text, end + of[0].length) : null
}

/** The last "share of …" before a percentage in its sentence. */
function shareOf(text: string, before: number): { start: number; end: number } | null {
  let found: { start: number; end: number } | null = null
  for (const m of text.slice(0, before).matchAll(SHARE_OF)) {
    const phrase = readNounPhrase(text, m.index! + m[0].length)
    if (phrase && phrase.end <= before) found = { start: m.index!, end: phrase.end }
  }
  return found
}

/**
 * Reads a noun phrase forward: an optional determiner, then content words (capitalised names and
 * possessives included), with one inner "of" or "in" when a word follows it.
 */
export function readNounPhrase(text: string, at: number): { start: number; end: number } | null {
  let start = -1
  let end = -1
  let inner = false
  let afterPossessive = false
  for (let count = 0; count < MAX_MEASURE_WORDS; count++) {
    const m = WORD.exec(text.slice(at))
    if (!m) break
    const raw = m[1]!.replace(/[.]+$/, '')
    const word = raw.toLowerCase()
    const wordStart = at + m[0].length - m[1]!.length
    if (count === 0 && DETERMINERS.has(word)) {
      start = wordStart
      at = wordStart + raw.length
      continue
    }
    if (INNER_PREPOSITIONS.has(word) && end > 0 && !inner && WORD.test(text.slice(wordStart + raw.length))) {
      inner = true
      at = wordStart + raw.length
      continue
    }
    // After a possessive, a word the lexicon calls a verb is a noun ("Sylvania's imports").
    if (STOP_WORDS.has(word) || (isVerb(word) && !afterPossessive)) break
    afterPossessive = /['’]s?$/.test(word)
    if (start < 0) start = wordStart
    end = wordStart + raw.length
    at = end
  }
  return end > 0 ? { start, end } : null
}

/**
 * The noun phrase before the figure's verb, inside the figure's clause: "bilateral trade
 * exceeded", "Russia's defence budget rose to". Needs a verb (or a comparator verb) between them.
 */
function subjectPhrase(text: string, figureStart: number): { start: number; end: number } | null {
  const clauseStart = lastClauseBreak(text, figureStart)
  const words = [...text.slice(clauseStart, figureStart).matchAll(/[\p{L}\p{M}\d][\p{L}\p{M}\d'’.,-]*/gu)]
  let i = words.length - 1
  let verbs = 0
  let sawVerb = false
  while (i >= 0 && verbs < MAX_VERB_GROUP_WORDS) {
    const w = words[i]![0].toLowerCase()
    if (isVerb(w) || COMPARATOR_WORDS.has(w)) sawVerb ||= isVerb(w) || /ed$|s$/.test(w)
    else if (!PARTICLES.has(w)) break
    verbs++
    i--
  }
  if (!sawVerb || i < 0) return null
  // Walk back over the noun phrase, through inner links ("trade between X and Y", "exports to Z").
  let first = i
  while (first > 0 && i - first < MAX_MEASURE_WORDS - 1) {
    const w = words[first - 1]![0].toLowerCase()
    if (/^\d/.test(w) || isVerb(w) || (STOP_WORDS.has(w) && !DETERMINERS.has(w) && !NP_LINKS.has(w))) break
    first--
    if (DETERMINERS.has(w)) break
  }
  while (first < i && NP_LINKS.has(words[first]![0].toLowerCase())) first++
  const lastWord = words[i]![0].toLowerCase()
  if (/^\d/.test(lastWord) || STOP_WORDS.has(lastWord) || DETERMINERS.has(lastWord)) return null
  return { start: clauseStart + words[first]!.index!, end: clauseStart + words[i]!.index! + words[i]![0].length }
}

function lastClauseBreak(text: string, before: number): number {
  let at = 0
  for (const m of text.slice(0, before).matchAll(CLAUSE_BREAK)) at = m.index! + m[0].length
  return at
}

function isVerb(word: string): boolean {
  return VERB_TAGS.some((t) => hasLexicalTag(word, t))
}
