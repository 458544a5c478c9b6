import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import jsonld from 'jsonld'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../test/helpers/cli.js'
import { exportStore } from '../../test/helpers/export-store.js'
import type { Store } from '../store/index.js'
import { exportText, type ExportKind } from './index.js'

// schema.org's context and vocabulary, the part the export uses, shipped as files: no network.
const FIXTURES = join(REPO_ROOT, 'test/fixtures/schema-org')
const CONTEXT = JSON.parse(readFileSync(join(FIXTURES, 'context.jsonld'), 'utf8')) as object
const VOCABULARY = JSON.parse(readFileSync(join(FIXTURES, 'vocabulary.json'), 'utf8')) as {
  classes: Record<string, { subClassOf: string[] }>
  properties: Record<string, { domainIncludes: string[]; rangeIncludes: string[] }>
}
const SCHEMA = /^https?:\/\/schema\.org\//

const documentLoader = async (url: string) => {
  if (!SCHEMA.test(url)) throw new Error(`the test loads no document from ${url}`)
  return { contextUrl: undefined, document: CONTEXT, documentUrl: url }
}

/** The types an instance of these types is: the types and every superclass. */
function typesOf(types: readonly string[]): Set<string> {
  const all = new Set<string>()
  const visit = (t: string): void => {
    if (all.has(t)) return
    all.add(t)
    for (const parent of VOCABULARY.classes[t]?.subClassOf ?? []) visit(parent)
  }
  types.forEach(visit)
  return all
}

type Expanded = Record<string, unknown>
const local = (iri: string): string => iri.replace(SCHEMA, '')

/**
 * What in an expanded node schema.org does not allow: a type it does not have, a property it does
 * not have or not on this type, a value outside the property's range. Walks nested nodes.
 */
function problemsOf(node: Expanded, where: string): string[] {
  const problems: string[] = []
  const types = ((node['@type'] as string[] | undefined) ?? []).map(local)
  for (const t of types) if (!VOCABULARY.classes[t]) problems.push(`${where}: no type ${t} in schema.org`)
  const is = typesOf(types)
  for (const [key, values] of Object.entries(node)) {
    if (key.startsWith('@')) continue
    const name = local(key)
    const property = VOCABULARY.properties[name]
    if (!SCHEMA.test(key) || !property) {
      problems.push(`${where}: no property ${key} in schema.org`)
      continue
    }
    if (types.length > 0 && !property.domainIncludes.some((d) => is.has(d))) problems.push(`${where}: ${name} is not a property of ${types.join(', ')}`)
    for (const value of values as Expanded[]) {
      const range = new Set(property.rangeIncludes)
      if ('@value' in value) {
        const v = value['@value']
        const fits = typeof v === 'number' ? range.has('Number') : typeof v === 'boolean' ? range.has('Boolean') : ['Text', 'Date', 'DateTime', 'URL'].some((r) => range.has(r))
        if (!fits) problems.push(`${where}.${name}: ${JSON.stringify(v)} is not in its range ${[...range].join(', ')}`)
      } else if (value['@type'] !== undefined) {
        const valueTypes = typesOf((value['@type'] as string[]).map(local))
        if (![...range].some((r) => valueTypes.has(r))) problems.push(`${where}.${name}: a ${[...valueTypes][0]} is not in its range ${[...range].join(', ')}`)
        problems.push(...problemsOf(value, `${where}.${name}`))
      } else if (!('@id' in value)) {
        problems.push(`${where}.${name}: a value that is neither a literal, a node nor a reference`)
      }
    }
  }
  return problems
}

let store: Store
beforeAll(async () => {
  store = await exportStore()
})
afterAll(async () => store.close())

async function exported(what: ExportKind): Promise<{ '@context': string; '@graph': Expanded[] }> {
  let out = ''
  for await (const chunk of exportText(store, { what, format: 'jsonld' })) out += chunk
  return JSON.parse(out) as { '@context': string; '@graph': Expanded[] }
}

async function expand(doc: object): Promise<Expanded[]> {
  // Safe mode: a term the context does not define, or a value it cannot map, fails instead of being dropped.
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader, safe: true } as jsonld.Options.Expand)) as unknown as Expanded[]
}

describe('export: JSON-LD with schema.org', () => {
  it.each(['articles', 'facts', 'conflicts'] as const)('jsonld: %s expands with the schema.org context, every type and property in schema.org', async (what) => {
    const doc = await exported(what)
    expect(doc['@context']).toBe('https://schema.org/')
    expect(doc['@graph'].length).toBeGreaterThan(0)
    const nodes = await expand(doc)
    expect(nodes).toHaveLength(doc['@graph'].length)
    expect(nodes.flatMap((n, i) => problemsOf(n, `${what}[${i}]`))).toEqual([])
  })

  it('jsonld: the checker fails a property schema.org does not have and one on the wrong type', async () => {
    const made = { '@context': 'https://schema.org/', '@type': 'Rating', headline: 'x' }
    expect(problemsOf((await expand(made))[0]!, 'made')).toEqual(['made: headline is not a property of Rating'])
    await expect(expand({ '@context': 'https://schema.org/', '@type': 'Rating', confidence: 0.5 })).rejects.toThrow()
  })

  it('jsonld: an article is a NewsArticle with its headline, date, publisher and its ids in the user data', async () => {
    const [article] = (await exported('articles'))['@graph']
    expect(article).toMatchObject({
      '@type': 'NewsArticle', '@id': 'urn:dossier:article:d1', url: 'https://harbour.example/vote', headline: 'Council approves new bridge, "at last"',
      datePublished: '2024-03-12', publisher: { '@type': 'Organization', name: 'harbour.example' },
    })
    expect(article!.identifier).toEqual([
      { '@type': 'PropertyValue', propertyID: 'dossier', value: 'd1' }, { '@type': 'PropertyValue', propertyID: 'input', value: 'desk.jsonl' },
      { '@type': 'PropertyValue', propertyID: 'record', value: '4' }, { '@type': 'PropertyValue', propertyID: 'externalId', value: 'desk-17' },
    ])
  })

  it('jsonld: an agreed quote is a ClaimReview of a Claim by its speaker, appearing in both articles, rated agreed', async () => {
    const review = (await exported('facts'))['@graph'].find((n) => String(n['@id']).endsWith(':fact:q1'))
    expect(review).toMatchObject({
      '@type': 'ClaimReview', claimReviewed: 'Mira Holt: “The town has waited long enough”',
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Mira Holt' }, firstAppearance: { '@id': 'urn:dossier:article:d1' } },
      reviewRating: { '@type': 'Rating', alternateName: 'agreed', ratingValue: 3, bestRating: 3, worstRating: 1 },
    })
    const appearances = (review!.itemReviewed as { appearance: Array<Record<string, unknown>> }).appearance
    expect(appearances.map((a) => [a['@id'], a.url, (a.publisher as { name: string }).name])).toEqual([
      ['urn:dossier:article:d1', 'https://harbour.example/vote', 'harbour.example'], ['urn:dossier:article:d2', 'https://coastnews.example/vote', 'coastnews.example'],
    ])
  })

  it('jsonld: a conflict is a ClaimReview rated conflict with its type and reason, citing both articles', async () => {
    const [review] = (await exported('conflicts'))['@graph']
    expect(review).toMatchObject({
      '@type': 'ClaimReview', claimReviewed: 'ferries: 40 ferries vs 52 ferries',
      reviewRating: { alternateName: 'conflict: contradiction', ratingValue: 1, ratingExplanation: expect.stringMatching(/^contradiction: 40 ferries vs 52 ferries/) as unknown },
    })
    expect((review!.itemReviewed as { appearance: Array<{ '@id': string }> }).appearance.map((a) => a['@id'])).toEqual(['urn:dossier:article:d1', 'urn:dossier:article:d2'])
  })

  it('jsonld: figures in conflict are rated conflict, an event both outlets report agreed', async () => {
    const graph = (await exported('facts'))['@graph']
    const rated = (id: string) => (graph.find((n) => String(n['@id']).endsWith(`:fact:${id}`))?.reviewRating as { alternateName: string } | undefined)?.alternateName
    expect([rated('f1'), rated('f2'), rated('e1')]).toEqual(['conflict', 'conflict', 'agreed'])
  })
})
