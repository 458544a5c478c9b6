import { spawn } from 'node:child_process'
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

/**
 * Runs the real `dossier` command (from source, through tsx) and captures its output. Asynchronous,
 * so the test worker stays responsive while the command runs (a blocked worker misses vitest's own
 * messages and the run fails with "Timeout calling onTaskUpdate").
 */
export function runCli(args: readonly string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/bin.ts'), ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }))
    child.stdin.on('error', () => {}) // a command that exits without reading its input
    child.stdin.end(options.input ?? '')
  })
}
