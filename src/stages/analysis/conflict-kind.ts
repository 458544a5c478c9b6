import type { Citation, ConflictKind, EntityId, NumericClaim } from '../../document/index.js'
import type { CheckArticle } from './check.js'

/**
 * Two printed values within this share of each other are one value: rounding ("5,459" and
 * "5,460") is not a conflict, a different count is.
 */
export const FIGURE_TOLERANCE = 0.02
/** "About 600" stands for a range this wide either way. */
export const APPROX_TOLERANCE = 0.05

/** One figure as one article prints it, with what the check needs to compare it. */
export interface Figure {
  readonly article: CheckArticle
  readonly claim: NumericClaim
  readonly citation: Citation
  readonly keys: ReadonlySet<string>
  readonly subject: { readonly id: EntityId; readonly name: string } | null
  /** Whose measure it is: the subject's name, else a name the measure owns ("Peru's exports"). */
  readonly owner: string | null
  readonly asOf: string | null
  readonly asOfText: string | null
  readonly attribution: string | null
  readonly definition: readonly string[]
  /** The words of its clause that set what it covers ({@link SCOPE_WORDS}): "stockpile", "deployed". */
  readonly scope: readonly string[]
}

/** Figures that print one value (within tolerance) for compatible periods. */
export type Side = Figure[]

/** The type of a group's conflict and the one line that says why. */
export interface ConflictType {
  readonly kind: ConflictKind
  readonly reason: string
}

/** Most telling first: a group's type is that of its most telling pair of sides. */
const KIND_ORDER: readonly ConflictKind[] = ['contradiction', 'different-definitions', 'different-subjects', 'different-periods', 'consistent-bounds']

/**
 * The type of the differences among a group's sides, or null when no two sides differ as printed.
 * Each pair of sides is typed in this order: different owners; periods both stated and disjoint (a
 * series over time, or bounds that hold for both); scope words that differ (different
 * definitions); ranges that overlap (consistent bounds); values one article alone gives both of
 * (nothing to type); values whose surrounding words share none (different definitions); else a
 * contradiction: two articles, one measure, one period, words in common, values beyond rounding
 * and bounds.
 *
 * @example
 * typeConflict(sides) // { kind: 'different-definitions', reason: 'different definitions: "stockpile" (4,477 warheads) vs "arsenal" (5,459 warheads)' }
 */
export function typeConflict(sides: readonly Side[]): ConflictType | null {
  let best: ConflictType | null = null
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const found = typePair(sides[i]!, sides[j]!)
      if (found !== null && (best === null || KIND_ORDER.indexOf(found.kind) < KIND_ORDER.indexOf(best.kind))) best = found
    }
  }
  return best
}

function typePair(a: Side, b: Side): ConflictType | null {
  const fa = a[0]!
  const fb = b[0]!
  const ownerA = ownerOf(a)
  const ownerB = ownerOf(b)
  if (ownerA !== null && ownerB !== null && ownerA.toLowerCase() !== ownerB.toLowerCase()) {
    return { kind: 'different-subjects', reason: `different subjects: ${ownerA} (${label(fa, a)}) vs ${ownerB} (${label(fb, b)})` }
  }
  const periodA = periodOf(a)
  const periodB = periodOf(b)
  if (!periodsMeet(periodA, periodB)) {
    if (sameDirectionBounds(fa.claim, fb.claim) && consistent(fa.claim, fb.claim)) return consistentBounds(a, b)
    if (spread(fa.claim, fb.claim) <= FIGURE_TOLERANCE) return null
    const [early, late] = periodA! < periodB! ? [a, b] : [b, a]
    return { kind: 'different-periods', reason: `different periods, a series over time: ${label(early[0]!, early)} then ${label(late[0]!, late)}` }
  }
  const scopeA = scopeOf(a)
  const scopeB = scopeOf(b)
  const onlyA = scopeA.filter((w) => !scopeB.includes(w))
  const onlyB = scopeB.filter((w) => !scopeA.includes(w))
  if (onlyA.length > 0 || onlyB.length > 0) {
    const words = (only: readonly string[]): string => (only.length === 0 ? 'no qualifier' : `"${only.join(' ')}"`)
    return { kind: 'different-definitions', reason: `different definitions: ${words(onlyA)} (${label(fa, a)}) vs ${words(onlyB)} (${label(fb, b)})` }
  }
  if (consistent(fa.claim, fb.claim)) return consistentBounds(a, b)
  // One article printing both values sets them apart itself (a range, "15 to 50 cents"; a breakdown;
  // killed and wounded): no outlet differs from another, so there is nothing to type.
  const articles = (s: Side): Set<string> => new Set(s.map((f) => f.article.doc.id))
  const ofA = articles(a)
  if (ofA.size === 1 && [...articles(b)].every((id) => ofA.has(id))) return null
  // The words around each say what it counts; when both have some and they share none, they count different things.
  const wordsA = definitionOf(a)
  const wordsB = definitionOf(b)
  if (wordsA.length > 0 && wordsB.length > 0 && !wordsA.some((w) => wordsB.includes(w))) {
    return { kind: 'different-definitions', reason: `different definitions: the words around them share none ("${firstWords(wordsA)}" for ${label(fa, a)}; "${firstWords(wordsB)}" for ${label(fb, b)})` }
  }
  const unstated = [a, b].filter((s) => periodOf(s) === null).map((s) => label(s[0]!, s))
  return {
    kind: 'contradiction',
    reason: `contradiction: ${label(fa, a)} vs ${label(fb, b)} for the same measure and definition, ${Math.round(spread(fa.claim, fb.claim) * 100)}% apart, beyond rounding and stated bounds`
      + (unstated.length === 0 ? '' : ` (no period stated for ${unstated.join(' and ')})`),
  }
}

function consistentBounds(a: Side, b: Side): ConflictType {
  return { kind: 'consistent-bounds', reason: `consistent bounds: ${label(a[0]!, a)} and ${label(b[0]!, b)} can both hold` }
}

/** "more than $220 billion in 2024": the value as a reader takes it, with its side's period if stated. */
function label(f: Figure, side: Side = [f]): string {
  const printed = f.citation.text.replace(/\s+/g, ' ')
  const dated = side.find((x) => x.asOf !== null)
  return `${BOUND_WORDS[f.claim.comparator]}${printed}${dated === undefined ? '' : ` ${periodPhrase(dated.asOfText ?? dated.asOf!)}`}`
}

/** "in 2013", "as of early 2025", "by 2035": a period as it reads after a value. */
function periodPhrase(text: string): string {
  if (/^(?:in|as|by|at|on|since|from|until|through|during|before|after)\b/i.test(text)) return text
  return /^\d/.test(text) ? `in ${text}` : `as of ${text}`
}

const BOUND_WORDS: Readonly<Record<NumericClaim['comparator'], string>> = {
  eq: '', approx: 'about ', gt: 'more than ', gte: 'at least ', lt: 'less than ', lte: 'at most ',
}

function ownerOf(side: Side): string | null {
  return side.find((f) => f.owner !== null)?.owner ?? null
}

function periodOf(side: Side): string | null {
  return side.find((f) => f.asOf !== null)?.asOf ?? null
}

/** A reason stays one line: this many of a side's words, then "…". */
const REASON_WORDS = 6

function firstWords(words: readonly string[]): string {
  return words.length <= REASON_WORDS ? words.join(' ') : `${words.slice(0, REASON_WORDS).join(' ')} …`
}

function definitionOf(side: Side): string[] {
  return [...new Set(side.flatMap((f) => f.definition))]
}

function scopeOf(side: Side): string[] {
  return [...new Set(side.flatMap((f) => f.scope))]
}

/** Both lower bounds ("more than") or both upper bounds ("less than"): values that may grow or shrink past them. */
function sameDirectionBounds(a: NumericClaim, b: NumericClaim): boolean {
  const lower = (c: NumericClaim): boolean => c.comparator === 'gt' || c.comparator === 'gte'
  const upper = (c: NumericClaim): boolean => c.comparator === 'lt' || c.comparator === 'lte'
  return (lower(a) && lower(b)) || (upper(a) && upper(b))
}

function spread(a: NumericClaim, b: NumericClaim): number {
  return Math.abs(a.value - b.value) / Math.max(Math.abs(a.value), Math.abs(b.value))
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

/** Two printed figures whose ranges overlap: one true value could be both. */
export function consistent(a: NumericClaim, b: NumericClaim): boolean {
  const [al, ah] = rangeOf(a)
  const [bl, bh] = rangeOf(b)
  return al <= bh && bl <= ah
}

/** Periods meet when either is unknown or one lies inside the other ("2025" and "2025-03"). */
export function periodsMeet(a: string | null, b: string | null): boolean {
  return a === null || b === null || a.startsWith(b) || b.startsWith(a)
}
