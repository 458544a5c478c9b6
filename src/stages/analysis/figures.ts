import type { Conflict, ConflictValue, Document, DocumentId, EntityId, Fact, NumericClaim } from '../../document/index.js'
import { citationOf, outletOf, textOf } from '../../document/index.js'
import { entityById } from '../entities/lookup.js'
import { singularNoun } from '../claims/index.js'
import { TIME_UNITS } from '../claims/vocabulary.js'
import type { CheckArticle } from './check.js'
import { consistent, periodsMeet, typeConflict, type ConflictType, type Figure, type Side } from './conflict-kind.js'
import { definitionWords, measureKeys } from './definitions.js'
import { NUMBERING_NOUNS, SCOPE_WORDS } from './scope-words.js'

export { APPROX_TOLERANCE, FIGURE_TOLERANCE } from './conflict-kind.js'

const COMPARATOR_WORDS: Readonly<Record<NumericClaim['comparator'], string>> = {
  eq: '', approx: 'about ', gt: 'more than ', gte: 'at least ', lt: 'less than ', lte: 'at most ',
}

/**
 * The figures of a story as facts, and the conflicts among them. Figures are grouped by unit,
 * subject and measure (measures meet when one's words hold the other's: "nuclear warheads" and
 * "warheads"); bare numbers, durations and numbers that are part of a name ("Nord Stream 2") are
 * left out. Within a group, values that differ as printed are a conflict typed for what it is
 * ({@link typeConflict}): only the same measure of the same subject, for the same period and
 * definition, beyond rounding and stated bounds, is a `contradiction`.
 *
 * @example
 * const { facts, conflicts } = checkFigures(articles, count)
 * conflicts[0] // { kind: 'different-definitions', measure: 'warheads of Russia', values: [4,477 (FAS, 2025), 5,459 (SIPRI)] }
 */
export function checkFigures(articles: readonly CheckArticle[], count: (ids: Iterable<DocumentId>) => number): { facts: Fact[]; conflicts: Conflict[] } {
  const groups = groupFigures(articles.flatMap(readFigures))
  const facts: Fact[] = []
  const conflicts: Conflict[] = []
  for (const group of groups) {
    const sides = splitSides(group)
    const type = typeConflict(sides)
    const conflictId = type === null ? null : `c${conflicts.length + 1}`
    if (type !== null && conflictId !== null) conflicts.push(toConflict(conflictId, type, sides))
    for (const side of sides) facts.push(toFact(`f${facts.length + 1}`, side, type?.kind ?? null, conflictId, count))
  }
  return { facts, conflicts }
}

function readFigures(article: CheckArticle): Figure[] {
  const { doc } = article
  const source = outletOf(doc)
  const entities = doc.layers.entities
  const times = doc.layers.times?.times ?? []
  const nameOf = (id: EntityId | null): string | null => (id === null || entities === undefined ? null : entityById(entities, id)?.name ?? null)
  const claims = doc.layers.claims?.claims ?? []
  // A time another figure of the sentence has taken ("… 1,500 by 2035") is not this figure's.
  const taken = new Set(claims.flatMap((c) => (c.time === null ? [] : [c.time.id])))
  return claims
    .filter((c) => c.unit !== null && !TIME_UNITS.has(c.unit) && !isPartOfName(doc, c))
    .map((claim): Figure => {
      const time = (claim.time !== null ? times.find((t) => t.id === claim.time!.id) : undefined)
        ?? times.find((t) => t.sentence === claim.sentence && t.role === 'as-of' && t.value !== null && !taken.has(t.id))
      const subject = claim.subject === null ? null : { id: claim.subject.entity, name: nameOf(claim.subject.entity) ?? textOf(doc.source, claim.subject.span) }
      const attribution = claim.source === null ? null : nameOf(claim.source.entity) ?? textOf(doc.source, claim.source.span).replace(/^the\s+/i, '')
      const definition = definitionWords(doc, claim)
      // Whose it is, when the claim names no subject: "Peru's copper exports" are Peru's, and meet Chile's only to be told apart.
      const owner = subject?.name ?? possessorIn(claim.measure?.text ?? null)
      return {
        article, claim, citation: citationOf(doc, claim.span, source),
        keys: new Set(measureKeys(claim).filter((k) => !isSubjectWord(k, owner))),
        subject,
        owner,
        asOf: time?.value ?? null,
        asOfText: time === undefined ? null : textOf(doc.source, time.span),
        attribution,
        definition,
        scope: scopeWords([...definition, ...(claim.measure?.text.toLowerCase().match(WORD) ?? [])]),
      }
    })
}

const WORD = /\p{L}[\p{L}'’-]*/gu
const MONTHS = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*$/

/**
 * A number right after a capitalised word inside a sentence names something ("the Power of Siberia
 * 2 pipeline", "Boeing 737"), and one after a numbering noun labels an item ("season 1 episode 7",
 * {@link NUMBERING_NOUNS}): it counts nothing, and is no figure to check. A month ("May 9") is a
 * date, not a name; all-capital codes ("USD 5 billion") give a unit.
 */
function isPartOfName(doc: Document, claim: NumericClaim): boolean {
  if (!/^\d/.test(textOf(doc.source, claim.span))) return false
  const sentence = doc.layers.sentences?.sentences[claim.sentence]
  const before = doc.source.slice(sentence?.span.start ?? 0, claim.span.start)
  const noun = /(\p{L}+)\.? $/u.exec(before)
  if (noun !== null && NUMBERING_NOUNS.has(noun[1]!.toLowerCase())) return true
  const m = /(\p{Lu}\p{Ll}[\p{L}-]*) $/u.exec(before)
  if (m === null || MONTHS.test(m[1]!)) return false
  // The sentence's first word is capitalised for being first.
  return before.slice(0, m.index).trim() !== ''
}

/** "Peru's exports" belongs to Peru: the name a measure holds in the possessive, if any. */
function possessorIn(measure: string | null): string | null {
  const m = measure === null ? null : /(\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*)*)['’]s\b/u.exec(measure)
  return m?.[1] ?? null
}

function scopeWords(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => w.toLowerCase()).filter((w) => SCOPE_WORDS.has(w)))]
}

/** "Russia's trade" measures trade: the owner's name is whose it is, not what it measures. */
function isSubjectWord(key: string, subject: string | null): boolean {
  return subject !== null && subject.toLowerCase().split(/\s+/).includes(key)
}

/**
 * Groups of figures of one unit and subject whose measures meet, in order of first appearance. A
 * figure joins a group only when it meets every member: "deployed warheads" and "retired warheads"
 * both meet "warheads" but not each other, and must never be compared.
 */
function groupFigures(figures: readonly Figure[]): Figure[][] {
  const groups: Figure[][] = []
  for (const f of figures) {
    const group = groups.find((g) => g.every((other) => sameMeasure(f, other)))
    if (group === undefined) groups.push([f])
    else group.push(f)
  }
  return groups
}

function sameMeasure(a: Figure, b: Figure): boolean {
  if (a.claim.unit !== b.claim.unit || (a.subject?.id ?? null) !== (b.subject?.id ?? null)) return false
  // Only the unit to go on (no measure words besides it): a money sum or a percentage of something unnamed meets nothing.
  const informative = (f: Figure): boolean => [...f.keys].some((k) => k !== f.claim.unit?.toLowerCase()) || !isGenericUnit(f.claim.unit)
  if (!informative(a) || !informative(b)) return false
  return isSubset(a.keys, b.keys) || isSubset(b.keys, a.keys)
}

/** Money (ISO 4217 codes) and percentages say nothing of what they measure. */
function isGenericUnit(unit: string | null): boolean {
  return unit === null || unit === 'percent' || /^[A-Z]{3}$/.test(unit)
}

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const k of a) if (!b.has(k)) return false
  return true
}

/**
 * Figures that can all be true of one value, each side a value outlets give. A figure joins a side
 * only when it meets every member, and two different numbers from one article are two statements
 * ("surpassed 400, and could reach 1,500 by 2035"), never one side.
 */
function splitSides(group: readonly Figure[]): Side[] {
  const sides: Side[] = []
  const fits = (f: Figure, g: Figure): boolean =>
    consistent(g.claim, f.claim) && periodsMeet(g.asOf, f.asOf) && (g.article.doc.id !== f.article.doc.id || g.claim.value === f.claim.value)
  for (const f of group) {
    const side = sides.find((s) => s.every((g) => fits(f, g)))
    if (side === undefined) sides.push([f])
    else side.push(f)
  }
  return sides
}

function toConflict(id: string, type: ConflictType, sides: readonly Side[]): Conflict {
  const first = sides[0]![0]!
  const measure = measurePhrase(first) ?? first.claim.unit ?? 'value'
  // "Russia's trade turnover" names its subject already; "warheads" needs "of Russia".
  const named = first.subject === null || measure.toLowerCase().includes(first.subject.name.toLowerCase())
  const distinct = distinguishingWords(sides)
  const values: ConflictValue[] = sides.map((side, k) => ({
    value: side[0]!.claim.value,
    text: side[0]!.citation.text,
    unit: side[0]!.claim.unit,
    asOf: side.find((f) => f.asOf !== null)?.asOf ?? null,
    attribution: side.find((f) => f.attribution !== null)?.attribution ?? null,
    definition: distinct[k]!.length === 0 ? null : distinct[k]!.join(' '),
    citations: onePerArticle(side).map((f) => f.citation),
  }))
  return {
    id, kind: type.kind, reason: type.reason,
    measure: named || first.subject === null ? measure : `${measure} of ${first.subject.name}`,
    subject: first.subject,
    values,
    notes: conflictNotes(values, sides),
  }
}

/** Each side's definition words that some other side lacks: where their definitions part. */
function distinguishingWords(sides: readonly Side[]): string[][] {
  const words = sides.map((side) => [...new Set(side.flatMap((f) => f.definition))])
  return words.map((own, k) => own.filter((w) => words.some((other, j) => j !== k && !other.includes(w))))
}

function conflictNotes(values: readonly ConflictValue[], sides: readonly Side[]): string[] {
  const notes: string[] = []
  const label = (v: ConflictValue): string => `"${v.text}"`
  if (new Set(values.map((v) => v.attribution)).size > 1) {
    notes.push(`sources differ: ${values.map((v) => `${v.attribution ?? 'no source given'} (${label(v)})`).join(' vs ')}`)
  }
  if (values.some((v) => v.definition !== null)) {
    notes.push(`definitions differ: ${values.map((v) => `${v.definition === null ? 'no distinct words' : `"${v.definition}"`} (${label(v)})`).join(' vs ')}`)
  }
  if (new Set(values.map((v) => v.asOf)).size > 1) {
    const asOfText = (k: number): string => sides[k]!.find((f) => f.asOfText !== null)?.asOfText ?? 'no date given'
    notes.push(`periods differ: ${values.map((v, k) => `${asOfText(k)} (${label(v)})`).join(' vs ')}`)
  }
  const approximate = values.filter((_, k) => sides[k]!.some((f) => f.claim.comparator !== 'eq'))
  if (approximate.length > 0) notes.push(`not exact: ${approximate.map(label).join(', ')} ${approximate.length === 1 ? 'is given' : 'are given'} as an estimate or bound`)
  return notes
}

function toFact(id: string, side: Side, kind: Conflict['kind'] | null, conflict: string | null, count: (ids: Iterable<DocumentId>) => number): Fact {
  const citations = onePerArticle(side).map((f) => f.citation)
  const outlets = count(citations.map((c) => c.article))
  const attributions = [...new Set(side.flatMap((f) => (f.attribution === null ? [] : [f.attribution])))]
  return {
    id, kind: 'figure',
    statement: figureStatement(side),
    status: kind === 'contradiction' ? 'conflict' : outlets >= 2 ? 'agreed' : 'single-source',
    citations, outlets,
    who: null,
    attributions,
    unattributed: attributions.length === 0,
    variants: [],
    conflict,
  }
}

/** The first figure of each article: an article repeating its figure is still one witness. */
function onePerArticle(side: Side): Figure[] {
  return side.filter((f, k) => side.findIndex((g) => g.article.doc.id === f.article.doc.id) === k)
}

/** "Russia: about 4,477 warheads (as of early 2025; Federation of American Scientists)". */
function figureStatement(side: Side): string {
  const f = side[0]!
  const printed = f.citation.text.replace(/\s+/g, ' ')
  const about = COMPARATOR_WORDS[f.claim.comparator]
  const measure = measurePhrase(f)
  let figure = `${about}${printed}`
  if (measure !== null && !printed.toLowerCase().includes(measure.toLowerCase())) {
    // A count of a plain noun reads with the noun after it ("5,177 nuclear warheads"); a phrase
    // ("stockpile of operational nuclear warheads") or a sum names its measure first.
    figure = isPlainCount(measure, f.claim.unit)
      ? `${figure} ${measure}`
      : `${measure}: ${figure}`
  }
  const when = side.find((x) => x.asOfText !== null)?.asOfText
  const by = side.find((x) => x.attribution !== null)?.attribution ?? 'no source given'
  return `${f.subject === null ? '' : `${f.subject.name}: `}${figure} (${when === undefined ? '' : `as of ${when}; `}${by})`
}

/** "nuclear warheads" for the unit warhead: a noun phrase that ends in the counted noun, with no preposition. */
function isPlainCount(measure: string, unit: string | null): boolean {
  const words = measure.toLowerCase().split(' ')
  return unit !== null && singularNoun(words[words.length - 1]!) === unit.toLowerCase() && !words.some((w) => PREPOSITIONS.has(w))
}

const PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in', 'for', 'on', 'at', 'by', 'to', 'from', 'with'])

/** Words that open a clause or point, not a measure: "that China's stockpile …", "the share …". */
const LEADING_FUNCTION_WORDS = /^(?:that|which|whose|the|a|an|its|their|his|her|our|this|these|those)\s+/i

/**
 * A figure's measure as a clean phrase: its clause's opening words and its subject's possessive
 * dropped ("that China's stockpile of operational nuclear warheads" → "stockpile of operational
 * nuclear warheads" for China), null when the claim names none.
 */
function measurePhrase(f: Figure): string | null {
  let text = f.claim.measure?.text.replace(/\s+/g, ' ').trim() ?? ''
  const owner = f.subject?.name ?? null
  for (let before = ''; before !== text;) {
    before = text
    text = text.replace(LEADING_FUNCTION_WORDS, '')
    const aliases = [owner, f.subject === null ? null : f.article.doc.source.slice(f.claim.subject!.span.start, f.claim.subject!.span.end)]
    for (const name of aliases) {
      if (name !== null && text.toLowerCase().startsWith(`${name.toLowerCase()}'s `)) text = text.slice(name.length + 3)
      if (name !== null && text.toLowerCase().startsWith(`${name.toLowerCase()}’s `)) text = text.slice(name.length + 3)
    }
  }
  return text === '' ? null : lowerFirst(text)
}

/** "Bilateral trade" at a sentence start reads "bilateral trade" mid-line; "NATO spending" keeps its capitals. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}
