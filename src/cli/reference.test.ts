import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../test/helpers/cli.js'
import { renderReference, renderSynopsis, updateReadme } from './reference.js'
import { COMMANDS } from './spec.js'

describe('the README command line reference', () => {
  it('docs:cli: the README holds the reference made from the option table (run `npm run docs:cli` when this fails)', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
    expect(updateReadme(readme) === readme).toBe(true)
  })

  it('docs:cli: every command and every option is in it, with its default and choices', () => {
    const reference = renderReference()
    for (const spec of Object.values(COMMANDS)) {
      expect(reference).toContain(`#### dossier ${spec.name}\n`)
      expect(renderSynopsis()).toContain(`dossier ${spec.name}`)
    }
    expect(reference).toContain('| `--order <order>` | `top` | top: most outlets first; recent: latest event first; one of `top`, `recent` |')
  })

  it('docs:cli: a README without the markers is refused, naming them', () => {
    expect(() => updateReadme('# Dossier\n')).toThrow(/lacks the synopsis markers/)
  })
})
