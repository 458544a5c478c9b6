import type { Span } from '../../document/index.js'
import { hasLexicalTag } from '../sentences/index.js'
import { BARE_CLAUSE_CUES, CLAUSE_CUES, OBJECT_CUES, SPEAKER_PRONOUNS } from './cues.js'
import { CUE_PREPOSITIONS, isPhraseWord, subjectAfter, subjectBefore, VERB_TAGS, type Word } from './speaker.js'

/** Reported speech found in one sentence: what was said, the cue, and who said it. */
export interface IndirectStatement {
  readonly span: Span
  /** The statement's pieces when an attribution interrupts it ("Too often, Moreno said, the debate …"). */
  readonly parts?: readonly Span[]
  readonly cue: Span
  readonly subject: Span | null
}

/** A reported statement shorter than this is a fragment ("he said so"), not a claim. */
const MIN_STATEMENT_WORDS = 3
/** "said in a statement on Monday that …": words allowed between the cue and "that". */
const MAX_CUE_TO_THAT_WORDS = 6
/** ", officials said on Monday in a statement.": words allowed after a closing attribution. */
const MAX_TAIL_WORDS = 6
/** "said the new plan for the region will fail": the clause's verb comes within this many words. */
const MAX_SUBJECT_TO_VERB_WORDS = 8
/** A reported clause that is mostly one quote in marks is that direct quote, not a second statement. */
const MAX_QUOTED_SHARE = 0.5
/** "need", "feed": shorter words in -ed are not regular pasts. */
const REGULAR_PAST_MIN_CHARS = 4

const FINAL_PUNCT = /[\s.!?;:…]/
const ANY_CUE = new RegExp(`\\b(?:according to|${[...CLAUSE_CUES].join('|')})\\b`, 'i')

/** False when the sentence holds no clause cue and no "according to": it reports no speech. */
export function mayReport(source: string, sentence: Span): boolean {
  return ANY_CUE.test(source.slice(sentence.start, sentence.end))
}

/**
 * Finds reported speech in a sentence: "X said (that) …", "…, X said.", "According to X, …",
 * "…, according to X." `words` are the sentence's tokens; `quoted` the ranges in quote marks,
 * where a cue belongs to the quoted speaker, not the writer. One statement per sentence.
 *
 * @example
 * findIndirect(words, [], sentenceEnd, source) // { span: "Moscow will never form …", cue: "said", subject: "Sergey Lavrov" }
 */
export function findIndirect(words: readonly Word[], quoted: readonly Span[], sentence: Span, source: string): IndirectStatement | null {
  const statement = accordingTo(words, sentence, source) ?? cueThenClause(words, quoted, sentence, source) ?? clauseThenCue(words, quoted) ??
    cueInsideClause(words, quoted, sentence, source)
  if (statement === null) return null
  if (quotedShare(statement.span, quoted) > MAX_QUOTED_SHARE) return null
  return statement
}

function isQuoted(offset: number, quoted: readonly Span[]): boolean {
  return quoted.some((q) => offset >= q.start && offset < q.end)
}

function quotedShare(s: Span, quoted: readonly Span[]): number {
  let covered = 0
  for (const q of quoted) covered += Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start))
  return covered / Math.max(1, s.end - s.start)
}

function isClauseCue(w: Word | undefined, quoted: readonly Span[]): boolean {
  return w !== undefined && w.kind === 'word' && CLAUSE_CUES.has(w.text) && !isQuoted(w.start, quoted)
}

function wordCount(words: readonly Word[], from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) if (words[i]!.kind !== 'punct') n++
  return n
}

function trimEnd(source: string, start: number, end: number): number {
  let e = end
  while (e > start && FINAL_PUNCT.test(source[e - 1]!)) e--
  return e
}

/** "X said (that) …": the reported clause runs from after the cue to the sentence's end. */
function cueThenClause(words: readonly Word[], quoted: readonly Span[], sentence: Span, source: string): IndirectStatement | null {
  for (let c = 1; c < words.length - MIN_STATEMENT_WORDS; c++) {
    if (!isClauseCue(words[c], quoted)) continue
    const subject = subjectBefore(words, c, 0)
    if (subject === null) continue
    const from = clauseStart(words, c)
    if (from < 0 || wordCount(words, from, words.length) < MIN_STATEMENT_WORDS) continue
    const end = trimEnd(source, words[from]!.start, sentence.end)
    return { span: { start: words[from]!.start, end }, cue: { start: words[c]!.start, end: words[c]!.end }, subject }
  }
  return null
}

/** Where the reported clause starts after the cue at `c`, or -1 when no clause follows. */
function clauseStart(words: readonly Word[], c: number): number {
  const k = c + 1
  // "said in a statement on Monday that …": only an object or a place and time before "that".
  for (let j = k; j < words.length && j - k <= MAX_CUE_TO_THAT_WORDS; j++) {
    const w = words[j]!
    if (w.lower === 'that') return j
    if (!isPhraseWord(w) && !CUE_PREPOSITIONS.has(w.lower)) break
  }
  const cue = words[c]!.lower
  if (OBJECT_CUES.has(cue) || !BARE_CLAUSE_CUES.has(cue)) return -1
  const w = words[k]
  if (w === undefined || w.kind === 'punct') return -1
  const startsClause = w.kind === 'number' || SPEAKER_PRONOUNS.has(w.lower) || w.lower === 'the' || w.lower === 'a' || /^\p{Lu}/u.test(w.text)
  if (!startsClause || !hasVerb(words, k)) return -1
  // "…, said Lavrov." is an inverted attribution, not a clause.
  const name = subjectAfter(words, k, words.length)
  if (name !== null && endsAt(words, name)) return -1
  return k
}

/** A clause has a verb within its first words; an object ("said the words") has none. */
function hasVerb(words: readonly Word[], from: number): boolean {
  for (let i = from; i < words.length && i - from < MAX_SUBJECT_TO_VERB_WORDS; i++) {
    const w = words[i]!
    if (w.kind === 'word' && /^\p{Ll}/u.test(w.text) && (VERB_TAGS.some((t) => t !== 'Adverb' && t !== 'Gerund' && hasLexicalTag(w.lower, t)) || isInflectedVerb(w.lower))) return true
  }
  return false
}

/**
 * A verb the lexicon lists only in its base form: a regular past ("planned", "agreed") or a
 * third-person present ("plans", "wants") of an infinitive it knows.
 */
function isInflectedVerb(lower: string): boolean {
  if (lower.length > REGULAR_PAST_MIN_CHARS && lower.endsWith('ed')) {
    const stem = lower.slice(0, -2)
    return [stem, `${stem}e`, stem.slice(0, -1), `${stem.slice(0, -1)}y`].some((b) => b.length > 1 && hasLexicalTag(b, 'Infinitive'))
  }
  return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') && hasLexicalTag(lower.slice(0, -1), 'Infinitive')
}

function endsAt(words: readonly Word[], s: Span): boolean {
  const rest = words.filter((w) => w.start >= s.end)
  return rest.every((w) => w.kind === 'punct')
}

/** "…, sources said." or "…, said the minister.": the clause before the comma. */
function clauseThenCue(words: readonly Word[], quoted: readonly Span[]): IndirectStatement | null {
  for (let c = words.length - 1; c > MIN_STATEMENT_WORDS; c--) {
    if (words.length - 1 - c > MAX_TAIL_WORDS + 1) break
    if (!isClauseCue(words[c], quoted)) continue
    // The attribution closes the sentence: only words ("on Monday", "in a statement") after the cue.
    if (words.slice(c + 1).some((w, i) => w.kind === 'punct' && c + 1 + i < words.length - 1)) continue
    const before = subjectBefore(words, c, 0)
    const comma = commaIndexBefore(words, before?.start ?? words[c]!.start)
    if (comma >= 0 && before !== null) return statementBeforeComma(words, comma, c, before)
    if (words[c - 1]?.text === ',') {
      const after = subjectAfter(words, c + 1, words.length)
      if (after !== null) return statementBeforeComma(words, c - 1, c, after)
    }
  }
  return null
}

/**
 * "Too often, Moreno said, the debate turns to blame.": an attribution between commas inside the
 * sentence it reports; the statement is the sentence around it.
 */
function cueInsideClause(words: readonly Word[], quoted: readonly Span[], sentence: Span, source: string): IndirectStatement | null {
  for (let c = 2; c < words.length - 2; c++) {
    if (!isClauseCue(words[c], quoted) || DETERMINERS_BEFORE_NOUN.has(words[c - 1]!.lower)) continue
    let b = c + 1
    while (b < words.length && words[b]!.text !== ',' && b - c <= MAX_TAIL_WORDS && (isPhraseWord(words[b]!) || CUE_PREPOSITIONS.has(words[b]!.lower))) b++
    if (words[b]?.text !== ',' || !isAttributionTail(words, c, b)) continue
    const subject = subjectBefore(words, c, 0)
    const a = subject === null ? -1 : commaIndexBefore(words, subject.start)
    if (a < 1 || words[a]!.text !== ',' || wordCount(words, 0, a) + wordCount(words, b + 1, words.length) < MIN_STATEMENT_WORDS) continue
    // "…, Putin replied, “It is …”": what follows is a direct quote, and the words before are narration.
    if (wordCount(words, b + 1, words.length) === 0 || isQuoted(words[b + 1]!.start, quoted) || /^["“]/.test(words[b + 1]!.text)) continue
    const end = trimEnd(source, words[b + 1]!.start, sentence.end)
    const parts = [{ start: words[0]!.start, end: words[a - 1]!.end }, { start: words[b + 1]!.start, end }]
    return { span: { start: parts[0]!.start, end }, parts, cue: { start: words[c]!.start, end: words[c]!.end }, subject }
  }
  return null
}

/** "the state", "a note": a cue word after these is a noun. */
const DETERMINERS_BEFORE_NOUN: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'its', 'their', 'our'])
/** What may follow a cue inside a sentence before its comma: a time or place ("said on Monday", "said in a statement"). */
const TAIL_OPENERS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'last', 'this', 'earlier', 'later', 'recently', 'today', 'yesterday'])
/** Words of the object after an object cue inside a sentence: ", he told reporters," */
const MAX_TAIL_OBJECT_WORDS = 2

/**
 * The words between a cue at `c` and the comma at `b` read as an attribution's tail: none, a time
 * or place, or a short object after "told" ("he told reporters,"); "admitted to threatening",
 * "announced the selection of", "believes in sedans" are not.
 */
function isAttributionTail(words: readonly Word[], c: number, b: number): boolean {
  if (b === c + 1) return true
  const cue = words[c]!.lower
  if (BELIEF_CUES.has(cue)) return false
  if (TAIL_OPENERS.has(words[c + 1]!.lower)) return true
  return OBJECT_CUES.has(cue) && b - c - 1 <= MAX_TAIL_OBJECT_WORDS
}

/** Belief verbs report a statement only with nothing after them inside a sentence: ", she believes," */
const BELIEF_CUES: ReadonlySet<string> = new Set(['believe', 'believes', 'believed', 'think', 'thinks', 'thought'])

function commaIndexBefore(words: readonly Word[], offset: number): number {
  const i = words.findIndex((w) => w.start >= offset) - 1
  return i >= 0 && (words[i]!.text === ',' || words[i]!.text === '—') ? i : -1
}

function statementBeforeComma(words: readonly Word[], comma: number, cue: number, subject: Span): IndirectStatement | null {
  if (wordCount(words, 0, comma) < MIN_STATEMENT_WORDS) return null
  return { span: { start: words[0]!.start, end: words[comma - 1]!.end }, cue: { start: words[cue]!.start, end: words[cue]!.end }, subject }
}

/** "According to X, …" at the start, or "…, according to X." at the end. */
function accordingTo(words: readonly Word[], sentence: Span, source: string): IndirectStatement | null {
  const at = words.findIndex((w, i) => w.lower === 'according' && words[i + 1]?.lower === 'to')
  if (at < 0) return null
  const cue = { start: words[at]!.start, end: words[at + 1]!.end }
  const comma = words.findIndex((w, i) => i > at + 2 && w.text === ',')
  if (at === 0 && comma > 0) {
    if (wordCount(words, comma + 1, words.length) < MIN_STATEMENT_WORDS) return null
    const start = words[comma + 1]!.start
    return { span: { start, end: trimEnd(source, start, sentence.end) }, cue, subject: { start: words[2]!.start, end: words[comma - 1]!.end } }
  }
  if (at > 0 && words[at - 1]!.text === ',' && wordCount(words, 0, at - 1) >= MIN_STATEMENT_WORDS) {
    const last = trimEnd(source, words[at + 2]?.start ?? cue.end, sentence.end)
    const subject = words[at + 2] === undefined ? null : { start: words[at + 2]!.start, end: last }
    return { span: { start: words[0]!.start, end: words[at - 2]!.end }, cue, subject }
  }
  return null
}
