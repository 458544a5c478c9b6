import { describe, expect, it } from 'vitest'
import { loadGazetteer } from './index.js'
import { GAZETTEER_FILES, DEFAULT_DATA_DIR, readCheckedFile } from './load.js'
import { NameIndex } from './names.js'
import type { Country, Office, OfficeTerm } from './types.js'

// Integrity of the shipped data: facts users will see, so every rule here guards a class of typo.
const g = loadGazetteer()
const terms = g.persons.flatMap((p) => p.terms)
const G20 = ['AR', 'AU', 'BR', 'CA', 'CN', 'FR', 'DE', 'IN', 'ID', 'IT', 'JP', 'MX', 'RU', 'SA', 'ZA', 'KR', 'TR', 'GB', 'US']
const NATIONAL_OFFICES: readonly Office[] = ['head-of-state', 'head-of-government', 'foreign-minister']
const UN_MEMBER_COUNT = 193

/** Mid-month days of each quarter from 2015 to the cut-off: between handovers, not on them. */
function sampleDays(): string[] {
  const days: string[] = []
  for (let year = 2015; `${year}` <= g.knowledgeCutoff.slice(0, 4); year++) {
    for (const month of ['02', '05', '08', '11']) {
      if (`${year}-${month}` <= g.knowledgeCutoff) days.push(`${year}-${month}-15`)
    }
  }
  return days
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i)
}

describe('gazetteer data', () => {
  it.each(GAZETTEER_FILES)('gazetteer data: %s.json matches its schema', (name) => {
    expect(() => readCheckedFile(DEFAULT_DATA_DIR, name)).not.toThrow()
  })

  it.each<[string, (c: Country) => string]>([
    ['alpha-2', (c) => c.alpha2],
    ['alpha-3', (c) => c.alpha3],
  ])('gazetteer data: every country has a unique %s code', (_code, pick) => {
    expect(duplicates(g.countries.map(pick))).toEqual([])
  })

  it('gazetteer data: lists every UN member and both observer states', () => {
    const count = (status: string) => g.countries.filter((c) => c.status === status).length
    expect([count('un-member'), count('un-observer')]).toEqual([UN_MEMBER_COUNT, 2])
  })

  it('gazetteer data: gives every UN member an official name and a demonym', () => {
    const members = g.countries.filter((c) => c.status === 'un-member')
    expect(members.filter((c) => c.officialName === '' || c.demonyms.length === 0).map((c) => c.alpha2)).toEqual([])
  })

  it('gazetteer data: only the known shared names are ambiguous between countries', () => {
    const index = new NameIndex<string>()
    for (const c of g.countries) index.add([c.name, c.officialName, ...c.aliases, ...c.adjectives, ...c.demonyms], c.alpha2)
    expect([...index.ambiguous().keys()].sort()).toEqual(['congo', 'congolese', 'dominican', 'dominicans'])
  })

  it('gazetteer data: no metonym stands for two governments', () => {
    const index = new NameIndex<string>()
    for (const c of g.countries) index.add(c.metonyms, c.alpha2)
    expect([...index.ambiguous().keys()]).toEqual([])
  })

  it.each<[string, readonly { id: string }[]]>([
    ['person', g.persons], ['organization', g.organizations], ['treaty', g.treaties],
  ])('gazetteer data: every %s id is unique', (_kind, records) => {
    expect(duplicates(records.map((r) => r.id))).toEqual([])
  })

  it.each<[string, () => NameIndex<string>]>([
    ['person', () => { const i = new NameIndex<string>(); g.persons.forEach((p) => i.add([p.name, ...p.variants], p.id)); return i }],
    ['organization', () => { const i = new NameIndex<string>(); g.organizations.forEach((o) => i.add([o.name, ...o.acronyms, ...o.aliases], o.id)); return i }],
    ['treaty', () => { const i = new NameIndex<string>(); g.treaties.forEach((t) => i.add([t.name, ...t.acronyms, ...t.aliases], t.id)); return i }],
  ])('gazetteer data: no %s name means two records', (_kind, build) => {
    expect([...build().ambiguous().keys()]).toEqual([])
  })

  it('gazetteer data: every term starts no later than it ends', () => {
    expect(terms.filter((t) => t.end !== null && t.start > t.end)).toEqual([])
  })

  it('gazetteer data: no two full holders of one office overlap in one country', () => {
    const byOffice = new Map<string, OfficeTerm[]>()
    for (const t of terms.filter((t) => t.acting !== true)) {
      const key = `${t.country} ${t.office} ${t.institution ?? ''}`
      byOffice.set(key, [...(byOffice.get(key) ?? []), t])
    }
    const overlaps = [...byOffice.values()].flatMap((list) => {
      const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start))
      return sorted.slice(1).filter((t, i) => { const prev = sorted[i]!; return prev.end === null || prev.end > t.start })
        .map((t) => `${t.country} ${t.office}: ${t.person} from ${t.start}`)
    })
    expect(overlaps).toEqual([])
  })

  it('gazetteer data: every G20 member has each office filled on sample days since 2015', () => {
    const empty = G20.flatMap((country) => NATIONAL_OFFICES.flatMap((office) => sampleDays()
      .filter((day) => g.officeholdersOn(country, office, day).length === 0)
      .map((day) => `${country} ${office} ${day}`)))
    expect(empty).toEqual([])
  })

  it('gazetteer data: the EU presidents and High Representative are covered since 2015', () => {
    const empty = sampleDays().filter((day) =>
      g.officeholdersOn('EU', 'institution-president', day).length !== 2 || g.officeholdersOn('EU', 'foreign-minister', day).length !== 1)
    expect(empty).toEqual([])
  })

  it('gazetteer data: every office term and role country is a known country code or EU', () => {
    const known = new Set([...g.countries.map((c) => c.alpha2), 'EU'])
    const roles = g.persons.flatMap((p) => p.roles.map((r) => r.country)).filter((c): c is string => c !== null)
    expect([...terms.map((t) => t.country), ...roles].filter((c) => !known.has(c))).toEqual([])
  })

  it('gazetteer data: every national organisation names a known country', () => {
    const known = new Set(g.countries.map((c) => c.alpha2))
    expect(g.organizations.filter((o) => o.country !== null && !known.has(o.country)).map((o) => o.id)).toEqual([])
  })
})
