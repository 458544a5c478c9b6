import type { MentionKind } from '../../document/index.js'
import { hasLexicalTag } from '../sentences/index.js'
import { isVerb, PARTY_PREPOSITIONS, PLACE_PREPOSITIONS, skipVerbPrefixes } from './cues.js'
import type { GazetteerHit } from './matcher.js'
import type { Word } from './words.js'

/** A found name in the sentence, as `decideUse` needs it: words [from, to) and the gazetteer hit if any. */
export interface UseSpot {
  readonly from: number
  readonly to: number
  readonly hit: GazetteerHit | undefined
}

type Use = 'place' | 'government' | 'attribute'

const INSIDE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'inside', 'outside', 'near', 'within'])

/**
 * How a country word or a capital is used: the state acting (`government`: "Moscow will never…",
 * "Beijing's offer", "talks with Washington"), the territory (`place`: "in Moscow"), or an
 * adjective (`attribute`: "Russian Foreign Minister"); and the mention kind that goes with it.
 * Undefined `use` when the sentence does not tell ("Russia" in a list).
 *
 * @example
 * decideUse(scanWords('Moscow will never form alliances', span), [{ from: 0, to: 1, hit }], 0) // { use: 'government', kind: 'metonym' }
 */
export function decideUse(words: readonly Word[], spots: readonly UseSpot[], k: number): { use: Use | undefined; kind: MentionKind } {
  const spot = spots[k]!
  const hit = spot.hit!
  if (hit.kind === 'country') return countryUse(words, spots, k, hit.form)
  const use = actorUse(words, spots, k) ?? (hit.kind === 'metonym' ? 'government' : 'place')
  return { use, kind: use === 'government' ? 'metonym' : 'name' }
}

function countryUse(words: readonly Word[], spots: readonly UseSpot[], k: number, form: { name: boolean; adjective: boolean; demonym: boolean }): { use: Use | undefined; kind: MentionKind } {
  const spot = spots[k]!
  const last = words[spot.to - 1]!
  const next = words[spot.to]
  if (form.adjective && !form.name && !last.possessive) {
    const the = spot.from > 0 && words[spot.from - 1]!.key === 'the'
    // "the Chinese have…", "The Americans have been pushing": the nation as an actor.
    if ((form.demonym && the) && (next === undefined || isVerb(words[skipVerbPrefixes(words, spot.to)] ?? next))) return { use: 'government', kind: 'demonym' }
    if (next !== undefined && next.spaced && (next.capitalized || !isVerb(next))) return { use: 'attribute', kind: 'demonym' }
    return { use: undefined, kind: 'demonym' }
  }
  if (form.demonym && !form.name) {
    const the = spot.from > 0 && words[spot.from - 1]!.key === 'the'
    return { use: the && next !== undefined && isVerb(words[skipVerbPrefixes(words, spot.to)] ?? next) ? 'government' : undefined, kind: 'demonym' }
  }
  return { use: actorUse(words, spots, k), kind: 'name' }
}

/** Evidence in the words around a name that it acts (government) or is a location (place). */
function actorUse(words: readonly Word[], spots: readonly UseSpot[], k: number): Use | undefined {
  const spot = spots[k]!
  const metonym = spot.hit?.kind === 'metonym'
  const last = words[spot.to - 1]!
  if (last.possessive) return 'government'
  const previous = words[spot.from - 1]
  const before = previous?.key === 'the' ? words[spot.from - 2] : previous
  if (before !== undefined) {
    // "from the White House" is the administration; only "in the Kremlin" is the building.
    if (metonym ? INSIDE_PREPOSITIONS.has(before.key) : PLACE_PREPOSITIONS.has(before.key)) return 'place'
    if (PARTY_PREPOSITIONS.has(before.key)) return 'government'
  }
  // In a list ("in Berlin, Paris and London"), a name shares the use of the name before it.
  const listed = listPredecessor(words, spots, k)
  if (listed !== undefined) {
    const inherited = actorUse(words, spots, listed)
    if (inherited !== undefined) return inherited
  }
  // "Moscow and Beijing have signed": the verb after the last of a coordinated pair.
  let after = spot.to
  const successor = coordinatedSuccessor(words, spots, k)
  if (successor !== undefined) after = spots[successor]!.to
  const verb = words[skipVerbPrefixes(words, after)]
  if (verb !== undefined && verb.spaced && isVerb(verb)) return 'government'
  if (before !== undefined && isTransitive(before)) return 'government'
  return undefined
}

/** A verb before a name whose object it is ("join Washington", "to include Beijing"). */
function isTransitive(w: Word): boolean {
  return !w.capitalized && (isVerb(w) || hasLexicalTag(w.key, 'Infinitive'))
}

function listPredecessor(words: readonly Word[], spots: readonly UseSpot[], k: number): number | undefined {
  const prev = spots[k - 1]
  if (prev === undefined || prev.hit === undefined) return undefined
  const between = spots[k]!.from - prev.to
  const joiner = words[prev.to]
  if (between === 0) return !words[spots[k]!.from]!.spaced && !words[spots[k]!.from]!.hyphenated ? k - 1 : undefined
  // "Tokyo, and Seoul", "Berlin and Paris"
  if (between === 1 && joiner !== undefined && (joiner.key === 'and' || joiner.key === 'or')) return k - 1
  return undefined
}

function coordinatedSuccessor(words: readonly Word[], spots: readonly UseSpot[], k: number): number | undefined {
  const next = spots[k + 1]
  if (next === undefined || next.hit === undefined || next.hit.kind === 'person') return undefined
  const joiner = words[spots[k]!.to]
  return next.from === spots[k]!.to + 1 && joiner !== undefined && joiner.key === 'and' ? k + 1 : undefined
}
