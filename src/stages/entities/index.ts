import { languageOf, type Document, type EntitiesLayer, type Entity, type EntityRole, type Mention } from '../../document/index.js'
import type { Stage, StageConfig } from '../../pipeline/stage.js'
import { gazetteerRoles, periodOf, type Period } from './dated-roles.js'
import type { Found } from './found.js'
import type { Person } from './gazetteer/index.js'
import { gazetteerMatcher, type GazetteerMatcher } from './matcher.js'
import { genderOf, resolvePronouns } from './pronouns.js'
import { readSentence } from './read.js'
import { readUnspaced } from './unspaced.js'
import { lexiconFor } from '../../language/index.js'
import { sentenceLanguages } from '../metadata/block-language.js'
import { assignPersons, resolveRoleReferences } from './resolve.js'

export { mentionsIn, entityById, personMentionBefore } from './lookup.js'

/**
 * Finds the people, countries, organisations, treaties, places and events an article mentions,
 * each mention with its span, merged into entities with global ids (the same person in two
 * articles has the same id).
 *
 * @example
 * const layer = entities.run(doc, {}).entities!
 * layer.mentions.filter((m) => m.entity === 'person:sergey-lavrov') // "Sergey Lavrov", "Lavrov", "the foreign minister", "he"
 */
export const entities: Stage = {
  name: 'entities',
  requires: ['sentences', 'metadata'],
  produces: ['entities'],
  run: (doc, config) => ({ entities: findEntities(doc, config) }),
}

/**
 * The entities layer of a document (see `entities`). With `byParagraph` (the default), a
 * paragraph in another language than the document's is read with that language's names; without
 * it, every sentence with `matcher`'s.
 */
export function findEntities(doc: Document, config: Readonly<StageConfig> = {}, matcher: GazetteerMatcher = gazetteerMatcher(languageOf(doc)), byParagraph = true): EntitiesLayer {
  const sentences = doc.layers.sentences?.sentences ?? []
  const published = doc.layers.metadata?.published?.value
  const period = periodOf(published ?? (config.referenceDate ? { date: config.referenceDate, precision: 'day' } : undefined))
  let found: Found[] = []
  // A paragraph in another language than the document's is read with that language's names.
  const languages = byParagraph ? sentenceLanguages(doc) : []
  const docLanguage = languageOf(doc)
  const matchers = new Map<string | undefined, GazetteerMatcher>([[matcher.language, matcher]])
  const matcherAt = (i: number): GazetteerMatcher => {
    const language = !byParagraph || languages[i] === docLanguage ? matcher.language : languages[i]
    if (!matchers.has(language)) matchers.set(language, gazetteerMatcher(language))
    return matchers.get(language)!
  }
  const unspaced = new Map<GazetteerMatcher, number[]>()
  sentences.forEach((s, i) => {
    const m = matcherAt(i)
    if (lexiconFor(m.language)?.unspaced !== true) for (const f of readSentence(doc.source, s, i, m)) found.push(f)
    else if (unspaced.has(m)) unspaced.get(m)!.push(i)
    else unspaced.set(m, [i])
  })
  for (const [m, indices] of unspaced) {
    const own = indices.length === sentences.length
    for (const f of readUnspaced(doc.source, own ? sentences : indices.map((i) => sentences[i]!), m.gazetteer, m.language!)) {
      found.push(own ? f : { ...f, sentence: indices[f.sentence]! })
    }
  }
  found.sort(bySpan)
  found = assignPersons(found)
  const persons = new Map<string, Person>(matcher.gazetteer.persons.map((p) => [`person:${p.id}`, p]))
  found = resolveRoleReferences(found, { gazetteer: matcher.gazetteer, period, persons })
  const genders = new Map<string, 'm' | 'f'>()
  for (const f of found) {
    if (f.type !== 'person' || f.id === null || f.kind !== 'name' || genders.has(f.id)) continue
    const g = genderOf(f.canonical ?? f.surface)
    if (g !== undefined) genders.set(f.id, g)
  }
  found = resolvePronouns(found, genders)
  return buildLayer(found, persons, period)
}

function bySpan(a: Found, b: Found): number {
  return a.span.start - b.span.start || b.span.end - a.span.end
}

function buildLayer(found: readonly Found[], persons: ReadonlyMap<string, Person>, period: Period | undefined): EntitiesLayer {
  const groups = new Map<string, Found[]>()
  for (const f of found) {
    if (f.id === null) continue
    const list = groups.get(f.id) ?? []
    list.push(f)
    groups.set(f.id, list)
  }
  const list: Entity[] = []
  for (const [id, group] of groups) {
    const named = group.filter((f) => f.kind !== 'pronoun' && f.kind !== 'role')
    const canonical = group.find((f) => f.canonical !== undefined)?.canonical
    const fullest = [...(named.length > 0 ? named : group)].sort((a, b) => b.surface.split(/\s+/).length - a.surface.split(/\s+/).length || b.surface.length - a.surface.length)[0]!
    const person = persons.get(id)
    const roles = dedupeRoles([...group.flatMap((f) => f.roles), ...(person && period ? gazetteerRoles(person, period) : [])])
    const country = group.find((f) => f.country !== undefined)?.country ?? roles.find((r) => r.country !== undefined)?.country
    list.push({
      id,
      type: group[0]!.type,
      name: canonical ?? oneLine(fullest.surface).replace(/^the\s+/i, ''),
      aliases: [...new Set(group.filter((f) => f.kind !== 'pronoun').map((f) => oneLine(f.surface)))],
      ...(country !== undefined ? { country } : {}),
      roles,
      known: group.some((f) => f.known),
    })
  }
  const mentions: Mention[] = found.filter((f) => f.id !== null).map((f) => ({
    span: f.span,
    entity: f.id!,
    kind: f.kind,
    ...(f.use !== undefined ? { use: f.use } : {}),
    sentence: f.sentence,
  }))
  return { entities: list, mentions }
}

/** Hard-wrapped text leaves line breaks inside names: "United\nStates" is "United States". */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ')
}

function dedupeRoles(roles: readonly EntityRole[]): EntityRole[] {
  const seen = new Set<string>()
  return roles.filter((r) => {
    const key = `${r.basis}|${r.title}|${r.country ?? ''}|${r.organization ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
