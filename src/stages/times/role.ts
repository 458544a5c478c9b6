import type { TimeRole } from '../../document/index.js'
import type { TimeMeaning } from './meaning.js'
import { periodOf } from './period.js'
import type { Reference, Resolved } from './resolve.js'

/** A reported event is at most this many days before the publication date (a weekly's "last Monday"). */
const REPORTED_EVENT_MAX_GAP_DAYS = 10
/** How far back from a time the as-of cues ("as of", a figure followed by "in") are looked for, in characters. */
const AS_OF_WINDOW_CHARS = 60

/** Words that put a clause in the future or make its time a deadline. */
const FUTURE_CUE = /\b(?:will|shall|won['’]t|set\s+to|due\s+to|scheduled|expected\s+to|plans?\s+to|planning\s+to|going\s+to|is\s+to|are\s+to|upcoming|forthcoming|expires?|expiring|next)\b|['’]ll\b/i
const BY_BEFORE = /\bby\s+(?:the\s+)?$/i
/** Speech and interview words: the sentence reports something said. */
const SPEECH_CUE = /\b(?:said|says|told|tells|stated|responded|replied|added|stressed|noted|announced|declared|insisted|warned|remarked|commented|explained|wrote|tweeted|posted|answered|claimed|argued|confirmed|denied|urged|emphasi[sz]ed|interview|briefing|press\s+conference|news\s+conference|remarks?|comments?|speech|statement|spoke|speaking|asked)\b/i
/** An aside in brackets ("(as noted in …)") does not make its sentence a report. */
const PARENTHETICAL = /\([^)]*\)/g
const AS_OF_BEFORE = /\bas\s+(?:of|at)\s+(?:the\s+)?$/i
/** A figure, up to four words, then "in"/"for": "$220 billion in", "18 percent in", "5,459 warheads in". */
const FIGURE_BEFORE = /(?<![\w.,])(\d[\d,.]*)(?:\s*%|\s+[^\s\d]+){0,4}?\s+(?:in|for)\s+(?:the\s+)?$/
/** Clause edges: punctuation, quote marks, and "that" opening reported speech. */
const CLAUSE_EDGE = /[,;:“”"«»()—–]|\bthat\b/g

/**
 * Whether the clause around a time speaks of the future: a future word between the clause
 * edges around it (quote marks included, so "said on Wednesday that “X will…”" stays past), or
 * "by" just before it ("by Friday").
 */
export function isFutureClause(sentence: string, start: number, end: number): boolean {
  let from = 0
  let to = sentence.length
  for (const m of sentence.matchAll(CLAUSE_EDGE)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length
    else if (m.index >= end) {
      to = m.index
      break
    }
  }
  return FUTURE_CUE.test(sentence.slice(from, start)) || FUTURE_CUE.test(sentence.slice(end, to)) || BY_BEFORE.test(sentence.slice(from, start))
}

export interface RoleInput {
  readonly sentence: string
  readonly start: number
  readonly end: number
  readonly meaning: TimeMeaning
  readonly resolved: Resolved
  readonly reference: Reference | undefined
  /** The clause speaks of the future (see `isFutureClause`). */
  readonly future: boolean
  /** The expression is the date line the metadata read the publication date from. */
  readonly dateline: boolean
  /** What says the sentence reports a statement, for a language other than English (its speech verbs). */
  readonly speech?: RegExp
}

/**
 * What a time dates, from cues in this order: the date line; "as of" or a figure before it
 * (as-of); a value after the publication period or a future clause (future); a speech or
 * interview word with a day (or month) just before publication (reported-event); else past,
 * or other when nothing places it.
 *
 * @example
 * classifyRole({ sentence: 'Trade reached $2 billion in 2024.', … }) // 'as-of'
 */
export function classifyRole(t: RoleInput): TimeRole {
  if (t.dateline) return 'dateline'
  const before = t.sentence.slice(Math.max(0, t.start - AS_OF_WINDOW_CHARS), t.start)
  if (AS_OF_BEFORE.test(before) || isFigureBefore(before)) return 'as-of'
  const { value, precision } = t.resolved
  const period = value !== null ? periodOf(value, precision) : undefined
  const ref = t.reference ? periodOf(t.reference.date, t.reference.precision) : undefined
  if (period && ref && period.first > ref.last) return 'future'
  if (t.future && !(period && ref && period.last < ref.first)) return 'future'
  if ((t.speech ?? SPEECH_CUE).test(t.sentence.replace(PARENTHETICAL, ' ')) && isReportedEventTime(t, period, ref)) return 'reported-event'
  if (period) return 'past'
  return 'other'
}

function isFigureBefore(before: string): boolean {
  const m = FIGURE_BEFORE.exec(before)
  if (!m) return false
  // "in 2011, … in 2012": a year before is not a figure.
  return !/^(?:1[89]|20)\d{2}$/.test(m[1]!)
}

function isReportedEventTime(t: RoleInput, period: { first: number; last: number } | undefined, ref: { first: number; last: number } | undefined): boolean {
  const precision = t.resolved.precision
  if (precision !== 'day' && precision !== 'month') return false
  if (!period) return t.meaning.kind === 'weekday' || (t.meaning.kind === 'relative' && t.meaning.unit === 'day')
  if (!ref) return true
  return period.first <= ref.last && ref.first - period.last <= REPORTED_EVENT_MAX_GAP_DAYS
}
