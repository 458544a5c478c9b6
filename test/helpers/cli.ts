import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const SHARED = resolve(REPO_ROOT, '../shared')

/** The real corpora live beside the repo; on a user's machine they are absent and e2e tests skip. */
export function sharedAvailable(what: string): boolean {
  if (existsSync(SHARED)) return true
  console.log(`skipping ${what}: ${SHARED} is absent (the shared corpora are only on the project's machines)`)
  return false
}

export interface CliRun { readonly code: number; readonly stdout: string; readonly stderr: string }

/** Runs the real `dossier` command (from source, through tsx) and captures its output. */
export function runCli(args: readonly string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const out = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/bin.ts'), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 1 << 28,
  })
  return { code: out.status ?? -1, stdout: out.stdout, stderr: out.stderr }
}
