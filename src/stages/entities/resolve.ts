import type { Gazetteer, Person } from './gazetteer/index.js'
import { holdsOfficeIn, type Period } from './dated-roles.js'
import { localId, type Found } from './found.js'
import { BROADER_TITLE, matchTitle, type Title } from './titles.js'
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
  const owners = indexOwners(full)
  const kept: Found[] = []
  for (const f of found) {
    const single = f.type === 'person' && f.kind === 'partial-name'
    if (!single) {
      kept.push(f)
      continue
    }
    const named = owners.get(wordKey(f.surface))
    // A gazetteer surname ("Biden") yields to an unknown person of that name named in this document.
    const unknownOwners = named?.unknown ?? []
    const candidates = f.known && unknownOwners.length === 0 ? [] : f.known ? unknownOwners : (named?.all ?? [])
    const owner = lastBefore(candidates, f.span.start) ?? candidates[0]
    if (owner !== undefined) f.id = owner.id
    else if (f.id === null && !f.pending) f.id = localId('person', f.surface)
    if (f.id !== null) kept.push(f)
  }
  return kept
}

/** The full names a bare name can be the last words of, in document order (`found` is sorted). */
interface Owners {
  readonly all: Found[]
  readonly unknown: Found[]
}

/**
 * Full names by the keys a bare name matches them on: the last word of the canonical name, and
 * every ending of the surface after a space. One lookup per bare name; a scan of every full name
 * for each made a long article quadratic.
 */
function indexOwners(full: readonly Found[]): Map<string, Owners> {
  const index = new Map<string, Owners>()
  for (const p of full) {
    const keys = new Set<string>()
    const words = nameWords(p.canonical ?? p.surface)
    if (words.length > 1) keys.add(words[words.length - 1]!.key)
    const surface = wordKey(p.surface)
    for (let at = surface.indexOf(' '); at >= 0; at = surface.indexOf(' ', at + 1)) keys.add(surface.slice(at + 1))
    for (const key of keys) {
      let owners = index.get(key)
      if (!owners) index.set(key, (owners = { all: [], unknown: [] }))
      owners.all.push(p)
      if (!p.known) owners.unknown.push(p)
    }
  }
  return index
}

/** The last of `sorted` (by span start) that starts before `at`. */
function lastBefore(sorted: readonly Found[], at: number): Found | undefined {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]!.span.start < at) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? sorted[lo - 1] : undefined
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
  // The holder depends on the reference's title, country and organisation only: asked once each,
  // not once per role noun (a long article repeats "the president" thousands of times).
  const holders = new Map<string, string | null>()
  return found.filter((f) => {
    if (f.ref === undefined) return true
    const { title, country, organization } = f.ref
    const key = JSON.stringify([title.title, title.office, title.elect, country, organization])
    let id = holders.get(key)
    if (id === undefined) holders.set(key, (id = holderOf(f, people, context)))
    f.id = id
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
  if (own === undefined || own.to !== words.length) return false
  if (BROADER_TITLE.get(own.title.title) === wanted.title) return true
  return own.title.office !== undefined && own.title.office === wanted.office && own.title.elect === wanted.elect
}
