// Copies the web app's static files next to its compiled modules:
// src/web/index.html → <out>/index.html, src/web/style.css → <out>/app/style.css.
// Usage: node scripts/copy-web-assets.mjs [outDir]   (default: dist/web)
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const out = resolve(process.argv[2] ?? join(root, 'dist/web'))
const ASSETS = [
  ['src/web/index.html', 'index.html'],
  ['src/web/style.css', 'app/style.css'],
]

for (const [from, to] of ASSETS) {
  const target = join(out, to)
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(join(root, from), target)
}
process.stdout.write(`web assets: ${ASSETS.length} files copied to ${out}\n`)
