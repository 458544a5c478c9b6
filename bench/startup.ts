/**
 * Startup: how long `import` of each library entry point takes, in fresh Node processes, beside
 * `node -e ''` (a process that imports nothing) in the same run.
 *
 *   npm run build && npm run bench:startup [-- --runs 15]
 *
 * Each run is a new process that imports the built package by its own name (`dossier/reader`
 * resolves through package.json "exports", as it does for a user) and prints how long the import
 * took, in wall time (performance.now() around it) and in CPU time (process.cpuUsage() around it:
 * the work done, which waiting for a core on a busy machine does not inflate); the wall time of
 * the whole process is taken around the spawn. Entry points take turns run by run, so a burst of load on the machine falls on all of
 * them. Medians of the runs are printed with the ratio to the baseline process.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { printTable, ratio } from './lib/table.js'

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' } } })
const RUNS = Number(args.runs)
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
/** The goal of issue 16 for `import 'dossier/reader'`, in milliseconds. */
const GOAL_READER_MS = 200
const ENTRIES = ['dossier/reader', 'dossier/annotate', 'dossier/store', 'dossier/server', 'dossier'] as const

if (!existsSync(join(ROOT, 'dist/entries/reader.js'))) {
  console.error('bench:startup measures the built package: run `npm run build` first (dist/entries/reader.js is missing).')
  process.exit(1)
}

interface Run { readonly importMs: number; readonly cpuMs: number; readonly wallMs: number }

function runOnce(entry: string | null): Run {
  const code = entry === null ? '' : [
    'const t = performance.now(); const c = process.cpuUsage()',
    `await import(${JSON.stringify(entry)})`,
    'const used = process.cpuUsage(c); process.stdout.write(JSON.stringify([performance.now() - t, (used.user + used.system) / 1000]))',
  ].join('\n')
  const start = process.hrtime.bigint()
  const child = spawnSync(process.execPath, entry === null ? ['-e', ''] : ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' })
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  if (child.status !== 0) throw new Error(`import ${entry} failed: ${child.stderr}`)
  const [importMs, cpuMs] = entry === null ? [0, 0] : (JSON.parse(child.stdout) as [number, number])
  return { importMs, cpuMs, wallMs }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const runs = new Map<string, Run[]>([['baseline', []], ...ENTRIES.map((e) => [e, []] as [string, Run[]])])
runOnce('dossier/reader') // warm the file cache once, unmeasured
for (let i = 0; i < RUNS; i++) {
  runs.get('baseline')!.push(runOnce(null))
  for (const entry of ENTRIES) runs.get(entry)!.push(runOnce(entry))
}

const baseWall = median(runs.get('baseline')!.map((r) => r.wallMs))
const rows = [...runs].map(([name, list]) => {
  const importMs = median(list.map((r) => r.importMs))
  const cpuMs = median(list.map((r) => r.cpuMs))
  const wallMs = median(list.map((r) => r.wallMs))
  const base = name === 'baseline'
  return [base ? "node -e '' (baseline)" : `import '${name}'`, base ? '-' : importMs, base ? '-' : cpuMs, wallMs, ratio(wallMs, baseWall), base ? '-' : wallMs - baseWall]
})
printTable(`Startup: medians of ${RUNS} fresh processes each (Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`,
  ['entry point', 'import wall (ms)', 'import CPU (ms)', 'process wall (ms)', 'wall vs baseline', 'wall over baseline (ms)'], rows)
const reader = runs.get('dossier/reader')!
const [wall, cpu] = [median(reader.map((r) => r.importMs)), median(reader.map((r) => r.cpuMs))]
console.log(`\nimport 'dossier/reader': ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU; goal under ${GOAL_READER_MS} ms: ${wall < GOAL_READER_MS ? 'met' : cpu < GOAL_READER_MS ? 'met in CPU time, missed in wall time on this loaded machine' : 'missed'}`)
