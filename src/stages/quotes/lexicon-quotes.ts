import type { Sentence, Span } from '../../document/index.js'
import type { Lexicon } from '../../language/index.js'
import { INFLECTING, caseStems, nominativeStem } from '../../language/inflection.js'
import { blockRanges, type QuotedRun } from './marks.js'
import type { Attribution } from './speaker.js'

/*
 * Direct quotes in a language other than English, read from the lexicon: its quote marks („…“,
 * «…», »…«, 「…」), its speech verbs and the shapes attribution takes around a quote in news
 * writing of every language here:
 *
 *   „…“, sagte Lawrow.          «…», a déclaré le ministre.     «…», — заявил Лавров.
 *   Lawrow sagte: „…“           Selon Lavrov, « … »             Лавров заявил: «…»
 *   Am Mittwoch sagte Lawrow: „…“   „…“, so Lawrow.            拉夫罗夫表示：“……”
 *
 * The English stage keeps its own richer rules (partial quotes, titles in marks, quotes split
 * around "he added"); these are the shapes shared across languages.
 */

/** Words of an attribution after a quote: "a déclaré le ministre russe des Affaires étrangères Sergueï Lavrov". */
const MAX_ATTRIBUTION_WORDS = 12
/** Words of a speaker phrase: "der russische Außenminister Sergej Lawrow". */
const MAX_SPEAKER_WORDS = 8
/** A run shorter than this many words, with no speech verb near it, is a name or a term in marks ("die sogenannte „Zeitenwende“"). */
const MIN_UNATTRIBUTED_WORDS = 4
/** Words a subject may stand after its verb: "a déclaré mercredi à Moscou le ministre". */
const MAX_WORDS_BEFORE_SUBJECT = 3
/** Punctuation between words that ends the reach of a verb. */
const CLAUSE_GAP = /[,;:()]/

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*/gu
const SPACE = /\s/u
/** What ends the search for an attribution: the end of a clause the quote is not part of. */
const CLAUSE_END = /[.!?;。！？]/u

export interface LexiconQuote {
  readonly run: QuotedRun
  readonly attribution: Attribution | null
}

interface Lookup {
  readonly opening: ReadonlyMap<string, readonly string[]>
  readonly marks: RegExp
  readonly verbs: ReadonlySet<string>
  readonly particles: ReadonlySet<string>
  readonly pronouns: ReadonlySet<string>
  /** The title a word is, if any: elided articles dropped ("l'assessore"), case endings folded in Russian and Polish ("wojewody"). */
  readonly titleOf: (w: W) => string | undefined
  readonly leads: ReadonlySet<string>
  readonly according: readonly string[]
  readonly accordingAfter: readonly string[]
}

const lookups = new WeakMap<Lexicon, Lookup>()

function lookupOf(lex: Lexicon): Lookup {
  let l = lookups.get(lex)
  if (l) return l
  const opening = new Map<string, string[]>()
  for (const [open, close] of lex.quoteMarks) opening.set(open, [...(opening.get(open) ?? []), close])
  const chars = new Set(lex.quoteMarks.flat())
  l = {
    opening,
    marks: new RegExp(`[${[...chars].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'gu'),
    verbs: new Set(lex.speechVerbs),
    particles: new Set(lex.verbParticles),
    pronouns: new Set(lex.pronouns),
    titleOf: titleReader(lex),
    leads: new Set(lex.speakerLeads),
    according: lex.accordingTo,
    accordingAfter: lex.accordingToAfter,
  }
  lookups.set(lex, l)
  return l
}

const ELIDED = /^(?:l|d|dell|all|nell|sull|qu)['’]/

function titleReader(lex: Lexicon): (w: W) => string | undefined {
  const inflecting = INFLECTING.has(lex.code)
  const titles = new Map<string, string>()
  for (const t of lex.titles) titles.set(inflecting ? nominativeStem(t) : t, t)
  return (w) => {
    const bare = w.key.replace(ELIDED, '')
    if (!inflecting) return titles.get(bare)
    for (const k of caseStems(bare)) {
      const t = titles.get(k)
      if (t !== undefined) return t
    }
    return undefined
  }
}

/**
 * The direct quotes of a text in the lexicon's language, each with the attribution its sentence gives.
 *
 * @example
 * findLexiconQuotes('Lawrow sagte: „Das ist undenkbar.“', sentences, de)
 * // [{ run: { parts: [{ start: 15, end: 32 }], … }, attribution: { cue: 'sagte', subject: 'Lawrow' } }]
 */
export function findLexiconQuotes(source: string, sentences: readonly Sentence[], lex: Lexicon, namesPerson: (span: Span) => boolean = () => false): LexiconQuote[] {
  const l = lookupOf(lex)
  const out: LexiconQuote[] = []
  for (const block of blockRanges(sentences)) {
    for (const run of pairMarks(source, block, l)) {
      const attribution = attributionAfter(source, run, block, l, lex, namesPerson) ?? attributionBefore(source, run, block, l, lex, namesPerson)
      if (attribution === null && wordCount(source, run.parts) < MIN_UNATTRIBUTED_WORDS) continue
      out.push({ run, attribution })
    }
  }
  return out
}

/** Pairs the lexicon's marks in one block: the outermost pair is the quote; marks inside it are part of it. */
function pairMarks(source: string, block: Span, l: Lookup): QuotedRun[] {
  const runs: QuotedRun[] = []
  let open: { at: number; closes: readonly string[] } | null = null
  l.marks.lastIndex = block.start
  for (let m = l.marks.exec(source); m !== null && m.index < block.end; m = l.marks.exec(source)) {
    const c = m[0]
    const i = m.index
    if (open !== null) {
      if (open.closes.includes(c) && !isApostrophe(source, i, c)) {
        const part = trim(source, open.at + 1, i)
        if (part.end > part.start) runs.push({ parts: [part], open: open.at, close: i + 1 })
        open = null
      }
      continue
    }
    const closes = l.opening.get(c)
    if (closes === undefined) continue
    // A straight mark opens only at a word's start; a mark before the block's end opens nothing.
    if ((c === '"' || c === '‘' || c === '‚') && /[\p{L}\p{N}]/u.test(source[i - 1] ?? ' ')) continue
    if (i + 1 >= block.end) continue
    open = { at: i, closes }
  }
  return runs
}

function isApostrophe(source: string, i: number, c: string): boolean {
  return (c === '’' || c === '‘') && /[\p{L}]/u.test(source[i - 1] ?? ' ') && /[\p{L}]/u.test(source[i + 1] ?? ' ')
}

function trim(source: string, start: number, end: number): Span {
  let s = start
  let e = end
  while (s < e && SPACE.test(source[s]!)) s++
  while (e > s && (SPACE.test(source[e - 1]!) || source[e - 1] === ',')) e--
  return { start: s, end: e }
}

interface W {
  readonly start: number
  readonly end: number
  readonly key: string
  readonly capitalized: boolean
}

function wordsIn(source: string, from: number, to: number): W[] {
  const out: W[] = []
  WORD.lastIndex = from
  for (let m = WORD.exec(source); m !== null && m.index < to; m = WORD.exec(source)) {
    let text = m[0]
    while (text.endsWith('.') || text.endsWith('-')) text = text.slice(0, -1)
    if (text === '') continue
    const end = Math.min(m.index + text.length, to)
    out.push({ start: m.index, end, key: text.toLowerCase(), capitalized: text[0] !== text[0]!.toLowerCase() })
  }
  return out
}

function wordCount(source: string, parts: readonly Span[]): number {
  return parts.reduce((n, p) => n + wordsIn(source, p.start, p.end).length, 0)
}

/**
 * „…“, sagte Lawrow. · «…», — заявил Лавров. · «…», a déclaré M. Lavrov. · „…“, so Lawrow. ·
 * «…», Лавров заявил.
 */
function attributionAfter(source: string, run: QuotedRun, block: Span, l: Lookup, lex: Lexicon, namesPerson: (span: Span) => boolean): Attribution | null {
  let i = run.close
  while (i < block.end && (SPACE.test(source[i]!) || source[i] === ',' || (lex.dialogueDash && /[—–-]/.test(source[i]!)))) i++
  if (i >= block.end || CLAUSE_END.test(source[i]!)) return null
  const end = clauseEnd(source, i, block.end)
  const words = wordsIn(source, i, end).slice(0, MAX_ATTRIBUTION_WORDS)
  const v = findVerb(words, l, lex)
  if (v < 0) return null
  // "sagte Lawrow" (verb first) or "Лавров заявил" (speaker first).
  const cue = { start: words[v]!.start, end: words[v]!.end }
  const afterVerb = skipParticles(words, v + 1, l)
  const subject = choose([
    speakerPhrase(source, words.slice(afterVerb), l),
    speakerPhrase(source, words.slice(0, v).filter((w) => !l.particles.has(w.key) || l.pronouns.has(w.key)), l),
  ], source, l, namesPerson)
  // "«…», advirtió.": a speech verb right after the quote with no subject (the languages that drop
  // the pronoun) is an attribution all the same; its speaker is found as a pronoun's would be.
  if (subject === null) return v === 0 ? { cue, subject: null } : null
  return { cue, subject }
}

/**
 * Of the phrases on either side of the verb, the one that names a person (the entities layer
 * knows it), else one holding a title, else the first found. In German every noun is capitalised,
 * so "Am Donnerstag erklärte Regierungssprecher Hebestreit" has two capitalised runs.
 */
function choose(candidates: readonly (Span | null)[], source: string, l: Lookup, namesPerson: (span: Span) => boolean): Span | null {
  const found = candidates.filter((c): c is Span => c !== null)
  return found.find(namesPerson)
    ?? found.find((c) => wordsIn(source, c.start, c.end).some((w) => l.titleOf(w) !== undefined || l.pronouns.has(w.key)))
    ?? found[0]
    ?? null
}

/** Lawrow sagte: „…“ · Am Mittwoch sagte Lawrow: „…“ · Selon Lavrov, « … » · 拉夫罗夫表示：“……” */
function attributionBefore(source: string, run: QuotedRun, block: Span, l: Lookup, lex: Lexicon, namesPerson: (span: Span) => boolean): Attribution | null {
  const start = clauseStart(source, run.open, block.start)
  const before = source.slice(start, run.open)
  if (lex.unspaced) return unspacedAttribution(source, start, run.open, l)
  const words = wordsIn(source, start, run.open)
  // Laut Lawrow / Selon Lavrov / По словам Лаврова, …
  for (const phrase of l.according) {
    const at = before.toLowerCase().lastIndexOf(phrase)
    if (at < 0 || /[\p{L}]/u.test(before[at - 1] ?? ' ')) continue
    const cue = { start: start + at, end: start + at + phrase.length }
    const rest = words.filter((w) => w.start >= cue.end)
    // "Selon la direction de l'aéroport, « … »": the source is the phrase after the cue, named or not.
    const subject = speakerPhrase(source, rest, l) ?? phraseUpToGap(source, rest)
    if (subject !== null) return { cue, subject }
  }
  // Lawrow zufolge, „…“
  for (const phrase of l.accordingAfter) {
    const k = words.findIndex((w) => w.key === phrase)
    if (k <= 0) continue
    const subject = speakerPhrase(source, words.slice(0, k), l)
    if (subject !== null) return { cue: { start: words[k]!.start, end: words[k]!.end }, subject }
  }
  const v = findVerb(words, l, lex, true)
  if (v < 0) return null
  const cue = { start: words[v]!.start, end: words[v]!.end }
  const after = words.slice(skipParticles(words, v + 1, l))
  const subject = choose([
    speakerPhrase(source, words.slice(0, v).filter((w) => !l.particles.has(w.key) || l.pronouns.has(w.key)), l, true),
    speakerPhrase(source, after, l),
  ], source, l, namesPerson)
  return subject === null ? null : { cue, subject }
}

/** Chinese: the speaker phrase runs from the clause start to the speech verb ("外交部发言人郭嘉昆表示："). */
function unspacedAttribution(source: string, start: number, open: number, l: Lookup): Attribution | null {
  const text = source.slice(start, open)
  let best: { at: number; verb: string } | null = null
  for (const verb of l.verbs) {
    const at = text.lastIndexOf(verb)
    if (at > 0 && (best === null || at > best.at)) best = { at, verb }
  }
  if (best === null) return null
  let s = 0
  for (const a of l.according) if (text.startsWith(a)) s = a.length
  const subject = trim(source, start + s, start + best.at)
  if (subject.end <= subject.start) return null
  return { cue: { start: start + best.at, end: start + best.at + best.verb.length }, subject }
}

/** The speech verb among the words: the first after a quote, the last before one. */
function findVerb(words: readonly W[], l: Lookup, lex: Lexicon, last = false): number {
  const order = last ? words.map((_, i) => words.length - 1 - i) : words.map((_, i) => i)
  for (const i of order) {
    const w = words[i]!
    if (!l.verbs.has(w.key)) continue
    // German "so" attributes only right after the quote („…“, so Lawrow); elsewhere it is an adverb.
    if (w.key === 'so' && (last || i !== 0)) continue
    if (lex.code === 'de' && w.capitalized && i > 0) continue
    return i
  }
  return -1
}

function skipParticles(words: readonly W[], from: number, l: Lookup): number {
  let i = from
  while (i < words.length && l.particles.has(words[i]!.key)) i++
  return i
}

/**
 * The speaker among the words next to the verb: a pronoun alone, or a phrase that holds a name (a
 * capitalised word that is no lead word or title) or a title ("le ministre", "министр"). `fromEnd`
 * takes the run that ends at the verb (the subject before it), else the phrase after it, where a
 * few words (a time, a place) may come first ("a déclaré jeudi le maire") and a name in
 * apposition completes a title ("der Fraktionschef der Grünen, Tobias Brandt").
 */
function speakerPhrase(source: string, words: readonly W[], l: Lookup, fromEnd = false): Span | null {
  if (words.length === 0) return null
  const take = fromEnd ? words.slice(-MAX_SPEAKER_WORDS) : words.slice(0, MAX_SPEAKER_WORDS)
  const first = fromEnd ? take.length - 1 : 0
  if (l.pronouns.has(take[first]!.key)) return { start: take[first]!.start, end: take[first]!.end }
  const isTitle = (w: W): boolean => l.titleOf(w) !== undefined
  const isLead = (w: W): boolean => l.leads.has(w.key)
  const isName = (w: W): boolean => w.capitalized && !isLead(w) && !isTitle(w)
  const span = (from: number, to: number): Span => ({ start: take[from]!.start, end: take[to]!.end })
  if (fromEnd) {
    let from = first
    if (!(isName(take[from]!) || isTitle(take[from]!))) return null
    while (from - 1 >= 0 && (isName(take[from - 1]!) || isTitle(take[from - 1]!) || isLead(take[from - 1]!)) && !gapBreaks(source, take[from - 1]!, take[from]!)) from--
    return span(from, first)
  }
  // The words within reach: up to punctuation, except a comma before a name in apposition.
  let reach = 1
  while (reach < take.length && !(CLAUSE_GAP.test(source.slice(take[reach - 1]!.end, take[reach]!.start)) && !isApposition(source, take, reach))) reach++
  const within = take.slice(0, reach)
  const apposition = within.findIndex((_, k) => isApposition(source, within, k))
  const nameAt = apposition >= 0 ? apposition : within.findIndex(isName)
  const anchor = nameAt >= 0 ? nameAt : within.findIndex(isTitle)
  if (anchor < 0 || (nameAt < 0 && anchor > MAX_WORDS_BEFORE_SUBJECT)) return null
  let from = anchor
  while (from - 1 >= 0 && (isLead(within[from - 1]!) || isTitle(within[from - 1]!) || isName(within[from - 1]!)) && !gapBreaks(source, within[from - 1]!, within[from]!)) from--
  let to = anchor
  if (nameAt >= 0) while (to + 1 < within.length && within[to + 1]!.capitalized && /^\s+$/.test(source.slice(within[to]!.end, within[to + 1]!.start))) to++
  return span(from, to)
}

/** The words from the first up to punctuation, at most a speaker phrase long. */
function phraseUpToGap(source: string, words: readonly W[]): Span | null {
  if (words.length === 0) return null
  let to = 0
  while (to + 1 < Math.min(words.length, MAX_SPEAKER_WORDS) && !CLAUSE_GAP.test(source.slice(words[to]!.end, words[to + 1]!.start))) to++
  return { start: words[0]!.start, end: words[to]!.end }
}

/** A capitalised word after a comma: a name in apposition ("le maire, Paul Arnaud"). */
function isApposition(source: string, words: readonly W[], k: number): boolean {
  return k > 0 && words[k]!.capitalized && /^\s*,\s*$/.test(source.slice(words[k - 1]!.end, words[k]!.start))
}

/** Punctuation other than a comma between two words ends a speaker phrase; a comma before a name is an apposition. */
function gapBreaks(source: string, a: W, b: W): boolean {
  const gap = source.slice(a.end, b.start)
  if (/^\s*$/.test(gap)) return false
  return !(/^\s*,\s*$/.test(gap) && b.capitalized)
}

function clauseEnd(source: string, from: number, blockEnd: number): number {
  for (let i = from; i < blockEnd; i++) {
    if (CLAUSE_END.test(source[i]!) && !/\p{Lu}/u.test(source[i - 1] ?? '')) return i
    if (/[«»„“”"「」]/.test(source[i]!)) return i
  }
  return blockEnd
}

function clauseStart(source: string, to: number, blockStart: number): number {
  for (let i = to - 1; i >= blockStart; i--) {
    const c = source[i]!
    if ((CLAUSE_END.test(c) && !/\p{Lu}/u.test(source[i - 1] ?? '')) || /[«»„“”"「」]/.test(c)) return i + 1
  }
  return blockStart
}

/**
 * A speaker phrase that names a role and no one ("le ministre", "министр", "der Minister"): the
 * person it stands for is found by the caller (the speaker quoted just before, or the person
 * named just before).
 */
export function isRoleOnly(source: string, span: Span, lex: Lexicon): boolean {
  const l = lookupOf(lex)
  const words = wordsIn(source, span.start, span.end)
  return words.some((w) => l.titleOf(w) !== undefined) && words.every((w) => l.titleOf(w) !== undefined || l.leads.has(w.key) || !w.capitalized)
}
