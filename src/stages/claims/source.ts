import type { EntityId, Mention, Span } from '../../document/index.js'

/** Who a figure is attributed to: the span naming the source, its entity when known, and the cue. */
export interface FigureSource {
  readonly entity: EntityId | null
  readonly span: Span
  readonly cue: Span | null
}

/** A source name longer than this is a clause the pattern ran into, not a name. */
const MAX_SOURCE_CHARS = 120

// "according to [the latest] [estimates|data|figures…] [by|from|of] X"
const ACCORDING_TO = /\b(according\s+to)\s+(?:(?:the\s+)?(?:latest\s+|official\s+|new\s+)?(?:estimates?|data|figures|statistics|a\s+report|reports|research|a\s+study|a\s+survey|calculations|an?\s+analysis)\s+(?:by|from|of)\s+)?/gi
// "data from X show", "figures by X suggest"
const DATA_FROM = /\b(?:data|figures|statistics|estimates)\s+(?:from|by|of)\s+/gi
const DATA_VERB = /\s+(show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated)\b/
// "X estimates", "X said", after a named source (and its bracketed acronym: "… Institute [SIPRI]")
const REPORTING_VERB = /^(\s*[[(]\p{Lu}[\p{Lu}\p{N}&.-]*[\])])?\s*(?:,\s*)?(estimates|estimated|says|said|reported|reports|found|finds|calculated|counted|noted|stated|shows|showed|told)\b/u
// Where a source name ends: punctuation, a relative clause, or the next clause's verb. Not a
// period: inside one sentence a period belongs to an abbreviation ("the U.S. Department …").
const NAME_END = /[,;:!?"“”]|\s(?:that|which|who|show|shows|showed|suggest|suggests|indicate|indicates)\b/
const SOURCE_TYPES: readonly string[] = ['organization', 'person', 'group', 'country']

/**
 * The sources a sentence attributes its figures to: "according to (estimates by|data from) X",
 * "data from X show", "X estimates/said/reported". The span is the source's words (a bracketed
 * acronym belongs to the name it follows); the entity is the best mention inside it (an
 * organisation before a person before a country); the cue is "according to" or the verb.
 *
 * @example
 * findSources(src, sentence, mentions, times) // [{ entity: 'org:sipri', span: <"the Stockholm … [SIPRI]">, cue: <"according to"> }]
 */
export function findSources(
  source: string,
  sentence: Span,
  mentions: readonly Mention[],
  typeOf: (id: EntityId) => string | undefined,
  timeSpans: readonly Span[],
): FigureSource[] {
  const text = source.slice(sentence.start, sentence.end)
  const found: FigureSource[] = []
  const add = (start: number, end: number, cue: Span | null): void => {
    const name = trimName(text, start, cutAtTime(sentence.start, start, end, timeSpans))
    if (!name) return
    const span = { start: sentence.start + name.start, end: sentence.start + name.end }
    found.push({ entity: bestEntity(mentions, span, typeOf), span, cue })
  }
  for (const m of text.matchAll(ACCORDING_TO)) {
    const start = m.index! + m[0].length
    add(start, nameEnd(text, start), { start: sentence.start + m.index!, end: sentence.start + m.index! + m[1]!.length })
  }
  for (const m of text.matchAll(DATA_FROM)) {
    const start = m.index! + m[0].length
    const end = nameEnd(text, start)
    const verb = DATA_VERB.exec(text.slice(end))
    if (!verb || !/^\s/.test(text.slice(end))) continue
    const verbStart = end + verb[0].length - verb[1]!.length
    add(start, end, { start: sentence.start + verbStart, end: sentence.start + verbStart + verb[1]!.length })
  }
  for (const mention of mentions) {
    if (mention.span.start < sentence.start || mention.span.end > sentence.end) continue
    if (!SOURCE_TYPES.includes(typeOf(mention.entity) ?? '') || mention.use === 'place' || mention.use === 'attribute') continue
    if (found.some((f) => f.span.start <= mention.span.start && mention.span.end <= f.span.end)) continue
    const local = mention.span.end - sentence.start
    const verb = REPORTING_VERB.exec(text.slice(local))
    if (!verb) continue
    const nameEndAt = local + (verb[1]?.length ?? 0)
    const verbStart = local + verb[0].length - verb[2]!.length
    found.push({
      entity: mention.entity,
      span: { start: mention.span.start, end: sentence.start + nameEndAt },
      cue: { start: sentence.start + verbStart, end: sentence.start + verbStart + verb[2]!.length },
    })
  }
  return found.sort((a, b) => a.span.start - b.span.start)
}

function nameEnd(text: string, start: number): number {
  const stop = NAME_END.exec(text.slice(start))
  return stop ? start + stop.index : text.length
}

/** A time inside the name's run ("… Ministry of Commerce in 2024") ends the name. */
function cutAtTime(offset: number, start: number, end: number, times: readonly Span[]): number {
  for (const t of times) {
    const local = t.start - offset
    if (local > start && local < end) end = local
  }
  return end
}

function trimName(text: string, start: number, end: number): { start: number; end: number } | null {
  while (end > start && /[\s.,;]/.test(text.charAt(end - 1))) end--
  while (start < end && /\s/.test(text.charAt(start))) start++
  // A preposition left dangling by a cut time ("the Ministry in") is not part of the name.
  const dangling = /\s+(?:in|on|at|as|of|for|from|since)$/i.exec(text.slice(start, end))
  if (dangling) end -= dangling[0].length
  if (end <= start || end - start > MAX_SOURCE_CHARS) return null
  return { start, end }
}

/** The mention inside `span` most likely to be a source: an organisation before a person before a group or a country. */
export function bestEntity(mentions: readonly Mention[], span: Span, typeOf: (id: EntityId) => string | undefined): EntityId | null {
  let best: Mention | null = null
  let bestRank = SOURCE_TYPES.length
  for (const m of mentions) {
    if (m.span.start < span.start || m.span.end > span.end) continue
    const rank = SOURCE_TYPES.indexOf(typeOf(m.entity) ?? '')
    if (rank >= 0 && rank < bestRank) {
      best = m
      bestRank = rank
    }
  }
  return best?.entity ?? null
}
