import type { Document, NumericClaim, Span } from '../../document/index.js'
import { overlaps } from '../../document/index.js'
import { mentionsIn } from '../entities/lookup.js'
import { singularNoun } from '../claims/index.js'
import { COMPARATORS_AFTER, COMPARATORS_BEFORE, STOP_WORDS } from '../claims/vocabulary.js'
import { lexicalTags } from '../sentences/index.js'

/**
 * Where the clause that holds a figure ends: what follows ("followed by the US with 5,177", "and is
 * projected to grow") says something else of it, not what it counts.
 */
const CLAUSE_END = /[,;:—–]|\s(?:and|but|while|whereas|which)\s/
const WORD = /\p{L}[\p{L}'’-]*/gu
const VERB_TAGS: ReadonlySet<string> = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Copula', 'Modal', 'Auxiliary', 'Verb', 'Participle', 'Adverb', 'Preposition'])
const COMPARATOR_WORDS: ReadonlySet<string> = new Set([...COMPARATORS_BEFORE, ...COMPARATORS_AFTER].flatMap(([, p]) => p.flatMap((w) => w.split(' '))))
const NOUN_TAGS: ReadonlySet<string> = new Set(['Singular', 'Plural', 'Uncountable', 'Noun'])

/**
 * The words of a figure's sentence that say what it counts: the nouns and adjectives of the
 * clause up to the figure that are not a name, the source, a time, a number, the unit or the
 * measure itself. "Russia holds the largest nuclear arsenal with 5,459 warheads" gives
 * `largest nuclear arsenal`; "a stockpile … estimated at 4,477 warheads" gives `stockpile`. Two
 * figures' words compared show where their definitions part.
 *
 * @example
 * definitionWords(doc, claim) // ['largest', 'nuclear', 'arsenal']
 */
export function definitionWords(doc: Document, claim: NumericClaim): string[] {
  const sentence = doc.layers.sentences?.sentences[claim.sentence]
  if (sentence === undefined) return []
  const after = doc.source.slice(claim.span.end, sentence.span.end)
  const breakAt = after.search(CLAUSE_END)
  const window: Span = { start: reportedFrom(doc, claim, sentence.span), end: breakAt < 0 ? sentence.span.end : claim.span.end + breakAt }
  const skip = skippedSpans(doc, claim, sentence.span)
  // The measure's own words say what is counted ("stockpile of operational warheads"); only the unit is shared by definition.
  const own = new Set(claim.unit === null ? [] : [claim.unit.toLowerCase()])
  const words: string[] = []
  let afterName = false
  for (const m of doc.source.slice(window.start, window.end).matchAll(WORD)) {
    const start = window.start + m.index
    const end = start + m[0].length
    const skipped = skip.some((s) => overlaps(s, { start, end }))
    const verbOfName = afterName && /s$/.test(m[0])
    afterName = skipped
    // "Russia holds …": an -s word right after a name is that name's verb, whatever the lexicon files it as.
    if (skipped || verbOfName) continue
    const word = m[0].toLowerCase().replace(/['’]s$/, '')
    if (STOP_WORDS.has(word) || COMPARATOR_WORDS.has(word) || own.has(singularNoun(word)) || !countsSomething(word)) continue
    if (!words.includes(word)) words.push(word)
  }
  return words
}

/**
 * Where the words about the figure start: after a source named before it and the reporting words
 * that follow it ("In its annual report, the Ministry estimated that …" starts after "that"), so
 * the source's own context ("annual report", "yearbook") is not read as a definition.
 */
function reportedFrom(doc: Document, claim: NumericClaim, sentence: Span): number {
  const source = claim.source
  if (source === null || source.span.end > claim.span.start) return sentence.start
  const between = doc.source.slice(source.span.end, claim.span.start)
  const that = [...between.matchAll(/\bthat\b/g)].pop()
  return source.span.end + (that === undefined ? 0 : that.index + that[0].length)
}

/** The singular words of a claim's measure and unit: "nuclear warheads" → nuclear, warhead. */
export function measureKeys(claim: NumericClaim): string[] {
  const words = (claim.measure?.text ?? '').toLowerCase().match(WORD) ?? []
  return [...words.map((w) => singularNoun(w.replace(/['’]s$/, ''))), ...(claim.unit === null ? [] : [claim.unit.toLowerCase()])]
}

/** Names, the source and its cue, times and the sentence's other figures: none of them says what this one counts. */
function skippedSpans(doc: Document, claim: NumericClaim, sentence: Span): Span[] {
  const spans: Span[] = []
  const entities = doc.layers.entities
  if (entities !== undefined) for (const m of mentionsIn(entities, sentence)) spans.push(m.span)
  for (const t of doc.layers.times?.times ?? []) if (t.sentence === claim.sentence) spans.push(t.span)
  // Other figures of the sentence; the figure's own words ("350 nuclear warheads") say what it counts.
  for (const c of doc.layers.claims?.claims ?? []) if (c.sentence === claim.sentence && c.id !== claim.id) spans.push(c.span)
  const source = claim.source
  if (source !== null) {
    spans.push(source.span)
    // "according to estimates by X": the words from the cue to the name are the attribution's.
    if (source.cue !== null) spans.push(source.cue.start < source.span.start ? { start: source.cue.start, end: source.span.start } : source.cue)
  }
  return spans
}

/**
 * A noun or adjective, as far as the lexicon tells: not a verb or adverb, not an -ly word, and
 * not a verb's -s form that the lexicon files as a plural ("holds").
 */
function countsSomething(word: string): boolean {
  if (word.length < 3 || /ly$/.test(word)) return false
  const tags = lexicalTags(word)
  if (tags.some((t) => VERB_TAGS.has(t))) return false
  if (word.endsWith('s') && tags.includes('Plural')) {
    const stem = lexicalTags(word.slice(0, -1))
    if (stem.length > 0 && !stem.some((t) => NOUN_TAGS.has(t))) return false
  }
  return true
}
