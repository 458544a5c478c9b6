import type { EventAction } from '../../document/index.js'

/**
 * The action lexicon: which words express which action between actors.
 *
 * | action      | verbs (every inflection is listed)                         | nouns                                   | phrases                         |
 * |-------------|------------------------------------------------------------|-----------------------------------------|---------------------------------|
 * | `cooperate` | cooperate, collaborate, partner, agree, sign               | cooperation, collaboration, partnership | —                               |
 * | `ally`      | ally, align, side (with)                                   | alliance, coalition, bloc, axis         | join forces, team up            |
 * | `reject`    | reject, refuse, deny, dismiss                              | rejection, refusal                      | rule out, rule it out           |
 * | `propose`   | propose, offer, suggest                                    | proposal, offer, suggestion, initiative | —                               |
 * | `demand`    | demand, pressure, urge, insist, pressed                    | demands, pressure, ultimatum            | —                               |
 * | `threaten`  | threaten                                                   | threat                                  | —                               |
 * | `sanction`  | sanction                                                   | sanctions, embargo                      | —                               |
 * | `criticize` | criticize/criticise, condemn, accuse, denounce, blame      | criticism, condemnation                 | —                               |
 * | `praise`    | praise, welcome, support, commend, hail, endorse           | praise, support                         | —                               |
 * | `intend`    | intend, plan, seek, aim                                    | —                                       | —                               |
 *
 * Words left out on purpose: "press" (the press), "demand" as a noun (supply and demand).
 *
 * A noun becomes a verb-like event through a light verb before it ("form an alliance", "impose
 * sanctions", "put pressure"): the light verb carries the subject, tense and negation, the noun
 * carries the action. A `reject` word that governs another event does not become an event of its
 * own: it negates the governed one ("rule out an alliance" is `ally`, negative; "refuse to ally"
 * is `ally`, negative; so is "an alliance … was ruled out", in the passive after it), and negated
 * itself ("not rule it out", "could not be ruled out") it leaves the event open: positive,
 * `possible`. Only a rejection of something that is no event ("rejected the allegations") is a
 * `reject` event.
 */
export const ONTOLOGY: readonly ActionEntry[] = [
  {
    action: 'cooperate',
    verbs: [
      'cooperate cooperates cooperated cooperating', 'collaborate collaborates collaborated collaborating',
      'partner partners partnered partnering', 'agree agrees agreed agreeing', 'sign signs signed signing',
    ],
    nouns: ['cooperation', 'co-operation', 'collaboration', 'partnership', 'partnerships'],
    phrases: [],
  },
  {
    action: 'ally',
    verbs: ['ally allies allied allying', 'align aligns aligned aligning'],
    nouns: ['alliance', 'alliances', 'coalition', 'coalitions', 'bloc', 'blocs', 'axis'],
    phrases: ['join|joins|joined|joining forces', 'team|teams|teamed|teaming up', 'side|sides|sided|siding with'],
  },
  {
    action: 'reject',
    verbs: ['reject rejects rejected rejecting', 'refuse refuses refused refusing', 'deny denies denied denying', 'dismiss dismisses dismissed dismissing'],
    nouns: ['rejection', 'refusal'],
    phrases: ['rule|rules|ruled|ruling out', 'rule|rules|ruled|ruling it|this|that out'],
  },
  {
    action: 'propose',
    verbs: ['propose proposes proposed proposing', 'offer offers offered offering', 'suggest suggests suggested suggesting'],
    nouns: ['proposal', 'proposals', 'offer', 'offers', 'suggestion', 'suggestions', 'initiative'],
    phrases: [],
  },
  {
    action: 'demand',
    verbs: [
      'demand demands demanded demanding', 'pressure pressures pressured pressuring', 'urge urges urged urging',
      'insist insists insisted insisting', 'pressed',
    ],
    nouns: ['demands', 'pressure', 'ultimatum'],
    phrases: [],
  },
  {
    action: 'threaten',
    verbs: ['threaten threatens threatened threatening'],
    nouns: ['threat', 'threats'],
    phrases: [],
  },
  {
    action: 'sanction',
    verbs: ['sanction sanctions sanctioned sanctioning'],
    nouns: ['sanctions', 'embargo'],
    phrases: [],
  },
  {
    action: 'criticize',
    verbs: [
      'criticize criticizes criticized criticizing', 'criticise criticises criticised criticising',
      'condemn condemns condemned condemning', 'accuse accuses accused accusing', 'denounce denounces denounced denouncing',
      'blame blames blamed blaming',
    ],
    nouns: ['criticism', 'condemnation'],
    phrases: [],
  },
  {
    action: 'praise',
    verbs: [
      'praise praises praised praising', 'welcome welcomes welcomed welcoming', 'support supports supported supporting',
      'commend commends commended commending', 'hail hails hailed hailing', 'endorse endorses endorsed endorsing',
    ],
    nouns: ['praise', 'support'],
    phrases: [],
  },
  {
    action: 'intend',
    verbs: ['intend intends intended intending', 'plan plans planned planning', 'seek seeks sought seeking', 'aim aims aimed aiming'],
    nouns: [],
    phrases: [],
  },
]

/** One action of the lexicon: verb forms (space-separated inflections, one string per verb), nouns, phrases (`|` separates alternatives of one word). */
export interface ActionEntry {
  readonly action: EventAction
  readonly verbs: readonly string[]
  readonly nouns: readonly string[]
  readonly phrases: readonly string[]
}

/**
 * Verbs that turn an event noun after them into a statement about their subject: "form an
 * alliance", "impose sanctions", "exert pressure". Every inflection is listed.
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  [
    'form forms formed forming', 'create creates created creating', 'establish establishes established establishing',
    'forge forges forged forging', 'build builds built building', 'join joins joined joining', 'enter enters entered entering',
    'conclude concludes concluded concluding', 'impose imposes imposed imposing', 'exert exerts exerted exerting',
    'put puts putting', 'apply applies applied applying', 'make makes made making', 'reach reaches reached reaching',
    'announce announces announced announcing', 'launch launches launched launching', 'seal seals sealed sealing',
    'issue issues issued issuing', 'level levels levelled leveled levelling leveling', 'voice voices voiced voicing',
    'express expresses expressed expressing', 'receive receives received receiving', 'accept accepts accepted accepting',
    'pursue pursues pursued pursuing', 'participate participates participated participating',
  ].flatMap((forms) => forms.split(' ')),
)

/** The words a trigger can start with, compiled once: single-word verbs and nouns, and phrases by their first word. */
export interface CompiledOntology {
  readonly verbs: ReadonlyMap<string, EventAction>
  readonly nouns: ReadonlyMap<string, EventAction>
  /** Phrases by first word: each a list of alternative sets, one per word. */
  readonly phrases: ReadonlyMap<string, readonly { action: EventAction; words: readonly ReadonlySet<string>[] }[]>
}

/** Builds the lookup tables from the lexicon. */
export function compileOntology(entries: readonly ActionEntry[]): CompiledOntology {
  const verbs = new Map<string, EventAction>()
  const nouns = new Map<string, EventAction>()
  const phrases = new Map<string, { action: EventAction; words: ReadonlySet<string>[] }[]>()
  for (const entry of entries) {
    for (const forms of entry.verbs) for (const form of forms.split(' ')) verbs.set(form, entry.action)
    for (const noun of entry.nouns) nouns.set(noun, entry.action)
    for (const phrase of entry.phrases) {
      const words = phrase.split(' ').map((alternatives) => new Set(alternatives.split('|')))
      for (const first of words[0]!) {
        const list = phrases.get(first) ?? []
        list.push({ action: entry.action, words })
        phrases.set(first, list)
      }
    }
  }
  // Longest phrase first, so "rule it out" wins over "rule out" where both could start.
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length)
  return { verbs, nouns, phrases }
}

export const LEXICON: CompiledOntology = compileOntology(ONTOLOGY)
