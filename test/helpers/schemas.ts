import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import type { RecordKind } from '../../src/api/export.js'
import type { CorpusRecordKind } from '../../src/api/export-corpus.js'
import { REPO_ROOT } from './cli.js'

/** The schema file (`schema/<name>.schema.json`) each export kind's records follow. */
export const SCHEMA_OF: Record<RecordKind | CorpusRecordKind, string> = {
  articles: 'article', entities: 'entity', quotes: 'quote', claims: 'claim', events: 'event', times: 'time',
  stories: 'story', facts: 'fact', conflicts: 'conflict', timelines: 'timeline',
}

let ajv: Ajv2020 | undefined

/**
 * The validator of one of the repo's JSON Schemas by name, every schema loaded once (strict, so
 * a schema with an unknown keyword fails the test that loads it).
 *
 * @example
 * const validate = schemaNamed(SCHEMA_OF.quotes)
 * expect(validate(record), JSON.stringify(validate.errors)).toBe(true)
 */
export function schemaNamed(name: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: true })
    const folder = join(REPO_ROOT, 'schema')
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.schema.json'))) {
      ajv.addSchema(JSON.parse(readFileSync(join(folder, file), 'utf8')) as object)
    }
  }
  const validate = ajv.getSchema(`https://dossier.invalid/schema/${name}.schema.json`)
  if (!validate) throw new Error(`no schema named ${name} in schema/`)
  return validate
}
