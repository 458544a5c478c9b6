import { languageOf, type EntitiesLayer, type Entity, type Quote, type QuotesLayer, type Sentence, type Span, type Speaker } from '../../document/index.js'
import type { Stage } from '../../pipeline/stage.js'
import { SUPPORTED_LANGUAGES, lexiconFor, type Lexicon } from '../../language/index.js'
import { sentenceLanguages } from '../metadata/block-language.js'
import { sentenceIndexAt, tokenize } from '../sentences/index.js'
import { NAMING_CUES, SPEECH_VERBS, TITLE_INTRODUCERS } from './cues.js'
import { findIndirect, mayReport } from './indirect.js'
import { findLexiconQuotes, isRoleOnly } from './lexicon-quotes.js'
import { pairQuoteMarks, type QuotedRun } from './marks.js'
import { findTranscriptLines, labelSpeaker, type TranscriptLine } from './transcript.js'
import { attributionAfter, attributionBefore, nearestCueBefore, readWords, resolveSpeaker, type Attribution, type Word } from './speaker.js'

export { pairQuoteMarks, type QuotedRun } from './marks.js'

/** A name or title in marks is short: “Russia-24” is one word, “Shark Tank” two. */
const MAX_TITLE_WORDS = 3
/** An attribution in its own sentence after a quote ("“…?” Trump asked.") is this short. */
const MAX_ATTRIBUTION_SENTENCE_WORDS = 8
/** Words between an attribution and the rest of its quote: “…,” Moreno said during a visit to Salem, “…”. */
const MAX_WORDS_BETWEEN_PARTS = 12
/** Small words a capitalised title may keep in lower case. */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'de'])

/**
 * Quotes and reported speech, each with its speaker and cue. Direct quotes come from paired
 * quote marks (over sentences and paragraphs, split around their attribution); reported speech
 * from "X said (that) …", "…, X said", "according to X". Speakers are tied to entities through
 * the entities layer, or left `unclear` when nothing in the text says who spoke.
 *
 * @example
 * const { quotes } = quotes.run(doc, {}).quotes!
 */
export const quotes: Stage = {
  name: 'quotes',
  requires: ['sentences', 'entities', 'metadata'],
  produces: ['quotes'],
  // The English rules on a language without a lexicon would take its words for English ones.
  languages: { codes: SUPPORTED_LANGUAGES, otherwise: { quotes: { quotes: [] } }, what: 'quotes' },
  run(doc) {
    const sentences = doc.layers.sentences?.sentences ?? []
    const languages = sentenceLanguages(doc)
    const own = doc.layers.metadata?.language?.value
    const read = (language: string | undefined): QuotesLayer => {
      const lexicon = lexiconFor(language)
      return findQuotes(doc.source, sentences, doc.layers.entities, lexicon?.code === 'en' ? undefined : lexicon)
    }
    const docLanguage = languageOf(doc)
    const other = new Set(languages.filter((l) => l !== docLanguage))
    if (other.size === 0) return { quotes: read(own) }
    // A page that quotes a paragraph in another language: each language's rules read the whole
    // text once, and each keeps the quotes that start in its own paragraphs.
    const kept = [docLanguage, ...other].flatMap((language) => read(language).quotes.filter((q) => languages[q.sentence] === language))
    kept.sort((a, b) => a.span.start - b.span.start)
    return { quotes: { quotes: kept.map((q, k) => ({ ...q, id: `q${k}` })) } }
  },
}

interface Found {
  readonly span: Span
  readonly parts: readonly Span[]
  readonly direct: boolean
  readonly partial: boolean
  readonly attribution: Attribution | null
  /** A transcript line: its subject is a label ("WALLACE"). */
  readonly transcript?: boolean
}

function transcriptQuote(line: TranscriptLine): Found {
  return { span: line.text, parts: [line.text], direct: true, partial: false, attribution: { cue: line.colon, subject: line.label }, transcript: true }
}

/**
 * The quotes layer of a text, from its sentences and (when given) its entities.
 *
 * @example
 * findQuotes(source, sentences, entities).quotes.map((q) => source.slice(q.span.start, q.span.end))
 */
export function findQuotes(source: string, sentences: readonly Sentence[], entities: EntitiesLayer | undefined, lexicon?: Lexicon): QuotesLayer {
  if (lexicon !== undefined) return placeSpeakers(source, sentences, entities, lexiconQuotes(source, sentences, entities, lexicon), lexicon)
  const words = new SentenceWords(source, sentences)
  const runs = pairQuoteMarks(source, sentences)
  const lines = findTranscriptLines(source, sentences)
  // A transcript line is its speaker's quote; marks inside or around it pair into no other quote.
  const direct = findDirect(source, sentences, runs, words).filter((f) => !lines.some((l) => f.span.start < l.text.end && l.text.start < f.span.end))
  const found = [...direct, ...lines.map(transcriptQuote), ...findReported(source, sentences, runs, words)]
  return placeSpeakers(source, sentences, entities, found)
}

/** Direct quotes of a text in another language than English, read with its lexicon. */
function lexiconQuotes(source: string, sentences: readonly Sentence[], entities: EntitiesLayer | undefined, lexicon: Lexicon): Found[] {
  const persons = new Set((entities?.entities ?? []).filter((e) => e.type === 'person').map((e) => e.id))
  const namesPerson = (span: Span): boolean => (entities?.mentions ?? []).some((m) => persons.has(m.entity) && m.span.start >= span.start && m.span.end <= span.end)
  return findLexiconQuotes(source, sentences, lexicon, namesPerson).map(({ run, attribution }) => ({
    span: { start: run.parts[0]!.start, end: run.parts[run.parts.length - 1]!.end },
    parts: run.parts,
    direct: true,
    partial: false,
    attribution,
  }))
}

/**
 * Each found quote with its speaker: the entity its attribution names, a pronoun's or a bare
 * quote's speaker carried from the quote before it in the same or the previous paragraph.
 */
function placeSpeakers(source: string, sentences: readonly Sentence[], entities: EntitiesLayer | undefined, found: Found[], lexicon?: Lexicon): QuotesLayer {
  found.sort((a, b) => a.span.start - b.span.start)
  const pronouns = new Set(lexicon?.pronouns ?? [])
  const byId = new Map<string, Entity>((entities?.entities ?? []).map((e) => [e.id, e]))
  const out: Quote[] = []
  let last: { speaker: Speaker; block: number } | null = null
  for (const f of found) {
    const sentence = Math.max(0, sentenceIndexAt(sentences, f.span.start))
    const block = sentences[sentence]?.block ?? 0
    const subject = f.attribution?.subject ?? null
    let speaker = resolveSpeaker(source, entities, subject, byId)
    if (f.transcript) speaker = labelSpeaker(source, entities, f.attribution!.subject!, speaker)
    if (f.attribution === null && last !== null && block - last.block <= 1) {
      speaker = { entity: last.speaker.entity, span: last.speaker.span, resolution: 'carried' }
    } else if (lexicon !== undefined && f.attribution !== null && subject === null) {
      // A speech verb with no subject ("«…», advirtió"): the person named last before the quote.
      const antecedent = personBefore(entities, byId, f.span.start, out) ?? (last !== null && block - last.block <= 1 && last.speaker.span !== null ? last.speaker : null)
      if (antecedent !== null) speaker = { entity: antecedent.entity, span: antecedent.span, resolution: 'pronoun' }
    } else if (lexicon !== undefined && subject !== null && speaker.entity === null) {
      // "er sagte", "a-t-il ajouté", "a ajouté le ministre": a pronoun or a role noun stands for the
      // speaker quoted just before, else for the person named last before the quote.
      const pronoun = pronouns.has(source.slice(subject.start, subject.end).toLowerCase())
      // A role after the quote refers back ("«…», a ajouté le ministre"); one before it introduces a
      // speaker of its own ("Мэр ответил: «…»", "Secondo l'assessore, «…»").
      const refersBack = f.attribution !== null && f.attribution.cue.start >= f.span.end
      if (pronoun || (refersBack && isRoleOnly(source, subject, lexicon))) {
        const antecedent = personBefore(entities, byId, f.span.start, out) ?? (last !== null && block - last.block <= 1 && last.speaker.span !== null ? last.speaker : null)
        if (antecedent !== null) speaker = { entity: antecedent.entity, span: antecedent.span, resolution: pronoun ? 'pronoun' : 'role' }
      }
    }
    if (speaker.span !== null) last = { speaker, block }
    out.push({
      id: `q${out.length}`, span: f.span, parts: f.parts, direct: f.direct, partial: f.partial,
      speaker, cue: f.attribution?.cue ?? null, sentence,
    })
  }
  return { quotes: out }
}

/**
 * The last person named before `at` outside the quotes already found (a name inside a quote is
 * spoken of, not speaking), as a speaker: what a pronoun or a role noun at an attribution stands for.
 */
function personBefore(entities: EntitiesLayer | undefined, byId: ReadonlyMap<string, Entity>, at: number, quotes: readonly Quote[]): { entity: string; span: Span } | null {
  const mentions = entities?.mentions ?? []
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!
    if (m.span.end > at || byId.get(m.entity)?.type !== 'person' || m.kind === 'pronoun') continue
    if (quotes.some((q) => q.span.start <= m.span.start && m.span.end <= q.span.end)) continue
    return { entity: m.entity, span: m.span }
  }
  return null
}

/** Each sentence's words, tokenised on first use. */
class SentenceWords {
  private readonly cache = new Map<number, Word[]>()
  constructor(private readonly source: string, private readonly sentences: readonly Sentence[]) {}
  of(index: number): Word[] {
    let w = this.cache.get(index)
    if (w === undefined) {
      const s = this.sentences[index]
      w = s === undefined ? [] : readWords(this.source, tokenize(this.source, s.span))
      this.cache.set(index, w)
    }
    return w
  }
}

function findDirect(source: string, sentences: readonly Sentence[], runs: readonly QuotedRun[], words: SentenceWords): Found[] {
  const out: Found[] = []
  for (let j = 0; j < runs.length; j++) {
    const run = runs[j]!
    const next = runs[j + 1]
    const previous = runs[j - 1]
    const so = sentenceIndexAt(sentences, run.open)
    const sc = sentenceIndexAt(sentences, run.close - 1)
    if (so < 0 || sc < 0) continue
    const before = words.of(so).filter((w) => w.end <= run.open && (previous === undefined || w.start >= previous.close))
    const after = wordsAfter(sentences, words, sc, run.close, next?.open ?? Infinity)
    const inside = run.parts.reduce((n, p) => n + countWords(source, p), 0)
    const attrAfter = attributionAfter(after)
    const attrBefore = attributionBefore(before) ?? (before.length === 0 ? attributionEndingWithColon(words.of(so - 1)) : null)
    const tight = attrAfter ?? attrBefore
    if (inside === 0) continue
    // A short name-like phrase in marks with no cue in reach is a name or title; right after
    // "channel", "called", "the so-called" it is one even with a cue in reach.
    const titleLike = isTitleLike(source, run)
    const introduced = isIntroducedTitle(before)
    if (inside <= MAX_TITLE_WORDS && ((tight === null && (titleLike || introduced)) || (titleLike && introduced))) continue
    const hasWordsBefore = before.some((w) => w.kind !== 'punct')
    const startsLower = /^\p{Ll}/u.test(source.slice(run.parts[0]!.start, run.parts[0]!.start + 1))
    const partial = attrBefore === null ? hasWordsBefore : startsLower || NAMING_CUES.has(source.slice(attrBefore.cue.start, attrBefore.cue.end))
    let attribution = tight
    if (partial && attribution === null) {
      const sentenceBefore = words.of(so).filter((w) => w.end <= run.open)
      attribution = nearestCueBefore(sentenceBefore, sentenceBefore.length)
    }
    if (partial && attribution === null) continue
    let parts = run.parts
    if (attrAfter !== null && next !== undefined && sameBlock(sentences, run.close - 1, next.open) &&
      (joinsAcrossAttribution(source, sentences, words, attrAfter, next) || continuesAfterAttribution(sentences, words, attrAfter, next, runs[j + 2]))) {
      parts = [...parts, ...next.parts]
      j++
    }
    out.push({ span: { start: parts[0]!.start, end: parts[parts.length - 1]!.end }, parts, direct: true, partial, attribution })
  }
  return out
}

/** Words after a closing mark up to the sentence's end or the next opening mark; an attribution sentence of its own when the quote ends its sentence. */
function wordsAfter(sentences: readonly Sentence[], words: SentenceWords, sc: number, close: number, nextOpen: number): Word[] {
  const rest = words.of(sc).filter((w) => w.start >= close && w.start < nextOpen)
  if (rest.some((w) => w.kind !== 'punct')) return rest
  const following = sentences[sc + 1]
  if (following === undefined || following.block !== sentences[sc]!.block || following.span.start >= nextOpen) return rest
  const candidate = words.of(sc + 1)
  const count = candidate.filter((w) => w.kind !== 'punct').length
  return count <= MAX_ATTRIBUTION_SENTENCE_WORDS ? candidate : rest
}

/** "Caddell continued:" as the sentence before a quote that opens its own sentence or paragraph. */
function attributionEndingWithColon(previous: readonly Word[]): Attribution | null {
  return previous[previous.length - 1]?.text === ':' ? attributionBefore(previous) : null
}

function sameBlock(sentences: readonly Sentence[], a: number, b: number): boolean {
  return sentences[sentenceIndexAt(sentences, a)]?.block === sentences[sentenceIndexAt(sentences, b)]?.block
}

/**
 * “…,” he added, “…”: the next quote opens in the attribution's sentence, after a comma, colon
 * or dash, with no other cue between (“…,” Moreno said during a visit to Salem, Ore., “…”).
 */
function joinsAcrossAttribution(source: string, sentences: readonly Sentence[], words: SentenceWords, attribution: Attribution, next: QuotedRun): boolean {
  const end = Math.max(attribution.cue.end, attribution.subject?.end ?? 0)
  if (end > next.open) return false
  const between = source.slice(end, next.open)
  if (/^[\s,:;—–-]*$/.test(between)) return true
  const s = sentenceIndexAt(sentences, end - 1)
  if (s < 0 || s !== sentenceIndexAt(sentences, next.open) || !/[,:—–]\s*$/.test(between)) return false
  const inBetween = words.of(s).filter((w) => w.start >= end && w.end <= next.open && w.kind === 'word')
  return inBetween.length <= MAX_WORDS_BETWEEN_PARTS && !inBetween.some((w) => SPEECH_VERBS.has(w.lower))
}

/**
 * “…,” said X, a professor at Y. “…”: a quote that opens the next sentence of the paragraph
 * and has no attribution of its own goes on with the one just attributed (the news convention
 * for a quote interrupted by who said it).
 */
function continuesAfterAttribution(sentences: readonly Sentence[], words: SentenceWords, attribution: Attribution, next: QuotedRun, afterNext: QuotedRun | undefined): boolean {
  const end = Math.max(attribution.cue.end, attribution.subject?.end ?? 0)
  if (end > next.open) return false
  const sn = sentenceIndexAt(sentences, next.open)
  if (sn < 0 || sentenceIndexAt(sentences, end - 1) === sn) return false
  if (words.of(sn).some((w) => w.end <= next.open && w.kind !== 'punct')) return false
  const sc = sentenceIndexAt(sentences, next.close - 1)
  if (sc < 0) return false
  return attributionAfter(wordsAfter(sentences, words, sc, next.close, afterNext?.open ?? Infinity)) === null
}

function isTitleLike(source: string, run: QuotedRun): boolean {
  const text = run.parts.map((p) => source.slice(p.start, p.end)).join(' ')
  const ws = text.split(/\s+/).filter((w) => w !== '')
  return ws.length > 0 && ws.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())))
}

function isIntroducedTitle(before: readonly Word[]): boolean {
  let i = before.length - 1
  if (before[i]?.lower === 'the') i--
  const w = before[i]
  return w !== undefined && TITLE_INTRODUCERS.has(w.lower)
}

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu

function countWords(source: string, s: Span): number {
  WORD.lastIndex = s.start
  let n = 0
  for (let m = WORD.exec(source); m !== null && m.index < s.end; m = WORD.exec(source)) n++
  return n
}

function findReported(source: string, sentences: readonly Sentence[], runs: readonly QuotedRun[], words: SentenceWords): Found[] {
  const quoted = runs.map((r) => ({ start: r.open, end: r.close }))
  const out: Found[] = []
  // Runs and sentences are both in source order: walk the runs once, handing each sentence only
  // the runs that reach into it (not every run of the document).
  let first = 0
  for (let i = 0; i < sentences.length; i++) {
    const span = sentences[i]!.span
    while (first < quoted.length && quoted[first]!.end <= span.start) first++
    // Most sentences report nothing: a regex over the text is cheaper than their tokens.
    if (!mayReport(source, span)) continue
    let last = first
    while (last < quoted.length && quoted[last]!.start < span.end) last++
    const statement = findIndirect(words.of(i), quoted.slice(first, last), span, source)
    if (statement === null) continue
    out.push({ span: statement.span, parts: statement.parts ?? [statement.span], direct: false, partial: false, attribution: { cue: statement.cue, subject: statement.subject } })
  }
  return out
}
