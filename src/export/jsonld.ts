import type { ConflictRecord, FactRecord } from '../api/export-corpus.js'
import type { Citation, Document, EntityId, FactStatus, Story, StoryArticle } from '../document/index.js'
import { outletOf } from '../document/index.js'

/**
 * schema.org JSON-LD of Dossier's records: `NewsArticle` for an article, `ClaimReview` for each
 * checked fact and each conflict, the way fact-checkers exchange their verdicts. Every node uses
 * schema.org terms only (a test expands it with the JSON-LD processor and checks each type and
 * property against schema.org's vocabulary); what schema.org has no term for (spans) stays in the
 * JSON Lines export.
 */
export const SCHEMA_ORG_CONTEXT = 'https://schema.org/'

/** A JSON-LD node: plain JSON with `@type` and schema.org property names. */
export type JsonLdNode = { readonly '@type': string; readonly '@id'?: string; readonly [property: string]: unknown }

/**
 * Corroboration as a rating: the fact-check `Rating` carries a number on a declared scale, and
 * this is the order the cross-check gives its statuses in. `alternateName` names the status.
 */
export const RATING_OF_STATUS: { readonly [S in FactStatus]: number } = { agreed: 3, 'single-source': 2, conflict: 1 }
const BEST_RATING = 3
const WORST_RATING = 1

/** The one `@id` of an article in every node that names it, so a review's appearances link to its `NewsArticle`. */
export function articleIri(id: string): string {
  return `urn:dossier:article:${id}`
}

/** An id in the user's data or Dossier's, as schema.org names a value with its scheme. */
const identifier = (scheme: string, value: string): JsonLdNode => ({ '@type': 'PropertyValue', propertyID: scheme, value })

/**
 * An article as a schema.org `NewsArticle`: headline, date, publisher, authors, language, URL,
 * and its identifiers (the Dossier id, and where it came from in the user's data).
 *
 * @example
 * toNewsArticle(doc) // { '@type': 'NewsArticle', '@id': 'urn:dossier:article:…', headline: 'Council approves new bridge', … }
 */
export function toNewsArticle(doc: Document): JsonLdNode {
  const meta = doc.layers.metadata
  const { origin } = doc
  const url = meta?.canonicalUrl?.value ?? origin.url ?? doc.hints.url
  const headline = meta?.title?.value ?? doc.hints.title
  const authors = meta?.authors.map((a) => a.value) ?? []
  return compact({
    '@type': 'NewsArticle',
    '@id': articleIri(doc.id),
    url,
    headline,
    datePublished: meta?.published?.value.date,
    publisher: { '@type': 'Organization', name: outletOf(doc) },
    author: authors.length === 0 ? undefined : authors.map((name) => ({ '@type': 'Person', name })),
    inLanguage: meta?.language?.value ?? doc.hints.language,
    identifier: [
      identifier('dossier', doc.id),
      identifier('input', origin.input),
      origin.record === undefined ? undefined : identifier('record', origin.record),
      origin.externalId === undefined ? undefined : identifier('externalId', origin.externalId),
    ].filter((i) => i !== undefined),
  })
}

/**
 * A checked fact as a `ClaimReview`: the statement reviewed, the `Claim` with an `appearance` per
 * article carrying it, and a `Rating` of its status (agreed, single-source, conflict).
 *
 * @example
 * factReview(fact, story).reviewRating // { '@type': 'Rating', alternateName: 'agreed', ratingValue: 3, … }
 */
export function factReview(fact: FactRecord, story: Story | undefined): JsonLdNode {
  const sources = distinct(fact.citations.map((c) => c.source))
  const explanation = fact.status === 'agreed'
    ? `Carried by ${fact.outlets} independent outlets: ${sources.join(', ')}.`
    : fact.status === 'single-source'
      ? `Carried by one outlet only: ${sources.join(', ')}${fact.citations.length > 1 ? ' (its copies counted once)' : ''}.`
      : `Outlets give different values or wordings for it (conflict ${fact.conflict ?? ''} of story ${fact.story}).`
  return {
    '@type': 'ClaimReview',
    '@id': `urn:dossier:story:${fact.story}:fact:${fact.id}`,
    name: `${fact.kind} ${fact.id} of story ${fact.story}: ${fact.storyTitle}`,
    claimReviewed: fact.statement,
    itemReviewed: claim(fact.citations, story, fact.kind === 'quote' ? fact.who : null),
    reviewRating: rating(fact.status, fact.status, explanation),
  }
}

/**
 * A conflict as a `ClaimReview`: the values the outlets give for one measure, rated `conflict`
 * with its type (contradiction, different definitions, periods or subjects, consistent bounds).
 */
export function conflictReview(conflict: ConflictRecord, story: Story | undefined): JsonLdNode {
  const of = conflict.subject === null ? '' : ` of ${conflict.subject.name}`
  return {
    '@type': 'ClaimReview',
    '@id': `urn:dossier:story:${conflict.story}:conflict:${conflict.id}`,
    name: `conflict ${conflict.id} of story ${conflict.story}: ${conflict.storyTitle}`,
    claimReviewed: `${conflict.measure}${of}: ${conflict.values.map((v) => v.text).join(' vs ')}`,
    itemReviewed: claim(conflict.values.flatMap((v) => v.citations), story, null),
    reviewRating: rating('conflict', `conflict: ${conflict.kind.replaceAll('-', ' ')}`, conflict.reason),
  }
}

function rating(status: FactStatus, name: string, explanation: string): JsonLdNode {
  return { '@type': 'Rating', alternateName: name, ratingValue: RATING_OF_STATUS[status], bestRating: BEST_RATING, worstRating: WORST_RATING, ratingExplanation: explanation }
}

/** The claim and where it appears: one `NewsArticle` per article cited, the earliest published first. */
function claim(citations: readonly Citation[], story: Story | undefined, who: FactRecord['who']): JsonLdNode {
  const members = new Map<string, StoryArticle>((story?.articles ?? []).map((a) => [a.id, a]))
  const articles = distinct(citations.map((c) => c.article))
  const appearances = articles.map((id) => appearance(id, citations.find((c) => c.article === id)!.source, members.get(id)))
  const dated = articles.map((id) => members.get(id)).filter((a) => a?.published != null).sort((a, b) => a!.published!.localeCompare(b!.published!))
  return compact({
    '@type': 'Claim',
    author: who === null ? undefined : claimAuthor(who.id, who.name),
    appearance: appearances,
    firstAppearance: dated[0] === undefined ? undefined : { '@id': articleIri(dated[0].id) },
  })
}

function appearance(id: string, source: string, article: StoryArticle | undefined): JsonLdNode {
  return compact({
    '@type': 'NewsArticle',
    '@id': articleIri(id),
    url: article?.url ?? undefined,
    headline: article?.title ?? undefined,
    datePublished: article?.published ?? undefined,
    publisher: { '@type': 'Organization', name: source },
  })
}

/** Who made a claim: a person, or an organisation or country speaking (schema.org's authors are people and organisations). */
function claimAuthor(id: EntityId | null, name: string): JsonLdNode {
  return { '@type': id?.startsWith('person:') ? 'Person' : 'Organization', name }
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}

/** The node without its undefined properties (JSON.stringify would drop them too; tests compare objects). */
function compact(node: Record<string, unknown> & { '@type': string }): JsonLdNode {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined)) as JsonLdNode
}
