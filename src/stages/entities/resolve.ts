import type { Gazetteer, Person } from './gazetteer/index.js'
import { holdsOfficeIn, type Period } from './dated-roles.js'
import { localId, type Found } from './found.js'
import { matchTitle, type Title } from './titles.js'
import { nameWords, wordKey } from './words.js'

/**
 * Gives every person mention an entity id: full unknown names are keyed by their words; a bare
 * surname ("Lavrov", "Sayed") joins the person named in full in the document whose last name it
 * is, the nearest earlier one first; a bare capitalised word that matches nobody is dropped,
 * unless the sentence made it a person by itself ("Okonkwo said").
 *
 * @example
 * assignPersons(found) // 'Lavrov' gets the id of 'Sergey Lavrov' mentioned earlier
 */
export function assignPersons(found: Found[]): Found[] {
  const full = found.filter((f) => f.type === 'person' && f.kind === 'name' && !f.pending)
  for (const f of full) if (f.id === null) f.id = localId('person', f.surface)
  const lastNameOf = (f: Found): string | undefined => {
    const words = nameWords(f.canonical ?? f.surface)
    return words.length > 1 ? words[words.length - 1]!.key : undefined
  }
  const kept: Found[] = []
  for (const f of found) {
    const single = f.type === 'person' && f.kind === 'partial-name'
    if (!single) {
      kept.push(f)
      continue
    }
    const key = wordKey(f.surface)
    const owners = full.filter((p) => lastNameOf(p) === key || wordKey(p.surface).endsWith(` ${key}`))
    // A gazetteer surname ("Biden") yields to an unknown person of that name named in this document.
    const unknownOwners = owners.filter((p) => !p.known)
    const candidates = f.known && unknownOwners.length === 0 ? [] : f.known ? unknownOwners : owners
    const earlier = candidates.filter((p) => p.span.start < f.span.start)
    const owner = earlier.length > 0 ? earlier[earlier.length - 1] : candidates[0]
    if (owner !== undefined) f.id = owner.id
    else if (f.id === null && !f.pending) f.id = localId('person', f.surface)
    if (f.id !== null) kept.push(f)
  }
  return kept
}

/** A role-noun mention's context: who holds which text role, and who the gazetteer says held what. */
export interface RoleContext {
  readonly gazetteer: Gazetteer
  readonly period: Period | undefined
  /** Gazetteer persons by entity id. */
  readonly persons: ReadonlyMap<string, Person>
}

/**
 * Resolves role nouns ("the foreign minister", "the Russian president", "the president-elect"):
 * first a person in this document the text gives that role; else, for a country, the gazetteer's
 * holder of the office on the article's date; else, with no country, the one person mentioned in
 * the document whom the gazetteer gives that office on the date. Unresolved role nouns are dropped.
 */
export function resolveRoleReferences(found: Found[], context: RoleContext): Found[] {
  const people = found.filter((f) => f.type === 'person' && f.id !== null && f.kind !== 'role')
  return found.filter((f) => {
    if (f.ref === undefined) return true
    f.id = holderOf(f, people, context)
    return f.id !== null
  })
}

function holderOf(ref: Found, people: readonly Found[], context: RoleContext): string | null {
  const { title, country, organization } = ref.ref!
  const byText = new Set(people.filter((p) => p.roles.some((r) => sameTitle(r.title, title)
    && (country === undefined || r.country === country)
    && (organization === undefined || r.organization === organization))).map((p) => p.id!))
  if (byText.size === 1) return [...byText][0]!
  if (byText.size > 1 || title.office === undefined || context.period === undefined) return null
  const period = context.period
  const office = title.office
  const mentioned = new Set(people.map((p) => p.id!))
  const inDocument = [...mentioned].filter((id) => {
    const person = context.persons.get(id)
    return person !== undefined && holdsOfficeIn(person, office, period, title.elect === true, country)
  })
  if (inDocument.length === 1) return inDocument[0]!
  if (country === undefined || inDocument.length > 1) return null
  const holders = context.gazetteer.persons.filter((p) => holdsOfficeIn(p, office, period, title.elect === true, country))
  return holders.length === 1 ? `person:${holders[0]!.id}` : null
}

/** "foreign minister" matches a text role "Foreign Minister" and "secretary of state" when both are the same office. */
function sameTitle(roleTitle: string, wanted: Title): boolean {
  if (roleTitle === wanted.title) return true
  const words = nameWords(roleTitle)
  const own = matchTitle(words, 0)
  return own !== undefined && own.to === words.length && own.title.office !== undefined && own.title.office === wanted.office && own.title.elect === wanted.elect
}
