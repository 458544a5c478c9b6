/*
 * Telling the same statement reported in two languages ("Russia will not ally with anyone" and
 * «Россия ни с кем не будет объединяться»). Their words cannot be compared without a translation
 * model, and Dossier ships none: what the two versions share is language-neutral. The speaker is
 * one gazetteer id; the names inside the quote resolve to the same ids in every language (China,
 * 中国, Китай); figures and dates are values; and a statement and its translation say yes or no
 * alike. A pair is matched only on that evidence, and only when it is the best and only such
 * pair for both sides (a speaker quoted twice about China in one article matches neither).
 */
import type { Document, Quote } from '../../document/index.js'
import { contains, languageOf, textOf } from '../../document/index.js'
import { lexiconFor, type Lexicon } from '../../language/index.js'
import { localId } from '../entities/found.js'
import { loadGazetteer } from '../entities/gazetteer/index.js'
import { quoteWords } from './quote-match.js'

/** What a quote shares with its translation: its speaker, the ids, figures and dates inside it, and whether it says no. */
export interface StatementAnchors {
  /** The article's language (ISO 639-1); undefined when its metadata does not say. */
  readonly language: string | undefined
  readonly speaker: string | null
  readonly direct: boolean
  /** Entity ids named inside the quote (not the speaker, not pronouns), figures as `#value`, dates as `@value`. */
  readonly terms: ReadonlySet<string>
  /** True when a negation word of the article's language is among the quote's words. */
  readonly negated: boolean
}

/**
 * The anchors of one quote in its document.
 *
 * @example
 * statementAnchors(doc, quote) // { language: 'ru', speaker: 'person:sergey-lavrov', terms: Set {'country:RU', 'country:CN'}, negated: true, direct: true }
 */
export function statementAnchors(doc: Document, quote: Quote): StatementAnchors {
  const language = languageOf(doc)
  // A quote with no speaker matches no translation (`statementScore`): nothing to read.
  if (quote.speaker.entity === null) return { language, speaker: null, direct: quote.direct, terms: new Set(), negated: false }
  const pieces = quote.direct && quote.parts.length > 0 ? quote.parts : [quote.span]
  const inside = (span: { start: number; end: number }): boolean => pieces.some((p) => contains(p, span))
  const terms = new Set<string>()
  for (const m of doc.layers.entities?.mentions ?? []) {
    if (m.kind !== 'pronoun' && m.entity !== quote.speaker.entity && inside(m.span)) terms.add(capitalCountries().get(m.entity) ?? m.entity)
  }
  for (const c of doc.layers.claims?.claims ?? []) if (inside(c.span)) terms.add(`#${c.value}`)
  for (const t of doc.layers.times?.times ?? []) if (t.value !== null && t.precision === 'day' && inside(t.span)) terms.add(`@${t.value}`)
  return {
    language,
    speaker: quote.speaker.entity,
    direct: quote.direct,
    terms,
    negated: isNegated(pieces.map((s) => textOf(doc.source, s)).join(' '), language),
  }
}

let capitals: Map<string, string> | undefined

/**
 * Each capital as a place (`place:~beijing`) → its country (`country:CN`): one translation says
 * "in Beijing" where another says "in China's capital" or "Beijing said", and which of place and
 * government a capital is, no rule tells in every language.
 */
function capitalCountries(): ReadonlyMap<string, string> {
  capitals ??= new Map(loadGazetteer().countries.flatMap((c) => (c.capital === null ? [] : [[localId('place', c.capital), `country:${c.alpha2}`] as const])))
  return capitals
}

/**
 * Whether a text says no in its language: a negation word of the lexicon among its words ("not",
 * "не", "nicht"), an elided or contracted one ("n'", "n't"), or, in a language written without
 * spaces, a negation anywhere in it ("不"). Undefined language or no lexicon: false.
 */
export function isNegated(text: string, language: string | undefined): boolean {
  const lexicon = lexiconFor(language)
  if (lexicon === undefined) return false
  if (lexicon.unspaced === true) return lexicon.negations.some((n) => text.includes(n))
  const { whole, prefixes, suffixes } = negationsOf(lexicon)
  return quoteWords(text).some((w) => whole.has(w) || prefixes.some((p) => w.startsWith(p)) || suffixes.some((s) => w.endsWith(s)))
}

const negationForms = new WeakMap<Lexicon, { whole: ReadonlySet<string>; prefixes: readonly string[]; suffixes: readonly string[] }>()

/** A lexicon's negations split once: whole words, and the elided ("n'": "n'est") and contracted ("n't": "won't") forms. */
function negationsOf(lexicon: Lexicon): { whole: ReadonlySet<string>; prefixes: readonly string[]; suffixes: readonly string[] } {
  let forms = negationForms.get(lexicon)
  if (forms === undefined) {
    const { negations } = lexicon
    forms = {
      whole: new Set(negations.filter((n) => !n.includes("'"))),
      prefixes: negations.filter((n) => n.endsWith("'")),
      suffixes: negations.filter((n) => n.includes("'") && !n.endsWith("'")),
    }
    negationForms.set(lexicon, forms)
  }
  return forms
}

/**
 * How strongly two quotes in different languages are one statement: the share of the smaller set
 * of anchor terms the other also holds (0 when they cannot be: same or unknown language, another
 * or no speaker, one direct and one reported, different polarity, no term in common, or figures
 * on both sides that share none).
 *
 * @example
 * statementScore(english, russian) // 1: Lavrov, both say no, both name Russia
 */
export function statementScore(a: StatementAnchors, b: StatementAnchors): number {
  if (a.language === undefined || b.language === undefined || a.language === b.language) return 0
  if (a.speaker === null || a.speaker !== b.speaker || a.direct !== b.direct || a.negated !== b.negated) return 0
  let shared = 0
  for (const t of a.terms) if (b.terms.has(t)) shared++
  if (shared === 0) return 0
  const figures = (s: ReadonlySet<string>): string[] => [...s].filter((t) => t.startsWith('#'))
  const fa = figures(a.terms)
  const fb = figures(b.terms)
  if (fa.length > 0 && fb.length > 0 && !fa.some((t) => b.terms.has(t))) return 0
  const score = shared / Math.min(a.terms.size, b.terms.size)
  return score >= MIN_SHARED ? score : 0
}

/** At least half the smaller side's anchors must be shared. */
export const MIN_SHARED = 0.5

/**
 * Which groups of quotes (each group one statement in one language) are the same statement in
 * other languages: groups are joined, best score first, when the pair is the unique best for both
 * sides in the other's language and the joined statement holds each language once. Returns, per
 * group, the index of the group it joins (itself when it joins none or leads).
 *
 * @example
 * joinTranslations([en, ru, enOther]) // [0, 0, 2]: the Russian group joins the English one
 */
export function joinTranslations(groups: readonly StatementAnchors[]): number[] {
  // Only one speaker's quotes can be one statement: compare within each speaker's quotes.
  const bySpeaker = new Map<string, number[]>()
  groups.forEach((g, k) => {
    if (g.speaker !== null && g.language !== undefined) bySpeaker.set(g.speaker, [...(bySpeaker.get(g.speaker) ?? []), k])
  })
  const candidates: Array<{ a: number; b: number; score: number }> = []
  // Per group and other language: the best score, and how many of that language's groups reach it.
  const best = new Map<string, { score: number; count: number }>()
  const note = (self: number, other: number, score: number): void => {
    const key = `${self}|${groups[other]!.language}`
    const known = best.get(key)
    if (known === undefined || score > known.score) best.set(key, { score, count: 1 })
    else if (score === known.score) known.count++
  }
  for (const members of bySpeaker.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!
        const b = members[j]!
        const score = statementScore(groups[a]!, groups[b]!)
        if (score === 0) continue
        candidates.push({ a, b, score })
        note(a, b, score)
        note(b, a, score)
      }
    }
  }
  const unique = (self: number, other: number, score: number): boolean => {
    const b = best.get(`${self}|${groups[other]!.language}`)!
    return b.score === score && b.count === 1
  }
  const leader = groups.map((_, k) => k)
  const languages = new Map(groups.map((g, k) => [k, new Set([g.language])]))
  const find = (k: number): number => (leader[k] === k ? k : (leader[k] = find(leader[k]!)))
  for (const { a, b, score } of candidates.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)) {
    if (!unique(a, b, score) || !unique(b, a, score)) continue
    const ra = find(a)
    const rb = find(b)
    if (ra === rb) continue
    const la = languages.get(ra)!
    const lb = languages.get(rb)!
    if ([...lb].some((l) => la.has(l))) continue
    const [root, joined] = ra < rb ? [ra, rb] : [rb, ra]
    leader[joined] = root
    for (const l of languages.get(joined)!) languages.get(root)!.add(l)
  }
  return groups.map((_, k) => find(k))
}
