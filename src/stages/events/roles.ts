import type { Entity, EntityId, EventRole, Mention, Span } from '../../document/index.js'
import { ARTICLES, AUXILIARIES, PREPOSITIONS, clauseStart, sentenceStretchStart, wordBefore } from './clause.js'
import { LEXICON } from './ontology.js'
import { isPossessive } from './triggers.js'
import { mentionStart, type SentenceView } from './view.js'

/** What the roles need to know beyond the sentence: entities by id, and the quote the trigger lies in. */
export interface RoleContext {
  readonly entity: (id: EntityId) => Entity | undefined
  /** The speaker of the direct quote the trigger lies in, for "we" and "our country"; null outside direct quotes. */
  readonly quoteSpeaker: EntityId | null
  /** The speaker of any quote (direct or reported) the trigger lies in; null in the writer's own words. */
  readonly speaker: EntityId | null
}

/** Entity types that can act: a treaty, an event or a place is what an action is about, not who does it. */
const ACTING_TYPES = new Set(['person', 'country', 'organization', 'group'])

/** Titles whose holder speaks for the country: "we" in their quote is the country. */
const STATE_TITLES = /\b(?:president|prime minister|premier|chancellor|minister|king|queen|emperor|head of (?:state|government)|secretary of state|foreign secretary)\b/

const FIRST_PERSON_PLURAL = new Set(['we', 'us', 'our', 'ourselves'])
const FIRST_PERSON_SINGULAR = new Set(['i', 'me', 'my'])
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my'])
const COUNTRY_NOUNS = new Set(['country', 'nation', 'government', 'state'])

/**
 * Participants named without an entity ("anyone", "any country", "other countries", "third-party
 * nations"): kept as a role with a null entity, so "ally with anyone" keeps its partner.
 */
const INDEFINITE = /^(?:anyone|anybody|(?:any|another|other|no|some|a)(?: other)?(?: single)?(?: third(?:-party)?| third party)?(?: major)? (?:country|countries|nation|nations|state|states|power|powers|party|parties)|third(?:-party| party)? (?:countries|nations|states|parties)|third countries)\b/
/** Longest indefinite phrase in words. */
const MAX_INDEFINITE_WORDS = 6

/** The country a person speaks for by office, or an entity's own country. */
function countryOf(entity: Entity | undefined): string | undefined {
  if (entity === undefined) return undefined
  if (entity.type === 'country') return entity.id.replace(/^country:/, '')
  const office = entity.roles.find((r) => r.country !== undefined && STATE_TITLES.test(r.title))
  return office?.country ?? entity.country
}

/** "we" in the quote of a head of state or minister is the country; in anyone else's quote it is the speaker. */
function firstPersonEntity(context: RoleContext, plural: boolean): EntityId | null {
  if (context.quoteSpeaker === null) return null
  if (!plural) return context.quoteSpeaker
  const speaker = context.entity(context.quoteSpeaker)
  const official = speaker?.roles.some((r) => STATE_TITLES.test(r.title)) ?? false
  const country = official ? countryOf(speaker) : undefined
  return country !== undefined ? `country:${country}` : context.quoteSpeaker
}

function spanOf(view: SentenceView, first: number, last: number): Span {
  return { start: view.tokens[first]!.start, end: view.tokens[last]!.end }
}

/** A participant found at a token: the role, and the first and last tokens it covers. */
export interface Participant {
  readonly role: EventRole
  readonly first: number
  readonly last: number
  /** The name is a possessive ("Putin's"). */
  readonly possessive: boolean
}

/** Entity ids start with their type (`org:` for gazetteer organisations). */
function isActing(mention: Mention | undefined): mention is Mention {
  if (mention === undefined) return false
  const prefix = mention.entity.slice(0, mention.entity.indexOf(':'))
  return ACTING_TYPES.has(prefix === 'org' ? 'organization' : prefix)
}

/** The participant ending at token `i` (looking back) or starting at it (looking forward), if any. */
function participantAt(view: SentenceView, i: number, context: RoleContext, direction: 'back' | 'forward'): Participant | null {
  const mention = view.mentionAt[i]
  const w = view.words[i]!
  if (isActing(mention)) {
    const first = mentionStart(view, i, mention)
    let last = i
    while (last + 1 < view.tokens.length && view.tokens[last + 1]!.start < mention.span.end) last++
    return { role: { entity: mention.entity, span: mention.span }, first, last, possessive: isPossessive(w) }
  }
  if (FIRST_PERSON_PLURAL.has(w) || FIRST_PERSON_SINGULAR.has(w)) {
    const entity = firstPersonEntity(context, FIRST_PERSON_PLURAL.has(w))
    if (entity !== null) return { role: { entity, span: spanOf(view, i, i) }, first: i, last: i, possessive: w === 'our' || w === 'my' }
  }
  if (COUNTRY_NOUNS.has(w) && POSSESSIVE_PRONOUNS.has(view.words[i - 1] ?? '')) {
    const entity = ownerCountry(view, i - 1, context)
    if (entity !== null) return { role: { entity, span: spanOf(view, i - 1, i) }, first: i - 1, last: i, possessive: false }
  }
  if (direction === 'forward') return indefiniteAt(view, i)
  return null
}

/** "his country" is the country of the person "his" refers to; "our country" the speaker's. */
function ownerCountry(view: SentenceView, pronoun: number, context: RoleContext): EntityId | null {
  const w = view.words[pronoun]!
  if (w === 'our' || w === 'my') {
    const entity = firstPersonEntity(context, true)
    return entity?.startsWith('country:') ? entity : null
  }
  const resolved = view.mentionAt[pronoun]
  let owner = resolved?.entity
  if (owner === undefined) {
    // The pronoun was not resolved: the nearest person named before it in the sentence.
    for (let j = pronoun - 1; j >= 0 && owner === undefined; j--) if (view.mentionAt[j]?.entity.startsWith('person:')) owner = view.mentionAt[j]!.entity
  }
  const country = owner === undefined ? undefined : countryOf(context.entity(owner))
  return country === undefined ? null : `country:${country}`
}

function indefiniteAt(view: SentenceView, i: number): Participant | null {
  const last = Math.min(view.words.length, i + MAX_INDEFINITE_WORDS)
  const text = view.words.slice(i, last).join(' ')
  const m = INDEFINITE.exec(text)
  if (m === null) return null
  const count = m[0].split(' ').length
  return { role: { entity: null, span: spanOf(view, i, i + count - 1) }, first: i, last: i + count - 1, possessive: false }
}

/**
 * The subject of the clause ending at `anchor`: the nearest participant before it that is not in a
 * prepositional phrase ("with China", "by Washington"). When the clause has none, the search goes
 * on across commas and "and"/"but" (a shared subject: "Trump called it a good idea, but took no
 * action"), never across "that", "whether" or a quote mark. A subject "X and Y" gives the partner
 * Y as well.
 *
 * @example
 * findSubject(view, anchorOf("form"), ctx) // "Lavrov said Moscow will never form alliances" → Moscow
 */
export function findSubject(view: SentenceView, anchor: number, context: RoleContext): Subject | null {
  const end = predicateEnd(view, anchor)
  const own = clauseStart(view, end)
  const inClause = gerundSubject(view, anchor, context) ?? searchSubject(view, own, end, context)
  const between = inClause === null ? betweenSubject(view, own, end, context) : null
  if (between !== null) return between
  const found = inClause ?? (hasUnresolvedSubject(view, own, end) ? null : searchSubject(view, sentenceStretchStart(view, end), own, context))
  if (found === null) return null
  // "Xi Jinping and Russian President Vladimir Putin announced": step back over the title to the "and".
  let and = found.first - 1
  while (and > found.first - 1 - MAX_TITLE_WORDS && and >= 0 && (isTitleWord(view, and) || ARTICLES.has(view.words[and]!))) and--
  if (view.words[and] === 'and') {
    const before = participantBefore(view, and, context)
    if (before !== null && (!PREPOSITIONS.has(wordBefore(view, before.first)) || found.first === anchor - 1)) return { actor: before, partner: found, bothSides: false }
  }
  return { actor: found, partner: null, bothSides: false }
}

/** A plural that names both sides at once: "the two countries", "both sides". */
const BOTH_SIDES = /^(?:the two|both) (?:countries|nations|states|governments|sides|leaders|powers|neighbours|neighbors)\b/

/**
 * A clause whose only subject is "<noun> between X and Y" ("relations between Russia and China
 * are not an alliance"): X and Y are its two sides. "between the two countries" names both sides
 * with no entity of its own (the entities layer resolves no such plural).
 */
function betweenSubject(view: SentenceView, from: number, to: number, context: RoleContext): Subject | null {
  for (let i = from; i < to; i++) {
    if (view.words[i] !== 'between') continue
    const both = BOTH_SIDES.exec(view.words.slice(i + 1, i + 4).join(' '))
    if (both !== null) {
      const last = i + both[0].split(' ').length
      return { actor: { role: { entity: null, span: spanOf(view, i + 1, last) }, first: i + 1, last, possessive: false }, partner: null, bothSides: true }
    }
    const pair = pairAfterBetween(view, i, to, context)
    if (pair !== null) {
      const [actor, partner] = speakerSideFirst(pair, context)
      return { actor, partner, bothSides: false }
    }
  }
  return null
}

/** The two participants of "between X and Y" starting at token `between`, if both are named. */
export function pairAfterBetween(view: SentenceView, between: number, to: number, context: RoleContext): [Participant, Participant] | null {
  const a = participantAfter(view, between + 1, to, context)
  const b = a !== null && view.words[a.last + 1] === 'and' ? participantAfter(view, a.last + 2, to, context) : null
  return a !== null && b !== null ? [a, b] : null
}

/**
 * The two sides of "between X and Y" with the speaker's own side first: an alliance "between
 * China and Russia" in the words of Russia's president is Russia's, with China as its partner.
 */
export function speakerSideFirst(pair: readonly [Participant, Participant], context: RoleContext): [Participant, Participant] {
  const [a, b] = pair
  if (context.speaker === null || a.role.entity === b.role.entity) return [a, b]
  const country = countryOf(context.entity(context.speaker))
  const own = (p: Participant): boolean => p.role.entity === context.speaker || (country !== undefined && p.role.entity === `country:${country}`)
  return own(b) && !own(a) ? [b, a] : [a, b]
}

/** A subject found for a trigger: the actor, a partner ("X and Y"), and whether the actor stands for both sides ("relations between the two countries"). */
export interface Subject {
  readonly actor: Participant
  readonly partner: Participant | null
  readonly bothSides: boolean
}

/** Opening quote marks a quoted predicate may start with: relations “are not an alliance”. */
const OPENING_QUOTES = new Set(['“', '"', '‘', '«'])

/**
 * Where the subject search of a predicate ends: "relations between X and Y “are not an alliance”"
 * quotes the predicate only, so its subject lies before the quote mark. Only a verb group
 * (auxiliaries, "not", adverbs) may stand between the mark and the anchor; otherwise the anchor.
 */
function predicateEnd(view: SentenceView, anchor: number): number {
  const own = clauseStart(view, anchor)
  if (own === 0 || own === anchor || !OPENING_QUOTES.has(view.words[own - 1]!)) return anchor
  for (let i = own; i < anchor; i++) {
    const w = view.words[i]!
    if (!AUXILIARIES.has(w) && w !== 'not' && w !== 'never' && !w.endsWith('ly')) return anchor
  }
  return own - 1
}

/** How many title words may stand between "and" and a name ("and Russian President Vladimir Putin"). */
const MAX_TITLE_WORDS = 3

function isTitleWord(view: SentenceView, i: number): boolean {
  const t = view.tokens[i]!
  const c = view.source.charCodeAt(t.start)
  return t.kind === 'word' && view.words[i] !== 'and' && (view.mentionAt[i]?.use === 'attribute' || (c >= 65 && c <= 90))
}

/** "the possibility of Russia collaborating with…": a name right before an -ing verb is its subject, even after a preposition. */
function gerundSubject(view: SentenceView, anchor: number, context: RoleContext): Participant | null {
  if (!view.words[anchor]!.endsWith('ing') || anchor === 0) return null
  const p = participantAt(view, anchor - 1, context, 'back')
  return p !== null && !p.possessive ? p : null
}

/** Pronouns that stand for a subject the entities layer did not resolve: the clause has a subject, just not a known one. */
const UNRESOLVED_SUBJECTS = new Set(['he', 'she', 'it', 'they'])

function hasUnresolvedSubject(view: SentenceView, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (UNRESOLVED_SUBJECTS.has(view.words[j]!) && view.mentionAt[j] === undefined) return true
  return false
}

function participantBefore(view: SentenceView, at: number, context: RoleContext): Participant | null {
  let j = at - 1
  while (j >= 0 && ARTICLES.has(view.words[j]!)) j--
  return j >= 0 ? participantAt(view, j, context, 'back') : null
}

function searchSubject(view: SentenceView, from: number, to: number, context: RoleContext): Participant | null {
  for (let j = to - 1; j >= from; j--) {
    const p = participantAt(view, j, context, 'back')
    if (p === null) continue
    // A possessive is the actor of the event noun it owns ("for Putin's refusal to rule out…"), wherever it stands; before any other noun it is no subject ("our relationship").
    if (p.possessive) {
      if (LEXICON.nouns.has(view.words[p.last + 1] ?? '')) return p
    } else if (!PREPOSITIONS.has(wordBefore(view, p.first))) {
      // "between Russia and China": a name joined by "and" to one in a prepositional phrase is in it too.
      const and = wordBefore(view, p.first) === 'and' ? conjunctBefore(view, p.first, context) : null
      if (and === null || !PREPOSITIONS.has(wordBefore(view, and.first))) return p
      j = and.first
      continue
    }
    j = p.first
  }
  return null
}

/** The participant before the "and" that precedes token `first` ("Russia" in "Russia and China"). */
function conjunctBefore(view: SentenceView, first: number, context: RoleContext): Participant | null {
  let and = first - 1
  while (and >= 0 && ARTICLES.has(view.words[and]!)) and--
  return participantBefore(view, and, context)
}

/** Words that put what follows in the "against" role. */
const AGAINST_CUES: readonly (readonly string[])[] = [
  ['against'], ['that', 'target'], ['that', 'targets'], ['which', 'target'], ['targeting'], ['targeted', 'at'],
  ['aimed', 'at', 'countering'], ['aimed', 'at', 'containing'], ['aimed', 'at'], ['directed', 'at'], ['directed', 'against'],
  ['to', 'counter'], ['countering'], ['to', 'contain'], ['containing'],
]
/** Prepositions after which a name is the target (the partner, the one pressured). A name with no preposition before it is a direct object. */
const TARGET_PREPOSITIONS = new Set(['with', 'to', 'on', 'upon', 'toward', 'towards', 'at'])

function againstCueAt(view: SentenceView, i: number): number {
  for (const cue of AGAINST_CUES) {
    let k = 0
    while (k < cue.length && view.words[i + k] === cue[k]) k++
    if (k === cue.length) return k
  }
  return 0
}

/**
 * The target and "against" participants in tokens [from, to): "ally with anyone against anyone,
 * especially against China" gives target "anyone" and against China (a named participant wins
 * over an indefinite one); "alliances that target other countries" gives against "other countries".
 * `between` gives both sides of "an alliance between China and Russia".
 */
export function findObjects(view: SentenceView, from: number, to: number, context: RoleContext, directObject: boolean): {
  target: Participant | null
  against: Participant | null
  between: [Participant, Participant] | null
  /** The name after "by": the actor of a passive ("was criticized by Peru"). */
  agent: Participant | null
  /** The name after "from": the actor of a bare noun ("praise from Putin", "pressure from the West"). */
  source: Participant | null
} {
  let target: Participant | null = null
  let against: Participant | null = null
  let between: [Participant, Participant] | null = null
  let agent: Participant | null = null
  let source: Participant | null = null
  for (let i = from; i < to; i++) {
    const cue = againstCueAt(view, i)
    if (cue > 0) {
      let j = i + cue
      while (j < to && ARTICLES.has(view.words[j]!)) j++
      const p = j < to ? participantAt(view, j, context, 'forward') : null
      if (p !== null && (against === null || (against.role.entity === null && p.role.entity !== null))) against = p
      if (p !== null) i = p.last
      continue
    }
    if (view.words[i] === 'between') {
      const pair = pairAfterBetween(view, i, to, context)
      if (pair !== null) {
        between = speakerSideFirst(pair, context)
        i = pair[1].last
      }
      continue
    }
    const found = participantAt(view, i, context, 'forward')
    if (found === null) continue
    const p = personAfterTitle(view, found, to, context)
    const before = wordBefore(view, found.first)
    // A direct object follows the verb at once ("pressure Beijing", "criticize the Kremlin"); a name further on needs a preposition.
    const direct = directObject && firstWordAfter(view, from) === found.first
    // After a noun, "for" names the target too: "support for Bolivia".
    if (target === null && (TARGET_PREPOSITIONS.has(before) || direct || (!directObject && before === 'for'))) target = p
    if (agent === null && before === 'by') agent = p
    if (source === null && before === 'from') source = p
    i = p.last
  }
  return { target, against, between, agent, source }
}

function firstWordAfter(view: SentenceView, from: number): number {
  let j = from
  while (j < view.words.length && (ARTICLES.has(view.words[j]!) || view.words[j]!.endsWith('ly'))) j++
  return j
}

/** "to then-U.S. President Donald Trump": a country used as an adjective before a titled person is the person's title, not the target. */
function personAfterTitle(view: SentenceView, p: Participant, to: number, context: RoleContext): Participant {
  const mention = view.mentionAt[p.first]
  if (mention?.use !== 'attribute' && !view.words[p.first]!.includes('-')) return p
  for (let j = p.last + 1; j < Math.min(to, p.last + 1 + MAX_TITLE_WORDS + 1); j++) {
    if (view.mentionAt[j]?.entity.startsWith('person:')) return participantAt(view, j, context, 'forward') ?? p
    if (!isTitleWord(view, j)) break
  }
  return p
}

function participantAfter(view: SentenceView, at: number, to: number, context: RoleContext): Participant | null {
  let j = at
  while (j < to && ARTICLES.has(view.words[j]!)) j++
  return j < to ? participantAt(view, j, context, 'forward') : null
}
