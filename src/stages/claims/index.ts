import { languageOf, type ClaimsLayer, type Document, type EntitiesLayer, type EntityId, type Mention, type NumericClaim, type Sentence, type Span, type TimeExpression } from '../../document/index.js'
import type { Stage } from '../../pipeline/stage.js'
import { mentionsIn } from '../entities/lookup.js'
import { countedNoun, findMeasure } from './measure.js'
import { findQuantities, singularNoun, type Quantity } from './quantities.js'
import { findSources, type FigureSource } from './source.js'
import { findSubject } from './subject.js'
import { findLexiconQuantities, findLexiconSources, readsFigures } from './lexicon-claims.js'
import { SUPPORTED_LANGUAGES, lexiconFor } from '../../language/index.js'
import { sentenceLanguages } from '../metadata/block-language.js'
import { TIME_UNITS } from './vocabulary.js'

export { findQuantities, singularNoun, type Quantity, type QuantityKind } from './quantities.js'
export { findMeasure } from './measure.js'
export { findSources, type FigureSource } from './source.js'
export { findSubject, type FigureSubject } from './subject.js'

/** A clause ends here, for choosing the time that follows a figure. */
const CLAUSE_BREAK = /[,;:—–]/
/** A preposition and a few words before a time that opens its sentence: "In 2024, …", "By the end of 2023, …". */
const SENTENCE_OPENER = /^\W*(?:in|on|by|as\s+of|since|during|at|after|before|until|through|over|for)\s+(?:\p{L}+\s+){0,3}$/iu

/** A claim while its sentence is read: the claim, and the earlier figure it took its unit from. */
interface Draft {
  readonly claim: NumericClaim
  readonly carriedFrom: Draft | null
  readonly block: number
}

/**
 * Finds every numeric claim in a document: each figure with its value (scale applied), unit,
 * comparator, what it measures, whose it is, the time it refers to and the source it is
 * attributed to, sentence by sentence.
 *
 * Two rules carry across sentences, both inside one paragraph:
 * - a figure standing alone ("China has about 600") takes the unit and measure of the previous
 *   figure in its sentence or in the sentence before ("5,459 warheads");
 * - such a carried figure, in a sentence that names no source, takes the source of the figure it
 *   carried from: the list a lead-in sentence attributes ("according to SIPRI, Russia holds 5,459
 *   warheads …") goes on in the next sentence. A figure with its own unit takes no source from
 *   its neighbours: nothing says the same source gave it.
 *
 * English is read by its own rules (`quantities.ts`), the other languages by their lexicon's
 * figure words (`lexicon-claims.ts`), and with `byParagraph` (the default) a paragraph in another
 * language than the document's by that language's.
 *
 * @example
 * const { claims } = findClaims(doc)
 * claims[0] // { value: 5459, unit: 'warhead', measure: { text: 'warheads' }, subject: { entity: 'country:RU' }, source: { entity: 'org:sipri' } … }
 */
export function findClaims(doc: Document, byParagraph = true): ClaimsLayer {
  const own = figureReader(doc.layers.metadata?.language?.value)
  // A paragraph in another language is read with that language's words (`sentenceLanguages`).
  const docLanguage = languageOf(doc)
  const languages = byParagraph ? sentenceLanguages(doc) : []
  const readers = new Map<string | undefined, FigureReader | null>()
  const readerAt = (i: number): FigureReader | null => {
    const language = languages[i]
    if (!byParagraph || language === docLanguage) return own
    if (!readers.has(language)) readers.set(language, figureReader(language))
    return readers.get(language)!
  }
  const sentences = doc.layers.sentences?.sentences ?? []
  const times = doc.layers.times?.times ?? []
  const entities: EntitiesLayer = doc.layers.entities ?? { entities: [], mentions: [] }
  const types = new Map(entities.entities.map((e) => [e.id, e.type]))
  const typeOf = (id: EntityId): string | undefined => types.get(id)
  const timesBySentence = groupBySentence(times)
  const drafts: Draft[] = []
  let previous: Draft[] = []
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!
    const mentions = mentionsIn(entities, sentence.span)
    const words = readerAt(i)
    const current = words === null ? [] : readSentence(words, doc.source, sentence, i, mentions, typeOf, timesBySentence.get(i) ?? [], previous, drafts.length)
    drafts.push(...current)
    previous = current
  }
  return { claims: drafts.map((d) => d.claim) }
}

/**
 * The figure reader of a language: its lexicon's figure words, English's own rules for English
 * and for a document whose language is unknown, none (null) for another language.
 */
function figureReader(language: string | undefined): FigureReader | null {
  const lexicon = lexiconFor(language)
  const english = lexicon?.code === 'en'
  if (readsFigures(lexicon)) {
    return {
      quantities: (source, sentence, skip) => findLexiconQuantities(source, sentence, skip, lexicon),
      sources: (source, sentence, mentions, typeOf) => findLexiconSources(source, sentence, mentions, typeOf, lexicon),
      english: false,
    }
  }
  if (language !== undefined && !english) return null
  return { quantities: findQuantities, sources: findSources, english: true }
}

/** How figures and their sources are found: English's own rules, or a lexicon's figure words. */
interface FigureReader {
  readonly quantities: (source: string, sentence: Span, skip: readonly Span[]) => Quantity[]
  readonly sources: (source: string, sentence: Span, mentions: readonly Mention[], typeOf: (id: EntityId) => string | undefined, times: readonly Span[]) => FigureSource[]
  /** English only: a bare figure's measure is looked for in the words around it (`measure.ts`). */
  readonly english: boolean
}

function readSentence(
  words: FigureReader,
  source: string,
  sentence: Sentence,
  index: number,
  mentions: readonly Mention[],
  typeOf: (id: EntityId) => string | undefined,
  times: readonly TimeExpression[],
  previous: readonly Draft[],
  firstId: number,
): Draft[] {
  const timeSpans = times.map((t) => t.span)
  const quantities = words.quantities(source, sentence.span, timeSpans)
  if (quantities.length === 0) return []
  const sources = words.sources(source, sentence.span, mentions, typeOf, timeSpans)
  const sourceSpans = sources.map((s) => s.span)
  const drafts: Draft[] = []
  quantities.forEach((q, k) => {
    const carriedFrom = q.kind === 'bare' ? (drafts[drafts.length - 1] ?? lastOf(previous, sentence.block)) : null
    const carry = carriedFrom?.claim.unit ? carriedFrom : null
    const measure = carry ? carry.claim.measure : (q.measure ?? (q.kind === 'count' || q.kind === 'measure' || !words.english ? null : notOnlyNames(findMeasure(source, sentence.span, q), mentions)))
    const own = nearestSource(sources, q.span)
    const inherited = !own && sources.length === 0 && carry && carry.block === sentence.block ? carry.claim.source : null
    const claim: NumericClaim = {
      id: `c${firstId + drafts.length}`,
      span: q.span,
      value: q.value,
      unit: carry ? carry.claim.unit : (q.unit ?? countedUnit(q.kind, measure)),
      comparator: q.comparator,
      measure,
      // A span of time ("a one-year extension") belongs to no one: whoever is near it proposed or waited, not owned it.
      subject: q.unit && TIME_UNITS.has(q.unit) ? null : findSubject({ source, sentence: sentence.span, mentions, typeOf, sources: sourceSpans }, q.span, measure?.span ?? null),
      time: chooseTime(source, sentence.span, q, quantities[k + 1] ?? null, quantities[k - 1] ?? null, times),
      source: own ?? inherited,
      sentence: index,
    }
    drafts.push({ claim, carriedFrom: carry, block: sentence.block })
  })
  return drafts
}

/** A measure that is only a name ("Russia spent $5 billion" → "Russia") names the owner, not what is measured. */
function notOnlyNames(measure: NumericClaim['measure'], mentions: readonly Mention[]): NumericClaim['measure'] {
  if (!measure) return null
  const named = mentions.some((m) => m.span.start <= measure.span.start && measure.span.end <= m.span.end)
  return named ? null : measure
}

/** The figure a lone number continues: the last one of the previous sentence, if in the same paragraph. */
function lastOf(previous: readonly Draft[], block: number): Draft | null {
  const last = previous[previous.length - 1]
  return last && last.block === block ? last : null
}

/** The source nearest the figure in its sentence: it applies to every figure there. */
function nearestSource(sources: readonly FigureSource[], figure: Span): FigureSource | null {
  let best: FigureSource | null = null
  let bestDistance = Infinity
  for (const s of sources) {
    const distance = s.span.end <= figure.start ? figure.start - s.span.end : Math.max(0, s.span.start - figure.end)
    if (distance < bestDistance) {
      best = s
      bestDistance = distance
    }
  }
  return best
}

/**
 * The time a figure refers to: the first time after it in its clause, before the next figure
 * ("$220 billion in 2024", "10 percent in 2013 to nearly 18 percent in 2019"); else the nearest
 * time before it, with no other figure between, in its clause or opening the sentence ("In 2024,
 * trade reached $220 billion"); else none: a time in another clause dates something else
 * ("… expires in February 2026, and Russia proposed a one-year extension").
 */
function chooseTime(source: string, sentence: Span, q: Quantity, next: Quantity | null, prev: Quantity | null, times: readonly TimeExpression[]): NumericClaim['time'] {
  const limit = next ? next.span.start : Infinity
  for (const t of times) {
    if (t.span.start < q.span.end || t.span.start >= limit) continue
    if (CLAUSE_BREAK.test(source.slice(q.span.end, t.span.start))) break
    return { id: t.id, value: t.value }
  }
  const floor = prev ? prev.span.end : sentence.start
  let found: TimeExpression | null = null
  for (const t of times) {
    if (t.span.end > q.span.start || t.span.start < floor) continue
    const sameClause = !CLAUSE_BREAK.test(source.slice(t.span.end, q.span.start))
    if (sameClause || SENTENCE_OPENER.test(source.slice(sentence.start, t.span.start))) found = t
  }
  return found ? { id: found.id, value: found.value } : null
}

function groupBySentence(times: readonly TimeExpression[]): Map<number, TimeExpression[]> {
  const out = new Map<number, TimeExpression[]>()
  for (const t of times) {
    const list = out.get(t.sentence) ?? []
    list.push(t)
    out.set(t.sentence, list)
  }
  for (const list of out.values()) list.sort((a, b) => a.span.start - b.span.start)
  return out
}

/** English, and every language whose lexicon has figure words. */
const FIGURE_LANGUAGES = SUPPORTED_LANGUAGES.filter((code) => code === 'en' || readsFigures(lexiconFor(code)))

/** The claims stage: every figure in the text, with its unit, measure, subject, time and source. */
export const claims: Stage = {
  name: 'claims',
  requires: ['sentences', 'times', 'entities'],
  produces: ['claims'],
  // English by its own rules, the other languages by their lexicon's figure words; a language
  // with neither is not read: the English rules would read "120 millones" as 120 of a unit
  // "millone", and "1.234" by the English number format. No figure is better than a wrong one.
  languages: { codes: FIGURE_LANGUAGES, otherwise: { claims: { claims: [] } }, what: 'figures' },
  run: (doc) => ({ claims: findClaims(doc) }),
}

/** A bare figure whose measure counts a plural ("stockpile of warheads … surpassed 400") counts that noun. */
function countedUnit(kind: string, measure: NumericClaim['measure']): string | null {
  if (kind !== 'bare' || measure === null) return null
  const noun = countedNoun(measure.text)
  return noun === null ? null : singularNoun(noun)
}
