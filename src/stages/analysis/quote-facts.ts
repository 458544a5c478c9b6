import type { Citation, Document, DocumentId, Fact, Quote } from '../../document/index.js'
import { citationOf, contains, languageOf, outletOf, textOf } from '../../document/index.js'
import { entityById } from '../entities/lookup.js'
import type { CheckArticle } from './check.js'
import { diffWords, quoteWords, sameQuote } from './quote-match.js'
import { joinTranslations, statementAnchors } from './quote-translations.js'

/** A fact's statement is one line: longer quotes are cut at a word and marked. */
export const MAX_STATEMENT_CHARS = 200

interface Printed {
  readonly article: CheckArticle
  readonly order: number
  readonly quote: Quote
  readonly words: readonly string[]
  readonly text: string
  readonly citation: Citation
  readonly who: Fact['who']
}

/**
 * The quotes of a story as facts: the same quote in several articles is one fact, its first
 * citation the reference wording and the others, where their words differ, its variants. The same
 * statement reported in another language joins it as a variant in that language, matched through
 * what translation keeps (`quote-translations.ts`: the speaker, the names, figures and dates in
 * it, and its yes or no), not its words. Direct
 * quotes and reported speech are separate tiers (a paraphrase is not a variant of the words it
 * paraphrases); reported speech counts only with a named speaker, and not when it states a figure
 * (the figures table has those), nor when its cue only sources the writer's narration ("…, according
 * to a document"). Ordered: direct before reported, then by outlets, then by first
 * appearance.
 *
 * @example
 * checkQuotes(articles, count)[0] // { statement: 'Sergey Lavrov: “Russia will not ally …”', status: 'agreed', outlets: 2, variants: [] }
 */
export function checkQuotes(articles: readonly CheckArticle[], count: (ids: Iterable<DocumentId>) => number): Fact[] {
  const printed = articles.flatMap((a, k) => readQuotes(a, k))
  const groups: Printed[][] = []
  for (const p of printed) {
    const group = groups.find((g) => g[0]!.quote.direct === p.quote.direct && sameSpeaker(g[0]!, p) && sameQuote(g[0]!.words, p.words))
    if (group === undefined) groups.push([p])
    else if (!group.some((other) => other.article.doc.id === p.article.doc.id)) group.push(p)
  }
  const joined = joinTranslations(groups.map((g) => statementAnchors(g[0]!.article.doc, g[0]!.quote)))
  // Each statement's groups, its own first (a group leads the groups that join it, and comes before them).
  const byLeader = new Map<number, Printed[][]>()
  groups.forEach((g, k) => {
    const statement = byLeader.get(joined[k]!)
    if (statement === undefined) byLeader.set(joined[k]!, [g])
    else statement.push(g)
  })
  const statements = [...byLeader.values()]
  const ranked = statements
    .map((s) => ({ s, outlets: count(s.flat().map((p) => p.article.doc.id)) }))
    .sort((a, b) => Number(b.s[0]![0]!.quote.direct) - Number(a.s[0]![0]!.quote.direct) || b.outlets - a.outlets || a.s[0]![0]!.order - b.s[0]![0]!.order)
  return ranked.map(({ s, outlets }, k) => toFact(`q${k + 1}`, s, outlets))
}

function readQuotes(article: CheckArticle, index: number): Printed[] {
  const { doc } = article
  const source = outletOf(doc)
  const figures = (doc.layers.claims?.claims ?? []).filter((c) => c.unit !== null)
  return (doc.layers.quotes?.quotes ?? [])
    .filter((q) => q.direct || (q.speaker.entity !== null && !figures.some((c) => contains(q.span, c.span)) && !isSourcedNarration(doc, q)))
    .map((quote) => {
      const pieces = quote.direct && quote.parts.length > 0 ? quote.parts : [quote.span]
      const text = pieces.map((s) => textOf(doc.source, s).trim()).join(' … ')
      return {
        article, quote, text,
        order: index * 1e9 + quote.span.start,
        words: quoteWords(pieces.map((s) => textOf(doc.source, s)).join(' ')),
        citation: citationOf(doc, quote.span, source),
        who: speakerOf(doc, quote),
      }
    })
}

/**
 * "Putin on Tuesday signed the law, according to a document": a source cue before a source
 * (`according to`, `citing`) says where the writer's own narration comes from; nobody said those
 * words, so they are no quote.
 */
const SOURCE_CUES = /^(?:according\s+to|citing|per)$/i

function isSourcedNarration(doc: Document, quote: Quote): boolean {
  return quote.cue !== null && SOURCE_CUES.test(textOf(doc.source, quote.cue).trim())
}

function speakerOf(doc: Document, quote: Quote): Fact['who'] {
  const { entity, span } = quote.speaker
  if (entity !== null) {
    const found = doc.layers.entities === undefined ? undefined : entityById(doc.layers.entities, entity)
    return { id: entity, name: found?.name ?? (span === null ? entity : textOf(doc.source, span)), role: found?.roles[0]?.title ?? null }
  }
  return span === null ? null : { id: null, name: textOf(doc.source, span), role: null }
}

/** The same speaker, or one side does not say who spoke. */
function sameSpeaker(a: Printed, b: Printed): boolean {
  return a.who?.id == null || b.who?.id == null || a.who.id === b.who.id
}

/** A statement's fact: `groups[0]` is its wording in the first language, the others its translations. */
function toFact(id: string, groups: readonly (readonly Printed[])[], outlets: number): Fact {
  const [group, ...translations] = groups as [readonly Printed[], ...Array<readonly Printed[]>]
  const reference = group[0]!
  const variants = [
    ...group.slice(1).flatMap((p) => {
      const { added, missing } = diffWords(reference.words, p.words)
      return added.length === 0 && missing.length === 0 ? [] : [{ citation: p.citation, added, missing }]
    }),
    // Another language's words cannot be diffed against these: the variant says only its language.
    ...translations.flat().map((p) => ({ citation: p.citation, added: [], missing: [], language: languageOf(p.article.doc)! })),
  ]
  return {
    id, kind: 'quote',
    statement: quoteStatement(reference),
    status: outlets >= 2 ? 'agreed' : 'single-source',
    citations: groups.flat().map((p) => p.citation),
    outlets,
    who: reference.who,
    attributions: [],
    unattributed: false,
    variants,
    conflict: null,
  }
}

/** `Sergey Lavrov: “…”` for words in quote marks; `Sergey Lavrov (reported): …` for reported speech. */
function quoteStatement(p: Printed): string {
  const who = p.who?.name ?? 'unattributed'
  const text = shorten(p.text.replace(/\s+/g, ' '))
  return p.quote.direct ? `${who}: “${text}”` : `${who} (reported): ${text}`
}

function shorten(text: string): string {
  if (text.length <= MAX_STATEMENT_CHARS) return text
  const cut = text.lastIndexOf(' ', MAX_STATEMENT_CHARS - 1)
  return `${text.slice(0, cut > 0 ? cut : MAX_STATEMENT_CHARS - 1)}…`
}
