import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// What each entry point loads on import: its static import graph, read from the sources (dynamic
// `import()` and `createRequire` loads happen on first use, not on import). bench:startup measures
// the time; this holds the boundary that time depends on.
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm

function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (files.has(file)) return
    files.add(file)
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')))
      else if (!spec!.startsWith('node:')) packages.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!)
    }
  }
  visit(join(SRC, entry))
  return { files: new Set([...files].map((f) => relative(SRC, f))), packages }
}

describe('entry points load only what their callers use', () => {
  it('dossier/reader: no annotation stage, store, server, language library or charset detector', () => {
    const { files, packages } = staticGraph('entries/reader.ts')
    const heavy = [...files].filter((f) => /^(stages\/(sentences|times|entities|quotes|claims|events)|store|http|web|language)\//.test(f))
    expect(heavy).toEqual([])
    for (const p of ['compromise', 'chrono-node', 'better-sqlite3', 'hono', 'undici', 'chardet', 'iconv-lite', 'fast-xml-parser']) expect(packages).not.toContain(p)
  })

  it('dossier/annotate: the stages, without a store or server', () => {
    const { files, packages } = staticGraph('entries/annotate.ts')
    expect([...files].some((f) => f.startsWith('stages/quotes/'))).toBe(true)
    expect([...files].filter((f) => /^(store|http|web)\//.test(f))).toEqual([])
    for (const p of ['better-sqlite3', 'hono', 'pg']) expect(packages).not.toContain(p)
  })
})
