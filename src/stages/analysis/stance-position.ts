import type { ActorEvent, Span, StancePosition } from '../../document/index.js'

/**
 * The words that make a position conditional, as word sequences ("provided that"); an alternative
 * word is written `a|b`. "even if" and "as if" are no condition and are skipped.
 */
const CONDITION_CUES: readonly (readonly ReadonlySet<string>[])[] = [
  'if', 'unless', 'provided that', 'providing that', 'on condition', 'on the condition', 'as long as', 'so long as',
  'contingent on|upon', 'conditional on|upon', 'in exchange for', 'in return for',
].map((cue) => cue.split(' ').map((word) => new Set(word.split('|'))))
const NOT_CONDITION_BEFORE_IF = new Set(['even', 'as'])
/** A clause boundary a condition does not reach across. */
const CLAUSE_BREAKS = new Set([';', ':', '—', '–'])
/** Words and the clause breaks between them, in a statement's scope. */
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[;:—–]/gu

/**
 * Conditional when a condition cue lies in the clause of the trigger; else open for a possible
 * event; else for or against by polarity.
 *
 * @example
 * positionOf('We could ally with them if they asked.', event, sentence) // 'conditional'
 */
export function positionOf(source: string, e: Pick<ActorEvent, 'trigger' | 'polarity' | 'modality'>, scope: Span): StancePosition {
  if (hasCondition(source, scope, e.trigger)) return 'conditional'
  if (e.modality === 'possible') return 'open'
  return e.polarity === 'positive' ? 'for' : 'against'
}

function hasCondition(source: string, scope: Span, trigger: Span): boolean {
  const tokens = [...source.slice(scope.start, scope.end).matchAll(TOKEN)]
    .map((m) => ({ word: m[0].toLowerCase(), at: scope.start + m.index }))
  for (let i = 0; i < tokens.length; i++) {
    const cue = CONDITION_CUES.find((words) => words.every((set, k) => set.has(tokens[i + k]?.word ?? '')))
    if (cue === undefined || (cue.length === 1 && NOT_CONDITION_BEFORE_IF.has(tokens[i - 1]?.word ?? ''))) continue
    const at = tokens[i]!.at
    const [from, to] = at < trigger.start ? [at, trigger.start] : [trigger.end, at]
    if (!tokens.some((t) => CLAUSE_BREAKS.has(t.word) && t.at >= from && t.at < to)) return true
  }
  return false
}
