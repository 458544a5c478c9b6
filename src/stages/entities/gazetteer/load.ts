import { readFileSync } from 'node:fs'
import { DossierError } from '../../../errors.js'
import { checkSchema, type JsonSchema } from './schema.js'
import type { Country, LocalizedNames, OfficeTerm, Organization, PersonName, Role, Treaty } from './types.js'

/** The shipped data; four levels up from src/stages/entities/gazetteer/ and from dist/stages/entities/gazetteer/. */
export const DEFAULT_DATA_DIR = new URL('../../../../data/gazetteer/', import.meta.url)

/** A gazetteer file is missing, is not JSON, or does not match its schema. */
export class GazetteerDataError extends DossierError {
  readonly code = 'GAZETTEER_INVALID'
  constructor(readonly file: string, readonly problems: readonly string[]) {
    super(`${file}: ${problems.join('; ')}`)
  }
}

/** The five files as read and checked, before indexing. */
export interface GazetteerFiles {
  readonly countries: readonly Country[]
  readonly organizations: readonly Organization[]
  readonly officeholders: { readonly knowledgeCutoff: string; readonly persons: readonly PersonName[]; readonly terms: readonly OfficeTerm[] }
  readonly people: { readonly knowledgeCutoff: string; readonly people: readonly (PersonName & { readonly roles: readonly Role[] })[] }
  readonly treaties: readonly Treaty[]
  /** Names in other languages, by ISO 639-1 code. */
  readonly localized: Readonly<Record<string, LocalizedNames>>
}

export const GAZETTEER_FILES = ['countries', 'organizations', 'officeholders', 'people', 'treaties', 'localized'] as const
export type GazetteerFileName = (typeof GAZETTEER_FILES)[number]

/**
 * Reads one data file and its schema from `dir` and checks one against the other.
 *
 * @example
 * const raw = readCheckedFile(DEFAULT_DATA_DIR, 'treaties') // { treaties: [...] }
 */
export function readCheckedFile(dir: URL, name: GazetteerFileName): unknown {
  const file = `${name}.json`
  const data = readJson(new URL(file, dir), file)
  const schema = readJson(new URL(`schema/${name}.schema.json`, dir), `schema/${name}.schema.json`) as JsonSchema
  const problems = checkSchema(data, schema)
  if (problems.length > 0) throw new GazetteerDataError(file, problems)
  return data
}

/** Reads and checks every file, then checks that cross-file references resolve. */
export function readGazetteerFiles(dir: URL): GazetteerFiles {
  const files = {
    countries: (readCheckedFile(dir, 'countries') as { countries: Country[] }).countries,
    organizations: (readCheckedFile(dir, 'organizations') as { organizations: Organization[] }).organizations,
    officeholders: readCheckedFile(dir, 'officeholders') as GazetteerFiles['officeholders'],
    people: readCheckedFile(dir, 'people') as GazetteerFiles['people'],
    treaties: (readCheckedFile(dir, 'treaties') as { treaties: Treaty[] }).treaties,
    localized: (readCheckedFile(dir, 'localized') as { languages: Record<string, LocalizedNames> }).languages,
  }
  checkReferences(files)
  return files
}

function checkReferences(files: GazetteerFiles): void {
  const personIds = new Set(files.officeholders.persons.map((p) => p.id))
  const orgIds = new Set(files.organizations.map((o) => o.id))
  const termProblems = files.officeholders.terms
    .filter((t) => !personIds.has(t.person))
    .map((t) => `term of unknown person "${t.person}"`)
  if (termProblems.length > 0) throw new GazetteerDataError('officeholders.json', termProblems)
  const roleProblems = files.people.people.flatMap((p) =>
    p.roles.filter((r) => r.organization !== null && !orgIds.has(r.organization))
      .map((r) => `${p.id}: unknown organization "${r.organization}"`))
  if (roleProblems.length > 0) throw new GazetteerDataError('people.json', roleProblems)
  const parentProblems = files.organizations
    .filter((o) => o.parent !== undefined && !orgIds.has(o.parent))
    .map((o) => `${o.id}: unknown parent "${o.parent}"`)
  if (parentProblems.length > 0) throw new GazetteerDataError('organizations.json', parentProblems)
  const allPersons = new Set([...personIds, ...files.people.people.map((p) => p.id)])
  const countryCodes = new Set(files.countries.map((c) => c.alpha2))
  const treatyIds = new Set(files.treaties.map((t) => t.id))
  const localProblems = Object.entries(files.localized).flatMap(([lang, names]) => [
    ...Object.keys(names.persons).filter((id) => !allPersons.has(id)).map((id) => `${lang}: unknown person "${id}"`),
    ...Object.keys(names.countries).filter((code) => !countryCodes.has(code)).map((code) => `${lang}: unknown country "${code}"`),
    ...Object.keys(names.organizations ?? {}).filter((id) => !orgIds.has(id)).map((id) => `${lang}: unknown organization "${id}"`),
    ...Object.keys(names.treaties ?? {}).filter((id) => !treatyIds.has(id)).map((id) => `${lang}: unknown treaty "${id}"`),
  ])
  if (localProblems.length > 0) throw new GazetteerDataError('localized.json', localProblems)
}

function readJson(url: URL, label: string): unknown {
  let text: string
  try {
    text = readFileSync(url, 'utf8')
  } catch (error) {
    throw new GazetteerDataError(label, [`cannot read ${url.pathname}: ${(error as Error).message}`])
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new GazetteerDataError(label, [`not valid JSON: ${(error as Error).message}`])
  }
}
