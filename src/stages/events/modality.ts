import type { Modality } from '../../document/index.js'
import type { SentenceView } from './view.js'

const POSSIBLE = new Set([
  'may', 'might', 'could', 'can', 'possible', 'possibly', 'possibility', 'conceivable', 'conceivably', 'potential',
  'potentially', 'perhaps', 'maybe', 'likely', 'imagine', 'hypothetical', 'hypothetically', 'considering', 'consider',
  'chance', 'prospect', 'prospects', 'option', 'scenario',
])
const FUTURE = new Set(['will', 'shall', "won't", 'would', "'ll"])
/** Two-word future markers: "going to", "set to", "about to", "expected to". */
const FUTURE_BEFORE_TO = new Set(['going', 'set', 'about', 'expected', 'poised'])
/** Where a question's scope ends, looking back from the trigger. */
const QUESTION_STOPS = new Set([',', ';', ':', '“', '”', '"', '«', '»', 'that', '.', '!'])

/**
 * The trigger's modality. `question` when it lies in a question ("asked whether Moscow could…",
 * "asked about the possibility of…", a sentence ending in "?"): a question put to someone is not a
 * statement by them. `possible` for an open governor ("not going to rule it out") or a modal word
 * ("could", "possible") before the trigger; `future` for "will", "going to", "is set to";
 * otherwise `asserted`.
 *
 * @example
 * readModality(view, 0, 3, 3, false) // "Russia will not ally…" → 'future'
 */
export function readModality(view: SentenceView, windowStart: number, modalEnd: number, triggerFirst: number, negatedGovernor: boolean): Modality {
  if (inQuestion(view, triggerFirst)) return 'question'
  if (negatedGovernor) return 'possible'
  let future = false
  for (let i = windowStart; i < modalEnd; i++) {
    const w = view.words[i]!
    if (POSSIBLE.has(w)) return 'possible'
    if (FUTURE.has(w) || w.endsWith("'ll") || (FUTURE_BEFORE_TO.has(w) && view.words[i + 1] === 'to')) future = true
  }
  return future ? 'future' : 'asserted'
}

function inQuestion(view: SentenceView, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const w = view.words[i]!
    if (QUESTION_STOPS.has(w)) break
    if (w === 'whether') return true
    if (w === 'about' && (view.words[i - 1] === 'asked' || view.words[i - 1] === 'asking')) return true
  }
  // A sentence that ends in "?" (before any closing quote mark) asks, unless the trigger is past the question's end.
  for (let i = view.words.length - 1; i >= at; i--) {
    const w = view.words[i]!
    if (w === '?') return true
    if (view.tokens[i]!.kind !== 'punct' || (w !== '”' && w !== '"' && w !== '’')) return false
  }
  return false
}
