/**
 * Writes data/gazetteer/localized.json: the names of countries and people in the other languages
 * Dossier reads. Country names come from the MIT-licensed `i18n-iso-countries` package (every name
 * it gives per language, a parenthesised long form split off); the rest from our own curation
 * (`localized-curation.ts`): people's, organisations' and treaties' names as each language's
 * press writes them, short country names, country adjectives, and capitals and seats of power.
 *
 * Run: npx tsx data/gazetteer/build/localized.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import countries from 'i18n-iso-countries'
import { COUNTRY_ADJECTIVES, COUNTRY_NAMES, COUNTRY_SEATS, ORGANIZATION_NAMES, PERSON_NAMES, TREATY_NAMES, type Lang, type LocalNames } from './localized-curation.js'

const LANGS: readonly Lang[] = ['de', 'fr', 'es', 'it', 'ru', 'pl', 'zh']
const OUTPUT = new URL('../localized.json', import.meta.url)
const require = createRequire(import.meta.url)

const known = new Set((JSON.parse(readFileSync(new URL('../countries.json', import.meta.url), 'utf8')) as { countries: { alpha2: string }[] }).countries.map((c) => c.alpha2))

interface LocalCountry { names: string[]; adjectives: string[]; capital?: string[]; seats?: string[] }
interface LocalBody { names: string[]; acronyms: string[] }
const out: Record<string, { countries: Record<string, LocalCountry>; persons: Record<string, string[]>; organizations: Record<string, LocalBody>; treaties: Record<string, LocalBody> }> = {}

/** One language's names of the bodies (or treaties) of `byId`, by id in order. */
function bodies(byId: Readonly<Record<string, Partial<Record<Lang, LocalNames>>>>, lang: Lang): Record<string, LocalBody> {
  const local: Record<string, LocalBody> = {}
  for (const [id, byLang] of Object.entries(byId).sort(([a], [b]) => a.localeCompare(b))) {
    const names = byLang[lang]
    if (names !== undefined) local[id] = { names: [...(names.names ?? [])], acronyms: [...(names.acronyms ?? [])] }
  }
  return local
}

for (const lang of LANGS) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`))
  const names = countries.getNames(lang, { select: 'all' }) as Record<string, string[]>
  const local: Record<string, LocalCountry> = {}
  for (const code of [...known].sort()) {
    const forms = new Set<string>()
    for (const n of [...(names[code] ?? []), ...(COUNTRY_NAMES[code]?.[lang] ?? [])]) {
      // "КНР (Китайская Народная Республика)": an acronym and its long form, both names; in
      // "Внешние малые острова (США)" the brackets name the owner, not the place.
      const m = /^(.*?)\s*\((.*)\)$/.exec(n)
      const parts = m === null ? [n] : m[1] === m[1]!.toUpperCase() ? [m[1]!, m[2]!] : [m[1]!]
      for (const part of parts) if (part.trim() !== '') forms.add(part.trim())
    }
    const adjectives = [...(COUNTRY_ADJECTIVES[code]?.[lang] ?? [])]
    const { capital, seats } = COUNTRY_SEATS[code]?.[lang] ?? {}
    if (forms.size > 0 || adjectives.length > 0) {
      local[code] = { names: [...forms], adjectives, ...(capital === undefined ? {} : { capital: [...capital] }), ...(seats === undefined ? {} : { seats: [...seats] }) }
    }
  }
  const persons: Record<string, string[]> = {}
  for (const [id, byLang] of Object.entries(PERSON_NAMES).sort(([a], [b]) => a.localeCompare(b))) {
    const list = byLang[lang]
    if (list !== undefined) persons[id] = [...list]
  }
  out[lang] = { countries: local, persons, organizations: bodies(ORGANIZATION_NAMES, lang), treaties: bodies(TREATY_NAMES, lang) }
}

writeFileSync(OUTPUT, `${JSON.stringify({ $schema: './schema/localized.schema.json', languages: out }, null, 1)}\n`)
console.log(`localized.json: ${LANGS.map((l) => `${l} ${Object.keys(out[l]!.countries).length} countries, ${Object.keys(out[l]!.persons).length} people, ${Object.keys(out[l]!.organizations).length} organisations, ${Object.keys(out[l]!.treaties).length} treaties`).join('; ')}`)
