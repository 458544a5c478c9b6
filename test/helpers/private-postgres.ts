import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** PostgreSQL's programs, when the server is installed the Debian way (`/usr/lib/postgresql/<v>/bin`). */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const version = readdirSync(root).sort().at(-1)
  const bin = version === undefined ? undefined : join(root, version, 'bin')
  return bin !== undefined && existsSync(join(bin, 'pg_ctl')) ? bin : undefined
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface PrivatePostgres {
  readonly url: string
  /** Restarts the server (fast shutdown: every session is cut), waiting until it answers again. */
  restart(): void
  stop(): void
}

/**
 * A PostgreSQL server of the test's own (initdb in a temporary folder, a free port on loopback), so
 * a test may restart it mid-run without cutting the sessions of every other test on the machine's
 * shared server. Needs the server's programs and root (to run them as `postgres`); otherwise
 * undefined, with the reason printed.
 */
export async function startPrivatePostgres(what: string): Promise<PrivatePostgres | undefined> {
  const bin = postgresBin()
  const skip = (reason: string): undefined => {
    console.log(`skipping ${what}: ${reason}`)
    return undefined
  }
  if (bin === undefined) return skip('the PostgreSQL server programs (/usr/lib/postgresql/<version>/bin) are not installed')
  if (process.getuid?.() !== 0) return skip('starting a private PostgreSQL server needs root (to run initdb as the postgres user)')
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pg-'))
  chmodSync(dir, 0o700)
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
  chownSync(dir, uid, gid)
  const port = await freePort()
  const asPostgres = (program: string, args: readonly string[]): void => {
    execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { stdio: 'pipe' })
  }
  const data = join(dir, 'data')
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start'])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-m', 'fast', '-w', 'restart']),
    stop: () => {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
