import type { EventAction } from '../../document/index.js'
import { ARTICLES, AUXILIARIES } from './clause.js'
import type { SentenceView } from './view.js'
import type { Trigger } from './triggers.js'

/** Words that negate what follows them in their clause. */
const NEGATORS = new Set(['not', 'never', 'no', 'neither', 'nor', 'cannot', 'without', 'none', 'nobody', 'nothing'])

/** Verbs that negate the event they govern without being in the lexicon: "avoid forming a bloc", "declined to join forces". */
const NEGATING_VERBS = new Set([
  'avoid avoids avoided avoiding', 'decline declines declined declining', 'refrain refrains refrained refraining',
  'fail fails failed failing', 'abandon abandons abandoned abandoning', 'cease ceases ceased ceasing',
].flatMap((forms) => forms.split(' ')))

/** Predicates that deny the noun or gerund they follow: "an alliance … is unthinkable", "is out of the question". */
const DENYING_PREDICATES = new Set(['unthinkable', 'inconceivable', 'impossible', 'unimaginable', 'unacceptable', 'ruled'])
const COPULAS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'remains', 'remained', "isn't", "wasn't", "aren't", "weren't"])
const DEGREE_ADVERBS = new Set(['simply', 'absolutely', 'completely', 'totally', 'still', 'quite', 'entirely', 'just'])

/**
 * Nouns a rejection negates: "rule out an alliance" is no alliance, but "rejected the proposal" is
 * a rejection of someone's proposal, which still was made.
 */
const JOINT_NOUNS: ReadonlySet<EventAction> = new Set(['ally', 'cooperate', 'intend'])

/** Two-word negators: "rather than forming blocs", "instead of joining". */
const NEGATING_PAIRS = new Set(['rather than', 'instead of'])

function isNegator(view: SentenceView, i: number): boolean {
  const w = view.words[i]!
  if (w === 'not' && view.words[i + 1] === 'only') return false
  if (NEGATING_PAIRS.has(`${view.words[i - 1]} ${w}`)) return true
  return NEGATORS.has(w) || w.endsWith("n't")
}

/** Nouns of intent a "no" before them carries over to what follows: "has no plans to ally". */
const INTENT_NOUNS = new Set(['plan', 'plans', 'intention', 'intentions', 'desire', 'wish', 'interest', 'need', 'reason', 'way'])

/**
 * "no" negates the noun it determines, so it reaches a trigger only inside the trigger's own
 * phrase ("no alliance") or through a noun of intent ("no plans to ally"): "has no illusions about
 * Putin's threat" does not deny the threat.
 */
function negatesIntent(view: SentenceView, i: number): boolean {
  return INTENT_NOUNS.has(view.words[i + 1] ?? '') || INTENT_NOUNS.has(view.words[i + 2] ?? '')
}

/** How the words before a trigger bear on it. */
export interface PolarityReading {
  readonly polarity: 'positive' | 'negative'
  /** Index (in the sentence's trigger list) of each `reject` trigger that governs this one and so is no event of its own. */
  readonly governors: readonly number[]
  /** A negated governor ("not going to rule it out", "refusal to rule out"): the event is left open. */
  readonly negatedGovernor: boolean
  /** First token of the governor chain, where modal words stop counting ("ruled out the possibility of…" is no possibility); the trigger's head without one. */
  readonly modalEnd: number
  /** A modal of possibility before a rejection that follows the noun ("an alliance could be ruled out"): the event is only possibly denied. */
  readonly hedgedGovernor: boolean
}

/**
 * Polarity from the trigger's clause: each negator ("not", "never", "no", "n't", "without") and
 * each governing rejection ("refuse to", "rule out", "rejection of") flips it, so "not going to
 * rule it out" is positive and "refuse to ally" negative; a noun or gerund followed by a denying
 * predicate ("… is unthinkable") is negative, and one that a passive rejection follows ("… could not
 * be ruled out") takes that rejection and its negators as governing it. Nothing here ever turns an event into its opposite
 * action: "will not ally against China" stays an `ally` event, negative.
 *
 * @example
 * readPolarity(view, triggers, 2, clauseStart) // "Russia will not ally…" → { polarity: 'negative', … }
 */
export function readPolarity(view: SentenceView, triggers: readonly Trigger[], index: number, windowStart: number, clauseEnd: number): PolarityReading {
  const trigger = triggers[index]!
  let flips = trigger.anaphoric ? 1 : 0
  let firstGovernorAt = trigger.anaphoric ? trigger.first : -1
  let negatedGovernor = false
  const governors: number[] = []
  // Triggers governed by a rejection are those without an actor of their own: in "rejected
  // Washington's demands" the demand stays Washington's, and the rejection is an event.
  const governable = trigger.possessive === null && (!trigger.nominal || trigger.lightVerb || JOINT_NOUNS.has(trigger.action))
  for (let i = windowStart; i < trigger.head; i++) {
    if (i >= trigger.first && i < trigger.head && !isNegator(view, i)) continue
    const g = governable ? triggers.findIndex((t, k) => k !== index && t.first === i && t.action === 'reject' && !t.anaphoric) : -1
    const isGovernor = g >= 0 || NEGATING_VERBS.has(view.words[i]!)
    if (isGovernor) {
      if (flips > 0) negatedGovernor = true
      if (firstGovernorAt < 0) firstGovernorAt = i
      if (g >= 0) {
        governors.push(g)
        i = triggers[g]!.last
      }
      flips++
    } else if (isNegator(view, i) && (view.words[i] !== 'no' || i >= trigger.first || negatesIntent(view, i))) {
      flips++
    }
  }
  if (trigger.anaphoric && flips > 1) negatedGovernor = true
  // "offered no proof", "took no action": a "no" right after the verb denies it.
  if (!trigger.nominal && view.words[trigger.last + 1] === 'no') flips++
  let hedgedGovernor = false
  // A predicate noun ("… were not an alliance, were not confrontational") is no subject of the verbs after it.
  if (((trigger.nominal && !trigger.lightVerb) || trigger.inPhrase) && !isPredicate(view, trigger.first)) {
    const passive = governable ? passiveGovernor(view, triggers, trigger.last + 1, clauseEnd) : null
    if (passive !== null) {
      // "an alliance … could not be ruled out": the rejection and each negator before it flip.
      governors.push(passive.governor)
      flips += 1 + passive.negators
      if (passive.negators > 0) negatedGovernor = true
      hedgedGovernor = passive.hedged
    } else if (deniedAfter(view, trigger.last + 1, clauseEnd) || deemedDenied(view, trigger, clauseEnd)) {
      flips++
    }
  }
  return {
    polarity: flips % 2 === 1 ? 'negative' : 'positive',
    governors,
    negatedGovernor,
    modalEnd: firstGovernorAt >= 0 ? Math.min(firstGovernorAt, trigger.head) : trigger.head,
    hedgedGovernor,
  }
}

/** The noun phrase starting at `first` follows a copula ("are not a … alliance"), negators and adverbs between. */
function isPredicate(view: SentenceView, first: number): boolean {
  let i = first - 1
  while (i >= 0 && (isNegator(view, i) || DEGREE_ADVERBS.has(view.words[i]!) || view.words[i]!.endsWith('ly'))) i--
  return i >= 0 && COPULAS.has(view.words[i]!)
}

/** Forms of "be" that make a participle after them passive. */
const PASSIVE_BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't"])
/** Modals of possibility in a verb group: "could be ruled out" only possibly is. */
const POSSIBILITY_MODALS = new Set(['may', 'might', 'could', 'can', "mightn't", "couldn't", "can't", 'cannot'])

/**
 * The rejection a noun is the passive subject of: "an alliance between them could not be ruled
 * out", "the coalition was rejected". The verb group (auxiliaries, negators, adverbs) must hold a
 * form of "be" and end right where a `reject` trigger starts.
 */
function passiveGovernor(
  view: SentenceView, triggers: readonly Trigger[], from: number, to: number,
): { governor: number; negators: number; hedged: boolean } | null {
  let i = from
  while (i < to && !AUXILIARIES.has(view.words[i]!)) {
    if (SUBJECT_PRONOUNS.has(view.words[i]!)) return null
    i++
  }
  let negators = 0
  let passive = false
  let hedged = false
  for (; i < to; i++) {
    const w = view.words[i]!
    if (AUXILIARIES.has(w)) {
      passive ||= PASSIVE_BE.has(w)
      hedged ||= POSSIBILITY_MODALS.has(w)
      if (isNegator(view, i)) negators++
    } else if (isNegator(view, i)) {
      negators++
    } else if (!w.endsWith('ly') && !DEGREE_ADVERBS.has(w)) {
      break
    }
  }
  if (!passive || i >= to) return null
  const governor = triggers.findIndex((t) => t.first === i && t.action === 'reject' && !t.anaphoric)
  // "can't", "cannot": a negated modal is no hedge, it denies the possibility.
  return governor < 0 ? null : { governor, negators, hedged: hedged && negators === 0 }
}

/** A subject of its own between the noun and the copula ("… conditions it is not ready for"): the predicate is not about the noun. */
const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'you', 'this'])

/** Verbs that judge their object by a predicate after it: "deeming an alliance unthinkable". */
const JUDGING_VERBS = new Set(['deem', 'deems', 'deemed', 'deeming', 'consider', 'considers', 'considered', 'considering', 'call', 'calls', 'called', 'calling', 'find', 'finds', 'found', 'finding'])
/** How far after the noun the judging predicate may come ("an alliance against China unthinkable"). */
const MAX_JUDGED_WORDS = 6

function deemedDenied(view: SentenceView, trigger: Trigger, to: number): boolean {
  let start = trigger.first
  while (start > 0 && ARTICLES.has(view.words[start - 1]!)) start--
  if (!JUDGING_VERBS.has(view.words[start - 1] ?? '')) return false
  for (let i = trigger.last + 1; i < Math.min(to, trigger.last + 1 + MAX_JUDGED_WORDS); i++) if (DENYING_PREDICATES.has(view.words[i]!)) return true
  return false
}

/** "… is simply inconceivable", "… is not on the agenda" after a noun or gerund. */
function deniedAfter(view: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (SUBJECT_PRONOUNS.has(view.words[i]!)) return false
    if (!COPULAS.has(view.words[i]!)) continue
    let j = i + 1
    while (j < to && DEGREE_ADVERBS.has(view.words[j]!)) j++
    const w = view.words[j] ?? ''
    return view.words[i]!.endsWith("n't") || w === 'not' || w === 'never' || DENYING_PREDICATES.has(w) || (w === 'out' && view.words[j + 2] === 'question')
  }
  return false
}
