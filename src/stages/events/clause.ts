import type { SentenceView } from './view.js'

/*
 * Clause limits, by rule: a trigger's subject, negation and modal lie between the last clause
 * boundary before it and the trigger; its target and "against" phrase lie after it, up to the next
 * strong boundary. No parse: punctuation and subordinating words are the boundaries.
 */

/** Punctuation that closes a clause looking back from a trigger. A comma counts: "No, these claims…" must not negate what follows. */
const BACK_PUNCTUATION = new Set([';', ':', ',', '—', '–', '(', ')', '“', '”', '"', '«', '»', '‘', '’', '?', '!', '…'])

/** Words that open a clause of their own: what comes before them is another clause. */
const CLAUSE_WORDS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'whether', 'if', 'when', 'while', 'because', 'although', 'though', 'but',
  'since', 'unless', 'whereas', 'where', 'as',
])

/**
 * Verbs of saying and thinking: what follows them is another clause with its own subject
 * ("Figueroa said the campaign planned…": the campaign planned, not Figueroa).
 */
const REPORTING_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'added', 'adds', 'stressed', 'stresses', 'noted', 'notes',
  'responded', 'replied', 'argued', 'argues', 'claimed', 'claims', 'believes', 'believed', 'thinks', 'thought',
  'acknowledged', 'warned', 'warns', 'explained', 'emphasized', 'emphasised', 'underscored', 'declared', 'wrote',
  'writes', 'asserted', 'indicated', 'reported', 'reports', 'recalled', 'admitted', 'confirmed',
])

/** Punctuation and words that end the stretch after a trigger where its target and "against" phrase can lie (commas do not: "against anyone, especially against China"). */
const FORWARD_PUNCTUATION = new Set([';', ':', '—', '(', ')', '“', '”', '"', '«', '»', '?', '!', '…'])
const FORWARD_WORDS = new Set(['but', 'when', 'while', 'because', 'although', 'though', 'whether', 'if', 'which', 'who', 'whereas', 'since', 'unless'])

/** Boundaries a subject search may not cross even when it looks beyond the trigger's own clause. */
const HARD_PUNCTUATION = new Set([';', ':', '“', '"', '«', '(', ')', '?', '!'])
const HARD_WORDS = new Set(['that', 'whether', 'if', 'which', 'who', 'whom', 'when', 'because', 'although', 'unless', 'whereas'])

function isPunct(view: SentenceView, i: number): boolean {
  return view.tokens[i]!.kind === 'punct'
}

/**
 * A period inside a sentence ends a clause only after a word of two letters or more and before a
 * space: those in "then-U.S." (split by the tokenizer into "then-U", ".", "S", ".") are an abbreviation's.
 */
function isClosingPeriod(view: SentenceView, i: number): boolean {
  if (view.words[i] !== '.' || i === 0 || view.words[i - 1]!.length < 2 || view.tokens[i - 1]!.kind !== 'word') return false
  const next = view.tokens[i + 1]
  return next === undefined || next.start > view.tokens[i]!.end
}

function isBoundary(view: SentenceView, i: number, punctuation: ReadonlySet<string>, words: ReadonlySet<string>): boolean {
  const w = view.words[i]!
  return isPunct(view, i) ? punctuation.has(w) || isClosingPeriod(view, i) : words.has(w)
}

/** "and" joins two clauses unless it joins two names ("Russia and China"). */
function isClauseAnd(view: SentenceView, i: number): boolean {
  if (view.words[i] !== 'and') return false
  const before = view.mentionAt[i - 1]
  const after = view.mentionAt[i + 1] ?? (view.words[i + 1] === 'the' ? view.mentionAt[i + 2] : undefined)
  return before === undefined || after === undefined
}

/**
 * First token of the trigger's own clause: the token after the nearest boundary before `at`.
 *
 * @example
 * // "No, Russia will not ally": the clause of "ally" starts at "Russia"
 */
export function clauseStart(view: SentenceView, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    if (isBoundary(view, i, BACK_PUNCTUATION, CLAUSE_WORDS) || isClauseAnd(view, i) || REPORTING_VERBS.has(view.words[i]!)) return i + 1
  }
  return 0
}

/** First token of the widest stretch a subject may be shared across: commas and "and"/"but" are crossed, "that", "whether" and quote marks are not. */
export function sentenceStretchStart(view: SentenceView, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    if (isBoundary(view, i, HARD_PUNCTUATION, HARD_WORDS) || REPORTING_VERBS.has(view.words[i]!)) return i + 1
  }
  return 0
}

/** One past the last token where the trigger's participants can lie. */
export function clauseEnd(view: SentenceView, from: number): number {
  for (let i = from; i < view.words.length; i++) {
    if (isBoundary(view, i, FORWARD_PUNCTUATION, FORWARD_WORDS)) return i
  }
  return view.words.length
}

/** Verbs and auxiliaries that end a bare noun's phrase: "U.S. sanctions are making Russia depend on China" has no target after "are". */
const PHRASE_ENDING_VERBS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might',
  'should', 'must', 'does', 'do', 'did', 'remains', 'remained', "isn't", "aren't", "wasn't", "won't",
])

/** Auxiliaries and copulas that open a verb group: "… could not be ruled out", "… has been", "“are not …". */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'cannot',
  'may', 'might', 'should', 'must', 'shall', "isn't", "aren't", "wasn't", "weren't", "can't", "couldn't", "won't",
  "wouldn't", "hasn't", "haven't", "hadn't", "mightn't", "shouldn't", "mustn't",
])

/** One past the last token of a bare noun's own phrase: its complements, up to a comma or the clause's verb. */
export function nounPhraseEnd(view: SentenceView, from: number): number {
  const end = clauseEnd(view, from)
  for (let i = from; i < end; i++) if (view.words[i] === ',' || PHRASE_ENDING_VERBS.has(view.words[i]!)) return i
  return end
}

/** Prepositions that put a name in a phrase of its own, not in the subject. */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'with', 'against', 'to', 'of', 'on', 'in', 'at', 'from', 'by', 'between', 'for', 'into', 'toward', 'towards', 'about',
  'over', 'among', 'including', 'like', 'than', 'as', 'via', 'within', 'without', 'under', 'across', 'upon', 'amid',
  'after', 'before', 'during', 'behind', 'beyond', 'near', 'onto', 'through', 'despite', 'unlike', 'regarding', 'except',
])

/** Words skipped when looking for the word before a name: "with the US" is "with" + "US". */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an'])

/** The word before token `i`, skipping articles; '' at the sentence start. */
export function wordBefore(view: SentenceView, i: number): string {
  let j = i - 1
  while (j >= 0 && ARTICLES.has(view.words[j]!)) j--
  return j >= 0 ? view.words[j]! : ''
}
