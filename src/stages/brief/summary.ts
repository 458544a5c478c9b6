import type { BlockKind, BriefSentence, Document, QualityNoteKind, Span, StoryCheck } from '../../document/index.js'
import { citationOf, contains, outletKey, outletOf, overlaps, textOf } from '../../document/index.js'
import { DocumentFrequencies, cosine, termCounts, tfidfVector, type TermVector } from '../stories/similarity.js'

/** Sentences in a brief's summary unless the caller asks for another number. */
export const SUMMARY_SENTENCES = 4
/** Shorter units are captions, datelines or fragments; longer ones are run-ons a reader skims past. */
const MIN_CANDIDATE_WORDS = 8
const MAX_CANDIDATE_WORDS = 60
/** A quotation running over sentences is taken whole, up to this many sentences, or not at all. */
const MAX_JOINED_SENTENCES = 3
/** Word-set Jaccard at or above which two outlets' sentences are the same sentence (wire copy, light edits). */
export const NEAR_IDENTICAL_JACCARD = 0.8
/** TF-IDF cosine to an earlier pick at or above which a candidate says nothing new. */
export const REDUNDANT_COSINE = 0.35
/** Each later candidate of an article weighs this much of the one before it: leads carry the news. */
const POSITION_DECAY = 0.8
/** How the score is made: closeness to the story's centroid, outlets printing the sentence, outlets carrying a fact it states, and position. */
const WEIGHT = { centrality: 0.45, outlets: 0.25, facts: 0.1, position: 0.2 } as const
/** Prose only: headings, list items and table rows are not sentences a summary can stand on. */
const PROSE_KINDS: ReadonlySet<BlockKind> = new Set(['paragraph', 'quote'])
/** Passages a summary must not repeat: generated filler and slips against the gazetteer. */
const EXCLUDED_NOTES: ReadonlySet<QualityNoteKind> = new Set(['machine-filler', 'factual-slip'])
/** A sentence opening on a pronoun or a connective leans on one the reader of a summary has not seen. */
const DANGLING_OPENER = /^\s*(?:he|she|it|its|they|their|his|her|this|these|those|that|but|however|and|also|meanwhile)\b/iu
/** What such a sentence keeps of its score. */
const DANGLING_FACTOR = 0.7

const WORD = /[\p{L}\p{N}]+/gu

/** One summary candidate: one sentence of one article (or a quotation over a few), never a piece of one. */
interface Candidate {
  readonly doc: Document
  readonly docIndex: number
  readonly span: Span
  readonly text: string
  readonly words: ReadonlySet<string>
  readonly position: number
  vector: TermVector
}

/**
 * The story in a few sentences, each one a source sentence verbatim and cited to every article
 * that prints it (near-identical wording counts). Candidates are body sentences: not the headline,
 * not removed text, not questions, not filler; they score by closeness to the story's centroid,
 * by how many outlets carry them, and by position; a pick too close to an earlier one is dropped.
 *
 * @example
 * summarise(members, check) // [{ text: 'The minister said …', citations: [{ article, source, span, text }, …] }, …]
 */
export function summarise(docs: readonly Document[], check: StoryCheck, n: number = SUMMARY_SENTENCES): BriefSentence[] {
  const candidates = docs.flatMap((doc, i) => findCandidates(doc, i, blockedSpans(doc, check)))
  if (candidates.length === 0 || n <= 0) return []
  const centroid = weighCandidates(candidates, docs.length)
  const groups = groupNearIdentical(candidates)
  const outletsInStory = new Set(docs.map((d) => outletKey(outletOf(d), d.id))).size
  const scored = groups.map((group) => ({ group, score: scoreGroup(group, centroid, check, outletsInStory) }))
  scored.sort((a, b) => b.score - a.score || a.group[0]!.docIndex - b.group[0]!.docIndex || a.group[0]!.span.start - b.group[0]!.span.start)
  const picks: Candidate[][] = []
  for (const { group } of scored) {
    if (picks.length >= n) break
    const vector = group[0]!.vector
    if (picks.some((p) => cosine(p[0]!.vector, vector) >= REDUNDANT_COSINE)) continue
    picks.push(group)
  }
  return picks.map((group) => ({
    text: group[0]!.text,
    citations: group.map((c) => citationOf(c.doc, c.span)),
  }))
}

/** Where a summary may not reach: removed text, flagged filler, and passages the check notes as filler or slips. */
function blockedSpans(doc: Document, check: StoryCheck): Span[] {
  const clean = doc.layers.clean
  const notes = check.quality.find((q) => q.article === doc.id)?.notes ?? []
  return [
    ...(clean?.removed ?? []).filter((r) => r.reason !== 'whitespace').map((r) => r.span),
    ...(clean?.flags ?? []).map((f) => f.span),
    ...notes.filter((note) => EXCLUDED_NOTES.has(note.kind) && note.span !== undefined).map((note) => note.span!),
  ]
}

function findCandidates(doc: Document, docIndex: number, blocked: readonly Span[]): Candidate[] {
  const sentences = doc.layers.sentences?.sentences ?? []
  const headline = normalise(doc.layers.metadata?.title?.value ?? '')
  const out: Candidate[] = []
  for (let i = 0; i < sentences.length; i++) {
    const first = sentences[i]!
    if (!PROSE_KINDS.has(first.kind)) continue
    let j = i
    while (!quotesBalanced(doc.source.slice(first.span.start, sentences[j]!.span.end))) {
      const next = sentences[j + 1]
      if (next === undefined || next.block !== first.block || j + 1 - i >= MAX_JOINED_SENTENCES) break
      j++
    }
    const span: Span = { start: first.span.start, end: sentences[j]!.span.end }
    const text = textOf(doc.source, span)
    if (!isSummarySentence(text) || normalise(text) === headline) continue
    if (blocked.some((b) => overlaps(b, span))) continue
    out.push({ doc, docIndex, span, text, words: wordSet(text), position: Math.pow(POSITION_DECAY, out.length), vector: new Map() })
    i = j
  }
  return out
}

/** A whole declarative sentence of reasonable length, its quotation marks closed within it. */
function isSummarySentence(text: string): boolean {
  const words = text.match(WORD)?.length ?? 0
  if (words < MIN_CANDIDATE_WORDS || words > MAX_CANDIDATE_WORDS) return false
  if (!quotesBalanced(text)) return false
  if (/\?\s*[”"’)]*\s*$/u.test(text)) return false
  if (!/[.!…][”"’)]*\s*$/u.test(text)) return false
  // A lower-case start is the tail of a sentence the segmenter cut.
  return !/^\s*[”"“‘(]?\p{Ll}/u.test(text)
}

function quotesBalanced(text: string): boolean {
  let depth = 0
  for (const ch of text) {
    if (ch === '“') depth++
    else if (ch === '”') {
      if (depth === 0) return false
      depth--
    }
  }
  const straight = text.split('"').length - 1
  return depth === 0 && straight % 2 === 0
}

/** Gives every candidate its TF-IDF vector (sentences as documents) and returns the story's centroid, each article weighing the same. */
function weighCandidates(candidates: readonly Candidate[], articles: number): TermVector {
  const df = new DocumentFrequencies()
  const counts = candidates.map((c) => termCounts(c.text))
  for (const tc of counts) df.add(tc)
  const perArticle: Array<Map<string, number>> = Array.from({ length: articles }, () => new Map())
  candidates.forEach((c, k) => {
    c.vector = tfidfVector(counts[k]!, df)
    const sum = perArticle[c.docIndex]!
    for (const [term, tf] of counts[k]!) sum.set(term, (sum.get(term) ?? 0) + tf)
  })
  const centroid = new Map<string, number>()
  for (const sum of perArticle) {
    for (const [term, w] of tfidfVector(sum, df)) centroid.set(term, (centroid.get(term) ?? 0) + w)
  }
  const norm = Math.sqrt([...centroid.values()].reduce((s, w) => s + w * w, 0))
  if (norm > 0) for (const [term, w] of centroid) centroid.set(term, w / norm)
  return centroid
}

/**
 * Groups candidates that are the same sentence in different articles. The earliest article's
 * wording leads its group. Pairs are compared only when their sizes allow the threshold.
 */
function groupNearIdentical(candidates: readonly Candidate[]): Candidate[][] {
  const groups: Candidate[][] = []
  for (const c of candidates) {
    let home: Candidate[] | undefined
    for (const g of groups) {
      if (g.some((m) => m.docIndex === c.docIndex)) continue
      const lead = g[0]!
      const [small, large] = lead.words.size <= c.words.size ? [lead.words, c.words] : [c.words, lead.words]
      if (small.size < NEAR_IDENTICAL_JACCARD * large.size) continue
      if (jaccard(small, large) >= NEAR_IDENTICAL_JACCARD) {
        home = g
        break
      }
    }
    if (home === undefined) {
      home = []
      groups.push(home)
    }
    home.push(c)
  }
  return groups
}

function scoreGroup(group: readonly Candidate[], centroid: TermVector, check: StoryCheck, outletsInStory: number): number {
  const lead = group[0]!
  const spread = Math.max(1, outletsInStory - 1)
  const outlets = new Set(group.map((c) => outletKey(outletOf(c.doc), c.doc.id))).size
  const factOutlets = Math.max(1, ...check.facts
    .filter((f) => f.citations.some((cit) => cit.article === lead.doc.id && contains(lead.span, cit.span)))
    .map((f) => f.outlets))
  const score = WEIGHT.centrality * cosine(lead.vector, centroid)
    + WEIGHT.outlets * (outlets - 1) / spread
    + WEIGHT.facts * Math.min(1, (factOutlets - 1) / spread)
    + WEIGHT.position * Math.max(...group.map((c) => c.position))
  return DANGLING_OPENER.test(lead.text) ? score * DANGLING_FACTOR : score
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD) ?? [])
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0
  for (const w of a) if (b.has(w)) shared++
  const union = a.size + b.size - shared
  return union === 0 ? 0 : shared / union
}

function normalise(text: string): string {
  return (text.toLowerCase().match(WORD) ?? []).join(' ')
}
