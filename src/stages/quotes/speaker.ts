import type { EntitiesLayer, Entity, Mention, Span, Speaker } from '../../document/index.js'
import { hasLexicalTag, type Token } from '../sentences/index.js'
import { mentionsIn } from '../entities/lookup.js'
import { SPEAKER_PRONOUNS, SPEECH_VERBS } from './cues.js'

/** Where a quote is attributed: the cue, and the words naming who spoke (null when none). */
export interface Attribution {
  readonly cue: Span
  readonly subject: Span | null
}

/** A speaker's noun phrase is short: longer runs before a cue are clauses, not names. */
const MAX_SUBJECT_TOKENS = 10
/** An aside between a speaker and the cue is this short: "Ada Moreno, a hydrologist at the institute, said". */
const MAX_ASIDE_TOKENS = 25
/** Words allowed between a cue and its quote: "told reporters on Monday: “…”". */
const MAX_CUE_TO_MARK_TOKENS = 6

/** Words that end a speaker phrase walking away from the cue. */
const PHRASE_STOPS: ReadonlySet<string> = new Set([
  'that', 'and', 'but', 'or', 'nor', 'who', 'whom', 'which', 'when', 'while', 'where', 'because', 'if',
  'as', 'than', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'during', 'after', 'before', 'since',
  'about', 'into', 'over', 'under', 'against', 'through', 'without', 'though', 'although', 'so',
  'then', 'not', 'also', 'yet', 'there', 'here', 'what', 'how', 'why', 'is', 'are', 'was', 'were',
  'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'should',
  'may', 'might', 'must', 'shall', 'it', 'this', 'these', 'those', 'all',
])

/** Words between a subject and its cue that belong to neither: "he also added", "Lavrov firmly stated". */
const CUE_ADVERBS: ReadonlySet<string> = new Set([
  'also', 'then', 'later', 'again', 'once', 'previously', 'recently', 'reportedly', 'further',
  'has', 'have', 'had', 'was', 'is', 'would', 'will', 'did', 'does', 'just', 'still', 'even',
  'often', 'never', 'always', 'already', 'simply', 'only', 'earlier', 'repeatedly',
])
/** A lower-case adverb in -ly ("firmly"), read as a cue adverb. */
const LY_ADVERB = /^[a-z]+ly$/

/** Prepositions that may stand between a cue and its quote ("said in a statement: “"). */
export const CUE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'on', 'at', 'to', 'during', 'with', 'for', 'after', 'before', 'about'])

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'another', 'one', 'some', 'several', 'many', 'two', 'three', 'other'])

/** Tags (compromise's lexicon) of words that cannot sit in a speaker phrase unless capitalised. */
export const VERB_TAGS = ['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Modal', 'Copula', 'Auxiliary', 'Adverb']

/** A token with its text, read once. */
export interface Word {
  readonly start: number
  readonly end: number
  readonly kind: Token['kind']
  readonly text: string
  readonly lower: string
}

/** Tokens with their text, so the rules below read words, not offsets. */
export function readWords(source: string, tokens: readonly Token[]): Word[] {
  return tokens.map((t) => {
    const text = source.slice(t.start, t.end)
    return { start: t.start, end: t.end, kind: t.kind, text, lower: text.toLowerCase() }
  })
}

function isCueWord(w: Word | undefined): boolean {
  return w !== undefined && w.kind === 'word' && SPEECH_VERBS.has(w.lower)
}

/** A cue word used as a verb: not capitalised, and no noun after a determiner ("one of the states", "a note"). */
function isCueAt(words: readonly Word[], i: number): boolean {
  const w = words[i]
  return isCueWord(w) && !isCapitalised(w!) && !DETERMINERS.has(words[i - 1]?.lower ?? '')
}

function isCapitalised(w: Word): boolean {
  const c = w.text.charCodeAt(0)
  return c >= 65 && c <= 90 || (w.text[0] !== w.lower[0])
}

/** True when the word can sit inside a speaker phrase or an object: no verb, preposition or conjunction. */
export function isPhraseWord(w: Word): boolean {
  if (w.kind === 'number') return true
  if (w.kind !== 'word') return false
  if (PHRASE_STOPS.has(w.lower)) return false
  if (isCueWord(w) && !isCapitalised(w)) return false
  if (!isCapitalised(w) && !DETERMINERS.has(w.lower) && VERB_TAGS.some((t) => hasLexicalTag(w.lower, t))) return false
  return true
}

/** "Sen." or "J." inside a name: a dot after a short capitalised word, before a capitalised one. */
function isNameDot(words: readonly Word[], i: number): boolean {
  const w = words[i]!
  const before = words[i - 1]
  const after = words[i + 1]
  return w.text === '.' && before !== undefined && after !== undefined && before.end === w.start &&
    before.kind === 'word' && before.text.length <= 4 && isCapitalised(before) && isCapitalised(after)
}

function skipBackOverAdverbs(words: readonly Word[], i: number, lo: number): number {
  let k = i
  for (;;) {
    while (k >= lo && words[k]!.kind === 'word' && (CUE_ADVERBS.has(words[k]!.lower) || LY_ADVERB.test(words[k]!.text))) k--
    // "Trump responded by calling the plan …": the subject is the one who responded.
    if (k - 1 >= lo && words[k]!.lower === 'by' && words[k - 1]!.kind === 'word') {
      k -= 2
      continue
    }
    // "Moreno laughed and said": the subject of both verbs.
    if (k - 1 > lo && words[k]!.lower === 'and' && isPastVerb(words[k - 1]!)) {
      k -= 2
      continue
    }
    return k
  }
}

/**
 * The speaker phrase ending just before the cue at `cue`, walking back over words that can
 * name a speaker ("the foreign minister", "Chinese Foreign Ministry spokesman Guo Jiakun").
 *
 * @example
 * subjectBefore(readWords(src, tokenize(src, sentence)), cueIndex, 0) // span of "the foreign minister"
 */
export function subjectBefore(words: readonly Word[], cue: number, lo: number): Span | null {
  const end = skipBackOverAdverbs(words, cue - 1, lo)
  if (end < lo) return null
  if (words[end]!.text === ',' && words[cue]?.lower.endsWith('ing') === true) return participleSubject(words, end, lo)
  if (words[end]!.text === ',' || words[end]!.text === ')') return subjectBeforeAside(words, end, lo)
  let start = end + 1
  for (let i = end; i >= lo && end - i < MAX_SUBJECT_TOKENS; i--) {
    const w = words[i]!
    if (w.kind === 'word' && SPEAKER_PRONOUNS.has(w.lower)) {
      if (i === end) start = i
      break
    }
    if (isNameDot(words, i) || (w.kind === 'punct' && (w.text === '’' || w.text === "'") && i > lo && words[i - 1]!.end === w.start)) {
      start = i
      continue
    }
    // "the coach": a noun that can also be a verb is a noun after a determiner.
    if (!isPhraseWord(w) && !(w.kind === 'word' && !PHRASE_STOPS.has(w.lower) && DETERMINERS.has(words[i - 1]?.lower ?? ''))) break
    start = i
  }
  if (start > end) return null
  start = cutAtFirstDeterminer(words, start, end)
  while (start <= end && (words[start]!.lower === 'of' || words[start]!.lower === 'for')) start++
  if (start > end) return null
  return { start: words[start]!.start, end: words[end]!.end }
}

/**
 * The speaker before an aside that ends at `end` (a comma or a closing bracket): "Ada Moreno
 * (D-Ore.) said", "Ada Moreno, a hydrologist at the institute, said", "On Monday, the council,
 * which met in May, said". The comma-separated pieces are read from the sentence's start (or a
 * "but" or "and" that opens a piece): past openers ("On Monday", "However"), the first piece is
 * the speaker when it is a noun phrase, and anything else leaves the speaker unknown, as does an
 * aside holding a cue or a quote mark.
 */
function subjectBeforeAside(words: readonly Word[], end: number, lo: number): Span | null {
  if (words[end]!.text === ')') {
    for (let k = end - 1; k >= lo && end - k <= MAX_ASIDE_TOKENS; k--) {
      if (words[k]!.text === '(') return k > lo && words[k - 1]!.kind === 'word' ? subjectBefore(words, k, lo) : null
      if (words[k]!.text === ')') return null
    }
    return null
  }
  const pieces = asidePieces(words, end, lo)
  if (pieces === null) return null
  for (let p = 0; p < pieces.length - 1; p++) {
    const [start, to] = pieces[p]!
    const from = CLAUSE_JOINERS.has(words[start]!.lower) ? start + 1 : start
    if (from >= to || isOpener(words, from, to)) continue
    return nounPhrase(words, from, to)
  }
  return null
}

/** The comma-separated pieces before `end`, left to right, or null when a cue, quote mark or the token limit comes first. */
function asidePieces(words: readonly Word[], end: number, lo: number): [number, number][] | null {
  const pieces: [number, number][] = []
  let pieceEnd = end
  for (let k = end - 1; ; k--) {
    if (k < lo) {
      pieces.push([lo, pieceEnd])
      break
    }
    const w = words[k]!
    if (end - k > MAX_ASIDE_TOKENS || isCueAt(words, k) || QUOTE_MARK.test(w.text) || w.text === ';' || w.text === ':') return null
    if (w.text !== ',') continue
    if (k + 1 < pieceEnd) pieces.push([k + 1, pieceEnd])
    pieceEnd = k
    // "…, but the senator, a Democrat, said" starts a clause; "…, and co-author of the study, said" ends the aside.
    if (pieces.length > 1 && CLAUSE_JOINERS.has(words[k + 1]?.lower ?? '')) break
  }
  return pieces.reverse()
}

/** The whole of words[from, to) as a speaker phrase, or null; a final "Jr." or "Inc." keeps its dot. */
function nounPhrase(words: readonly Word[], from: number, to: number): Span | null {
  const dotted = to - 1 > from && words[to - 1]!.text === '.' && words[to - 2]!.end === words[to - 1]!.start
  const phrase = subjectBefore(words, dotted ? to - 1 : to, from)
  if (phrase === null || phrase.start !== words[from]!.start) return null
  return dotted ? { start: phrase.start, end: words[to - 1]!.end } : phrase
}

/** Words that open a new clause inside a sentence: "…, but the senator, a Democrat, said". */
const CLAUSE_JOINERS: ReadonlySet<string> = new Set(['but', 'and', 'while', 'yet', 'so'])

/** A sentence opener before the speaker: a time, a prepositional phrase, a lone adverb ("However"). */
function isOpener(words: readonly Word[], from: number, to: number): boolean {
  const first = words[from]!
  if (isTimePhrase(words, from, to)) return true
  if (PHRASE_STOPS.has(first.lower) || CUE_PREPOSITIONS.has(first.lower) || isAccordingTo(words, from)) return true
  return to - from === 1 && hasLexicalTag(first.lower, 'Adverb')
}

const QUOTE_MARK = /["“”«»]/

/**
 * The subject of the clause a participle cue hangs on: "Trump attacked the plan, saying, “…”",
 * "Moreno said, adding later, “…”". Past openers ("During the speech"), the first piece of the
 * sentence with a verb; its subject is the words before that verb.
 */
function participleSubject(words: readonly Word[], comma: number, lo: number): Span | null {
  const pieces: [number, number][] = []
  let pieceEnd = comma
  for (let k = comma - 1; k >= lo - 1; k--) {
    if (k >= lo && words[k]!.text !== ',') continue
    if (k + 1 < pieceEnd) pieces.unshift([k + 1, pieceEnd])
    pieceEnd = k
  }
  for (const [from, to] of pieces) {
    if (isOpener(words, from, to)) continue
    for (let v = from + 1; v < to; v++) {
      if (!isCueWord(words[v]) && !isPastVerb(words[v]!)) continue
      const subject = subjectBefore(words, v, from)
      return subject !== null && subject.start === words[from]!.start ? subject : null
    }
    return null
  }
  return null
}

/** A lower-case past-tense verb: the lexicon's, or a regular "-ed" form. */
function isPastVerb(w: Word): boolean {
  return w.kind === 'word' && !isCapitalised(w) && (hasLexicalTag(w.lower, 'PastTense') || (w.lower.length > 4 && w.lower.endsWith('ed')))
}

/** Words of a time phrase ("Last week", "Monday", "In 2016"): such a piece before a comma is no speaker. */
const TIME_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'morning', 'afternoon', 'evening', 'night', 'day', 'days', 'hour', 'hours', 'week', 'weeks', 'weekend', 'month', 'months',
  'year', 'years', 'decade', 'later', 'earlier',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
])

function isTimePhrase(words: readonly Word[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (words[i]!.kind === 'number' || TIME_WORDS.has(words[i]!.lower)) return true
  return false
}


/** "Monday the senator said": a determiner starts the phrase; what comes before it is something else. */
function cutAtFirstDeterminer(words: readonly Word[], start: number, end: number): number {
  for (let i = start + 1; i <= end; i++) {
    const w = words[i]!
    // "Sonya A. Zoghlin": a capital A with a dot is an initial, not the article.
    const initial = w.text === 'A' && words[i + 1]?.text === '.' && words[i + 1]!.start === w.end
    if ((w.lower === 'the' || w.lower === 'a' || w.lower === 'an') && !initial && words[i - 1]!.lower !== 'of' && words[i - 1]!.lower !== 'for') return i
  }
  return start
}

/** The speaker phrase starting at `from`, after an inverted cue ("…,” said the foreign minister). */
export function subjectAfter(words: readonly Word[], from: number, hi: number): Span | null {
  const first = words[from]
  if (first === undefined || from >= hi) return null
  if (first.kind === 'word' && SPEAKER_PRONOUNS.has(first.lower)) return { start: first.start, end: first.end }
  let end = from - 1
  for (let i = from; i < hi && i - from < MAX_SUBJECT_TOKENS; i++) {
    const w = words[i]!
    if (isNameDot(words, i)) continue
    if (!isPhraseWord(w) || (w.kind === 'word' && SPEAKER_PRONOUNS.has(w.lower))) break
    end = i
  }
  if (end < from) return null
  return { start: first.start, end: words[end]!.end }
}

/** Index of "according" when words[i..i+1] read "according to". */
function isAccordingTo(words: readonly Word[], i: number): boolean {
  return words[i]?.lower === 'according' && words[i + 1]?.lower === 'to'
}

/**
 * The attribution right after a closing mark: "…,” he added", "…,” said Lavrov", "…,” according to X".
 * `words` start after the mark and end at the sentence's end or the next opening mark.
 */
export function attributionAfter(words: readonly Word[]): Attribution | null {
  let i = 0
  let dash: Word | undefined
  while (i < words.length && words[i]!.kind === 'punct' && /^[,—–―-]$/.test(words[i]!.text)) {
    if (words[i]!.text !== ',') dash = words[i]
    i++
  }
  if (i >= words.length) return null
  // "“…” ― Jane Roe": a dash and a name, as under an epigraph or in a list of reactions.
  if (dash !== undefined && /^\p{Lu}/u.test(words[i]!.text)) {
    const name = subjectAfter(words, i, words.length)
    if (name !== null && words.every((w) => w.start < name.end || w.kind === 'punct')) return { cue: span(dash), subject: name }
  }
  if (isAccordingTo(words, i)) {
    return { cue: { start: words[i]!.start, end: words[i + 1]!.end }, subject: subjectAfter(words, i + 2, words.length) }
  }
  if (isCueWord(words[i]) && !isCapitalised(words[i]!)) {
    return { cue: span(words[i]!), subject: subjectAfter(words, i + 1, words.length) }
  }
  for (let c = i + 1; c < words.length && c - i <= MAX_SUBJECT_TOKENS + MAX_ASIDE_TOKENS; c++) {
    if (!isCueAt(words, c)) continue
    const subject = subjectBefore(words, c, i)
    if (subject !== null && subject.start === words[i]!.start) return { cue: span(words[c]!), subject }
    return null
  }
  return null
}

/**
 * The attribution just before an opening mark: "Putin added, “", "Lavrov stated that "",
 * "he told reporters on Monday: “", "According to X, “". `words` run from the sentence's start
 * to the mark. `tight` is false for a cue further back in the sentence (for partial quotes).
 */
export function attributionBefore(words: readonly Word[]): Attribution | null {
  let end = words.length - 1
  while (end >= 0 && words[end]!.kind === 'punct' && /^[,:—–-]$/.test(words[end]!.text)) end--
  if (end >= 0 && words[end]!.lower === 'that') end--
  for (let c = end; c >= 0 && end - c <= MAX_CUE_TO_MARK_TOKENS; c--) {
    const w = words[c]!
    if (w.kind === 'punct') break
    if (isAccordingTo(words, c)) return null
    if (isCueWord(w) && !isCapitalised(w)) return { cue: span(w), subject: subjectBefore(words, c, 0) }
    // Between the cue and the mark only an object or a place and time: "told Kommersant on Wednesday: “".
    if (!isPhraseWord(w) && !CUE_PREPOSITIONS.has(w.lower)) break
  }
  return accordingToBefore(words, end)
}

/** "According to X, “…”": the cue, and X up to the comma before the mark. */
function accordingToBefore(words: readonly Word[], end: number): Attribution | null {
  for (let c = end - 2; c >= 0; c--) {
    if (words[c]!.kind === 'punct' && words[c]!.text !== '.') return null
    if (isAccordingTo(words, c)) {
      return { cue: { start: words[c]!.start, end: words[c + 1]!.end }, subject: { start: words[c + 2]!.start, end: words[end]!.end } }
    }
  }
  return null
}

/** The nearest cue before `end` anywhere in the words (a partial quote's "called", "described"), with its subject. */
export function nearestCueBefore(words: readonly Word[], end: number): Attribution | null {
  for (let c = end - 1; c >= 0; c--) {
    if (isCueWord(words[c]) && !isCapitalised(words[c]!)) return { cue: span(words[c]!), subject: subjectBefore(words, c, 0) }
    if (isAccordingTo(words, c)) return { cue: { start: words[c]!.start, end: words[c + 1]!.end }, subject: subjectAfter(words, c + 2, end) }
  }
  return null
}

function span(w: Word): Span {
  return { start: w.start, end: w.end }
}

/** A lower-case head noun followed by "of", "for" or "published by" and the start of the name it governs. */
const MODIFIED_HEAD = /(\p{Ll}+)\s+(?:of|for|(?:published|issued|released|posted)\s+by)\s+(?:the\s+)?$/u

/** Head nouns for a person that compromise's lexicon does not tag as a role ("the master of the Kremlin"). */
const PERSON_HEADS: ReadonlySet<string> = new Set(['master', 'head', 'chief', 'boss', 'ruler', 'spokesman', 'spokeswoman', 'spokesperson'])

/**
 * Ties a speaker phrase to an entity through the entities layer. A person's mention wins over
 * the other names in the phrase ("Chinese Foreign Ministry spokesman Guo Jiakun" is Guo Jiakun);
 * a pronoun or role noun the entities layer did not resolve stays `unclear`: never a guess.
 *
 * @example
 * resolveSpeaker(source, entities, span, byId) // { entity: 'person:sergey-lavrov', span, resolution: 'pronoun' }
 */
export function resolveSpeaker(source: string, entities: EntitiesLayer | undefined, subject: Span | null, byId: ReadonlyMap<string, Entity>): Speaker {
  if (subject === null) return { entity: null, span: null, resolution: 'unclear' }
  const mention = entities === undefined ? undefined : pickMention(mentionsIn(entities, subject), subject, byId)
  if (mention !== undefined && byId.get(mention.entity)?.type !== 'person') {
    // "The master of the Kremlin stressed": the speaker is the head noun, and the name only
    // modifies it. A role head the text does not resolve is unclear; any other head is unnamed.
    const head = MODIFIED_HEAD.exec(source.slice(subject.start, mention.span.start))?.[1]
    if (head !== undefined) return { entity: null, span: subject, resolution: hasLexicalTag(head, 'Actor') || PERSON_HEADS.has(head) ? 'unclear' : 'unnamed' }
  }
  if (mention !== undefined) {
    const resolution = mention.kind === 'pronoun' ? 'pronoun' : mention.kind === 'role' ? 'role' : 'named'
    return { entity: mention.entity, span: subject, resolution }
  }
  const text = source.slice(subject.start, subject.end)
  const words = text.toLowerCase().split(/\s+/)
  const head = words[words.length - 1] ?? ''
  if (words.length === 1 && SPEAKER_PRONOUNS.has(head)) return { entity: null, span: subject, resolution: 'unclear' }
  if ((words[0] === 'the' || words[0] === 'this') && hasLexicalTag(head, 'Actor') && !/[A-Z]/.test(text)) {
    return { entity: null, span: subject, resolution: 'unclear' }
  }
  return { entity: null, span: subject, resolution: 'unnamed' }
}

function pickMention(found: readonly Mention[], subject: Span, byId: ReadonlyMap<string, Entity>): Mention | undefined {
  const inside = found.filter((m) => m.span.start >= subject.start && m.span.end <= subject.end)
  const pool = inside.length > 0 ? inside : found
  let best: Mention | undefined
  let bestRank = -1
  for (const m of pool) {
    const type = byId.get(m.entity)?.type
    const rank = type === 'person' ? 3 : m.use === 'attribute' || m.kind === 'demonym' ? 1 : 2
    if (rank >= bestRank) {
      best = m
      bestRank = rank
    }
  }
  return best
}
