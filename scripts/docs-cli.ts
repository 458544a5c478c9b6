// `npm run docs:cli`: writes the README's command line synopsis and reference from src/cli/spec.ts.
import { readFileSync, writeFileSync } from 'node:fs'
import { updateReadme } from '../src/cli/reference.js'

const path = new URL('../README.md', import.meta.url)
const before = readFileSync(path, 'utf8')
const after = updateReadme(before)
writeFileSync(path, after)
console.error(after === before ? 'README.md: the command line reference was current' : 'README.md: command line reference written')
