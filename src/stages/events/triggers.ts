import type { EventAction, Mention } from '../../document/index.js'
import { hasLexicalTag } from '../sentences/lexicon.js'
import { LEXICON, LIGHT_VERBS, type CompiledOntology } from './ontology.js'
import type { SentenceView } from './view.js'

/** A word or phrase of the lexicon found in a sentence, with the words around it that shape it. Token indices are into the sentence view. */
export interface Trigger {
  readonly action: EventAction
  /** First and last token of the trigger (a light verb starts it: "form … alliance"). */
  readonly first: number
  readonly last: number
  /** The token the action word is. */
  readonly head: number
  /** Where subject, tense and negation attach: the verb, the light verb, or a bare noun phrase's first token. */
  readonly anchor: number
  /** A noun ("alliance") rather than a verb ("ally"). */
  readonly nominal: boolean
  readonly lightVerb: boolean
  /** "rule it out": the action is the one "it" stands for. */
  readonly anaphoric: boolean
  /** For a noun: the possessive before it ("Putin's offer"). */
  readonly possessive: Mention | null
  /** For a noun: names inside its phrase ("Sino-Russian bloc", "US-led alliance"), and those marked "anti-". */
  readonly modifiers: readonly Mention[]
  readonly antiModifiers: readonly Mention[]
  /** The word before the trigger's phrase is a preposition-like word: "of an alliance", "the concept of aligning". */
  readonly inPhrase: boolean
}

/** Words that can stand before a noun trigger inside its phrase. */
const DETERMINERS = new Set([
  'a', 'an', 'the', 'any', 'no', 'this', 'these', 'those', 'such', 'another', 'his', 'her', 'its', 'their',
  'our', 'my', 'your', 'some', 'every', 'each', 'new', 'further', 'more', 'possible', 'potential',
])
const MODIFIERS = new Set(['military', 'joint', 'key', 'strategic', 'formal', 'defensive', 'political', 'economic', 'trade', 'security', 'full', 'broad', 'close', 'bilateral', 'trilateral', 'nuclear', 'western', 'eastern', 'tough', 'new', 'fresh', 'tougher', 'additional', 'sweeping'])
// Not "-ed": "stressed her support", "enjoyed support" are verbs before the noun phrase.
const ADJECTIVE_ENDINGS = /(?:ic|al|ary|ive|ese|ian|ern|ish|ous|ful)$/
/** How many words may stand between a noun trigger and the start of its phrase ("a formal military alliance"). */
const MAX_NOUN_MODIFIERS = 4
/** Words before which a verb-or-noun word ("offer", "pressure", "sanctions") is a verb. */
const VERB_CUES = new Set(['to', 'will', 'would', 'could', 'may', 'might', 'can', 'shall', 'should', 'must', 'not', 'never', 'also', 'and', 'or'])

/** "russia's", "allies'": a lower-cased word with a possessive ending. */
export function isPossessive(word: string): boolean {
  return word.endsWith("'s") || word.endsWith("s'")
}

function isModifier(view: SentenceView, i: number): boolean {
  const w = view.words[i]!
  if (view.tokens[i]!.kind === 'number') return true
  if (view.tokens[i]!.kind !== 'word') return false
  if (DETERMINERS.has(w) || MODIFIERS.has(w) || view.mentionAt[i] !== undefined) return true
  if (w.includes('-') || isPossessive(w)) return true
  if (LIGHT_VERBS.has(w) || LEXICON.verbs.has(w)) return false
  return hasLexicalTag(w, 'Adjective') || hasLexicalTag(w, 'Demonym') || ADJECTIVE_ENDINGS.test(w)
}

/** Words after which a verb-or-noun word is a noun: "EU sanctions are…", "pressure on China". */
const NOUN_FOLLOWERS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'may', 'might', 'on', 'against', 'of'])

/** The word before a verb-or-noun word makes it a noun: a determiner, a possessive, an adjective, a name used as one ("Russian proposal"). A plain name before it is its subject. */
function isNounContext(view: SentenceView, i: number): boolean {
  const w = view.words[i]!
  if (DETERMINERS.has(w) || isPossessive(w) || LIGHT_VERBS.has(w)) return true
  const mention = view.mentionAt[i]
  if (mention !== undefined) return mention.use === 'attribute' || w.includes('-')
  return !VERB_CUES.has(w) && isModifier(view, i)
}

/**
 * Words after which a trigger is a thing talked about, not a statement ("the possibility of an
 * alliance", "dialogue and cooperation"). Before a verb, "to" is the infinitive and does not count.
 */
const PHRASE_WORDS = new Set(['of', 'about', 'for', 'on', 'in', 'to', 'with', 'against', 'into', 'toward', 'towards', 'over', 'by', 'and', 'or'])
const VERB_PHRASE_WORDS = new Set(['of', 'about', 'for', 'on', 'in', 'with', 'against', 'into', 'toward', 'towards', 'over', 'by'])

/**
 * Combining forms that name a country inside a compound ("Sino-Russian bloc", "Franco-German
 * partnership"); the other half is a mention of its own.
 */
const COMBINING_FORMS: ReadonlyMap<string, string> = new Map([['sino', 'CN'], ['russo', 'RU'], ['franco', 'FR'], ['anglo', 'GB'], ['turco', 'TR'], ['nippo', 'JP']])

function combiningFormMention(view: SentenceView, i: number): Mention | null {
  const w = view.words[i]!
  const dash = w.indexOf('-')
  const code = dash > 0 ? COMBINING_FORMS.get(w.slice(0, dash)) : undefined
  if (code === undefined) return null
  const start = view.tokens[i]!.start
  return { span: { start, end: start + dash }, entity: `country:${code}`, kind: 'demonym', use: 'attribute', sentence: view.index }
}

interface NounPhrase {
  start: number
  possessive: Mention | null
  modifiers: Mention[]
  antiModifiers: Mention[]
}

function readNounPhrase(view: SentenceView, head: number): NounPhrase {
  let start = head
  let possessive: Mention | null = null
  const modifiers: Mention[] = []
  const antiModifiers: Mention[] = []
  while (start > 0 && head - start < MAX_NOUN_MODIFIERS && isModifier(view, start - 1)) {
    start--
    const w = view.words[start]!
    const combined = combiningFormMention(view, start)
    const mentions = combined === null ? view.mentionsAt[start]! : [combined, ...view.mentionsAt[start]!]
    if (mentions.length === 0) continue
    if (isPossessive(w) && possessive === null) possessive = mentions[0]!
    else if (w.startsWith('anti-')) antiModifiers.unshift(...mentions)
    else modifiers.unshift(...[...mentions].sort((a, b) => a.span.start - b.span.start).filter((m) => !modifiers.includes(m)))
  }
  // A name of several tokens sits on each of them: keep it once, and not as a modifier when it is the possessive.
  return { start, possessive, modifiers: [...new Set(modifiers)].filter((m) => m !== possessive), antiModifiers: [...new Set(antiModifiers)] }
}

function matchPhrase(view: SentenceView, i: number, lexicon: CompiledOntology): { action: EventAction; length: number } | null {
  const candidates = lexicon.phrases.get(view.words[i]!)
  if (candidates === undefined) return null
  for (const { action, words } of candidates) {
    let ok = i + words.length <= view.words.length
    for (let k = 1; ok && k < words.length; k++) ok = words[k]!.has(view.words[i + k]!)
    if (ok) return { action, length: words.length }
  }
  return null
}

/**
 * True when a text may hold a trigger: one pass of one regex over every word a trigger can start
 * with. Most sentences hold none, and this spares them tokenizing.
 *
 * @example
 * mayHoldTrigger('Russia will not ally with anyone.') // true
 * mayHoldTrigger('The weather was mild.')             // false
 */
export function mayHoldTrigger(text: string): boolean {
  return TRIGGER_WORD.test(text.toLowerCase())
}

// Lower-case ASCII boundaries, no Unicode mode: several times faster than a case-insensitive
// Unicode regex, and every trigger word is plain ASCII. A match inside a longer word ("bloc" in
// "bloc-free") only costs a tokenization.
const TRIGGER_WORD = new RegExp(
  `\\b(?:${[...new Set([...LEXICON.verbs.keys(), ...LEXICON.nouns.keys(), ...LEXICON.phrases.keys()])]
    .sort((a, b) => b.length - a.length).join('|')})\\b`,
)

/** "a previously agreed contract": a participle between a determiner and its noun describes, it does not act. */
function isParticipleAdjective(view: SentenceView, i: number): boolean {
  return view.words[i]!.endsWith('ed') && (view.words[i - 1] ?? '').endsWith('ly') && DETERMINERS.has(view.words[i - 2] ?? '')
}

/** "aimed at countering China" marks a target, not an intent. */
function isAimedAt(view: SentenceView, i: number): boolean {
  return view.words[i]!.startsWith('aim') && view.words[i + 1] === 'at'
}

/**
 * Every lexicon word or phrase in a sentence, in order, with the shape around it: a light verb
 * before a noun, the noun's phrase, a possessive.
 *
 * @example
 * findTriggers(view) // for "Russia does not form any military alliance with China":
 * // [{ action: 'ally', first: 3 ("form"), head: 6 ("alliance"), lightVerb: true, ... }]
 */
export function findTriggers(view: SentenceView, lexicon: CompiledOntology = LEXICON): Trigger[] {
  const found: Trigger[] = []
  const { words } = view
  for (let i = 0; i < words.length; i++) {
    // A word inside a name ("Associated Press", "Clean Power Plan") is no trigger.
    if (view.tokens[i]!.kind !== 'word' || view.mentionAt[i] !== undefined) continue
    const w = words[i]!
    const phrase = matchPhrase(view, i, lexicon)
    if (phrase !== null) {
      found.push({
        action: phrase.action, first: i, last: i + phrase.length - 1, head: i, anchor: i, nominal: false, lightVerb: false,
        anaphoric: phrase.action === 'reject' && phrase.length === 3, possessive: null, modifiers: [], antiModifiers: [],
        inPhrase: VERB_PHRASE_WORDS.has(words[i - 1] ?? ''),
      })
      i += phrase.length - 1
      continue
    }
    const asNoun = lexicon.nouns.get(w)
    const asVerb = lexicon.verbs.get(w)
    if (asNoun === undefined && asVerb === undefined) continue
    const before = words[i - 1] ?? ''
    // At the start of a sentence a verb-or-noun word is a noun: news does not open on an imperative.
    const nounContext = (i > 0 ? isNounContext(view, i - 1) : asNoun !== undefined) || (asNoun !== undefined && NOUN_FOLLOWERS.has(words[i + 1] ?? ''))
    if (asVerb !== undefined && (asNoun === undefined || !nounContext)) {
      if (nounContext || isAimedAt(view, i) || isParticipleAdjective(view, i)) continue // "the plans", "a sign": a noun the lexicon has only as a verb
      found.push({
        action: asVerb, first: i, last: i, head: i, anchor: i, nominal: false, lightVerb: false, anaphoric: false,
        possessive: null, modifiers: [], antiModifiers: [], inPhrase: VERB_PHRASE_WORDS.has(before),
      })
      continue
    }
    const np = readNounPhrase(view, i)
    const light = lightVerbBefore(view, np.start)
    found.push({
      action: asNoun!, first: light ?? np.start, last: i, head: i, anchor: light ?? np.start, nominal: true,
      lightVerb: light !== null, anaphoric: false, possessive: np.possessive, modifiers: np.modifiers,
      antiModifiers: np.antiModifiers, inPhrase: light === null && PHRASE_WORDS.has(words[np.start - 1] ?? ''),
    })
  }
  return found
}

/** The light verb right before a noun phrase ("forge alliances", "participate in alliances", "enter into an alliance"), if any. */
function lightVerbBefore(view: SentenceView, start: number): number | null {
  const w = view.words[start - 1]
  if (w !== undefined && LIGHT_VERBS.has(w)) return start - 1
  if ((w === 'in' || w === 'into') && LIGHT_VERBS.has(view.words[start - 2] ?? '')) return start - 2
  return null
}
