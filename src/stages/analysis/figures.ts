import type { Citation, Conflict, ConflictValue, DocumentId, EntityId, Fact, NumericClaim } from '../../document/index.js'
import { citationOf, outletOf, textOf } from '../../document/index.js'
import { entityById } from '../entities/lookup.js'
import { singularNoun } from '../claims/index.js'
import { TIME_UNITS } from '../claims/vocabulary.js'
import type { CheckArticle } from './check.js'
import { definitionWords, measureKeys } from './definitions.js'

/**
 * Two printed values within this share of each other are one value: rounding ("5,459" and
 * "5,460") is not a conflict, a different count is.
 */
export const FIGURE_TOLERANCE = 0.02
/** "About 600" stands for a range this wide either way. */
export const APPROX_TOLERANCE = 0.05

const COMPARATOR_WORDS: Readonly<Record<NumericClaim['comparator'], string>> = {
  eq: '', approx: 'about ', gt: 'more than ', gte: 'at least ', lt: 'less than ', lte: 'at most ',
}

/** One figure as one article prints it, with what the check needs to compare it. */
interface Figure {
  readonly article: CheckArticle
  readonly claim: NumericClaim
  readonly citation: Citation
  readonly keys: ReadonlySet<string>
  readonly subject: { readonly id: EntityId; readonly name: string } | null
  readonly asOf: string | null
  readonly asOfText: string | null
  readonly attribution: string | null
  readonly definition: readonly string[]
}

/** Figures that print one value (within tolerance) for compatible periods. */
type Side = Figure[]

/**
 * The figures of a story as facts, and the conflicts among them. Figures are grouped by unit,
 * subject and measure (measures meet when one's words hold the other's: "nuclear warheads" and
 * "warheads"); bare numbers and durations are left out. Within a group, values that cannot both
 * hold are a `contradiction` when their periods overlap or are unknown; values for disjoint
 * periods that differ are `different-periods`.
 *
 * Comparators are ranges: "more than 200" and "220" for one period are consistent, not a conflict.
 * Across periods the printed values are compared, since they describe different moments.
 *
 * @example
 * const { facts, conflicts } = checkFigures(articles, count)
 * conflicts[0] // { kind: 'contradiction', measure: 'warheads of Russia', values: [5,459 (SIPRI), 4,477 (FAS, 2025)] }
 */
export function checkFigures(articles: readonly CheckArticle[], count: (ids: Iterable<DocumentId>) => number): { facts: Fact[]; conflicts: Conflict[] } {
  const groups = groupFigures(articles.flatMap(readFigures))
  const facts: Fact[] = []
  const conflicts: Conflict[] = []
  for (const group of groups) {
    const sides = splitSides(group)
    const kind = conflictKind(sides)
    const conflictId = kind === null ? null : `c${conflicts.length + 1}`
    if (kind !== null && conflictId !== null) conflicts.push(toConflict(conflictId, kind, sides))
    for (const side of sides) facts.push(toFact(`f${facts.length + 1}`, side, kind, conflictId, count))
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
    .filter((c) => c.unit !== null && !TIME_UNITS.has(c.unit))
    .map((claim) => {
      const time = (claim.time !== null ? times.find((t) => t.id === claim.time!.id) : undefined)
        ?? times.find((t) => t.sentence === claim.sentence && t.role === 'as-of' && t.value !== null && !taken.has(t.id))
      const subject = claim.subject === null ? null : { id: claim.subject.entity, name: nameOf(claim.subject.entity) ?? textOf(doc.source, claim.subject.span) }
      const attribution = claim.source === null ? null : nameOf(claim.source.entity) ?? textOf(doc.source, claim.source.span).replace(/^the\s+/i, '')
      return {
        article, claim, citation: citationOf(doc, claim.span, source),
        keys: new Set(measureKeys(claim).filter((k) => !isSubjectWord(k, subject?.name ?? null))),
        subject,
        asOf: time?.value ?? null,
        asOfText: time === undefined ? null : textOf(doc.source, time.span),
        attribution,
        definition: definitionWords(doc, claim),
      }
    })
}

/** "Russia's trade" measures trade: the owner's name is the subject, not the measure. */
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
    consistent(g, f) && periodsMeet(g.asOf, f.asOf) && (g.article.doc.id !== f.article.doc.id || g.claim.value === f.claim.value)
  for (const f of group) {
    const side = sides.find((s) => s.every((g) => fits(f, g)))
    if (side === undefined) sides.push([f])
    else side.push(f)
  }
  return sides
}

/** The range of true values a printed figure allows. */
function rangeOf(c: NumericClaim): [number, number] {
  const t = c.comparator === 'approx' ? APPROX_TOLERANCE : FIGURE_TOLERANCE
  const low = c.value * (1 - t)
  const high = c.value * (1 + t)
  switch (c.comparator) {
    case 'gt': case 'gte': return [low, Infinity]
    case 'lt': case 'lte': return [-Infinity, high]
    default: return [low, high]
  }
}

function consistent(a: Figure, b: Figure): boolean {
  const [al, ah] = rangeOf(a.claim)
  const [bl, bh] = rangeOf(b.claim)
  return al <= bh && bl <= ah
}

/** Periods meet when either is unknown or one lies inside the other ("2025" and "2025-03"). */
function periodsMeet(a: string | null, b: string | null): boolean {
  return a === null || b === null || a.startsWith(b) || b.startsWith(a)
}

function conflictKind(sides: readonly Side[]): Conflict['kind'] | null {
  let kind: Conflict['kind'] | null = null
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const a = sides[i]![0]!
      const b = sides[j]![0]!
      if (periodsMeet(a.asOf, b.asOf)) return 'contradiction'
      const spread = Math.abs(a.claim.value - b.claim.value) / Math.max(Math.abs(a.claim.value), Math.abs(b.claim.value))
      if (spread > FIGURE_TOLERANCE) kind = 'different-periods'
    }
  }
  return kind
}

function toConflict(id: string, kind: Conflict['kind'], sides: readonly Side[]): Conflict {
  const first = sides[0]![0]!
  const measure = lowerFirst(first.claim.measure?.text.replace(/\s+/g, ' ') ?? first.claim.unit ?? 'value')
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
    id, kind,
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
  const measure = f.claim.measure?.text.replace(/\s+/g, ' ') ?? null
  let figure = `${about}${printed}`
  if (measure !== null && !printed.toLowerCase().includes(measure.toLowerCase())) {
    // A carried count ("followed by the US with 5,177") reads with its noun after it; a sum names its measure first.
    figure = f.claim.unit !== null && measure.toLowerCase().split(' ').map(singularNoun).includes(f.claim.unit.toLowerCase())
      ? `${figure} ${measure}`
      : `${lowerFirst(measure)}: ${figure}`
  }
  const when = side.find((x) => x.asOfText !== null)?.asOfText
  const by = side.find((x) => x.attribution !== null)?.attribution ?? 'no source given'
  return `${f.subject === null ? '' : `${f.subject.name}: `}${figure} (${when === undefined ? '' : `as of ${when}; `}${by})`
}

/** "Bilateral trade" at a sentence start reads "bilateral trade" mid-line; "NATO spending" keeps its capitals. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}
