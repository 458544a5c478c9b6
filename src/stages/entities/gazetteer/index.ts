import { UsageError } from '../../../errors.js'
import { DEFAULT_DATA_DIR, readGazetteerFiles, type GazetteerFiles } from './load.js'
import { NameIndex } from './names.js'
import type { Country, HeldOffice, LocalizedNames, Office, OfficeTerm, Organization, Person, Treaty } from './types.js'

export type * from './types.js'
export { GazetteerDataError, DEFAULT_DATA_DIR } from './load.js'
export { nameKey } from './names.js'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const OFFICES: readonly Office[] = ['head-of-state', 'head-of-government', 'foreign-minister', 'institution-president']

/** Countries, organisations, officeholders, people and treaties with name lookups. Read-only. */
export interface Gazetteer {
  readonly countries: readonly Country[]
  readonly organizations: readonly Organization[]
  readonly persons: readonly Person[]
  readonly treaties: readonly Treaty[]
  /** Year and month (YYYY-MM) up to which officeholder and people data are known. */
  readonly knowledgeCutoff: string
  /**
   * By alpha-2 or alpha-3 code (exact case), or by name, alias, adjective or demonym (any case);
   * undefined if unknown or shared by several ("Congolese").
   */
  findCountry(name: string): Country | undefined
  /** Every country a name may mean. */
  findCountries(name: string): readonly Country[]
  /** The country whose government a word stands for ("the Kremlin" → RU), not the place. */
  countryOfMetonym(word: string): Country | undefined
  /** Who held the office in the country on the day; acting holders are listed after the holder. */
  officeholdersOn(country: string, office: Office, isoDate: string): readonly HeldOffice[]
  findPerson(name: string): Person | undefined
  findOrganization(nameOrAcronym: string): Organization | undefined
  findTreaty(name: string): Treaty | undefined
  /** Names of countries and people in another language (ISO 639-1 code), when the gazetteer has them. */
  localized(language: string): LocalizedNames | undefined
}

let cached: Gazetteer | undefined

/**
 * The gazetteer shipped in data/gazetteer/, read and checked once per process. Pass a
 * directory URL to read other files of the same shape (not cached).
 *
 * @example
 * const g = loadGazetteer()
 * g.findCountry('Chinese')?.alpha2                                // 'CN'
 * g.officeholdersOn('RU', 'foreign-minister', '2025-10-16')[0]?.person.name // 'Sergey Lavrov'
 */
export function loadGazetteer(dir?: URL): Gazetteer {
  if (dir !== undefined) return buildGazetteer(readGazetteerFiles(dir))
  cached ??= buildGazetteer(readGazetteerFiles(DEFAULT_DATA_DIR))
  return cached
}

function buildGazetteer(files: GazetteerFiles): Gazetteer {
  const countries = indexCountries(files.countries)
  const persons = mergePersons(files)
  const personIndex = new NameIndex<Person>()
  for (const p of persons) personIndex.add([p.name, ...p.variants], p)
  const byId = new Map(persons.map((p) => [p.id, p]))
  const orgIndex = new NameIndex<Organization>()
  for (const o of files.organizations) orgIndex.add([o.name, ...o.acronyms, ...o.aliases], o)
  const treatyIndex = new NameIndex<Treaty>()
  for (const t of files.treaties) treatyIndex.add([t.name, ...t.acronyms, ...t.aliases], t)
  const cutoff = files.officeholders.knowledgeCutoff

  return {
    countries: files.countries,
    organizations: files.organizations,
    persons,
    treaties: files.treaties,
    knowledgeCutoff: cutoff,
    findCountry: (name) => countries.codes.get(name) ?? countries.names.one(name),
    findCountries: (name) => {
      const byCode = countries.codes.get(name)
      return byCode === undefined ? countries.names.all(name) : [byCode]
    },
    countryOfMetonym: (word) => countries.metonyms.one(word),
    officeholdersOn(country, office, isoDate) {
      checkOfficeQuery(office, isoDate)
      const code = countries.codes.get(country)?.alpha2 ?? countries.names.one(country)?.alpha2 ?? country
      return files.officeholders.terms
        .filter((t) => t.country === code && holdsOffice(t, office) && inTerm(t, isoDate))
        .sort((a, b) => Number(a.acting === true) - Number(b.acting === true))
        .map((term) => ({
          person: byId.get(term.person) as Person,
          term,
          unverified: term.uncertain === true || (term.end === null && isoDate.slice(0, 7) > cutoff),
        }))
    },
    findPerson: (name) => personIndex.one(name),
    findOrganization: (name) => orgIndex.one(name),
    findTreaty: (name) => treatyIndex.one(name),
    localized: (language) => files.localized[language],
  }
}

function indexCountries(list: readonly Country[]) {
  const names = new NameIndex<Country>()
  const metonyms = new NameIndex<Country>()
  const codes = new Map<string, Country>()
  for (const c of list) {
    codes.set(c.alpha2, c)
    codes.set(c.alpha3, c)
    // Codes are matched exactly (see `codes`): folded to lower case, "IN" or "TO" would be words.
    names.add([c.name, c.officialName, ...c.aliases, ...c.adjectives, ...c.demonyms], c)
    metonyms.add(c.metonyms, c)
  }
  return { names, metonyms, codes }
}

/** Officeholders and people.json entries with the same id are one person. */
function mergePersons(files: GazetteerFiles): Person[] {
  const merged = new Map<string, Person>()
  for (const p of files.officeholders.persons) {
    merged.set(p.id, { ...p, terms: files.officeholders.terms.filter((t) => t.person === p.id), roles: [] })
  }
  for (const p of files.people.people) {
    const known = merged.get(p.id)
    merged.set(p.id, known === undefined
      ? { id: p.id, name: p.name, variants: p.variants, terms: [], roles: p.roles }
      : { ...known, variants: [...new Set([...known.variants, ...p.variants])], roles: p.roles })
  }
  return [...merged.values()]
}

/** A president who also heads the government answers for both offices. */
function holdsOffice(term: OfficeTerm, office: Office): boolean {
  return term.office === office || (office === 'head-of-government' && term.headOfGovernment === true)
}

/** `end` is the first day out of office, so the handover day belongs to the successor. */
function inTerm(term: OfficeTerm, isoDate: string): boolean {
  return term.start <= isoDate && (term.end === null || isoDate < term.end)
}

function checkOfficeQuery(office: Office, isoDate: string): void {
  if (!OFFICES.includes(office)) {
    throw new UsageError(`Unknown office "${office}". Use one of: ${OFFICES.join(', ')}.`)
  }
  if (!ISO_DATE.test(isoDate)) {
    throw new UsageError(`officeholdersOn needs a day as YYYY-MM-DD, got "${isoDate}".`)
  }
}
