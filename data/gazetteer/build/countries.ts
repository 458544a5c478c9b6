/**
 * Writes data/gazetteer/countries.json: the ISO 3166-1 base list from the MIT-licensed
 * `countries-list` package (codes, English name, capital), merged with our own curation
 * (official names, demonyms, aliases, metonyms, UN status).
 *
 * Run: npx tsx data/gazetteer/build/countries.ts
 */
import { writeFileSync } from 'node:fs'
import { countries } from 'countries-list'
import iso2to3 from 'countries-list/minimal/countries.2to3.min.json' with { type: 'json' }
import {
  COUNTRY_CURATION, DEPENDENCIES, EXCLUDED_CODES, LIMITED_RECOGNITION, NO_SOVEREIGN, UN_OBSERVERS,
  type CountryCuration,
} from './country-curation.js'

const UN_MEMBER_COUNT = 193
const OUTPUT = new URL('../countries.json', import.meta.url)

type Status = 'un-member' | 'un-observer' | 'limited-recognition' | 'dependency' | 'none'

interface CountryRecord {
  alpha2: string
  alpha3: string
  name: string
  officialName: string
  status: Status
  sovereign: string | null
  capital: string | null
  aliases: string[]
  adjectives: string[]
  demonyms: string[]
  metonyms: string[]
  note?: string
}

const sovereignOf = new Map<string, string>(
  Object.entries(DEPENDENCIES).flatMap(([owner, codes]) => codes.map((code) => [code, owner] as const)),
)

function statusOf(code: string): Status {
  if (UN_OBSERVERS.includes(code)) return 'un-observer'
  if (LIMITED_RECOGNITION.includes(code)) return 'limited-recognition'
  if (NO_SOVEREIGN.includes(code)) return 'none'
  if (sovereignOf.has(code)) return 'dependency'
  return 'un-member'
}

/** Splits "Adjective|Person|Plural" into adjective and person forms (see country-curation.ts). */
function readPeople(people: string): { adjectives: string[]; demonyms: string[] } {
  if (people === '') return { adjectives: [], demonyms: [] }
  const [adjective = '', person = adjective, plural] = people.split('|')
  const samePlural = /(ese|ss|sh|ch)$/.test(person)
  const plurals = plural ?? (samePlural ? person : `${person}s`)
  return { adjectives: [adjective], demonyms: unique([person, plurals]) }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))]
}

function buildRecord(code: string, base: { name: string; capital: string }, cur: CountryCuration | undefined): CountryRecord {
  const alpha3 = (iso2to3 as Record<string, string>)[code]
  if (alpha3 === undefined) throw new Error(`${code}: no alpha-3 code in the base list`)
  const status = statusOf(code)
  const name = cur?.name ?? base.name
  const capitalText = cur?.capital ?? base.capital
  const capital = capitalText === '' ? null : capitalText
  const people = readPeople(cur?.people ?? '')
  // A sovereign government is named by its capital; a dependency's capital speaks for no state.
  const governs = status !== 'dependency' && status !== 'none' && code !== 'EH'
  const record: CountryRecord = {
    alpha2: code,
    alpha3,
    name,
    officialName: cur?.official ?? name,
    status,
    sovereign: sovereignOf.get(code) ?? null,
    capital,
    aliases: unique([base.name, ...(cur?.aliases ?? [])].filter((a) => a !== name)),
    adjectives: unique([...people.adjectives, ...(cur?.adjectives ?? [])]),
    demonyms: unique([...people.demonyms, ...(cur?.demonyms ?? [])]),
    metonyms: unique([...(governs && capital !== null ? [capital] : []), ...(cur?.metonyms ?? [])]),
  }
  if (cur?.note !== undefined) record.note = cur.note
  return record
}

function buildCountries(): CountryRecord[] {
  const records = Object.entries(countries)
    .filter(([code]) => !EXCLUDED_CODES.includes(code))
    .map(([code, base]) => buildRecord(code, base, COUNTRY_CURATION.get(code)))
  const members = records.filter((r) => r.status === 'un-member')
  if (members.length !== UN_MEMBER_COUNT) {
    throw new Error(`expected ${UN_MEMBER_COUNT} UN members, got ${members.length}`)
  }
  const uncurated = members.filter((r) => !COUNTRY_CURATION.has(r.alpha2)).map((r) => r.alpha2)
  if (uncurated.length > 0) throw new Error(`UN members without curation: ${uncurated.join(', ')}`)
  const unknown = [...COUNTRY_CURATION.keys()].filter((code) => !records.some((r) => r.alpha2 === code))
  if (unknown.length > 0) throw new Error(`curation for codes not in the base list: ${unknown.join(', ')}`)
  return records.sort((a, b) => a.alpha2.localeCompare(b.alpha2))
}

const records = buildCountries()
writeFileSync(OUTPUT, JSON.stringify({ $schema: './schema/countries.schema.json', countries: records }, null, 1) + '\n')
console.log(`wrote ${records.length} countries to ${OUTPUT.pathname}`)
