import type { EntityId, Mention, Span } from '../../document/index.js'

/** The entity a figure belongs to, and the mention that names it there. */
export interface FigureSubject {
  readonly entity: EntityId
  readonly span: Span
}

/** What a subject search needs to know about the sentence. */
export interface SubjectContext {
  readonly source: string
  readonly sentence: Span
  /** The sentence's mentions, in source order. */
  readonly mentions: readonly Mention[]
  readonly typeOf: (id: EntityId) => string | undefined
  /** Spans of the sentence's sources: a source is not whom a figure belongs to. */
  readonly sources: readonly Span[]
}

const SUBJECT_TYPES: ReadonlySet<string> = new Set(['person', 'country', 'organization', 'group'])
const POSSESSIVE_AFTER = /^['’]s?\b/
// Verbs saying the subject holds the quantity: "Russia holds …", "China has about 600".
const POSSESSION_VERB = /^\s+(?:\p{Ll}+\s+)?(?:has|have|had|holds|held|hold|possesses|possessed|possess|owns|owned|keeps|kept|maintains|maintained|fields|deploys|deployed|operates|spent|spends|spend|accounts\s+for|accounted\s+for|counts|counted|exported|exports|imported|imports)\b/u
const CLAUSE_BREAK = /[,;:()—–]|\s-\s|\s(?:but|while|whereas)\s/g
// A mention inside one of these phrases is where the figure goes, not whose it is ("exports to China").
const GOVERNED_BEFORE = /\b(?:to|with|from|into|against|in|on|at|toward|towards)\s+(?:the\s+)?$/i
const BETWEEN = /\bbetween\s+(?:the\s+)?$/i

/**
 * Of whom a figure is, tried in order:
 * 1. a possessive in the figure's measure or right before it ("Russia's trade turnover", "Russia's 600 jets");
 * 2. "between X and Y" before the figure in its clause: X, the first named (a bilateral figure
 *    belongs to both; the layer holds one entity, and the measure keeps both names);
 * 3. the nearest actor before the figure in its clause ("followed by the US with 5,177");
 * 4. the subject of a verb of possession earlier in the sentence ("Russia possesses …, estimated at 4,477").
 * Places ("in Moscow"), sources and mentions governed by "to/with/from…" are skipped. Null otherwise.
 *
 * @example
 * findSubject(ctx, figureSpan, measureSpan) // { entity: 'country:RU', span: <"Russia"> }
 */
export function findSubject(ctx: SubjectContext, figure: Span, measure: Span | null): FigureSubject | null {
  const actors = ctx.mentions.filter((m) => isActor(ctx, m))
  const found = possessive(ctx, actors, figure, measure) ?? firstBetween(ctx, actors, figure) ?? inClause(ctx, actors, figure) ?? possessor(ctx, actors, figure)
  return found ? { entity: found.entity, span: found.span } : null
}

function isActor(ctx: SubjectContext, m: Mention): boolean {
  if (m.use === 'place' || !SUBJECT_TYPES.has(ctx.typeOf(m.entity) ?? '')) return false
  return !ctx.sources.some((s) => s.start < m.span.end && m.span.start < s.end)
}

function possessive(ctx: SubjectContext, actors: readonly Mention[], figure: Span, measure: Span | null): Mention | null {
  for (const m of actors) {
    if (!POSSESSIVE_AFTER.test(ctx.source.slice(m.span.end, m.span.end + 3))) continue
    const inMeasure = measure !== null && measure.start <= m.span.start && m.span.end <= measure.end
    const before = m.span.end <= figure.start && /^['’]s?\s+$/.test(ctx.source.slice(m.span.end, figure.start))
    if (inMeasure || before) return m
  }
  return null
}

function inClause(ctx: SubjectContext, actors: readonly Mention[], figure: Span): Mention | null {
  const clauseStart = lastClauseBreak(ctx.source, ctx.sentence.start, figure.start)
  let found: Mention | null = null
  for (const m of actors) {
    if (m.span.start < clauseStart || m.span.end > figure.start) continue
    if (GOVERNED_BEFORE.test(ctx.source.slice(Math.max(clauseStart, m.span.start - 16), m.span.start))) continue
    if (found && found.span.start <= m.span.start && m.span.end <= found.span.end) continue // nested ("Russian" in a longer name)
    found = m
  }
  return found
}

function possessor(ctx: SubjectContext, actors: readonly Mention[], figure: Span): Mention | null {
  let found: Mention | null = null
  for (const m of actors) {
    if (m.span.end > figure.start) break
    if (POSSESSION_VERB.test(ctx.source.slice(m.span.end, Math.min(figure.start, m.span.end + 40)))) found = m
  }
  return found
}

function firstBetween(ctx: SubjectContext, actors: readonly Mention[], figure: Span): Mention | null {
  const clauseStart = lastClauseBreak(ctx.source, ctx.sentence.start, figure.start)
  for (const m of actors) {
    if (m.span.start < clauseStart || m.span.end > figure.start) continue
    if (BETWEEN.test(ctx.source.slice(Math.max(clauseStart, m.span.start - 12), m.span.start))) return m
  }
  return null
}

function lastClauseBreak(source: string, from: number, before: number): number {
  let at = from
  for (const m of source.slice(from, before).matchAll(CLAUSE_BREAK)) at = from + m.index! + m[0].length
  return at
}
