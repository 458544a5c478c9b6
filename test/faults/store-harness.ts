import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import { unpackJson, unpackLayers, unpackText } from '../../src/store/sqlite/packed.js'
import { REPO_ROOT } from '../helpers/cli.js'

/**
 * The example corpus as one flat folder of inputs (every format the examples hold: text, HTML,
 * feeds, JSONL, WARC, gzip, a legacy charset), so the CLI and an upload read the same files.
 */
export function exampleCorpus(dir: string): { readonly dir: string; readonly files: readonly string[] } {
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  const walk = (from: string): void => {
    for (const name of readdirSync(from)) {
      const path = join(from, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (!/\.(md|ts)$/.test(name)) {
        copyFileSync(path, join(dir, basename(path)))
        files.push(join(dir, basename(path)))
      }
    }
  }
  walk(join(REPO_ROOT, 'examples'))
  return { dir, files: files.sort() }
}

/**
 * Starts the real `dossier` command as this process's own child (node --import tsx, not the tsx
 * CLI, whose grandchild a SIGKILL would miss), its output collected.
 */
export function startCli(args: readonly string[], wrapper: readonly string[] = []): { child: ChildProcess; output: () => { stdout: string; stderr: string }; exit: Promise<number | null> } {
  // A wrapper (`ip netns exec NAME`) runs the command inside it; it execs, so the pid is still the CLI's.
  const command = [...wrapper, process.execPath, '--import', 'tsx', join(REPO_ROOT, 'src/cli/bin.ts'), ...args]
  const child = spawn(command[0]!, command.slice(1), {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  return { child, output: () => ({ stdout, stderr }), exit }
}

/**
 * Everything the story step and the pipeline stored, in a form two stores can be compared by:
 * documents with their layers, the entity index, stories (without their write time), members,
 * checks, threads, counters, term frequencies and signatures. Ids are content hashes, so the same
 * inputs give the same rows whichever run wrote them.
 */
export function storeContent(path: string): Record<string, unknown> {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const all = (sql: string): unknown[] => db.prepare(sql).all()
    return {
      documents: all('SELECT id, blob_sha256, record, url, title, published, publisher, language, chars FROM documents ORDER BY id'),
      layers: (all('SELECT id, source, layers FROM documents ORDER BY id') as Array<{ id: string; source: Buffer; layers: Buffer }>)
        .map((d) => ({ id: d.id, layers: unpackLayers(d.layers, unpackText(d.source)) })),
      entityIndex: all('SELECT * FROM entity_index ORDER BY entity_id, document_id'),
      stories: (all('SELECT id, title, event_date, sort_date, articles, outlets, thread, window_from, window_to, json, state FROM stories ORDER BY id') as Array<{ json: Buffer; state: Buffer }>)
        .map((s) => ({ ...s, json: withoutWriteTimes(JSON.parse(unpackJson(s.json))), state: JSON.parse(unpackJson(s.state)) as unknown })),
      members: all('SELECT * FROM story_members ORDER BY document_id'),
      checks: (all('SELECT story_id, json FROM story_checks ORDER BY story_id') as Array<{ json: Buffer }>).map((c) => ({ ...c, json: JSON.parse(unpackJson(c.json)) as unknown })),
      actors: all('SELECT * FROM story_actors ORDER BY story_id, entity_id'),
      threads: (all('SELECT id, stories, json FROM threads ORDER BY id') as Array<{ json: string }>).map((t) => ({ ...t, json: withoutWriteTimes(JSON.parse(t.json)) })),
      counters: all('SELECT * FROM story_counters ORDER BY name'),
      terms: all('SELECT * FROM term_frequencies ORDER BY term'),
      signatures: all('SELECT document_id, hex(signature) AS signature FROM minhash_signatures ORDER BY document_id'),
      bands: all('SELECT * FROM minhash_bands ORDER BY document_id, band_key'),
    }
  } finally {
    db.close()
  }
}

function withoutWriteTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWriteTimes)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'updatedAt').map(([k, v]) => [k, withoutWriteTimes(v)]))
}
